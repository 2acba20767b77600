"""URL rules that compile their URL builder when ``url_for`` first needs it, not at start-up.

Werkzeug compiles two builder functions (Python source through ``ast`` and ``compile``) for every
rule as it is added: some 350 for Werkbrug's routes, a sizeable part of a worker's start, while a
page links to a few dozen endpoints. Matching (the rule's regex) is unchanged and still built at
once; only building a URL is deferred, and the builder is then the very one Werkzeug makes.
"""
from __future__ import annotations

import typing as t

from werkzeug.routing import Rule


class LazyBuilderRule(Rule):
    """A Werkzeug rule whose URL builders are compiled on their first call."""

    def _compile_builder(self, append_unknown: bool = True) -> t.Callable[..., tuple[str, str]]:
        compile_now = super()._compile_builder
        built: list[t.Callable[..., tuple[str, str]]] = []

        def build(rule: Rule, /, **values: t.Any) -> tuple[str, str]:
            if not built:  # two threads may both compile; they get the same function
                built.append(compile_now(append_unknown))
            return built[0](rule, **values)

        return build
