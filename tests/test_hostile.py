"""Hostile text through ``mine``, ``mine_batch`` and ``argmine batch`` (issue 7), with the tiny random-weight model.

Every input gives a Document that keeps CONTRACT.md (offsets into the text exactly as given, units that do not
overlap, relation ends that are units), or a TypeError/ValueError (an error record in ``argmine batch``) that
says what was wrong: never another exception, never a hang. Also the non-English check (argmine.lang).
"""
from __future__ import annotations

import json
import random
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmine.cli import app
from argmine.data import RELATION_LABELS, UNIT_LABELS, Document
from argmine.lang import MIN_WORDS, NonEnglishWarning, detect, english_score, warn_if_not_english

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


# -- the hostile texts ----------------------------------------------------------------------------------------------

SENTENCES = [
    "The city should build protected bike lanes on every major road.",
    "Painted lines do not stop a distracted driver, but a kerb does.",
    "Critics argue that bike lanes hurt local shops.",
    "However, people on bikes visit shops more often and spend more over a month.",
    "Safer streets bring more people onto bikes, which cuts traffic for everyone.",
    "Winter is no excuse, because colder cities than ours have more cyclists.",
    "Therefore, the council should adopt the full plan this year.",
    "It is true that construction will disrupt traffic for a few months.",
]


def article(n_words=20_000, per_paragraph=100, seed=3):
    """An op-ed-like article of about ``n_words`` words in paragraphs of about ``per_paragraph`` words."""
    rng = random.Random(seed)
    paras, total = [], 0
    while total < n_words:
        sents, k = [], 0
        while k < per_paragraph:
            s = rng.choice(SENTENCES)
            sents.append(s)
            k += len(s.split())
        paras.append(" ".join(sents))
        total += k
    return "Why the city needs bike lanes\n\n" + "\n\n".join(paras)


GERMAN = ("Die Stadt sollte geschützte Radwege bauen, weil aufgemalte Linien keine Autos aufhalten. Jedes Jahr werden "
          "tausende Radfahrer von Autofahrern verletzt, die in eine Spur geraten, die nur mit Farbe markiert ist. "
          "Kritiker sagen, dass Radwege den Geschäften schaden. Studien zeigen jedoch, dass Menschen auf Fahrrädern "
          "öfter einkaufen und im Monat mehr ausgeben. Deshalb sollte die Stadt jetzt handeln.")
FRENCH = ("La ville devrait construire des pistes cyclables protégées, car les lignes peintes n'arrêtent pas les "
          "voitures. Chaque année, des milliers de cyclistes sont blessés par des conducteurs qui dérivent dans une "
          "voie marquée seulement par de la peinture. Les critiques disent que les pistes nuisent aux commerces. "
          "Pourtant, les cyclistes visitent les magasins plus souvent. La ville doit donc agir maintenant.")
CHINESE = ("城市应该建设受保护的自行车道，因为画出来的线拦不住汽车。每年都有成千上万的骑车人被驶入只用油漆标记的车道的司机撞伤。"
           "批评者说自行车道会伤害商店。然而，研究表明，骑车的人更常光顾商店，每月花费也更多。因此，城市现在就应该行动。")
ARABIC = ("يجب على المدينة أن تبني مسارات محمية للدراجات لأن الخطوط المرسومة لا توقف السيارات. في كل عام يصاب آلاف "
          "راكبي الدراجات على يد سائقين ينحرفون إلى مسار لم يحدد إلا بالطلاء. يقول المنتقدون إن المسارات تضر بالمتاجر. "
          "لكن الدراسات تظهر أن راكبي الدراجات يزورون المتاجر أكثر وينفقون أكثر في الشهر.")
RUSSIAN = ("Город должен строить защищённые велодорожки, потому что нарисованные линии не останавливают машины. "
           "Каждый год тысячи велосипедистов получают травмы. Критики говорят, что дорожки вредят магазинам. "
           "Однако исследования показывают, что велосипедисты чаще заходят в магазины и тратят больше за месяц.")
HINDI = ("शहर को सुरक्षित साइकिल लेन बनानी चाहिए क्योंकि रंगी हुई रेखाएँ कारों को नहीं रोकतीं। हर साल हज़ारों साइकिल "
         "सवार घायल होते हैं। आलोचक कहते हैं कि लेन दुकानों को नुकसान पहुँचाती हैं। लेकिन अध्ययन दिखाते हैं कि "
         "साइकिल सवार दुकानों पर अधिक बार जाते हैं।")
HTML = """<!DOCTYPE html><html><head><title>Bike lanes &amp; shops</title>
<style>body { font: 12px/1.4 sans-serif } p:after { content: "\\201C" }</style>
<script>var x = "</p>"; if (a < b && c > d) { document.write('<p>' + x) }</script></head>
<body><!-- a comment with -- dashes --><nav><a href="/">Home</a> | <a href="/news?id=1&amp;x=2">News</a></nav>
<h1 class="t" data-x='1'>Why we need bike lanes</h1>
<p>The city <b>should</b> build protected lanes, because <i>paint</i> does not stop cars.&nbsp;Kerbs do.</p>
<p>Critics say lanes hurt shops&hellip; However, cyclists shop more often &#8212; studies show it.</p>
<img src="x.png" alt="a &quot;bike&quot;" onerror="alert(1)"/><br/><![CDATA[ raw <data> ]]>
</body></html>"""

SHORT_HOSTILE = {
    "empty": "",
    "blank": " \t \n\n \r\n\u00a0\u2028\u3000\u2029 \x0b\x0c ",
    "nul_bytes": "\x00Kerbs save lives\x00.\x00\x00 Paint does not\x00stop cars.\x00\n\n\x00\x00\x00",
    "only_nul": "\x00" * 50,
    "c0_c1_controls": "".join(chr(c) for c in range(0, 32)) + " Kerbs save lives " + "".join(chr(c) for c in range(127, 160))
                      + " because paint \x1b[1;31mdoes not\x1b[0m stop cars\x07.",
    "lone_surrogates": "\ud800Kerbs save \udfff lives.\n\n\udc00\ud800 Paint \ud83d does not stop cars \udbff",
    "surrogate_only": "\ud800\udc00\udfff",  # a reversed pair is still two lone surrogates
    "emoji": ("\U0001F6B2\u200d\u2640\ufe0f Kerbs save lives \U0001F44D\U0001F3FD\U0001F1E9\U0001F1EA because "
              "\U0001F468\u200d\U0001F469\u200d\U0001F467 paint \u2764\ufe0f does not stop cars \U0001F697\U0001F4A8."),
    "rtl": ("\u202eKerbs save lives.\u202c \u200fהמדינה צריכה לבנות נתיבים\u200f. "
            "\u2067يجب بناء المسارات\u2069 because paint does not stop cars \u061f \u202bמוגן\u202c."),
    "combining": ("Cafe\u0301s gain customers. " + "Z" + "\u0300\u0301\u0302\u0303\u0308\u0336" * 40
                  + "algo text because cycli\u0308sts stop more often. \u0301\u0302 leading marks."),
    "crlf": "Why kerbs\r\n\r\nKerbs save lives.\r\nPaint does not stop cars.\r\n\r\n\r\nSo build kerbs.\r\n",
    "cr_only": "Why kerbs\r\rKerbs save lives.\rPaint does not stop cars.\r\rSo build kerbs.\r",
    "unicode_line_breaks": ("Kerbs save lives.\u2028Paint does not stop cars.\u2029So build kerbs.\x85"
                            "Shops gain.\x0bCars slow down.\x0cRiders are safe.\x1cA\x1dB\x1eC"),
    "zero_width_and_bom": "\ufeffKerbs\u200b save\u200d lives\u2060 because\u00ad paint\ufeff does not stop cars.",
    "html": HTML,
    "only_punctuation": "!!! ??? ... --- ,,, \u2026 \u00bf\u00a1 \u3002\u3001 " * 3,
    "private_use_and_unassigned": "Kerbs \ue000\uf8ff save \U000f0000 lives \u0378\U000e01ef because paint \uffff\ufffe.",
    "fullwidth_and_math": "\uff2b\uff45\uff52\uff42\uff53 save lives \U0001d400\U0001d401 because \u00bd paint \u2460.",
    "german": GERMAN,
    "french": FRENCH,
    "chinese": CHINESE,
    "arabic": ARABIC,
    "russian": RUSSIAN,
    "hindi": HINDI,
}

N = 200_000
LONG_HOSTILE = {
    "no_space_one_word": "x" * N,
    "no_space_dotted_word": ("kerbs.save-lives'" * (N // 17 + 1))[:N],
    "no_space_cjk": (CHINESE.replace("，", "") * (N // len(CHINESE) + 1))[:N],
    "no_space_base64": ("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkrLw==" * (N // 48 + 1))[:N],
    "article_20000_words": article(20_000),
}


# -- mine ----------------------------------------------------------------------------------------------------------

@quiet_language
@pytest.mark.parametrize("name", sorted(SHORT_HOSTILE))
def test_mine_keeps_the_contract_on_hostile_text(tiny_miner, name):
    text = SHORT_HOSTILE[name]
    check(tiny_miner.mine(text, id=name), text, name)


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


@quiet_language
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_texts())
def test_property_mine_keeps_offsets(tiny_miner, text):
    check(tiny_miner.mine(text, id="p"), text, "p")


@quiet_language
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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


# -- non-English input (argmine.lang) ------------------------------------------------------------------------------

OPED = FIXTURE.read_text(encoding="utf-8")


@pytest.mark.parametrize("text", [OPED, OPED.upper(), article(400), SENTENCES[0] * 3, "Kerbs save lives."],
                         ids=["oped", "oped_upper", "article", "repeated", "short"])
def test_english_and_short_texts_count_as_english(text):
    assert detect(text)["english"] is True


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t", "!!! 123 456"], ids=["empty", "blank", "breaks", "no_words"])
def test_a_text_without_words_is_not_claimed_english(text, tiny_miner):
    """Issue 12: an empty text reported english: True. Nothing in it is English, and nothing was judged."""
    assert detect(text) == {"english": False, "score": 0.0, "judged": False}
    with warnings.catch_warnings():
        warnings.simplefilter("error", NonEnglishWarning)  # too short to judge: no warning
        doc = tiny_miner.mine(text)
    assert doc.meta["language"] == {"english": False, "score": 0.0, "judged": False}
    assert warn_if_not_english(doc.meta["language"]) is False


def test_judged_says_whether_the_text_was_long_enough_to_tell():
    assert {k: v for k, v in detect("Kerbs save lives.").items() if k != "score"} == {"english": True, "judged": False}
    assert detect(OPED)["judged"] is True and detect(GERMAN)["judged"] is True


def test_english_op_ed_scores_high():
    assert detect(OPED)["score"] > 0.9 and english_score(OPED)["function_words"] > 0.25


@pytest.mark.parametrize("text", [GERMAN, FRENCH, CHINESE, ARABIC, RUSSIAN, HINDI],
                         ids=["german", "french", "chinese", "arabic", "russian", "hindi"])
def test_other_languages_are_not_english(text):
    d = detect(text)
    assert d["english"] is False and d["score"] < 0.3


def test_short_non_english_is_not_judged():
    assert english_score("Die Stadt sollte Radwege bauen.")["words"] < MIN_WORDS
    assert detect("Die Stadt sollte Radwege bauen.")["english"] is True
    assert detect("城市应该建设受保护的自行车道")["english"] is True  # 14 characters: too few to judge


def test_detect_rejects_non_str():
    with pytest.raises(TypeError, match="bytes"):
        detect(b"the city")


def test_mine_records_the_language_and_warns_once_per_non_english_text(tiny_miner):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = list(tiny_miner.mine_batch([OPED, GERMAN, "Kurz.", CHINESE, "", FRENCH], ids=list("abcdef")))
    ours = [w for w in caught if issubclass(w.category, NonEnglishWarning)]
    assert len(ours) == 3
    assert ["'b'" in str(ours[0].message), "'d'" in str(ours[1].message), "'f'" in str(ours[2].message)] == [True] * 3
    assert all("English" in str(w.message) for w in ours)
    assert [d.meta["language"]["english"] for d in docs] == [True, False, True, False, False, False]  # "": no words (issue 12)
    assert docs[0].meta["language"]["score"] > 0.9
    assert issubclass(NonEnglishWarning, UserWarning)


def test_no_warning_for_english(tiny_miner):
    with warnings.catch_warnings():
        warnings.simplefilter("error", NonEnglishWarning)
        tiny_miner.mine(OPED)
        tiny_miner.mine("Kurz und gut.")


def test_the_warning_points_at_the_caller(tiny_miner):
    with pytest.warns(NonEnglishWarning) as rec:
        list(tiny_miner.mine_batch([GERMAN]))
    assert rec[0].filename == __file__


def test_warn_if_not_english():
    assert warn_if_not_english({"english": True, "score": 1.0}) is False
    with pytest.warns(NonEnglishWarning, match="a text does not look like English"):
        assert warn_if_not_english({"english": False, "score": 0.0}) is True
