"""Deterministic, fictitious demo data: a werkbrug-import/1 document and the activity around it."""
from seed.demo.activity import generate_activity
from seed.demo.dates import REFERENCE_DATE
from seed.demo.importfile import generate_import, write_import_file
from seed.demo.people import iter_candidates

__all__ = ["REFERENCE_DATE", "generate_activity", "generate_import", "iter_candidates", "write_import_file"]
