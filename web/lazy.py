"""Views imported on their first request: Flask's "Lazily Loading Views" pattern (issue 18, cold start).

The staff, employer and API areas declare their URLs in a ``urls`` module next to their views
(``web/<area>/urls.py``: the blueprint, its hooks, template filters and one ``views.add`` line per
URL); the view modules, and the forms and model operations they pull in, are imported by the first
request that reaches one of their views, once per process. The public catalogue's views stay eager:
they serve the first page. URL map, endpoints, methods and ``url_for`` are the same either way
(tests/test_lazy_views.py compares the whole map with the one the views' decorators gave).
"""
from __future__ import annotations

import threading
import typing as t
from importlib import import_module

from flask import Blueprint

# One lock for every first import: two threads of `flask run` asking for views of modules that
# import each other would otherwise each hold one module's import lock while waiting for the other's.
_IMPORTING = threading.RLock()


class LazyView:
    """A view function named ``module.function``, imported when it is first called."""

    def __init__(self, import_name: str) -> None:
        self.import_name = import_name
        self.__module__, self.__name__ = import_name.rsplit(".", 1)
        self._view: t.Callable[..., t.Any] | None = None

    @property
    def view(self) -> t.Callable[..., t.Any]:
        """The real view function (imported on first use)."""
        if self._view is None:
            with _IMPORTING:
                if self._view is None:
                    self._view = getattr(import_module(self.__module__), self.__name__)
        return self._view

    @property
    def __wrapped__(self) -> t.Callable[..., t.Any]:  # inspect.unwrap and inspect.signature see the real view
        return self.view

    def __call__(self, *args: t.Any, **kwargs: t.Any) -> t.Any:
        return self.view(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<LazyView {self.import_name}>"


class LazyViews:
    """Adds URL rules (and template helpers, hooks) to ``bp`` whose functions live in modules under
    ``package``, imported on first use."""

    def __init__(self, bp: Blueprint, package: str) -> None:
        self.bp, self.package = bp, package
        self._views: dict[str, LazyView] = {}  # one per function: a view with two URLs is one endpoint

    def add(self, rule: str, view: str, **options: t.Any) -> None:
        """Route ``rule`` to ``view`` ("module.function", relative to the package); the endpoint is the
        function's name, as with ``@bp.route``. ``options`` are ``add_url_rule``'s (methods, defaults)."""
        self.bp.add_url_rule(rule, view.rsplit(".", 1)[1], self.lazy(view), **options)

    def template_filter(self, name: str, function: str) -> None:
        """A Jinja filter for every template, imported when a template first uses it."""
        self.bp.add_app_template_filter(self.lazy(function), name)

    def template_global(self, name: str, function: str) -> None:
        """A Jinja global for every template, imported when a template first calls it."""
        self.bp.add_app_template_global(self.lazy(function), name)

    def context_processor(self, function: str) -> None:
        """A context processor for the blueprint's own pages."""
        self.bp.context_processor(self.lazy(function))

    def error_handler(self, exception: type[Exception], function: str) -> None:
        """The blueprint's handler of ``exception`` (raised by its views)."""
        self.bp.register_error_handler(exception, self.lazy(function))

    def lazy(self, function: str) -> LazyView:
        """``function`` ("module.function", relative to the package), imported when first called."""
        return self._views.setdefault(function, LazyView(f"{self.package}.{function}"))
