"""Exports (issue 6): AIF (golden file, lossless round trip), brat (round trip through argmine's AAEC reader),
HTML (escaping, self-contained, rendered in headless Chromium when it is installed) and the CLI
(``mine --format`` and ``render``).

Regenerate the golden files after an intended change with ``ARGMINE_UPDATE_GOLDEN=1 pytest tests/test_export.py``.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmine import ArgumentUnit, Document, Relation
from argmine.corpora.aaec import parse_brat
from argmine.export import FORMATS, dumps, from_aif, index_html, page_names, to_aif, to_brat, to_html

FIX = Path(__file__).parent / "fixtures" / "export"
GOLDEN_TS = "2024-05-01 12:00:00"
UPDATE = os.environ.get("ARGMINE_UPDATE_GOLDEN") == "1"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
OPED = Path(__file__).resolve().parent.parent / "data" / "examples" / "oped.txt"


@pytest.fixture(scope="module")
def doc() -> Document:
    d = Document.from_dict(json.loads((FIX / "doc.json").read_text(encoding="utf-8")))
    d.validate()
    return d


def _golden(name: str, actual: str) -> str:
    path = FIX / name
    if UPDATE:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(actual)
    return path.read_text(encoding="utf-8")


def _injection_doc() -> Document:
    bad = "<script>document.body.setAttribute('data-pwned','1')</script>"
    img = '<img src=x onerror="document.body.setAttribute(\'data-pwned\',\'1\')">'
    text = f"We must act {bad} now. Because {img} & \"quotes\" matter. Plain end."
    s1 = text.index("We must")
    e1 = text.index(" now") + len(" now")
    s2 = text.index("Because")
    e2 = text.index("matter") + len("matter")
    units = [ArgumentUnit('U"1', s1, e1, "MajorClaim", 0.9), ArgumentUnit("U<2>", s2, e2, "Premise", 0.5)]
    return Document(text=text, units=units, relations=[Relation("U<2>", 'U"1', "supports", 0.7)],
                    id="<script>alert('id')</script>", model={"name": "<img src=x onerror=alert(1)>", "version": "0"})


def _sig(doc: Document, idmap=None):
    idmap = idmap or {}
    units = sorted((u.start, u.end, u.label) for u in doc.units)
    at = {u.id: (u.start, u.end) for u in doc.units}
    rels = sorted((at[idmap.get(r.source, r.source)], at[idmap.get(r.target, r.target)], r.label) for r in doc.relations)
    return units, rels


def _brat_sig(doc: Document, ann: str):
    back = parse_brat(doc.text, ann, doc.id or "x")
    back.validate()
    return _sig(back)


# -- AIF ---------------------------------------------------------------------------------------------------
def test_aif_matches_golden_file(doc):
    got = json.dumps(to_aif(doc, timestamp=GOLDEN_TS), ensure_ascii=False, indent=2) + "\n"
    assert json.loads(got) == json.loads(_golden("doc.aif.json", got))


def test_aif_shape_is_aifdb_json(doc):
    aif = to_aif(doc, timestamp=GOLDEN_TS)
    assert set(aif) >= {"nodes", "edges", "locutions"} and aif["locutions"] == []
    nodes = {n["nodeID"]: n for n in aif["nodes"]}
    assert len(nodes) == len(aif["nodes"]) == len(doc.units) + len(doc.relations)
    for n in aif["nodes"]:
        assert {"nodeID", "text", "type", "timestamp"} <= set(n)
        assert isinstance(n["nodeID"], str) and n["nodeID"].isdigit()
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", n["timestamp"])
    i_nodes = [n for n in aif["nodes"] if n["type"] == "I"]
    assert [n["text"] for n in i_nodes] == [doc.unit_text(u) for u in doc.units]
    kinds = [n["type"] for n in aif["nodes"] if n["type"] != "I"]
    assert kinds == ["RA" if r.label == "supports" else "CA" for r in doc.relations]
    assert {n["text"] for n in aif["nodes"] if n["type"] == "RA"} == {"Default Inference"}
    assert {n["text"] for n in aif["nodes"] if n["type"] == "CA"} == {"Default Conflict"}
    edge_ids = [e["edgeID"] for e in aif["edges"]]
    assert len(set(edge_ids)) == len(edge_ids) == 2 * len(doc.relations)
    for e in aif["edges"]:
        a, b = nodes[e["fromID"]]["type"], nodes[e["toID"]]["type"]
        assert (a == "I" and b in ("RA", "CA")) or (a in ("RA", "CA") and b == "I")
    # each S-node: exactly one premise I-node in, one conclusion I-node out, matching the relation
    unit_of = {n["nodeID"]: n["argmine"]["id"] for n in i_nodes}
    s_nodes = [n for n in aif["nodes"] if n["type"] != "I"]
    for n, r in zip(s_nodes, doc.relations):
        ins = [e["fromID"] for e in aif["edges"] if e["toID"] == n["nodeID"]]
        outs = [e["toID"] for e in aif["edges"] if e["fromID"] == n["nodeID"]]
        assert [unit_of[x] for x in ins] == [r.source] and [unit_of[x] for x in outs] == [r.target]


def test_aif_round_trip_is_lossless(doc, tiny_miner):
    assert from_aif(json.loads(json.dumps(to_aif(doc)))) == doc
    mined = tiny_miner.mine(OPED.read_text(encoding="utf-8"), id="oped")
    assert mined.units, "the tiny model should find units in the op-ed"
    assert from_aif(json.loads(json.dumps(to_aif(mined)))) == mined
    assert from_aif(to_aif(Document(text=""))) == Document(text="")


def test_aif_golden_file_reads_back(doc):
    assert from_aif(json.loads((FIX / "doc.aif.json").read_text(encoding="utf-8"))) == doc


def test_from_aif_reads_plain_aif_without_argmine_keys(doc):
    aif = to_aif(doc)
    plain = {"nodes": [{k: v for k, v in n.items() if k != "argmine"} for n in aif["nodes"]],
             "edges": aif["edges"], "locutions": []}
    back = from_aif(plain, text=doc.text)
    back.validate()
    assert [(u.start, u.end) for u in back.units] == [(u.start, u.end) for u in doc.units]
    assert _sig(back)[1] == _sig(doc)[1]
    labels = {(u.start, u.end): u.label for u in back.units}
    mc = doc.unit("U1")
    assert labels[(mc.start, mc.end)] == "MajorClaim"
    p = doc.unit("U4")
    assert labels[(p.start, p.end)] == "Premise"
    # no text at all: the I-node texts make one
    alone = from_aif(plain)
    assert [alone.unit_text(u) for u in alone.units] == [doc.unit_text(u) for u in doc.units]


def test_from_aif_reads_aifdb_style_maps():
    # integer ids, locution and other node types, a node whose text is not in the given text
    aif = {"nodes": [{"nodeID": 1, "text": "Britain should disarm", "type": "I"},
                     {"nodeID": 2, "text": "Default Inference", "type": "RA"},
                     {"nodeID": 3, "text": "Nuclear weapons are costly", "type": "I"},
                     {"nodeID": 4, "text": "Rebecca says: Nuclear weapons are costly", "type": "L"},
                     {"nodeID": 5, "text": "Default Conflict", "type": "CA"},
                     {"nodeID": 6, "text": "They keep the peace", "type": "I"}],
           "edges": [{"edgeID": 1, "fromID": 3, "toID": 2}, {"edgeID": 2, "fromID": 2, "toID": 1},
                     {"edgeID": 3, "fromID": 6, "toID": 5}, {"edgeID": 4, "fromID": 5, "toID": 1},
                     {"edgeID": 5, "fromID": 4, "toID": 3}],
           "locutions": [{"nodeID": 4, "personID": 1}]}
    d = from_aif(aif, text="Britain should disarm. Nuclear weapons are costly.")
    d.validate()
    assert [(d.unit_text(u), u.label) for u in d.units] == [("Britain should disarm", "MajorClaim"),
                                                            ("Nuclear weapons are costly", "Claim")]
    assert [(r.source, r.target, r.label) for r in d.relations] == [("U2", "U1", "supports")]
    d = from_aif(aif)
    assert [r.label for r in d.relations] == ["supports", "attacks"] and len(d.units) == 3


# -- brat --------------------------------------------------------------------------------------------------
def test_brat_matches_golden_file(doc):
    ann = to_brat(doc)
    assert ann == _golden("doc.ann", ann)


def test_brat_follows_aaec_conventions(doc):
    lines = to_brat(doc).splitlines()
    assert lines[0] == "T1\tMajorClaim 0 40\tCities should build protected bike lanes"
    assert "A1\tStance T3 For" in lines and "A3\tStance T7 Against" in lines
    assert "R1\tsupports Arg1:T2 Arg2:T3\t" in lines
    # the claim's relation to the first MajorClaim is its stance, not an R-line; to another MajorClaim it is one
    assert not any(ln.startswith("R") and "Arg2:T1\t" in ln for ln in lines)
    assert any(ln.startswith("R") and ln.endswith("supports Arg1:T6 Arg2:T8\t") for ln in lines)


def test_brat_round_trip_through_the_aaec_reader(doc, tiny_miner):
    assert _brat_sig(doc, to_brat(doc)) == _sig(doc)
    mined = tiny_miner.mine(OPED.read_text(encoding="utf-8"), id="oped")
    assert _brat_sig(mined, to_brat(mined)) == _sig(mined)
    back = parse_brat(doc.text, to_brat(doc), "x")
    assert {u.start: u.extra.get("stance") for u in back.units if u.label == "Claim"} == \
        {u.start: u.extra.get("stance") for u in doc.units if u.label == "Claim"}


def test_brat_keeps_offsets_on_units_spanning_lines():
    text = "First line\nsecond line\tend. Other."
    d = Document(text=text, units=[ArgumentUnit("a", 0, 26, "Claim"), ArgumentUnit("b", 28, 33, "Premise")],
                 relations=[Relation("b", "a", "attacks")])
    ann = to_brat(d)
    assert ann.splitlines()[0] == "T1\tClaim 0 26\tFirst line second line end"
    assert _brat_sig(d, ann) == _sig(d)


@st.composite
def documents(draw):
    n_words = draw(st.integers(1, 30))
    words = [draw(st.text("abcé€😀<>&\"'\u2028\x0c", min_size=1, max_size=4)) for _ in range(n_words)]
    seps = [draw(st.sampled_from([" ", "\n", "\n\n", "\t", ", "])) for _ in range(n_words)]
    text = "".join(w + s for w, s in zip(words, seps))
    starts, pos = [], 0
    for w, s in zip(words, seps):
        starts.append((pos, pos + len(w)))
        pos += len(w) + len(s)
    units, i, k = [], 0, 0
    while i < n_words:
        if draw(st.booleans()):
            j = draw(st.integers(i, min(n_words - 1, i + 3)))
            units.append(ArgumentUnit(f"U{k}", starts[i][0], starts[j][1], draw(st.sampled_from(["MajorClaim", "Claim", "Premise"])),
                                      draw(st.floats(0, 1))))
            k += 1
            i = j + 1
        else:
            i += 1
    rels = []
    if units:
        ids = [u.id for u in units]
        pairs = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids), st.sampled_from(["supports", "attacks"])),
                              max_size=8, unique_by=lambda t: (t[0], t[1])))
        rels = [Relation(a, b, lab) for a, b, lab in pairs if a != b]
    return Document(text=text, units=units, relations=rels, id="h")


@settings(deadline=None)
@given(documents())
def test_brat_and_aif_round_trip_any_document(d):
    d.validate()
    assert _brat_sig(d, to_brat(d)) == _sig(d)
    assert from_aif(json.loads(json.dumps(to_aif(d)))) == d


# -- HTML --------------------------------------------------------------------------------------------------
class _Collect(HTMLParser):
    """Unit spans' text, graph nodes, script tags and any reference to something outside the page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.units, self.nodes, self.scripts, self.external = {}, [], 0, []
        self._open = None  # unit id whose text is being read
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
            if "src" in a:
                self.external.append(a["src"])
        if tag in ("link", "iframe", "img", "object", "embed"):
            self.external.append(tag)
        for k in ("src", "href"):
            if a.get(k, "") and re.match(r"(?i)\s*(https?:|//)", a[k]):
                self.external.append(a[k])
        if tag == "g" and "node" in (a.get("class") or "").split():
            self.nodes.append(a.get("data-unit"))
        if self._open is not None:
            self._depth += 1
        elif tag == "span" and "unit" in (a.get("class") or "").split():
            self._open, self._depth = a["data-unit"], 0
            self.units[self._open] = ""

    def handle_endtag(self, tag):
        if self._open is not None:
            if self._depth == 0:
                self._open = None
            else:
                self._depth -= 1

    def handle_data(self, data):
        if self._open is not None:
            self.units[self._open] += data


def test_html_shows_units_graph_legend_and_model(doc):
    page = to_html(doc)
    p = _Collect()
    p.feed(page)
    assert p.units == {u.id: doc.unit_text(u) for u in doc.units}
    assert sorted(p.nodes) == sorted(u.id for u in doc.units)
    assert page.count('class="edge ') == len(doc.relations)
    assert page.count('class="edge rel-attacks"') == sum(r.label == "attacks" for r in doc.relations)
    assert "argmine-default 0.1.0" in page and 'class="legend"' in page
    for lab in ("MajorClaim", "Claim", "Premise", "supports", "attacks"):
        assert lab in page
    assert 'title="Premise U2 · score 0.91"' in page  # the score is in the unit's tooltip
    # major claims on top, then claims, then premises
    ys = {}
    for uid, y in re.findall(r'data-unit="([^"]+)" tabindex="0" transform="translate\([\d.]+,([\d.]+)\)"', page):
        ys[uid] = float(y)
    by_label = {lab: [ys[u.id] for u in doc.units if u.label == lab] for lab in ("MajorClaim", "Claim", "Premise")}
    assert max(by_label["MajorClaim"]) < min(by_label["Claim"]) and max(by_label["Claim"]) < min(by_label["Premise"])


def test_html_is_self_contained(doc):
    page = to_html(doc)
    p = _Collect()
    p.feed(page)
    assert p.external == [] and p.scripts == 1
    assert "@import" not in page and not re.search(r"url\((?!#)", page)
    assert set(re.findall(r"https?://[^\s\"'<>)]+", page)) <= {"http://www.w3.org/2000/svg"}


def test_html_escapes_everything():
    d = _injection_doc()
    page = to_html(d)
    p = _Collect()
    p.feed(page)
    assert p.scripts == 1, "only argmine's own script may be in the page"
    assert p.external == [], "an <img> in the text must stay text"
    assert "<script>document" not in page and "<img src=x" not in page and "<script>alert" not in page
    assert "&lt;script&gt;document.body.setAttribute" in page
    assert p.units == {u.id: d.unit_text(u) for u in d.units}
    assert sorted(p.nodes) == sorted(u.id for u in d.units)
    idx = index_html([d])
    q = _Collect()
    q.feed(idx)
    assert q.scripts == 0 and q.external == [] and "&lt;script&gt;alert" in idx


def _page_title(page: str) -> str:
    import html as _html

    return _html.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1))


def test_html_page_is_titled_with_meta_title_when_known_else_the_id(doc, cli, tmp_path):
    titled = Document.from_dict({**doc.to_dict(), "meta": {"title": "Bike lanes <now> & for good"}})
    page = to_html(titled)
    assert _page_title(page) == "Bike lanes <now> & for good \u2014 argmine"
    assert "<h1>Bike lanes &lt;now&gt; &amp; for good</h1>" in page  # escaped, not markup
    assert f'data-doc-id="{doc.id}"' in page  # the id stays on the page
    assert _page_title(to_html(doc)) == f"{doc.id} \u2014 argmine"
    assert _page_title(to_html(Document.from_dict({**doc.to_dict(), "meta": {"title": "  "}}))) == \
        f"{doc.id} \u2014 argmine"
    assert 'Bike lanes &lt;now&gt;' in index_html([titled])  # the index links it by its title too
    src = tmp_path / "doc.json"
    src.write_text(json.dumps(titled.to_dict()), encoding="utf-8")
    res = cli("render", src, "-o", tmp_path / "page.html")
    assert res.exit_code == 0
    assert _page_title((tmp_path / "page.html").read_text(encoding="utf-8")).startswith("Bike lanes <now>")


def test_index_lists_documents_with_counts_and_links(doc):
    other = Document(text="Nothing to see.", id="bike-lanes")  # same id: gets a distinct page name
    names = page_names([doc, other, Document(text="x")])
    assert names == ["bike-lanes.html", "bike-lanes-2.html", "doc-3.html"]
    idx = index_html([doc, other])
    assert 'href="bike-lanes.html"' in idx and 'href="bike-lanes-2.html"' in idx
    row = re.search(r'<tr class="doc">.*?</tr>', idx).group(0)
    counts = [int(x) for x in re.findall(r'<td class="n">(\d+)</td>', row)][1:]
    assert counts == [2, 3, 3, 5, 2]  # MajorClaim, Claim, Premise, supports, attacks
    assert page_names([Document(text="x", id="index")]) == ["index-2.html"]


def _chromium(args, tmp_path, timeout=90):
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'chromium-profile'}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")
def test_html_in_headless_chromium(tmp_path, tiny_miner):
    mined = tiny_miner.mine(OPED.read_text(encoding="utf-8"), id="oped")
    for d in (mined, _injection_doc()):
        page = tmp_path / "page.html"
        page.write_text(to_html(d), encoding="utf-8")
        res = _chromium(["--dump-dom", page.as_uri() + "#selftest"], tmp_path)
        dom = res.stdout
        assert res.returncode == 0 and "</html>" in dom, res.stderr[-2000:]
        # the script ran (it counts what it wired up) and hovering links text and graph both ways
        assert f'data-argmine-ready="{len(d.units)} {len(d.units)} {len(d.relations)}"' in dom
        assert 'data-selftest="pass"' in dom
        assert len(re.findall(r'<span class="unit u-', dom)) == len(d.units)
        assert len(re.findall(r'<g class="node n-', dom)) == len(d.units)
        assert len(re.findall(r'<path class="edge rel-', dom)) == len(d.relations)
        assert 'data-pwned="1"' not in dom
    shot = tmp_path / "shot.png"
    page.write_text(to_html(mined), encoding="utf-8")
    res = _chromium([f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri()], tmp_path)
    assert res.returncode == 0, res.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


# -- CLI ---------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def cli():
    from typer.testing import CliRunner

    from argmine.cli import app

    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_cli_mine_format(cli, tiny_model_dir, tmp_path):
    src = tmp_path / "oped.txt"
    src.write_bytes(OPED.read_bytes())
    res = cli("mine", src, "--model", tiny_model_dir, "-o", tmp_path / "oped.json")
    assert res.exit_code == 0
    ref = Document.from_dict(json.loads((tmp_path / "oped.json").read_text(encoding="utf-8")))
    res = cli("mine", src, "--model", tiny_model_dir, "--format", "aif")
    assert res.exit_code == 0 and from_aif(json.loads(res.stdout)) == ref
    res = cli("mine", src, "--model", tiny_model_dir, "--format", "brat", "-o", tmp_path / "out" / "oped.ann")
    assert res.exit_code == 0
    assert (tmp_path / "out" / "oped.txt").read_bytes() == src.read_bytes()
    assert (tmp_path / "out" / "oped.ann").read_text(encoding="utf-8") == to_brat(ref)
    res = cli("mine", src, "--model", tiny_model_dir, "--format", "html", "-o", tmp_path / "oped.html")
    assert res.exit_code == 0 and (tmp_path / "oped.html").read_text(encoding="utf-8") == to_html(ref)
    res = cli("mine", src, "--model", tiny_model_dir, "--format", "xml")
    assert res.exit_code == 2 and "'xml' is not one of 'json', 'aif', 'xaif', 'brat', 'html'" in " ".join(
        res.output.replace("│", " ").split())


def test_cli_render(cli, doc, tmp_path):
    src = tmp_path / "doc.json"
    src.write_text(json.dumps(doc.to_dict()), encoding="utf-8")
    res = cli("render", src, "-o", tmp_path / "page.html")
    assert res.exit_code == 0 and (tmp_path / "page.html").read_text(encoding="utf-8") == to_html(doc)
    for fmt in FORMATS:
        res = cli("render", src, "--format", fmt)
        assert res.exit_code == 0
        if fmt != "aif":  # AIF carries the time it was written
            assert res.stdout == dumps(doc, fmt)
    res = cli("render", src, "--format", "aif", "-o", tmp_path / "doc.aif.json")
    res = cli("render", tmp_path / "doc.aif.json", "--format", "json")
    assert res.exit_code == 0 and Document.from_dict(json.loads(res.stdout)) == doc
    # a batch (JSON Lines): a folder with a page per document and an index
    other = Document(text="No argument here.", id="empty")
    batch = tmp_path / "docs.jsonl"
    batch.write_text("\n".join(json.dumps(d.to_dict()) for d in (doc, other)) + "\n", encoding="utf-8")
    res = cli("render", batch, "-o", tmp_path / "site")
    assert res.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["bike-lanes.html", "empty.html", "index.html"]
    assert 'href="empty.html"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert cli("render", batch).exit_code == 2
    # readable errors
    bad = tmp_path / "bad.json"
    bad.write_text('{"text": "x", "units": []}\n{"oops"\n', encoding="utf-8")
    res = cli("render", bad)
    assert res.exit_code == 2 and "line 2" in res.output
    res = cli("render", tmp_path / "missing.json")
    assert res.exit_code == 2 and "does not exist" in res.output


def test_render_writes_text_with_lone_surrogates(cli, tmp_path):
    # mine() accepts lone surrogates (they cannot be encoded as UTF-8); every format must still be writable
    text = "Cities must act \ud800 now. Because x\udfffy matters."
    b = text.index("Because")
    d = Document(text=text, units=[ArgumentUnit("U1", 0, text.index("."), "Claim"), ArgumentUnit("U2", b, len(text) - 1, "Premise")],
                 relations=[Relation("U2", "U1", "supports")], id="s")
    src = tmp_path / "s.json"
    src.write_text(json.dumps(d.to_dict()), encoding="utf-8")  # ensure_ascii: \ud800 escapes
    for fmt, name in (("json", "s.out.json"), ("aif", "s.aif.json"), ("brat", "s.ann"), ("html", "s.html")):
        res = cli("render", src, "--format", fmt, "-o", tmp_path / name)
        assert res.exit_code == 0, res.output
    assert Document.from_dict(json.loads((tmp_path / "s.out.json").read_text(encoding="utf-8"))) == d
    assert from_aif(json.loads((tmp_path / "s.aif.json").read_text(encoding="utf-8"))) == d
    txt = (tmp_path / "s.txt").read_text(encoding="utf-8")
    assert len(txt) == len(text) and txt[16] == "\ufffd"
    assert _brat_sig(Document(text=txt, units=d.units, relations=d.relations),
                     (tmp_path / "s.ann").read_text(encoding="utf-8")) == _sig(d)
    assert "Cities must act \ufffd now" in (tmp_path / "s.html").read_text(encoding="utf-8")


def test_html_tooltip_names_the_evidence_type():
    d = Document("Sugar taxes work. Sales fell 10% in Mexico.",
                 [ArgumentUnit("U1", 18, 43, "Premise", 0.9, {"evidence_type": "statistics"})], id="e")
    assert "evidence statistics" in to_html(d)
