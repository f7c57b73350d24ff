"""argmine.templates: the jinja2 templates ship as package data, HTML and SVG are autoescaped, markdown is not; the
model card rendered from the shipped model directory is the card that ships with it (models/argmine-default/README.md)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from jinja2 import UndefinedError

from argmine.templates import asset, environment, render

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = ("page.html", "index.html", "legend.html", "graph.svg", "card_document.md", "card_essay.md",
             "benchmark_report.md")


def test_templates_are_package_data_and_parse():
    folder = resources.files("argmine.templates")
    for name in TEMPLATES + ("page.css", "page.js"):
        assert folder.joinpath(name).is_file(), name
    for name in TEMPLATES:
        environment().get_template(name)  # parses
    assert "function" in asset("page.js") and "box-sizing" in asset("page.css")


def test_autoescape_on_for_html_and_svg_only():
    env = environment()
    assert env.autoescape("page.html") and env.autoescape("graph.svg") and env.autoescape("index.html")
    assert not env.autoescape("card_document.md") and not env.autoescape("benchmark_report.md")
    page = env.from_string("<p>{{ x }}</p>").render(x="<b>\ud800</b>")
    assert page == "<p>&lt;b&gt;\ufffd&lt;/b&gt;</p>"  # escaped, a lone surrogate shown as U+FFFD


def test_undefined_names_raise():
    with pytest.raises(UndefinedError):
        render("card_document.md")


def test_shipped_card_is_the_rendered_card():
    from argmine.training.cardgen import render_card

    model = REPO / "models" / "argmine-default"
    assert render_card(model) == (model / "README.md").read_text(encoding="utf-8")


def test_htmlpage_has_no_hand_written_escaping():
    src = (REPO / "argmine" / "export" / "htmlpage.py").read_text(encoding="utf-8")
    assert "escape(" not in src and "_e(" not in src and "<style>" not in src
