"""The profile page's preview: sentences the learned gate flags, asked to check, left out of bulk publication."""
from sqlalchemy import select

from models import PublicProfile
from models.enums import ProfileStatus, Role
from tests.candidates.profile_text import shown_form, with_text
from tests.helpers import visible_text

HINTED = "Ik ben sinds kort weer nuchter."  # health; no rule removes it, the learned gate flags it


def test_preview_asks_to_check_a_sentence_the_gate_flags_and_still_publishes(k1, as_role, client, db, caplog,
                                                                              candidate):
    with_text(db, candidate, f"Werkte drie jaar als orderpicker. {HINTED}")
    as_role(Role.MATCHER)
    html = client.get(f"/beheer/kandidaten/{candidate.id}/profiel").get_data(as_text=True)
    text = visible_text(html)
    assert "Controleer deze zinnen" in text and f"Beschrijving: “{HINTED}”" in text
    assert f"{HINTED} (controleren)" in text  # marked in the card preview with a word, not colour alone
    assert "Werkte drie jaar als orderpicker. (controleren)" not in text
    english = visible_text(client.get(f"/beheer/kandidaten/{candidate.id}/profiel?lang=en").get_data(as_text=True))
    assert "Check these sentences" in english and f"{HINTED} (check)" in english
    client.get(f"/beheer/kandidaten/{candidate.id}/profiel?lang=nl")
    response = client.post(f"/beheer/kandidaten/{candidate.id}/profiel", follow_redirects=True, data={
        "version": shown_form(client, candidate).version, "action": "publish",
        "description": f"Werkte drie jaar als orderpicker. {HINTED}"})
    assert "is gepubliceerd" in visible_text(response.get_data(as_text=True))  # a hint, not a block
    assert "nuchter" not in caplog.text  # the flagged sentence never reaches a log line


def test_preview_of_plain_job_content_has_no_hint(k1, as_role, client, db, candidate):
    with_text(db, candidate, "Werkte drie jaar als orderpicker. Heeft rijbewijs B en een VCA-certificaat.")
    as_role(Role.MATCHER)
    text = visible_text(client.get(f"/beheer/kandidaten/{candidate.id}/profiel").get_data(as_text=True))
    assert "Werkte drie jaar als orderpicker." in text
    assert "Controleer deze zinnen" not in text and "(controleren)" not in text


def test_publishing_a_selection_says_how_many_have_sentences_to_check(k1, as_role, client, db, candidate,
                                                                       consenting_with_text):
    with_text(db, candidate, f"Werkte drie jaar als orderpicker. {HINTED}")
    plain = consenting_with_text("CL-000004", "Werkte twee jaar als inpakker.")
    as_role(Role.MATCHER)
    response = client.post("/beheer/kandidaten/publiceren", data={"ids": [candidate.id, plain.id]},
                           follow_redirects=True)
    text = visible_text(response.get_data(as_text=True))
    assert "2 profiel(en) gepubliceerd." in text
    assert "Uit 1 gepubliceerd profiel zijn zinnen weggelaten tot iemand ze leest: filter de lijst op Openbaar " \
           "profiel “Zinnen te controleren”." in text
    db.session.expire_all()
    assert candidate.profile.description == "Werkte drie jaar als orderpicker."
    public = client.get(f"/kandidaten/{candidate.profile.code}").get_data(as_text=True)
    assert "orderpicker" in public and "nuchter" not in public  # the public page waits for a person


def test_profiles_published_in_bulk_with_sentences_to_check_are_listed_until_a_matcher_publishes_them(
        k1, as_role, client, db, candidate, consenting_with_text):
    with_text(db, candidate, f"Werkte drie jaar als orderpicker. {HINTED}")
    plain = consenting_with_text("CL-000004", "Werkte twee jaar als inpakker.")
    as_role(Role.MATCHER)
    client.post("/beheer/kandidaten/publiceren", data={"ids": [candidate.id, plain.id]})
    listed = visible_text(client.get("/beheer/kandidaten/?profile=check").get_data(as_text=True))
    assert "1 kandidaat" in listed and candidate.external_id in listed and plain.external_id not in listed
    assert "1 zin te controleren" in listed
    assert "Profielen van aangevinkten publiceren" not in listed  # they are published: it would skip them all
    assert "zonder de gemarkeerde zinnen: die wachten tot iemand ze leest. Open elk profiel" in listed
    assert "Profielen van aangevinkten intrekken" in listed
    page = visible_text(client.get(f"/beheer/kandidaten/{candidate.id}/profiel").get_data(as_text=True))
    assert "niemand heeft deze zinnen gelezen, en ze staan daarom niet in het openbare profiel" in page
    assert f"Beschrijving: “{HINTED}”" in page
    client.post(f"/beheer/kandidaten/{candidate.id}/profiel", data={
        "version": shown_form(client, candidate).version, "action": "publish",
        "description": "Werkte drie jaar als orderpicker."})  # the matcher read it and took the sentence out
    listed = visible_text(client.get("/beheer/kandidaten/?profile=check").get_data(as_text=True))
    assert "0 kandidaten" in listed and candidate.external_id not in listed
    profile = db.session.scalar(select(PublicProfile).where(PublicProfile.candidate_id == candidate.id))
    assert profile.status == ProfileStatus.PUBLISHED and profile.sentences_to_check == 0
    assert "nuchter" not in profile.description


def test_a_list_wording_left_out_by_the_bulk_publication_is_shown_to_the_matcher_and_published_by_them(
        k1, as_role, client, db, candidate):
    candidate.skills = ["heftruck rijden", HINTED]  # a sentence typed into a skill field
    with_text(db, candidate, "Werkte drie jaar als orderpicker.")
    as_role(Role.MATCHER)
    client.post("/beheer/kandidaten/publiceren", data={"ids": [candidate.id]})
    db.session.expire_all()
    assert candidate.profile.skills == ["heftruck rijden"] and candidate.profile.sentences_to_check == 1
    assert "nuchter" not in client.get(f"/kandidaten/{candidate.profile.code}").get_data(as_text=True)
    page = visible_text(client.get(f"/beheer/kandidaten/{candidate.id}/profiel").get_data(as_text=True))
    assert "Controleer deze zinnen" in page and f"Vaardigheden: “{HINTED}”" in page  # the #hints link leads here
    client.post(f"/beheer/kandidaten/{candidate.id}/profiel", data={
        "version": shown_form(client, candidate).version, "action": "publish",
        "description": "Werkte drie jaar als orderpicker."})  # read and published as it is
    db.session.expire_all()
    assert candidate.profile.sentences_to_check == 0 and HINTED in candidate.profile.skills


def test_a_drafts_code_stays_the_same_between_views_and_after_checking(as_role, client, db, candidate):
    import re
    with_text(db, candidate, "Werkte drie jaar als orderpicker.")
    as_role(Role.MATCHER)
    url = f"/beheer/kandidaten/{candidate.id}/profiel"

    def code(response):
        return re.search(r"Openbaar profiel (K-[0-9A-Z]{4})", visible_text(response.get_data(as_text=True))).group(1)

    first = code(client.get(url))
    assert db.session.scalar(select(PublicProfile)) is None  # the preview still stores nothing
    assert code(client.get(url)) == first
    checked = client.post(url, data={"version": shown_form(client, candidate).version, "action": "check",
                                     "description": "Werkte drie jaar als orderpicker."})
    assert code(checked) == first
    assert code(client.get(url)) == first


def _facts(html):
    import re
    return re.search(r'<dl class="facts">.*?</dl>\s*<p class="checked">.*?</p>', html, re.S).group(0)


def test_the_preview_shows_the_profile_exactly_as_the_public_page_does(k1, as_role, client, db, candidate):
    from datetime import timedelta

    from models.common import clock
    candidate.available_from = clock.today() - timedelta(days=3)  # in the past: "direct" for employers
    with_text(db, candidate, "Werkte drie jaar als orderpicker.")
    as_role(Role.MATCHER)
    url = f"/beheer/kandidaten/{candidate.id}/profiel"
    client.post(url, data={"version": shown_form(client, candidate).version, "action": "publish",
                           "description": "Werkte drie jaar als orderpicker."})
    preview = client.get(url).get_data(as_text=True)
    public = client.get(f"/kandidaten/{candidate.profile.code}").get_data(as_text=True)
    assert _facts(preview) == _facts(public)
    text = visible_text(_facts(preview))
    assert "Beschikbaar direct" in text and "Opleiding mbo niveau 2" in text and "Nederlands onbekend" in text
    import re
    card = visible_text(re.search(r'<article class="profile-card profile-preview">.*?</article>', preview, re.S).group(0))
    assert "Beschikbaar vanaf" not in card and "Mbo 2" not in card and "Werkte drie jaar als orderpicker." in card


def test_a_profile_published_in_bulk_says_it_was_checked_automatically_not_reviewed(k1, as_role, client, db,
                                                                                     candidate):
    import re
    with_text(db, candidate, "Werkte drie jaar als orderpicker.")
    as_role(Role.MATCHER)
    client.post("/beheer/kandidaten/publiceren", data={"ids": [candidate.id]})
    db.session.expire_all()
    code = candidate.profile.code
    checked = re.compile(r'<p class="checked">(.*?)</p>', re.S)
    card = checked.search(client.get("/kandidaten").get_data(as_text=True)).group(1).strip()
    assert card == "Automatisch gecontroleerd vandaag (privacycontrole)"
    staff = visible_text(client.get(f"/beheer/kandidaten/{candidate.id}/profiel").get_data(as_text=True))
    assert "Laatst beoordeeld" not in staff and "niemand heeft het profiel gelezen" in staff
    client.post(f"/beheer/kandidaten/{candidate.id}/profiel", data={
        "version": shown_form(client, candidate).version, "action": "publish",
        "description": "Werkte drie jaar als orderpicker."})
    public = client.get(f"/kandidaten/{code}").get_data(as_text=True)
    assert checked.search(public).group(1).strip() == "Gecontroleerd vandaag"  # a person read it now
    staff = visible_text(client.get(f"/beheer/kandidaten/{candidate.id}/profiel").get_data(as_text=True))
    assert "Laatst beoordeeld op" in staff and "niemand heeft" not in staff
