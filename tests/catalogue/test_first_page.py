"""A worker's first plain catalogue page reads only the sectors of its filter, not the search vocabulary;
the worker reads the vocabulary right after that answer has gone out, so the first search has it (issue 18)."""
import contextvars
import re

from flask.globals import _cv_app
from werkzeug.test import EnvironBuilder, run_wsgi_app

from models import Concept, ConceptAlias
from models.catalogue import search
from models.taxonomy.terms import normalise


def _concept(db, label, sector):
    concept = Concept(kind="occupation", code=normalise(label).replace(" ", "-"), label=label, sector=sector)
    concept.aliases = [ConceptAlias(label=label, normalised=normalise(label))]
    db.session.add(concept)
    db.session.commit()


def _served(app, path: str):
    """Status, page and body iterator of one request as a WSGI server sees it: written, not yet closed."""
    def alone():
        _cv_app.set(None)  # its own app context and session, as in a worker
        environ = EnvironBuilder(path=path, environ_base={"REMOTE_ADDR": "127.0.0.1"}).get_environ()
        return run_wsgi_app(app, environ)

    body, status, _headers = contextvars.copy_context().run(alone)
    return status, b"".join(body).decode(), body


def _sector_options(response) -> list[str]:
    form = response if isinstance(response, str) else response.get_data(as_text=True)
    select = re.search(r'<select[^>]*name="sector".*?</select>', form, re.S).group()
    return re.findall(r'<option[^>]*value="([^"]*)"', select)


def test_the_first_plain_page_lists_the_sectors_and_leaves_the_wordings_until_it_is_sent(app, db, monkeypatch,
                                                                                       make_public_profile):
    monkeypatch.setattr(search, "_cache", {})  # as in a newly forked worker
    monkeypatch.setattr(search, "_sector_lists", {})
    make_public_profile(occupations=["Orderpicker"])
    _concept(db, "Orderpicker", "Logistiek")
    _concept(db, "Lasser", "productie, techniek")

    status, first, body = _served(app, "/kandidaten")
    assert status == "200 OK"
    assert {"logistiek", "productie", "techniek"} <= set(_sector_options(first))
    assert search._cache == {}, "the plain page read the whole vocabulary"
    body.close()  # the server has written the answer
    assert list(search._cache) == [str(db.engine.url)]

    searched = app.test_client().get("/kandidaten?q=orderpikker")  # a typo: found through the vocabulary
    assert searched.status_code == 200
    assert re.search(r'href="/kandidaten/K-[0-9A-F]+"', searched.get_data(as_text=True))
    assert _sector_options(searched) == _sector_options(first)


def test_the_sector_list_read_alone_is_the_vocabularys(db, monkeypatch):
    monkeypatch.setattr(search, "_cache", {})
    monkeypatch.setattr(search, "_sector_lists", {})
    _concept(db, "Orderpicker", "Logistiek")
    _concept(db, "Lasser", "productie, techniek")
    _concept(db, "Flexibel", "algemeen")  # traits: no work field

    alone = search.sectors(db.session)
    assert search._cache == {}
    assert alone == search.sectors(db.session, search.vocabulary(db.session))
    assert alone == [("logistiek", "Logistiek en magazijn"), ("productie", "Productie en industrie"),
                     ("techniek", "Techniek en installatie")]

    _concept(db, "Kok", "horeca")  # the list follows the taxonomy without a restart
    monkeypatch.setattr(search, "_cache", {})
    assert ("horeca", "Horeca") in search.sectors(db.session)
