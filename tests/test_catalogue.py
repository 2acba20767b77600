"""The public catalogue's list: filters from the query string, search, sorting, paging, limits."""
import re
from datetime import date

import pytest
from sqlalchemy import select

from models import AuditEvent
from models.enums import ProfileStatus
from tests.helpers import visible_text


def _text(response) -> str:
    return visible_text(response.get_data(as_text=True))


def _codes(response) -> list[str]:
    import re

    return re.findall(r'href="/kandidaten/(K-[0-9A-F]+)"', response.get_data(as_text=True))


def test_lists_only_published_profiles_with_their_facts(client, make_public_profile):
    shown = make_public_profile(headline="Ervaren schoonmaker", occupations=["Schoonmaker"], education="mbo2",
                                dutch_level="B1", age_band="45-54", licences=["B"], hours_min=20, hours_max=32)
    make_public_profile(headline="Concept dat niemand ziet", status=ProfileStatus.DRAFT)
    make_public_profile(headline="Teruggetrokken profiel", status=ProfileStatus.WITHDRAWN)
    response = client.get("/kandidaten")
    text = _text(response)
    assert response.status_code == 200
    assert "1 kandidaat" in text
    assert "Ervaren schoonmaker" in text and shown.code in text
    assert "mbo niveau 2" in text and "B1 (zelfstandig)" in text and "45-54 jaar" in text
    assert "20–32 uur" in text and "Gecontroleerd 3 weken geleden" in text
    assert "Concept dat niemand ziet" not in text and "Teruggetrokken" not in text


def test_unknown_facts_say_onbekend(client, make_public_profile):
    make_public_profile(education=None, dutch_level=None, age_band=None, hours_min=None, hours_max=None,
                        available_from=None, checked_on=None, place=None, region=None, skills=[])
    text = _text(client.get("/kandidaten"))
    assert text.count("onbekend") >= 8
    assert "Laatst gecontroleerd: onbekend" in text


def test_typo_search_finds_heftruck_profiles_best_first(client, make_public_profile):
    both = make_public_profile(occupations=["Heftruckchauffeur"], skills=["Heftruck rijden"])
    one = make_public_profile(occupations=["Orderpicker"], skills=["Heftruck rijden"])
    make_public_profile(occupations=["Kok"], skills=["Koken"])
    response = client.get("/kandidaten?q=heftruk")
    assert "2 kandidaten" in _text(response)
    assert _codes(response) == [both.code, one.code]


def test_filters_combine_and_stay_in_the_links(client, make_public_profile):
    for n in range(25):
        make_public_profile(hours_min=24, hours_max=36, licences=["B"], education="mbo3")
    make_public_profile(hours_min=8, hours_max=16, licences=["B"], education="mbo3")  # hours do not fit
    make_public_profile(hours_min=24, hours_max=36, licences=[], education="mbo3")  # no licence
    make_public_profile(hours_min=24, hours_max=36, licences=["B"], education="vmbo")  # below minimum
    response = client.get("/kandidaten?uren=32&rijbewijs=B&opleiding=mbo2&sortering=newest")
    text = _text(response)
    assert "25 kandidaten" in text and "Pagina 1 van 2" in text
    html = response.get_data(as_text=True)
    assert 'href="/kandidaten?uren=32&amp;rijbewijs=B&amp;opleiding=mbo2&amp;sortering=newest&amp;pagina=2"' in html
    second = client.get("/kandidaten?pagina=2&uren=32&rijbewijs=B&opleiding=mbo2&sortering=newest")
    assert len(_codes(second)) == 5 and set(_codes(second)).isdisjoint(_codes(response))


def test_distance_from_a_postcode_or_place(client, make_public_profile):
    near = make_public_profile(place="Dronten", lat=52.525, lon=5.718)
    make_public_profile(place="Zwolle", lat=52.512, lon=6.094)  # about 26 km straight, 33 by road
    response = client.get("/kandidaten?plaats=8251&km=15")
    assert _codes(response) == [near.code]
    assert "Dronten" in _text(response) and "ca. 0 km" not in _text(response)  # same town: no "0 km"
    wider = client.get("/kandidaten?plaats=Dronten&km=50")
    assert len(_codes(wider)) == 2
    assert re.search(r"Zwolle \(ca\. 3\d km\)", _text(wider))  # estimated road distance


def test_available_before_and_occupation(client, make_public_profile):
    soon = make_public_profile(available_from=date(2026, 2, 1), occupations=["Schoonmaker"])
    make_public_profile(available_from=date(2027, 2, 1), occupations=["Schoonmaker"])
    make_public_profile(available_from=date(2026, 2, 1), occupations=["Kok"])
    response = client.get("/kandidaten?beschikbaar_voor=2026-06-01&beroep=schoonmaakster")
    assert _codes(response) == [soon.code]


@pytest.mark.parametrize("query, label, message", [
    ("plaats=Atlantis", "Postcode of plaats", "Deze postcode of plaats kennen wij niet"),
    ("plaats=0000", "Postcode of plaats", "Deze postcode of plaats kennen wij niet"),
    ("uren=veel", "Uren per week", "Vul een aantal uren in tussen 1 en 48"),
    ("beschikbaar_voor=31-02-2026", "Beschikbaar vóór", "Vul een datum in"),
    ("opleiding=doctor", "Opleiding (minimaal)", "kies een van: Maakt niet uit, "),
    ("km=9999&plaats=8251", "Maximale afstand", "kies een van: "),
])
def test_bad_filter_values_are_named_and_the_page_still_works(client, make_public_profile, query, label, message):
    make_public_profile()
    response = client.get("/kandidaten?" + query)
    text = _text(response)
    assert response.status_code == 200
    assert f"{label}: {message}" in text  # in the alert summary, linked to the field
    assert "1 kandidaat" in text


def test_page_number_beyond_the_last_shows_the_last(client, make_public_profile):
    make_public_profile()
    assert "Pagina" not in _text(client.get("/kandidaten?pagina=99"))
    assert client.get("/kandidaten?pagina=abc").status_code == 200


def test_list_page_uses_a_constant_number_of_queries(app, count_queries, make_public_profile):
    # Drawing the page, not serving it from the cache; each view counted at once, not in a batch now and then.
    app.config.update(CATALOGUE_PAGE_CACHE_ENTRIES=0, CATALOGUE_COUNT_FLUSH_SECONDS=0)
    url = "/kandidaten?q=heftruck&uren=32&plaats=8251&km=50&rijbewijs=B&sortering=relevance"
    make_public_profile()
    count_queries(url)  # warms the vocabulary cache of this process
    few = count_queries(url)
    for _ in range(30):
        make_public_profile()
    assert count_queries(url) == few
    assert few <= 6, few


def test_list_pages_are_rate_limited_per_address(app, client, db):
    app.config["CATALOGUE_MAX_LIST_VIEWS_PER_HOUR"] = 3
    assert [client.get("/kandidaten").status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get("/kandidaten")
    assert refused.status_code == 429
    assert "erg veel pagina" in _text(refused)
    assert client.get("/kandidaten").status_code == 429
    other = client.get("/kandidaten", environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert other.status_code == 200
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "scrape_suspected")).all()
    assert len(events) == 1 and events[0].origin == "127.0.0.1"


def test_catalogue_and_home_link_to_the_public_vacancy_form(client, app):
    for path in ("/kandidaten", "/"):
        html = client.get(path).get_data(as_text=True)
        assert "Vacature aanmelden" in visible_text(html) and 'href="/vacature-aanmelden"' in html


def test_markup_as_a_search_finds_nobody(client, make_public_profile):
    make_public_profile(occupations=["Vuilophaler"], skills=["Samenwerken", "Fysiek werk"])
    response = client.get("/kandidaten", query_string={"q": "<script>alert(1)</script>"})
    assert "0 kandidaten" in _text(response) and "<script>alert" not in response.get_data(as_text=True)


def test_a_typo_with_swapped_letters_finds_as_much_as_the_right_spelling(client, make_public_profile):
    make_public_profile(occupations=["Magazijnmedewerker"])
    make_public_profile(occupations=["Kok"])
    right = _codes(client.get("/kandidaten?q=magazijn"))
    assert right and _codes(client.get("/kandidaten?q=magazjin")) == right == _codes(client.get("/kandidaten?q=magzijn"))


def test_a_card_says_which_of_its_wordings_the_search_found(client, make_public_profile):
    cook = make_public_profile(headline="Medewerker sorteren", occupations=["Medewerker sorteren", "Kok"],
                               skills=["Sorteren"])
    make_public_profile(headline="Orderpicker", occupations=["Orderpicker"], skills=["Koken"])
    html = client.get("/kandidaten?q=kok").get_data(as_text=True)
    card = html[html.index(f'id="kaart-{cook.code}"'):]
    assert "Past bij uw zoekopdracht: Kok" in visible_text(card[:card.index("</article>")])
    assert _codes(client.get("/kandidaten?q=kok"))[0] == cook.code  # its occupation, not a skill, is named
    assert "Past bij uw zoekopdracht" not in _text(client.get("/kandidaten"))


def test_an_occupation_no_profile_has_is_named_and_ignored(client, make_public_profile):
    make_public_profile(occupations=["Orderpicker"])
    text = _text(client.get("/kandidaten?beroep=zzz"))
    assert "Beroep: Dit beroep komt in geen enkel profiel voor" in text and "1 kandidaat" in text
    assert "Beroep:" not in _text(client.get("/kandidaten?beroep=orderpiker"))


def test_the_card_abbreviates_skills_the_profile_shows_them_all(client, make_public_profile):
    skills = [f"Vaardigheid {n}" for n in range(1, 10)]
    profile = make_public_profile(skills=skills)
    card = client.get("/kandidaten").get_data(as_text=True)
    assert "Vaardigheid 7" not in card
    assert f'href="/kandidaten/{profile.code}#vaardigheden">en 3 meer' in card
    page = client.get(f"/kandidaten/{profile.code}").get_data(as_text=True)
    assert 'id="vaardigheden"' in page and all(s in page for s in skills) and "en 3 meer" not in page


def test_the_meeting_form_answers_at_its_error_summary(client, make_public_profile):
    profile = make_public_profile()
    page = client.get(f"/kandidaten/{profile.code}").get_data(as_text=True)
    assert f'action="/kandidaten/{profile.code}/ontmoeten#ontmoeten-fouten"' in page
    answer = client.post(f"/kandidaten/{profile.code}/ontmoeten", data={})
    assert answer.status_code == 422
    assert 'class="error-summary" role="alert" tabindex="-1" id="ontmoeten-fouten"' in answer.get_data(as_text=True)


def test_every_page_has_an_icon(client):
    assert 'rel="icon"' in client.get("/").get_data(as_text=True)
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.mimetype == "image/svg+xml" and b"<svg" in icon.data
