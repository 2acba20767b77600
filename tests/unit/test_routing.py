"""LazyBuilderRule builds exactly the URLs Werkzeug's own rules build, compiling on first use."""
from werkzeug.routing import Map, Rule

from web.routing import LazyBuilderRule

RULES = [("/kandidaten", {}), ("/kandidaten/<code>", {}), ("/p/<int:page>/<path:rule>", {}),
         ("/lijst", {"pagina": 1})]
VALUES = [{}, {"code": "B-00A1"}, {"page": 3, "rule": "a/b c"}, {"pagina": 1, "q": "héftruk", "km": 15}]


def _adapter(rule_class):
    rules = [rule_class(path, endpoint=f"e{n}", defaults=defaults or None) for n, (path, defaults) in enumerate(RULES)]
    return Map(rules).bind("localhost")


def test_it_builds_the_urls_werkzeugs_rules_build():
    lazy, eager = _adapter(LazyBuilderRule), _adapter(Rule)
    for n, values in enumerate(VALUES):
        assert lazy.build(f"e{n}", values) == eager.build(f"e{n}", values), values
        assert lazy.build(f"e{n}", {**values, "extra": "x y"}) == eager.build(f"e{n}", {**values, "extra": "x y"})


def test_a_url_variable_may_be_called_rule():
    assert _adapter(LazyBuilderRule).build("e2", {"page": 2, "rule": "x"}) == "/p/2/x"
