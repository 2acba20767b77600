"""The werkbrug-import/1 importer: validate the whole file, then upsert it in one transaction."""
from .errors import ImportFailed
from .run import ImportResult, resolve_organisation, run_import

__all__ = ["ImportFailed", "ImportResult", "resolve_organisation", "run_import"]
