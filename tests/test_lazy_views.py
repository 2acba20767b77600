"""The staff, employer and API areas' views are declared in their urls modules and imported on first use
(web.lazy): every URL, endpoint and method is still there, and every declared view exists."""
import inspect
import json
from pathlib import Path

from web.lazy import LazyView

URL_MAP = Path(__file__).parent / "data" / "url_map.txt"


def _line(rule) -> str:
    defaults = f" {json.dumps(rule.defaults, sort_keys=True)}" if rule.defaults else ""
    return f"{rule.rule} {rule.endpoint} {','.join(sorted(rule.methods))}{defaults}"


def test_the_url_map_is_the_one_the_views_decorators_gave(app):
    # tests/data/url_map.txt is the map of main before the views became lazy (rule, endpoint, methods,
    # defaults, in the order added). A new route adds its line there: `_line` writes it.
    assert [_line(rule) for rule in app.url_map.iter_rules()] == URL_MAP.read_text().splitlines()


def test_every_declared_view_is_a_function_of_that_name(app):
    lazy = {endpoint: view for endpoint, view in app.view_functions.items() if isinstance(view, LazyView)}
    assert len(lazy) > 150  # every area but the public catalogue, its home page and the health probes
    for endpoint, view in lazy.items():
        function = view.view
        assert callable(function), endpoint
        assert inspect.unwrap(function).__name__ == endpoint.rsplit(".", 1)[1], endpoint
        assert not isinstance(function, LazyView), endpoint
        assert inspect.unwrap(view) is inspect.unwrap(function), endpoint


def test_the_catalogue_is_served_by_its_own_functions(app):
    for endpoint in ("catalogue.index", "public.home", "health.alive"):
        assert not isinstance(app.view_functions[endpoint], LazyView), endpoint
