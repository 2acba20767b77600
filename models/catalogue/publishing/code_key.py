"""The key profile codes of drafts are drawn with (draft.draft_code), set once by create_app.

Its own small module: create_app sets it without importing the privacy check at every start."""
from __future__ import annotations

import hashlib
import hmac

_key: bytes | None = None


def set_key(secret_key: str | bytes | None) -> None:
    """Derive the key from the installation's SECRET_KEY (never the key itself); None or empty: no key."""
    global _key
    raw = secret_key.encode() if isinstance(secret_key, str) else bytes(secret_key or b"")
    _key = hmac.new(raw, b"werkbrug profile code v1", hashlib.sha256).digest() if raw else None


def get() -> bytes | None:
    return _key
