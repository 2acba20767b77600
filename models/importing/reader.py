"""Streaming the import file: one record at a time, so memory does not grow with the file."""
from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

import ijson

LISTS = ("employers", "vacancies", "candidates")


class NotJson(Exception):
    """The file is not a JSON document (or not UTF-8)."""


@dataclass(frozen=True)
class Item:
    """One thing found at the top level of the document."""

    kind: str  # "field" (a top-level key and its value), "record", "not_a_list"
    key: str
    index: int = -1
    value: Any = None


def _skip_bom(fp: BinaryIO) -> None:
    head = fp.read(4)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or head.startswith(
        (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
    ):
        raise NotJson("the file must be encoded as UTF-8 (it looks like UTF-16 or UTF-32)")
    fp.seek(3 if head.startswith(codecs.BOM_UTF8) else 0)


def _build(events, event: str, value: Any) -> Any:
    """Assemble the value that starts with (event, value) from the remaining events."""
    if event not in ("start_map", "start_array"):
        return value
    builder = ijson.ObjectBuilder()
    builder.event(event, value)
    depth = 1
    for _prefix, ev, val in events:
        builder.event(ev, val)
        if ev in ("start_map", "start_array"):
            depth += 1
        elif ev in ("end_map", "end_array"):
            depth -= 1
            if depth == 0:
                return builder.value
    raise NotJson("the file ends in the middle of a value")


def _skip(events, event: str) -> None:
    """Consume the value that starts with ``event`` without building it."""
    depth = 1 if event in ("start_map", "start_array") else 0
    while depth:
        _p, ev, _v = next(events)
        if ev in ("start_map", "start_array"):
            depth += 1
        elif ev in ("end_map", "end_array"):
            depth -= 1


def iter_items(fp: BinaryIO, only: str | None = None) -> Iterator[Item]:
    """Yield the top-level fields and, for the three lists, each record separately.

    With ``only``, records of other lists are skipped without being built.
    Raises NotJson for syntax errors or an encoding that is not UTF-8.
    """
    _skip_bom(fp)
    events = ijson.parse(fp, use_float=False)
    try:
        _p, event, _v = next(events)
        if event != "start_map":
            raise NotJson("the file must contain one JSON object ({...}) at the top level")
        for prefix, event, value in events:
            if prefix == "" and event == "end_map":
                return
            if event != "map_key":
                raise NotJson("unexpected structure at the top level")
            key = value
            _p, event, value = next(events)
            if key in LISTS and event == "start_array":
                yield from _iter_list(events, key, only)
            elif key in LISTS:
                _build(events, event, value)
                yield Item("not_a_list", key)
            else:
                yield Item("field", key, value=_build(events, event, value))
    except ijson.JSONError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else "syntax error"
        raise NotJson(f"the file is not valid JSON ({first_line})") from None
    except UnicodeDecodeError:
        raise NotJson("the file must be encoded as UTF-8") from None
    except StopIteration:
        raise NotJson("the file ends too early") from None


def _iter_list(events, key: str, only: str | None) -> Iterator[Item]:
    index = 0
    for _prefix, event, value in events:
        if event == "end_array":
            return
        if only is not None and only != key:
            _skip(events, event)
        else:
            yield Item("record", key, index, _build(events, event, value))
        index += 1
