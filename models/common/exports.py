"""CSV and XLSX exports, with cells that could start a spreadsheet formula neutralised."""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MIMETYPES = {
    "csv": "text/csv",  # Flask adds "; charset=utf-8" to text types itself (once)
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def neutralise(value):
    """Prefix text that a spreadsheet would run as a formula with a quote (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if hasattr(value, "value") and not isinstance(value, (date, datetime, Decimal)):
        value = value.value  # enums
    return neutralise(value)


def to_csv(headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """A UTF-8 CSV (with BOM, so Excel reads the accents) using ';' as Dutch Excel expects."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([neutralise(h) for h in headers])
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(headers: Sequence[str], rows: Iterable[Sequence], title: str = "Export") -> bytes:
    """An XLSX workbook with one sheet; dates stay dates, numbers stay numbers."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    # Excel refuses a sheet name with a colon, slash, backslash, ?, *, [ or ], or over 31 characters.
    sheet = workbook.create_sheet(title=re.sub(r"[:\\/?*\[\]]", " ", title).strip()[:31] or "Export")
    sheet.append([neutralise(h) for h in headers])
    for row in rows:
        sheet.append([_cell(v) if not isinstance(v, (int, float, Decimal, date)) or isinstance(v, bool)
                      else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export(fmt: str, headers: Sequence[str], rows: Iterable[Sequence], title: str = "Export") -> tuple[bytes, str]:
    """Return (content, mimetype) for ``fmt`` 'csv' or 'xlsx'; raises ValueError for others."""
    if fmt == "csv":
        return to_csv(headers, rows), MIMETYPES["csv"]
    if fmt == "xlsx":
        return to_xlsx(headers, rows, title), MIMETYPES["xlsx"]
    raise ValueError(f"unknown export format {fmt!r}; choose csv or xlsx")
