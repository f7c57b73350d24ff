"""argmine.miner on hostile input: ``mine``, ``mine_batch`` and ``argmine batch`` (issue 7), tiny random-weight model.

Every input gives a Document that keeps CONTRACT.md (offsets into the text exactly as given, units that do not
overlap, relation ends that are units), or a TypeError/ValueError (an error record in ``argmine batch``) that
says what was wrong: never another exception, never a hang. The texts: tests/hostile_texts.py; the
non-English check (argmine.lang): tests/test_lang.py.
"""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmine.cli import app
from argmine.data import RELATION_LABELS, UNIT_LABELS, Document
from argmine.lang import NonEnglishWarning
from hostile_texts import HTML, LONG_HOSTILE, SHORT_HOSTILE

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "argumentative.txt"

quiet_language = pytest.mark.filterwarnings("ignore::argmine.lang.NonEnglishWarning")


def check(doc, text, doc_id=None):
    """What CONTRACT.md promises about a mined document, whatever the text."""
    assert isinstance(doc, Document)
    assert doc.text == text and doc.id == doc_id
    doc.validate()
    d = doc.to_dict()
    assert d["text"] == text and d["schema_version"] == 1
    ids = {u["id"] for u in d["units"]}
    assert len(ids) == len(d["units"])
    last = 0
    for u in sorted(d["units"], key=lambda u: u["start"]):
        assert type(u["start"]) is int and type(u["end"]) is int
        assert last <= u["start"] < u["end"] <= len(text)
        assert text[u["start"]:u["end"]] == u["text"]
        assert not u["text"][0].isspace() and not u["text"][-1].isspace()
        assert u["label"] in UNIT_LABELS and 0.0 <= u["score"] <= 1.0
        last = u["end"]
    out = set()
    for r in d["relations"]:
        assert r["label"] in RELATION_LABELS and r["source"] in ids and r["target"] in ids
        assert r["source"] != r["target"] and r["source"] not in out  # at most one outgoing relation
        out.add(r["source"])
    lang = d["meta"]["language"]
    assert type(lang["english"]) is bool and isinstance(lang["score"], float) and 0.0 <= lang["score"] <= 1.0
    # JSON round trip. ensure_ascii=False: with \\u escapes, a high and a low lone surrogate side by side would be
    # read back as one astral character (JSON's rule), which no UTF-8 text can hold anyway (argmine batch refuses it)
    assert Document.from_dict(json.loads(json.dumps(d, ensure_ascii=False))) == doc
    return d

# -- mine ----------------------------------------------------------------------------------------------------------

@quiet_language
@pytest.mark.parametrize("name", sorted(SHORT_HOSTILE))
def test_mine_keeps_the_contract_on_hostile_text(tiny_miner, name):
    text = SHORT_HOSTILE[name]
    check(tiny_miner.mine(text, id=name), text, name)


@pytest.mark.slow
@quiet_language
def test_mine_batch_keeps_the_contract_and_order_on_hostile_text(tiny_miner):
    names = sorted(SHORT_HOSTILE) + sorted(LONG_HOSTILE)
    texts = [{**SHORT_HOSTILE, **LONG_HOSTILE}[n] for n in names]
    docs = list(tiny_miner.mine_batch(texts, ids=names, batch_size=3))
    assert [d.id for d in docs] == names
    for name, text, doc in zip(names, texts, docs):
        check(doc, text, name)
        if name in SHORT_HOSTILE:  # batching with very long texts changes nothing
            assert doc == tiny_miner.mine(text, id=name), name
    art = docs[names.index("article_20000_words")]
    assert art.units and max(u.end for u in art.units) > 0.9 * len(art.text), "the whole article is mined"
    assert max(u.extra["paragraph"] for u in art.units) > 150


@pytest.mark.parametrize("bad, exc, needle", [
    (None, TypeError, "NoneType"), (b"Kerbs save lives.", TypeError, "bytes"), (bytearray(b"x"), TypeError, "bytearray"),
    (["Kerbs"], TypeError, "list"), (42, TypeError, "int"),
])
def test_mine_batch_names_what_was_wrong(tiny_miner, bad, exc, needle):
    with pytest.raises(exc, match=needle):
        list(tiny_miner.mine_batch(["Kerbs save lives.", bad]))


def test_mine_batch_names_the_index_of_a_text_that_is_not_a_str(tiny_miner):
    from argmine.errors import ArgumentTypeError

    with pytest.raises(ArgumentTypeError, match=r"^\[E111\] texts\[3\] must be a str; got NoneType\b"):
        list(tiny_miner.mine_batch(["Kerbs save lives."] * 3 + [None]))
    # in a later block of the input (32 texts a block here), the index still counts from the first text
    with pytest.raises(ArgumentTypeError, match=r"^\[E111\] texts\[33\] must be a str; got int\b"):
        list(tiny_miner.mine_batch(iter(["Kerbs save lives."] * 33 + [42]), batch_size=1))
    with pytest.raises(ArgumentTypeError, match=r"^\[E111\] text must be a str; got NoneType\b"):  # one text: no index
        tiny_miner.mine(None)


def test_a_str_subclass_is_a_str(tiny_miner):
    class Text(str):
        pass

    text = Text("Kerbs save lives because paint does not stop cars.")
    check(tiny_miner.mine(text, id="sub"), str(text), "sub")


# -- property-based: random Unicode, random paragraph breaks -------------------------------------------------------

ALL_CATEGORIES = ["Cc", "Cf", "Cn", "Co", "Cs", "Ll", "Lm", "Lo", "Lt", "Lu", "Mc", "Me", "Mn", "Nd", "Nl", "No",
                  "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "Sc", "Sk", "Sm", "So", "Zl", "Zp", "Zs"]
BREAKS = ["", " ", "  ", "\t", "\n", "\n\n", "\n \n", "\r\n", "\r\n\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c",
          "\u00a0", "\u3000", ". ", ".\n\n"]
WORDS = ["Kerbs", "save", "lives", "because", "paint", "does", "not", "stop", "cars", "so", "the", "city", "should",
         "build", "lanes", "However", ",", ".", "!", "?", "don't", "e.g.", "U.S.", "re-elect", "\u201cquote\u201d"]

SPECIALS = ["\x00", "\x1b", "\x7f", "\ufeff", "\u200b", "\u200d", "\u202e", "\u200f", "\u2067", "\u0301", "\u0308",
            "\U0001F6B2", "\U0001F3FD", "\ufffd", "\uffff", "\ue000", "<p>", "&amp;", "\u05d0", "\u0627", "\u4e2d"]
chunk = st.one_of(
    st.text(alphabet=st.characters(categories=ALL_CATEGORIES), max_size=12),
    st.text(alphabet=st.characters(categories=["Cs"]), min_size=1, max_size=3),  # lone surrogates, also side by side
    st.sampled_from(SPECIALS),
    st.sampled_from(WORDS),
    st.sampled_from(BREAKS),
)


@st.composite
def hostile_texts(draw, max_size=200):
    parts = draw(st.lists(st.tuples(chunk, st.sampled_from(BREAKS)), max_size=40))
    return "".join(a + b for a, b in parts)[:max_size]


@pytest.mark.slow
@quiet_language
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_texts())
def test_property_mine_keeps_offsets(tiny_miner, text):
    check(tiny_miner.mine(text, id="p"), text, "p")


@pytest.mark.slow
@quiet_language
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(hostile_texts(), max_size=4), batch_size=st.integers(1, 3))
def test_property_mine_batch_keeps_offsets_and_order(tiny_miner, texts, batch_size):
    ids = [f"t{i}" for i in range(len(texts))]
    docs = list(tiny_miner.mine_batch(texts, ids=ids, batch_size=batch_size))
    assert len(docs) == len(texts)
    for text, i, doc in zip(texts, ids, docs):
        check(doc, text, i)


# -- argmine batch -------------------------------------------------------------------------------------------------

def _runner():
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:
        return CliRunner()


@pytest.mark.slow  # a 360,000-character record through the CLI
def test_cli_batch_on_hostile_records(tmp_path, tiny_model_dir):
    recs = [(n, SHORT_HOSTILE[n]) for n in sorted(SHORT_HOSTILE)]
    recs += [(n, LONG_HOSTILE[n]) for n in ("no_space_one_word", "no_space_dotted_word")]
    recs.append(("too_long", "Kerbs save lives. " * 20_000))  # 360,000 characters, over --max-chars
    src = tmp_path / "in.jsonl"
    # json.dumps writes lone surrogates as \\u escapes: records that JSON allows but UTF-8 cannot hold
    src.write_text("".join(json.dumps({"id": n, "text": t}) + "\n" for n, t in recs), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with warnings.catch_warnings():
        warnings.simplefilter("error", NonEnglishWarning)  # batch records the language, it does not warn per record
        res = _runner().invoke(app, ["batch", str(src), "-o", str(out), "--model", str(tiny_model_dir),
                                     "--max-chars", "250000", "--chunk-size", "5"])
    assert res.exit_code == 0, res.output
    assert "not in English" in res.stderr
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    errs = [json.loads(line) for line in (tmp_path / "out.jsonl.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    by_id = dict(recs)
    bad = {"lone_surrogates", "surrogate_only", "too_long"}
    assert {e["id"] for e in errs} == bad
    for e in errs:
        assert ("surrogate" in e["error"]) if e["id"] != "too_long" else ("--max-chars" in e["error"])
    assert [d["id"] for d in docs] == [n for n, _ in recs if n not in bad]  # input order
    for d in docs:
        doc = Document.from_dict(d)
        check(doc, by_id[d["id"]], d["id"])
        assert d["meta"]["line"] == [n for n, _ in recs].index(d["id"]) + 1
    assert {d["id"]: d["meta"]["language"]["english"] for d in docs}["german"] is False


@pytest.mark.parametrize("page", [HTML, "  <html lang='en'>\n<body><p>Cities should ban cars.</p></body></html>"])
def test_a_whole_web_page_is_refused_with_what_to_do(tiny_miner, page):
    from argmine.errors import ArgumentValueError

    with pytest.raises(ArgumentValueError, match=r"text must be prose .*got a whole web page.*extract_article"):
        tiny_miner.mine(page)
    with pytest.raises(ArgumentValueError, match=r"texts\[1\] must be prose"):
        list(tiny_miner.mine_batch(["Cities should ban cars.", page]))


def test_an_html_fragment_is_still_mined(tiny_miner):
    doc = tiny_miner.mine("<p>Cities should ban cars from their centres.</p>\n<p>Cars pollute the air we breathe.</p>")
    assert doc.text.startswith("<p>")


def test_python_errors_name_keywords_and_the_argument_given(tiny_miner):
    import copy

    from argmine.errors import ArgumentTypeError, ArgumentValueError, OptionValueError

    with pytest.raises(ArgumentTypeError) as e:
        tiny_miner.mine(None)
    assert "Decode" not in str(e.value) and "as a str" in str(e.value)
    with pytest.raises(ArgumentTypeError, match="Decode it first"):
        tiny_miner.mine(b"bytes")
    with pytest.raises(ArgumentTypeError) as e:
        tiny_miner.mine("Cities should build bike lanes.", title=5)
    assert str(e.value).startswith("[E111] title must be a str or None; got int.") and "titles" not in str(e.value)
    short = copy.copy(tiny_miner)
    short.max_chars = 10
    with pytest.raises(ArgumentValueError) as e:
        short.mine("Cities should build bike lanes.")
    assert "max_chars=N" in str(e.value) and "--max-chars" not in str(e.value) and str(e.value).endswith(".")
    with pytest.raises(OptionValueError) as e:
        tiny_miner.mine("Cities should build bike lanes.", min_score=2)
    assert str(e.value).startswith("[E108] min_score must be")
