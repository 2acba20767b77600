"""Errors that domain operations raise for bad input; views turn them into form messages."""
from __future__ import annotations


class InvalidInput(Exception):
    """Input that breaks a rule; ``errors`` maps a field name (or path) to a readable message."""

    def __init__(self, errors: dict[str, str] | list[str]):
        self.errors = errors
        super().__init__("; ".join(errors.values() if isinstance(errors, dict) else errors))


class Conflict(Exception):
    """Someone else saved the record since it was loaded (optimistic locking)."""

    def __init__(self, changed_by: str | None, changed_at):
        self.changed_by = changed_by
        self.changed_at = changed_at
        super().__init__(f"changed by {changed_by} at {changed_at}")
