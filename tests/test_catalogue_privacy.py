"""No public page, error page or log line shows a job seeker's personal data."""
import re
from datetime import date

from models.enums import ProfileStatus

QUERIES = ["", "?q=heftruk", "?q=schoonmaak&sortering=newest", "?plaats=8251&km=15", "?plaats=Nergenshuizen",
           "?uren=24&rijbewijs=B&opleiding=mbo1", "?beroep=orderpikker&beschikbaar_voor=2027-01-01", "?pagina=2"]


def _secrets(candidate) -> list[str]:
    p = candidate.personal
    return [p.first_name, p.last_name, p.postcode, p.postcode.replace(" ", ""), p.email, p.phone,
            candidate.external_id, p.birth_date.isoformat(), p.birth_date.strftime("%d-%m-%Y"), "Kerkstraat"]


def test_crawl_every_public_page_for_personal_data(client, make_candidate, make_public_profile, caplog, app):
    people = [
        make_candidate(first_name="Zwaantje", last_name="Oudeboerrigter", birth_date=date(1979, 3, 14),
                       external_id="CLIENT-778899"),
        make_candidate(first_name="Gerbrich", last_name="Hoekstra-Vandenhurk", birth_date=date(1991, 11, 30),
                       external_id="CLIENT-112233"),
    ]
    for person in people:
        person.personal.experience = "Woont aan de Kerkstraat 12"
    app.extensions["sqlalchemy"].session.commit()
    published = [make_public_profile(candidate=people[0], skills=["Heftruck rijden"]),
                 make_public_profile(candidate=people[1], occupations=["Schoonmaker"])]
    withdrawn = make_public_profile(status=ProfileStatus.WITHDRAWN)
    secrets = [s for person in people for s in _secrets(person)]

    pages = []
    for url in ["/", "/kandidaten/K-FFFF", f"/kandidaten/{withdrawn.code}", "/werkgever/registreren"]:
        pages.append(client.get(url))
    pages += [client.get("/kandidaten" + q) for q in QUERIES]
    for profile in published:
        pages.append(client.get(f"/kandidaten/{profile.code}"))
        pages.append(client.post(f"/kandidaten/{profile.code}/ontmoeten", data={"kvk": "12"}))
        pages.append(client.post(f"/kandidaten/{profile.code}/ontmoeten", follow_redirects=True, data={
            "name": "Jan Werkgever", "company": "Jan BV", "kvk": "12345678", "email": "jan@example.com"}))
    app.config["CATALOGUE_MAX_PROFILE_VIEWS_PER_HOUR"] = 0
    pages.append(client.get(f"/kandidaten/{published[0].code}"))

    assert {r.status_code for r in pages} >= {200, 404, 410, 422, 429}
    for response in pages:
        html = response.get_data(as_text=True)
        for secret in secrets:
            assert secret not in html, (response.request.path, secret)
        # pseudonym codes only: no numeric id or client number in any link
        for link in re.findall(r'href="(/kandidaten/[^"]*)"', html):
            assert re.fullmatch(r"/kandidaten(/K-[0-9A-F]+(/verstuurd)?)?(\?[^\"]*)?", link), link
    for secret in secrets:
        assert secret not in caplog.text
