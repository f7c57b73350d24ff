"""argmine.inputs: one input (a text file, standard input, a saved web page) read and mined, as ``argmine mine`` does;
the tiny model."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmine.cli import app
from argmine.data import Document
from argmine.errors import (BinaryInputError, InputEncodingError, InputIsADirectoryError, InputNotFoundError, ModelNotFoundError,
                            OptionValueError)
from argmine.inputs import is_html_path, mine_input, read_text_input

TEXT = ("Cities should build protected bike lanes. They make streets safer for everyone, "
        "because drivers slow down where lanes are narrow.\n\nSome say lanes cost parking, but shops gain customers.")


class _Stdin:
    def __init__(self, raw: bytes):
        self.buffer = io.BytesIO(raw)


def test_read_text_input_drops_a_bom_and_names_the_file(tmp_path):
    src = tmp_path / "in.txt"
    src.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert read_text_input(str(src)) == (TEXT, str(src))


def test_read_text_input_reads_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Stdin(TEXT.encode("utf-8")))
    assert read_text_input("-") == (TEXT, "<stdin>")


def test_read_text_input_errors(tmp_path, monkeypatch):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(b"\xef\xbb\xbfabc\xff")
    with pytest.raises(InputEncodingError, match="offset 6"):  # the offset counts the BOM
        read_text_input(str(bad))
    with pytest.raises(InputNotFoundError):
        read_text_input(str(tmp_path / "nope.txt"))
    with pytest.raises(InputIsADirectoryError):
        read_text_input(str(tmp_path))


_DOCX = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xdf\xa4\xd2lZ\x01\x00\x00[Content_Types].xml"


@pytest.mark.parametrize("name, raw, kind", [
    ("op-ed.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "PDF"),
    ("plain-ascii.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),  # decodes, still a PDF
    ("op-ed.docx", _DOCX, "ZIP"),
    ("op-ed.txt.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48\xcd\xc9\xc9\x07\x00", "gzip"),
    ("chart.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG"),
    ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "JPEG"),
    ("blob.bin", b"abc\x00\x00\x17\x9c\xfe\x00\x01\x02\x03" * 8, None),
])
def test_a_binary_file_is_named_binary_with_what_to_do(tmp_path, name, raw, kind):
    src = tmp_path / name
    src.write_bytes(raw)
    with pytest.raises(BinaryInputError) as e:
        read_text_input(str(src))
    msg = str(e.value)
    assert e.value.code == "E014" and isinstance(e.value, InputEncodingError) and e.value.kind == kind
    assert "looks binary" in msg and "not UTF-8" not in msg and "undecodable byte" not in msg
    assert (kind or "binary") in msg and "plain text, Markdown and HTML" in msg
    res = CliRunner().invoke(app, ["mine", str(src), "--model", str(tmp_path / "no-model")])
    assert res.exit_code == 2 and "[E014]" in res.output and "looks binary" in res.output  # before the model loads


@pytest.mark.parametrize("raw", [
    "\ufeffCities should build bike lanes.".encode("utf-16-le"),  # UTF-16 with its BOM: an encoding to convert
    "Caf\u00e9 owners say lanes cost parking.".encode("utf-16-le"),  # without one
    b"Caf\xe9 owners say lanes cost parking.",  # Latin-1
])
def test_text_in_another_encoding_is_not_called_binary(tmp_path, raw):
    src = tmp_path / "in.txt"
    src.write_bytes(raw)
    with pytest.raises(InputEncodingError) as e:
        read_text_input(str(src))
    assert not isinstance(e.value, BinaryInputError) and "Re-encode" in str(e.value)


@pytest.mark.parametrize("path, html", [("page.html", True), ("PAGE.HTM", True), ("a.xhtml", True), ("a.txt", False),
                                        ("-", False), ("html", False)])
def test_is_html_path(path, html):
    assert is_html_path(path) is html


def test_mine_input_is_what_argmine_mine_writes(tiny_model_dir, tmp_path):
    src = tmp_path / "kerbs.txt"
    src.write_text(TEXT, encoding="utf-8")
    doc = mine_input(str(src), str(tiny_model_dir))
    assert isinstance(doc, Document) and doc.id == "kerbs" and doc.text == TEXT
    res = CliRunner().invoke(app, ["mine", str(src), "--model", str(tiny_model_dir)])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == doc.to_dict()
    assert mine_input(str(src), str(tiny_model_dir), doc_id="custom", title="Kerbs").to_dict()["id"] == "custom"


def test_mine_takes_a_precision(tiny_model_dir, tmp_path):
    src = tmp_path / "kerbs.txt"
    src.write_text(TEXT, encoding="utf-8")
    doc = mine_input(str(src), str(tiny_model_dir), precision="bf16")
    doc.validate()
    res = CliRunner().invoke(app, ["mine", str(src), "--model", str(tiny_model_dir), "--precision", "bf16"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == doc.to_dict()
    res = CliRunner().invoke(app, ["mine", str(src), "--model", str(tiny_model_dir), "--precision", "fp16"])
    assert res.exit_code == 2 and "E114" in res.output


def test_mine_input_stdin_has_no_id(tiny_model_dir, monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Stdin(TEXT.encode("utf-8")))
    assert mine_input("-", str(tiny_model_dir)).id is None


def test_mine_input_checks_before_loading_the_model(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text(TEXT, encoding="utf-8")
    seen = []

    def check(text):
        seen.append(text)
        raise RuntimeError("refused")

    with pytest.raises(RuntimeError, match="refused"):  # a missing model is never reached
        mine_input(str(src), str(tmp_path / "no-model"), check=check)
    assert seen == [TEXT]
    with pytest.raises(ModelNotFoundError):
        mine_input(str(src), str(tmp_path / "no-model"))
    with pytest.raises(OptionValueError):  # before the (missing) input is read
        mine_input(str(tmp_path / "missing.txt"), str(tmp_path / "no-model"), min_score=1.5)


def test_mine_input_mines_a_saved_pages_article(tiny_model_dir, tmp_path):
    pytest.importorskip("trafilatura")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from web_pages import ARTICLES, render

    page = tmp_path / "bike-lanes.html"
    page.write_text(render(ARTICLES[0], 0), encoding="utf-8")
    doc = mine_input(str(page), str(tiny_model_dir), check=lambda text: pytest.fail("not called for pages"))
    assert doc.id == "bike-lanes" and doc.meta["title"] == ARTICLES[0]["title"]
    assert doc.meta["file"] == "bike-lanes.html" and doc.text.startswith("The council should build")


def test_a_page_is_read_as_a_page_whatever_its_name_or_from_stdin(tiny_model_dir, tmp_path, monkeypatch):
    pytest.importorskip("trafilatura")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from web_pages import ARTICLES, render

    html = render(ARTICLES[0], 0)
    saved = tmp_path / "bike-lanes_saved"  # no suffix
    saved.write_text(html, encoding="utf-8")
    by_suffix = tmp_path / "bike-lanes.html"
    by_suffix.write_text(html, encoding="utf-8")
    want = mine_input(str(by_suffix), str(tiny_model_dir))
    got = mine_input(str(saved), str(tiny_model_dir), check=lambda text: pytest.fail("not called for pages"))
    assert got.text == want.text and got.meta["title"] == want.meta["title"] and got.meta["file"] == saved.name
    monkeypatch.setattr(sys, "stdin", _Stdin(html.encode("utf-8")))
    piped = mine_input("-", str(tiny_model_dir), title="Build the lanes")
    assert piped.text == want.text and piped.id is None and "file" not in piped.meta
    assert piped.meta["title"] == "Build the lanes"  # a title given wins over the page's own
    assert mine_input(str(by_suffix), str(tiny_model_dir), title="Build the lanes").meta["title"] == "Build the lanes"


@pytest.mark.parametrize("text, page", [
    ("<!DOCTYPE html><html><body><p>x</p></body></html>", True),
    ("  \n<!-- saved --> <html lang='en'><head></head>", True),
    ("<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>", True),
    ("<meta charset='utf-8'><title>t</title><body>", True),
    ("Cities should ban cars. <html> is a tag name.", False),
    ("<b>Bold</b> claims need evidence.", False),
    ("", False),
])
def test_looks_like_html(text, page):
    from argmine.inputs import looks_like_html

    assert looks_like_html(text) is page
