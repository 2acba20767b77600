"""The error a request meets when the organisation's matcher index has no snapshot yet (a job builds it).

Its own module so that the matches blueprint can register its handler without importing the index."""
from __future__ import annotations


class IndexNotReady(LookupError):
    """No usable snapshot of the organisation's index yet: it is being built (by a job)."""

    def __init__(self, organisation_id: int, reason: str = "no snapshot yet") -> None:
        super().__init__(f"organisation {organisation_id}: {reason}")
        self.organisation_id = organisation_id
        self.reason = reason
