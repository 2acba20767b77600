"""Small cells on the council report: a hidden count never follows from the total and the other rows
(secondary suppression), on the page and in its download; the threshold and the page's words agree."""
import csv
import io
from datetime import date

from models.enums import ContractType, Role
from models.reports import Bar, Figure
from models.reports.disclosure import disclose
from tests.placement_fixtures import page_text

BASE = "/beheer/rapportages"
Q = "periode=year&jaar=2026"


def _plain(value, unit="aantal"):
    return str(value)


def _shown(*values, overlap=()):
    figure = Figure("f", "F", total_label="Totaal", bars=[
        Bar(f"r{i}", v, overlap=i in overlap) for i, v in enumerate(values)])
    return disclose(figure, 5, _plain)


def test_one_small_row_hides_the_next_smallest_too():
    shown = _shown(10, 1)
    assert (shown.values, shown.total, shown.secondary) == (("×", "<5"), "11", True)


def test_the_hidden_rows_together_are_no_small_number():
    # 1 + 1 = 2 says both rows are 1: the 20 goes too; with 3 + 4 = 7 two hidden rows are enough
    assert _shown(1, 1, 20).values == ("<5", "<5", "×")
    assert _shown(3, 4, 20, 30).values == ("<5", "<5", "20", "30")
    assert _shown(1, 8, 9, 30).values == ("<5", "×", "9", "30")


def test_zero_and_the_threshold_itself_are_shown_and_nothing_is_hidden_without_a_small_row():
    assert _shown(0, 5, 12).values == ("0", "5", "12")
    assert _shown(4, 0, 12).values == ("<5", "0", "×")
    assert _shown(4, 12, overlap=(0,)).values == ("<5", "12")  # a 'waarvan' row is no part of the total


def _contracts(make_placement, temporary: int, permanent: int, statushouders: int = 0):
    for i in range(temporary):
        make_placement(start_date=date(2026, 3, 2), target_group="participatiewet", statushouder=i < statushouders)
    for _ in range(permanent):
        make_placement(start_date=date(2026, 3, 2), contract_type=ContractType.PERMANENT, target_group="ww")


def test_council_page_and_download_never_let_a_reader_work_out_a_small_row(client, as_role, make_placement):
    _contracts(make_placement, temporary=10, permanent=1)
    as_role(Role.COORDINATOR)
    text = page_text(client.get(f"{BASE}/raad?{Q}"))
    assert "Tijdelijk × Vast <5 Totaal gestarte plaatsingen 11" in text
    assert "Participatiewet × Banenafspraak 0 WW <5" in text
    for derivable in ("Tijdelijk 10", "Tijdelijk: 10", "Participatiewet 10", "Participatiewet: 10"):
        assert derivable not in text, derivable
    assert "× = niet getoond, zodat een klein aantal niet uit het totaal en de andere rijen te berekenen is" in text
    assert "Aantallen van 1 tot en met 4 mensen staan als “<5”" in text
    for figure in ("contract", "target_group"):
        body = client.get(f"{BASE}/raad/plaatsingen/{figure}.csv?{Q}").get_data(as_text=True)
        rows = {row[0]: row[1] for row in csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";") if len(row) > 1}
        assert "10" not in rows.values() and "<5" in rows.values() and "×" in rows.values(), rows
        assert rows["Totaal gestarte plaatsingen"] == "11"


def test_counts_at_the_threshold_are_shown_and_under_it_read_less_than_five(client, as_role, make_placement):
    _contracts(make_placement, temporary=5, permanent=5, statushouders=5)
    as_role(Role.COORDINATOR)
    text = page_text(client.get(f"{BASE}/raad?{Q}"))
    assert "Tijdelijk 5 Vast 5 Totaal gestarte plaatsingen 10" in text
    assert "Aantallen van 1 tot en met 4 mensen staan als “<5”" in text  # the words say what the rule does
    assert "waarvan statushouders 5" in text and "×" not in text.split("Gestarte plaatsingen per soort")[1][:200]
    make_placement(start_date=date(2026, 3, 2), contract_type=ContractType.PERMANENT, target_group="ww")
    text = page_text(client.get(f"{BASE}/raad?{Q}"))
    assert "Tijdelijk 5 Vast 6" in text
