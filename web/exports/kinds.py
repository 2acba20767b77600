"""The exportable lists, registered by their areas, and making one list's file (in the request or the worker)."""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from models.common import exports


@dataclass(frozen=True)
class Made:
    """One export's content before it becomes a file, and what the audit event records about it."""

    headers: Sequence[str]
    rows: list[Sequence]
    title: str
    filename: str
    details: dict


@dataclass(frozen=True)
class Kind:
    """A list that can be exported: its capability, how many rows the filters give, and how to make it.

    ``count`` and ``make`` take the session, the organisation id and the list page's query string.
    """

    capability: str
    count: Callable[[Session, int, Mapping[str, str]], int]
    make: Callable[[Session, int, Mapping[str, str], str], Made]


KINDS: dict[str, Kind] = {}


def register_kind(name: str, kind: Kind) -> None:
    KINDS[name] = kind


def content_of(made: Made, fmt: str) -> tuple[bytes, str]:
    """The file (formula-neutralised cells, as every export) and its MIME type."""
    return exports.export(fmt, made.headers, made.rows, title=made.title)
