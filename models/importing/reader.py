"""Streaming the import file: one record at a time, so memory does not grow with the file.

Hostile files must not crash or stall the process, so the stream is checked while it is read:
- yajl parses numbers natively (``use_float=True``): a whole number beyond 64 bits is refused by
  the parser itself, never converted through Python's ``int`` (4,301 digits crashed the C backend);
  fractions arrive as floats and are handed on as ``Decimal`` (the schema has only whole numbers);
- events come from ``basic_parse`` (no prefix strings, which made deep nesting quadratic) and the
  nesting depth is limited to MAX_DEPTH while streaming;
- NUL, lone surrogates and non-characters in any string, bidi controls in names, and anything after
  the closing brace are refused with the path of the value.
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, BinaryIO

import ijson

LISTS = ("employers", "vacancies", "candidates")
# The format needs four levels (document, list, record, list of texts); a few more are tolerated.
MAX_DEPTH = 8
# Record fields that hold a name or a title: shown in lists, where bidi controls could disguise them.
NAME_FIELDS = frozenset({"name", "first_name", "last_name", "title", "occupation", "contact_name", "city"})

_UNSAFE = re.compile("[\x00\ufffe\uffff]")
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BACKSLASHES = re.compile(rb"\\+")
_HEX4 = re.compile(rb"u([0-9a-fA-F]{4})")
# A lone surrogate escape is rewritten to this escape of the same length, so the string check
# below finds it with its path (yajl itself would silently turn it into "?").
_MARK = b"uffff"


class NotJson(Exception):
    """The file is not a JSON document (or not UTF-8), or breaks a limit of the reader.

    ``path`` names the value where that was found ("" for the document as a whole).
    """

    def __init__(self, message: str, path: str = ""):
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class Item:
    """One thing found at the top level of the document."""

    kind: str  # "field" (a top-level key and its value), "record", "not_a_list"
    key: str
    index: int = -1
    value: Any = None
    fraction: bool = False  # the value holds a number with a fraction (a Decimal)


def excerpt(text: str, limit: int = 40) -> str:
    """A short, printable quotation of ``text`` for an error message."""
    text = text if len(text) <= limit else text[: limit - 3] + "..."
    return repr(text)


class _SurrogateGuard:
    """A file wrapper that marks lone ``\\uD800``–``\\uDFFF`` escapes before yajl sees them."""

    def __init__(self, fp: BinaryIO):
        self._fp = fp
        self._carry = b""

    def read(self, size: int = 65536) -> bytes:
        while True:
            data = self._fp.read(size)
            buf = self._carry + data
            if not data:  # end of file: everything left is checked and handed on
                self._carry = b""
                return self._mark(bytearray(buf), len(buf), eof=True)
            out = self._mark(bytearray(buf), len(buf), eof=False)
            if out:
                return out

    def _mark(self, buf: bytearray, end: int, eof: bool) -> bytes:
        """Mark lone surrogates in ``buf``; keep back a tail that needs the next chunk to decide."""
        cut = end
        skip_to = 0
        for run in _BACKSLASHES.finditer(buf):
            if run.start() < skip_to:
                continue
            if not eof and run.end() + 12 > end:
                cut = run.start()  # decide with more data
                break
            if len(run.group()) % 2 == 0:
                continue  # escaped backslashes only
            hexed = _HEX4.match(buf, run.end())
            if hexed is None:
                continue
            unit = int(hexed.group(1), 16)
            if 0xD800 <= unit <= 0xDBFF:
                low = _HEX4.match(buf, run.end() + 6) if buf[run.end() + 5:run.end() + 6] == b"\\" else None
                if low is not None and 0xDC00 <= int(low.group(1), 16) <= 0xDFFF:
                    skip_to = run.end() + 11  # a proper pair: leave it alone
                    continue
                buf[run.end():run.end() + 5] = _MARK
            elif 0xDC00 <= unit <= 0xDFFF:
                buf[run.end():run.end() + 5] = _MARK
        self._carry = bytes(buf[cut:])
        return bytes(buf[:cut])


class _Events:
    """The parser's events with the depth limit and the string checks applied."""

    def __init__(self, fp: BinaryIO):
        self._events = ijson.basic_parse(_SurrogateGuard(fp), use_float=True)
        self.depth = 0
        self.record = ""  # path of the record being read, e.g. "candidates[3]"
        self.key: str | None = None  # the last key at the record's level or above
        self.fractions = 0  # numbers with a fraction read so far

    def path(self) -> str:
        if self.depth == 0:
            return ""
        if self.record:
            return f"{self.record}.{self.key}" if self.key is not None and self.depth >= 3 else self.record
        return self.key or ""

    def __iter__(self):
        return self

    def __next__(self) -> tuple[str, Any]:
        event, value = next(self._events)
        if event == "start_map" or event == "start_array":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise NotJson(f"is nested more than {MAX_DEPTH} levels deep", self.path())
        elif event == "end_map" or event == "end_array":
            self.depth -= 1
        elif event == "string":
            self._check_text(value, name=self.depth == 3 and self.key in NAME_FIELDS)
        elif event == "map_key":
            self._check_text(value, name=False, key=True)
            if self.depth <= 3:
                self.key = value
        elif event == "number" and isinstance(value, float):
            self.fractions += 1
            value = Decimal(repr(value))  # not a whole number: the schema check names it
        return event, value

    def _check_text(self, text: str, name: bool, key: bool = False) -> None:
        what = "field name" if key else "text"
        if _UNSAFE.search(text):
            raise NotJson(f"the {what} {excerpt(text)} contains a character that is not allowed "
                          "(NUL, a lone surrogate or a non-character)", self.path())
        if name and _BIDI.search(text):
            raise NotJson(f"{excerpt(text)} contains a direction control character (such as U+202E); "
                          "names may not contain these", self.path())


def _skip_bom(fp: BinaryIO) -> None:
    head = fp.read(4)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or head.startswith(
        (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
    ):
        raise NotJson("the file must be encoded as UTF-8 (it looks like UTF-16 or UTF-32)")
    fp.seek(3 if head.startswith(codecs.BOM_UTF8) else 0)


def _build(events: _Events, event: str, value: Any) -> Any:
    """Assemble the value that starts with (event, value) from the remaining events.

    The same checks as ``_Events`` on every event, in one loop over the parser's own events:
    this is most of the reading, and a call per event through ``_Events`` cost three times as much.
    """
    if event not in ("start_map", "start_array"):
        return value
    raw, unsafe, bidi = events._events, _UNSAFE.search, _BIDI.search
    depth = events.depth  # already counts the container that ``event`` opens
    base = depth - 1
    current: Any = {} if event == "start_map" else []
    is_map, key = event == "start_map", None
    stack: list[tuple[Any, bool, Any]] = []
    try:
        for ev, val in raw:
            if ev == "string":
                if unsafe(val) or (depth == 3 and events.key in NAME_FIELDS and bidi(val)):
                    events.depth = depth
                    events._check_text(val, name=depth == 3 and events.key in NAME_FIELDS)
            elif ev == "map_key":
                if depth <= 3:
                    events.key = val
                if unsafe(val):
                    events.depth = depth
                    events._check_text(val, name=False, key=True)
                key = val
                continue
            elif ev == "start_map" or ev == "start_array":
                depth += 1
                if depth > MAX_DEPTH:
                    events.depth = depth
                    raise NotJson(f"is nested more than {MAX_DEPTH} levels deep", events.path())
                val = {} if ev == "start_map" else []
                if is_map:
                    current[key] = val
                else:
                    current.append(val)
                stack.append((current, is_map, key))
                current, is_map, key = val, ev == "start_map", None
                continue
            elif ev == "end_map" or ev == "end_array":
                depth -= 1
                if depth == base:
                    return current
                current, is_map, key = stack.pop()
                continue
            elif ev == "number" and isinstance(val, float):
                events.fractions += 1
                val = Decimal(repr(val))  # not a whole number: the schema check names it
            if is_map:
                current[key] = val
            else:
                current.append(val)
    finally:
        events.depth = depth
    raise NotJson("the file ends in the middle of a value")


def _skip(events: _Events, event: str) -> None:
    """Consume the value that starts with ``event`` without building it."""
    depth = 1 if event in ("start_map", "start_array") else 0
    while depth:
        ev, _v = next(events)
        if ev in ("start_map", "start_array"):
            depth += 1
        elif ev in ("end_map", "end_array"):
            depth -= 1


_PARSER_MESSAGES = {
    "integer overflow": "a number is too long (whole numbers here have at most a few digits)",
    "numeric (floating point) overflow": "a number is too large",
    "trailing garbage": "there is data after the closing brace of the document",
}


def iter_items(fp: BinaryIO, only: str | None = None) -> Iterator[Item]:
    """Yield the top-level fields and, for the three lists, each record separately.

    With ``only``, records of other lists are skipped without being built.
    Raises NotJson for syntax errors, an encoding that is not UTF-8 and the reader's limits.
    """
    _skip_bom(fp)
    events = _Events(fp)
    try:
        event, _v = next(events)
        if event != "start_map":
            raise NotJson("the file must contain one JSON object ({...}) at the top level")
        for event, value in events:
            if events.depth == 0 and event == "end_map":
                for _extra in events:  # yajl reports anything but white space after the document
                    raise NotJson(_PARSER_MESSAGES["trailing garbage"])
                return
            if event != "map_key":
                raise NotJson("unexpected structure at the top level")
            key = value
            event, value = next(events)
            if key in LISTS and event == "start_array":
                yield from _iter_list(events, key, only)
            elif key in LISTS:
                _build(events, event, value)
                yield Item("not_a_list", key)
            else:
                yield Item("field", key, value=_build(events, event, value))
    except ijson.JSONError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else "syntax error"
        reason = first_line.removeprefix("parse error: ").strip()
        if reason in _PARSER_MESSAGES:
            raise NotJson(_PARSER_MESSAGES[reason], events.path()) from None
        raise NotJson(f"the file is not valid JSON ({excerpt(first_line, 80)})", events.path()) from None
    except UnicodeDecodeError:
        raise NotJson("the file must be encoded as UTF-8", events.path()) from None
    except StopIteration:
        raise NotJson("the file ends too early") from None


def _iter_list(events: _Events, key: str, only: str | None) -> Iterator[Item]:
    index = 0
    for event, value in events:
        if event == "end_array":
            events.record = ""
            return
        events.record = f"{key}[{index}]"
        if only is not None and only != key:
            _skip(events, event)
        else:
            before = events.fractions
            value = _build(events, event, value)
            yield Item("record", key, index, value, events.fractions > before)
        index += 1
    events.record = ""
