"""The definitions page: every figure's definition readable in the app, linked from the reports."""
import re

from models.enums import Role
from tests.helpers import visible_text
from web.reports import definitions


def test_the_definitions_page_renders_the_indicators_document_with_anchors(as_role, client):
    as_role(Role.COORDINATOR)
    html = client.get("/beheer/rapportages/definities").get_data(as_text=True)
    text = visible_text(html)
    assert "Definities van de cijfers" in text
    assert "Started placements" in text and "Common rules" in text  # headings of docs/indicators.md
    # the table of contents links to the headings' ids
    anchor = definitions.slug("Started placements (Gestarte plaatsingen)")
    assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html
    assert "<code>models/reports/</code>" in html and "<strong>Period.</strong>" in html  # Markdown, rendered


def test_the_reports_and_the_council_report_link_to_the_definitions(as_role, client):
    as_role(Role.COORDINATOR)
    for page in ("/beheer/rapportages/", "/beheer/rapportages/raad"):
        html = client.get(page, follow_redirects=True).get_data(as_text=True)
        assert 'href="/beheer/rapportages/definities"' in html, page


def test_raw_html_in_the_document_is_shown_as_text(monkeypatch, tmp_path, as_role, client):
    doc = tmp_path / "indicators.md"
    doc.write_text("# Indicators\n\n## A figure\n\n<script>alert(1)</script> and <b>bold</b>\n", encoding="utf-8")
    monkeypatch.setattr(definitions, "DOC", doc)
    as_role(Role.COORDINATOR)
    html = client.get("/beheer/rapportages/definities").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert re.search(r'<h2 id="a-figure">A figure</h2>', html)


def test_only_staff_who_read_reports_open_it(as_role, client):
    assert client.get("/beheer/rapportages/definities").status_code == 302  # anonymous: to sign in
    as_role(Role.ACCOUNT_MANAGER)
    assert client.get("/beheer/rapportages/definities").status_code in (403, 404)
