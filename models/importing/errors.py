"""The error an import raises: every problem found in the file, each with its path."""
from __future__ import annotations

MAX_REPORTED = 1000


class ImportFailed(Exception):
    """The file was refused; nothing was written. ``errors`` are "path: message" strings."""

    def __init__(self, errors: list[str], total: int | None = None):
        self.errors = errors
        self.total = total if total is not None else len(errors)
        super().__init__(f"{self.total} error(s) in import file")

    def lines(self) -> list[str]:
        """The errors as printable lines, with a closing line when some were left out."""
        out = list(self.errors)
        if self.total > len(self.errors):
            out.append(f"... and {self.total - len(self.errors)} more errors")
        return out


class ErrorList:
    """Collects errors up to a cap while still counting all of them."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.total = 0

    def add(self, path: str, message: str) -> None:
        self.total += 1
        if len(self.items) < MAX_REPORTED:
            self.items.append(f"{path}: {message}" if path else message)

    def __bool__(self) -> bool:
        return self.total > 0
