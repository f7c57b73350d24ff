"""The Webis-Editorials-16 reader (argmine.corpora.webis) and find_data_dir (argmine.corpora.base).

Synthetic XMI written here exercises the parser without the corpus; the real-corpus checks read it at run time
from the data directory and are skipped when it is absent.
"""
from pathlib import Path

import pytest

from argmine.corpora.base import find_data_dir
from argmine.corpora.webis import EVIDENCE_TYPES, parse_webis_xmi, read_webis

ROOT = Path(__file__).resolve().parent.parent

SYNTHETIC = """<?xml version="1.0" encoding="utf-8"?><xmi:XMI xmlns:tcas="http:///uima/tcas.ecore" \
xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore" \
xmlns:argumentation="http:///de/aitools/ie/uima/type/argumentation.ecore" xmi:version="2.0">
    <cas:NULL xmi:id="0"/>
    <argumentation:ArgumentativeDiscourseUnit xmi:id="6" sofa="9" begin="0" end="26" unitType="assumption"/>
    <argumentation:ArgumentativeDiscourseUnit xmi:id="7" sofa="9" begin="27" end="31" unitType="no-unit"/>
    <argumentation:ArgumentativeDiscourseUnit xmi:id="8" sofa="9" begin="31" end="57" unitType="statistics"/>
    <argumentation:ArgumentativeDiscourseUnit xmi:id="10" sofa="9" begin="59" end="76" unitType="testimony"/>
    <argumentation:MetadataWebis16Editorials xmi:id="11" sofa="9" begin="0" end="82" portal="guardian" \
authors="Jane Doe" title="Kerbs &amp; paint" articleSum="Line one&amp;#10;line two" url="http://example.org/x" \
lastUpdate="2015-01-01T00:00:00Z"/>
    <cas:Sofa xmi:id="9" sofaNum="1" sofaID="_InitialView" mimeType="text" sofaString="{sofa}"/>
</xmi:XMI>
"""
# 0..26 "Paint does not protect us " (trailing space trimmed), 27..31 "and ", 31..57 "kerbs cut injuries by 40%.",
# UTF-16 59..76 "\U0001F6B2 said the mayor" is code points 59..75 (the emoji takes two UTF-16 units)
SOFA_TEXT = "Paint does not protect us ,and kerbs cut injuries by 40%.\n\n\U0001F6B2 said the mayor today."


def _xml_attr(s):
    return s.replace("&", "&amp;").replace('"', "&quot;").replace("\n", "&#10;")


def _write_split(tmp_path, split_dir="training", name="001-example.xmi"):
    folder = tmp_path / "webis-editorials-16" / "annotated-xmi" / "split-for-evaluation-final" / split_dir
    folder.mkdir(parents=True)
    (folder / name).write_text(SYNTHETIC.replace("{sofa}", _xml_attr(SOFA_TEXT)), encoding="utf-8")
    return folder / name


def test_parse_synthetic_xmi(tmp_path):
    path = _write_split(tmp_path)
    doc = parse_webis_xmi(path, "train")
    doc.validate()
    assert doc.text == SOFA_TEXT
    assert doc.id == "001-example"
    assert [doc.unit_text(u) for u in doc.units] == [
        "Paint does not protect us", "kerbs cut injuries by 40%.", "\U0001F6B2 said the mayor"]
    assert [u.label for u in doc.units] == ["Premise"] * 3
    assert [u.extra["evidence_type"] for u in doc.units] == ["assumption", "statistics", "testimony"]
    assert [u.id for u in doc.units] == ["U1", "U2", "U3"]
    assert doc.relations == []
    assert doc.meta["portal"] == "guardian" and doc.meta["title"] == "Kerbs & paint"
    assert doc.meta["summary"] == "Line one\nline two" and doc.meta["split"] == "train"
    d = doc.to_dict()
    assert d["units"][1]["evidence_type"] == "statistics"
    assert type(doc).from_dict(d) == doc


def test_split_names_and_aliases(tmp_path):
    _write_split(tmp_path, "training")
    _write_split(tmp_path, "validation", "002-other.xmi")
    assert [d.id for d in read_webis(tmp_path, "train")] == ["001-example"]
    assert [d.id for d in read_webis(tmp_path, "training")] == ["001-example"]
    assert [d.id for d in read_webis(tmp_path, "dev")] == ["002-other"]
    assert [d.id for d in read_webis(str(tmp_path), "validation")] == ["002-other"]
    with pytest.raises(ValueError, match="split"):
        read_webis(tmp_path, "test")


def test_missing_corpus_says_which_directory(tmp_path):
    with pytest.raises(FileNotFoundError) as err:
        read_webis(tmp_path, "train")
    assert "webis-editorials-16" in str(err.value) and "annotated-xmi" in str(err.value)
    _write_split(tmp_path, "training")
    with pytest.raises(FileNotFoundError, match="validation"):
        read_webis(tmp_path, "validation")


def test_find_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("ARGMINE_DATA", raising=False)
    assert find_data_dir(tmp_path) == tmp_path
    with pytest.raises(FileNotFoundError):
        find_data_dir(tmp_path / "missing")
    env_dir = tmp_path / "env"
    env_dir.mkdir()
    monkeypatch.setenv("ARGMINE_DATA", str(env_dir))
    assert find_data_dir() == env_dir
    assert find_data_dir(tmp_path) == tmp_path  # the explicit argument wins
    monkeypatch.setenv("ARGMINE_DATA", str(tmp_path / "nowhere"))
    with pytest.raises(FileNotFoundError, match="ARGMINE_DATA"):
        find_data_dir()
    monkeypatch.delenv("ARGMINE_DATA")
    project = tmp_path / "project"
    shared = tmp_path / "shared" / "data"
    project.mkdir()
    monkeypatch.chdir(project)
    with pytest.raises(FileNotFoundError) as err:
        find_data_dir()
    assert "--data-dir" in str(err.value) and "ARGMINE_DATA" in str(err.value)
    shared.mkdir(parents=True)
    assert find_data_dir() == shared.resolve()


# -- the real corpus ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("split,n_docs", [("train", 180), ("validation", 60)])
def test_real_corpus(webis_dir, split, n_docs):
    docs = read_webis(webis_dir, split)
    assert len(docs) == n_docs
    assert len({d.id for d in docs}) == n_docs
    n_units = 0
    for doc in docs:
        doc.validate()
        assert doc.units and doc.relations == []
        assert doc.meta["portal"] in ("aljazeera", "foxnews", "guardian")
        for u in doc.units:
            text = doc.unit_text(u)
            assert u.label == "Premise"
            assert u.extra["evidence_type"] in EVIDENCE_TYPES
            assert text == text.strip() and text
        n_units += len(doc.units)
    print(f"webis {split}: {len(docs)} documents, {n_units} units")
    assert 30 * n_docs <= n_units <= 70 * n_docs
