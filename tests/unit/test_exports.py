"""Exports: formula injection is neutralised in CSV and XLSX."""
import io

from openpyxl import load_workbook

from models.common.exports import export, neutralise


def test_cells_that_start_a_formula_are_neutralised():
    for hostile in ("=HYPERLINK(\"http://x\")", "+31 6", "-2+3", "@SUM(A1)", "\tx"):
        assert neutralise(hostile).startswith("'")
    assert neutralise("Bakkerij") == "Bakkerij" and neutralise(5) == 5


def test_csv_export_uses_semicolons_bom_and_neutralises():
    content, mimetype = export("csv", ["Naam", "Plaats"], [["=1+1", "Dronten"], [None, True]])
    text = content.decode("utf-8")
    assert text.startswith("\ufeffNaam;Plaats")
    assert "'=1+1;Dronten" in text and ";ja" in text
    assert mimetype.startswith("text/csv")


def test_xlsx_export_keeps_numbers_and_neutralises_text():
    content, _ = export("xlsx", ["Naam", "Aantal"], [["@cmd", 3]], title="Werkgevers")
    sheet = load_workbook(io.BytesIO(content)).active
    assert [c.value for c in sheet[2]] == ["'@cmd", 3]
