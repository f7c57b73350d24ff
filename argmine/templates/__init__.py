"""jinja2 templates shipped as package data: the HTML page and index (``*.html``, ``*.svg``, autoescaped), their
stylesheet and script (``page.css``, ``page.js``, inlined as they are), the model card and the benchmark report
(``*.md``, plain text).

Every value written by ``{{ ... }}`` in an HTML or SVG template is HTML-escaped, so a unit that reads ``<script>``
is shown, not run; lone surrogates (not encodable in UTF-8) are shown as U+FFFD.

    from argmine.templates import render
    page = render("page.html", title=..., ...)
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

_SURROGATE = re.compile("[\ud800-\udfff]")

__all__ = ["environment", "render", "asset"]


def fade(x) -> str:
    """A unit's score clamped to [0, 1] for the CSS variable ``--s`` the HTML page fades units by (1.0 when unusable).

    Returns:
        A float in [0, 1]."""
    try:
        v = min(1.0, max(0.0, float(x)))
    except (TypeError, ValueError):
        return "1.00"
    return f"{v:.2f}" if v == v else "1.00"


def _finalize(value: Any) -> Any:
    """What ``{{ value }}`` writes: strings with lone surrogates replaced by U+FFFD (escaping comes after)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _SURROGATE.sub("\ufffd", value)
    return value


@lru_cache(maxsize=None)
def environment() -> Environment:
    """The jinja2 environment of argmine's templates (autoescape on for ``.html`` and ``.svg``).

    Returns:
        The ``jinja2.Environment`` (one, cached)."""
    env = Environment(loader=PackageLoader("argmine", "templates"),
                      autoescape=select_autoescape(enabled_extensions=("html", "svg"), default_for_string=True,
                                                   default=False),
                      finalize=_finalize, undefined=StrictUndefined, keep_trailing_newline=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["score"] = lambda x: f"{float(x):.2f}"
    env.filters["pct"] = lambda x: f"{100 * x:.1f}"
    env.filters["fade"] = fade
    env.globals["zip"] = zip
    return env


def render(name: str, **context: Any) -> str:
    """Template ``name`` (a file of this folder) rendered with ``context``.

    Returns:
        The rendered text (str).

    Raises:
        jinja2.TemplateNotFound: ``name`` is not one of argmine's templates.
        jinja2.UndefinedError: the template uses a name ``context`` does not give.
    """
    return environment().get_template(name).render(**context)


@lru_cache(maxsize=None)
def asset(name: str) -> Markup:
    """The text of a static file of this folder (a stylesheet, a script), to be written into a page as it is.

    Returns:
        The file's text as ``markupsafe.Markup`` (not escaped again)."""
    return Markup(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))
