"""Issue 12: real files in and out. Each test writes the small third-party-style input it needs (CC0) and
asserts the right value from the issue's table (row numbers in the test names)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from argmine import ArgumentUnit, Document, Relation
from argmine.corpora.aaec import parse_brat, read_aaec
from argmine.corpora.abstrct import parse_abstrct_brat, read_abstrct
from argmine.errors import ArgmineError, BratFormatError
from argmine.evaluate import score
from argmine.export import to_brat
from argmine.export.files import write_document

CRLF_TEXT = ("Cities should build protected bike lanes.\r\n\r\n"
             "Cycling is safer when cars are kept apart. Some say lanes cost parking.\r\n"
             "But parking barely falls, studies show. Shops even gain customers.\r\n"
             "So the lanes pay off. Critics are wrong.")


def _crlf_doc() -> Document:
    pieces = [("Cities should build protected bike lanes", "MajorClaim"),
              ("Cycling is safer when cars are kept apart", "Claim"),
              ("Some say lanes cost parking", "Premise"),
              ("parking barely falls, studies show", "Premise"),
              ("Shops even gain customers", "Premise"),
              ("the lanes pay off", "Claim"),
              ("Critics are wrong", "Claim")]
    units = []
    for i, (p, lab) in enumerate(pieces, 1):
        s = CRLF_TEXT.index(p)
        units.append(ArgumentUnit(f"U{i}", s, s + len(p), lab, 0.9))
    rels = [Relation("U4", "U3", "attacks"), Relation("U5", "U6", "supports"), Relation("U2", "U1", "supports"),
            Relation("U6", "U1", "supports"), Relation("U7", "U1", "supports")]
    return Document(text=CRLF_TEXT, units=units, relations=rels, id="essay900")


def _aaec_tree(root: Path, files: dict) -> Path:
    """A data directory in the AAEC layout holding ``files`` ({essay id: (txt bytes, ann bytes)}) as TEST essays."""
    brat = root / "aaec-v2" / "ArgumentAnnotatedEssays-2.0" / "brat-project-final"
    brat.mkdir(parents=True)
    rows = ['"ID";"SET"'] + [f'"{i}";"TEST"' for i in files]
    (brat.parent / "train-test-split.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    for i, (txt, ann) in files.items():
        (brat / f"{i}.txt").write_bytes(txt)
        (brat / f"{i}.ann").write_bytes(ann)
    return root


# -- row 1: CRLF offsets -------------------------------------------------------------------------------------------
def test_row1_brat_export_of_crlf_text_reads_back_exactly(tmp_path):
    doc = _crlf_doc()
    out = tmp_path / "export" / "essay900.ann"
    write_document(doc, "brat", out)
    assert out.with_suffix(".txt").read_bytes() == CRLF_TEXT.encode("utf-8")  # CR kept
    data = _aaec_tree(tmp_path / "data", {"essay900": (out.with_suffix(".txt").read_bytes(), out.read_bytes())})
    [back] = read_aaec(data, "test")
    assert back.text == CRLF_TEXT
    tlines = [ln.split("\t") for ln in out.read_text(encoding="utf-8").splitlines() if ln.startswith("T")]
    matching = [u for u, t in zip(back.units, tlines) if back.text[u.start:u.end] == t[2]]
    assert len(matching) == 7
    scores = score([back], [doc])
    assert scores["components"]["f1_100"] == 1.0 and scores["relations"]["f1_100"] == 1.0


def test_row1_span_text_check_names_file_and_line():
    ann = "T1\tClaim 0 5\tHello\nT2\tPremise 7 12\tworld\n"  # written for "Hello\r\nworld again"
    with pytest.raises(BratFormatError, match=r"e1\.ann, line 2: the text of span T2 must equal"):
        parse_brat("Hello\nworld again", ann, "e1")  # T2 does not fit this text (a CRLF counted as one character)


# -- row 2: Stance A-lines ---------------------------------------------------------------------------------------
def _aaec_convention_reader(ann: str) -> dict:
    """An independent brat reader in the AAEC conventions (as third-party AAEC loaders are written): major
    claims, claims with their stance (from A-lines), premises, and R-lines between claims and premises only."""
    majors, claims, premises, stances, rels = {}, {}, {}, {}, []
    for line in ann.splitlines():
        f = line.split("\t")
        if f[0].startswith("T"):
            kind, start, end = f[1].split()
            {"MajorClaim": majors, "Claim": claims, "Premise": premises}[kind][f[0]] = (int(start), int(end))
        elif f[0].startswith("A"):
            _, target, value = f[1].split()
            stances[claims[target]] = value  # KeyError unless the target is a claim
        elif f[0].startswith("R"):
            label, a1, a2 = f[1].split()
            args = {**claims, **premises}
            rels.append((args[a1[5:]], args[a2[5:]], label))  # KeyError for an R-line into a MajorClaim
    return {"majors": sorted(majors.values()), "stances": stances, "relations": sorted(rels)}


def test_row2_every_claim_stance_is_an_a_line_whatever_major_claim_it_points_at():
    text = "We need lanes. We need trains. Lanes save lives. Trains are slow. Buses help."
    at = lambda p: (text.index(p), text.index(p) + len(p))  # noqa: E731
    units = [ArgumentUnit("U1", *at("We need lanes"), "MajorClaim", 0.6),
             ArgumentUnit("U2", *at("We need trains"), "MajorClaim", 0.9),
             ArgumentUnit("U3", *at("Lanes save lives"), "Claim", 0.8),
             ArgumentUnit("U4", *at("Trains are slow"), "Claim", 0.8),
             ArgumentUnit("U5", *at("Buses help"), "Premise", 0.8)]
    # as the miner writes them: stances toward the most confident major claim (U2, not the first)
    rels = [Relation("U3", "U2", "supports"), Relation("U4", "U2", "attacks"), Relation("U5", "U4", "supports")]
    doc = Document(text=text, units=units, relations=rels, id="d")
    ann = to_brat(doc)
    lines = ann.splitlines()
    assert "A1\tStance T3 For" in lines and "A2\tStance T4 Against" in lines
    assert not [ln for ln in lines if ln.startswith("R") and re.search(r"Arg2:T[12]\b", ln)]
    third = _aaec_convention_reader(ann)
    assert third["stances"] == {at("Lanes save lives"): "For", at("Trains are slow"): "Against"}
    assert third["relations"] == [(at("Buses help"), at("Trains are slow"), "supports")]
    back = parse_brat(text, ann, "d")  # argmine reads the same relations back (the note names the target)
    assert sorted((r.source, r.target, r.label) for r in back.relations) == sorted(
        ({"U3": "T3", "U4": "T4", "U5": "T5"}[r.source], {"U2": "T2", "U4": "T4"}[r.target], r.label) for r in rels)


# -- rows 6-8: BOM, discontinuous spans, attributes without value, notes -------------------------------------------
TEXT = "Smoking should be banned in parks. It harms children nearby."
ANN = ("T1\tMajorClaim 0 33\tSmoking should be banned in parks\n"
       "T2\tClaim 35 59\tIt harms children nearby\n"
       "A1\tStance T2 For\n")


def test_row6_bom_in_ann_is_skipped(tmp_path):
    ann = "\ufeff" + ANN + "T3\tPremise 38 43\tharms\nR1\tsupports Arg1:T3 Arg2:T2\t\n"
    ann = ann.replace("T2\tClaim 35 59\tIt harms children nearby", "T2\tClaim 35 37\tIt")
    data = _aaec_tree(tmp_path, {"essay1": (TEXT.encode(), ann.encode("utf-8"))})
    [doc] = read_aaec(data, "test")
    doc.validate()
    assert [u.id for u in doc.units] == ["T1", "T2", "T3"]
    assert ("T3", "T2", "supports") in [(r.source, r.target, r.label) for r in doc.relations]


def test_row7_discontinuous_span_is_one_unit_from_first_start_to_last_end():
    ann = "T1\tMajorClaim 0 7;8 33\tSmoking should be banned in parks\nT2\tClaim 35 59\tIt harms children nearby\n"
    doc = parse_brat(TEXT, ann, "e")
    assert [(u.start, u.end) for u in doc.units] == [(0, 33), (35, 59)]
    doc = parse_abstrct_brat(TEXT, ann, "a")
    assert [(u.start, u.end) for u in doc.units] == [(0, 33), (35, 59)]


@pytest.mark.parametrize("line, reason", [
    ("T2\tClaim 35 x59\tIt harms", "END must be an integer offset; got 'x59'"),
    ("T2\tClaim 35\tIt harms", "must be 'START END'"),
    ("R1\tsupports T2 T1", "an R-line must read"),
    ("T2 Claim 35 59 It harms", "a brat line must be 'ID<TAB>...'"),
])
def test_malformed_lines_name_file_line_and_reason(tmp_path, line, reason):
    ann = "T1\tMajorClaim 0 33\tSmoking should be banned in parks\n" + line + "\n"
    data = _aaec_tree(tmp_path, {"essay2": (TEXT.encode(), ann.encode())})
    with pytest.raises(BratFormatError) as e:
        read_aaec(data, "test")
    assert "essay2.ann, line 2: " in str(e.value) and reason in str(e.value)
    assert isinstance(e.value, ValueError) and isinstance(e.value, ArgmineError)


def test_row8_attribute_without_value_and_notes_are_ignored():
    ann = ANN + "A2\tImplicit T2\n#1\tAnnotatorNotes T1\tchecked twice\nM3\tConfidence T1 High\n"
    doc = parse_brat(TEXT, ann, "e")
    assert [(u.id, u.extra) for u in doc.units] == [("T1", {}), ("T2", {"stance": "For"})]
    assert [(r.source, r.target, r.label) for r in doc.relations] == [("T2", "T1", "supports")]
    doc = parse_abstrct_brat(TEXT, ann, "a")
    assert [u.id for u in doc.units] == ["T1", "T2"]


def test_abstrct_reader_keeps_crlf_and_skips_bom(tmp_path):
    folder = tmp_path / "abstrct" / "AbstRCT_corpus" / "data" / "test" / "neoplasm_test"
    folder.mkdir(parents=True)
    text = TEXT.replace(". ", ".\r\n")
    ann = "\ufeffT1\tMajorClaim 0 33\tSmoking should be banned in parks\nT2\tPremise 36 60\tIt harms children nearby\r\n"
    (folder / "1.txt").write_bytes(text.encode())
    (folder / "1.ann").write_bytes(ann.encode())
    [doc] = read_abstrct(tmp_path, "neoplasm_test")
    assert [doc.text[u.start:u.end] for u in doc.units] == ["Smoking should be banned in parks", "It harms children nearby"]


# -- row 3: xAIF (ARG-tech AMF / OVA3) ---------------------------------------------------------------------------
def _cli():
    from typer.testing import CliRunner

    from argmine.cli import app

    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


AMF_TEXT = "Britain should disarm. Nuclear weapons are costly. They keep the peace."


def _amf_xaif() -> dict:
    """xAIF as AMF's segmenter and argument miner write it: the graph nested under "AIF", reworded propositions
    (I) asserted by locutions (L -> YA -> I), the text marked up with highlighted spans."""
    marked = "".join(f'<span class="highlighted" id="{i}">{s}.</span> ' for i, s in enumerate(
        ["Britain should disarm", "Nuclear weapons are costly", "They keep the peace"]))
    nodes = [{"nodeID": "1", "text": "Britain should disarm", "type": "I"},
             {"nodeID": "2", "text": "nuclear weapons cost too much", "type": "I"},
             {"nodeID": "3", "text": "Bob : Nuclear weapons are costly", "type": "L"},
             {"nodeID": "4", "text": "Asserting", "type": "YA"},
             {"nodeID": "5", "text": "Default Inference", "type": "RA"},
             {"nodeID": "6", "text": "They keep the peace", "type": "I"},
             {"nodeID": "7", "text": "Default Conflict", "type": "CA"}]
    edges = [{"edgeID": 1, "fromID": "3", "toID": "4"}, {"edgeID": 2, "fromID": "4", "toID": "2"},
             {"edgeID": 3, "fromID": "2", "toID": "5"}, {"edgeID": 4, "fromID": "5", "toID": "1"},
             {"edgeID": 5, "fromID": "6", "toID": "7"}, {"edgeID": 6, "fromID": "7", "toID": "1"}]
    return {"AIF": {"nodes": nodes, "edges": edges, "locutions": [{"nodeID": "3", "personID": 1}],
                    "participants": [{"participantID": 1, "firstname": "Bob", "surname": ""}],
                    "schemefulfillments": []},
            "text": marked.strip(), "OVA": {"firstname": "", "surname": "", "url": "", "nodes": [], "edges": []}}


def test_row3_render_reads_nested_xaif(tmp_path):
    src = tmp_path / "amf.json"
    src.write_text(json.dumps(_amf_xaif()), encoding="utf-8")
    res = _cli()("render", src, "--format", "json")
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert d["text"] == AMF_TEXT
    assert [u["text"] for u in d["units"]] == ["Britain should disarm", "Nuclear weapons are costly",
                                               "They keep the peace"]
    assert [(r["source"], r["target"], r["label"]) for r in d["relations"]] == [
        ("U2", "U1", "supports"), ("U3", "U1", "attacks")]


def test_row3_xaif_whose_nodes_are_not_in_the_text_is_refused(tmp_path):
    bad = _amf_xaif()
    bad["text"] = "Something else entirely."
    src = tmp_path / "amf.json"
    src.write_text(json.dumps(bad), encoding="utf-8")
    res = _cli()("render", src, "--format", "json")
    assert res.exit_code == 2 and "none of 3 found" in res.output and "amf.json" in res.output


def test_xaif_round_trip_is_lossless(tmp_path):
    from argmine.export import from_xaif, to_xaif

    doc = _crlf_doc()
    x = json.loads(json.dumps(to_xaif(doc)))
    assert set(x) == {"AIF", "text", "OVA"} and x["text"] == doc.text
    assert from_xaif(x) == doc
    plain = {"AIF": {"nodes": [{k: v for k, v in n.items() if k != "argmine"} for n in x["AIF"]["nodes"]],
                     "edges": x["AIF"]["edges"]}, "text": x["text"]}  # as an AMF tool that drops unknown keys
    back = from_xaif(plain)
    assert [(u.start, u.end) for u in back.units] == [(u.start, u.end) for u in doc.units]
    assert sorted((r.source, r.target, r.label) for r in back.relations) == sorted(
        (r.source, r.target, r.label) for r in doc.relations)
    assert {n["nodeID"] for n in x["OVA"]["nodes"]} == {n["nodeID"] for n in x["AIF"]["nodes"]}


# -- rows 4 and 5: what evaluate --predictions and render accept ----------------------------------------------------
def _preds(tmp_path, records) -> Path:
    path = tmp_path / "preds.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_row4_a_record_without_units_is_refused(tmp_path):
    from argmine.evaluate import read_predictions

    ok = _crlf_doc().to_dict()
    path = _preds(tmp_path, [ok, {"id": "essay901", "text": "Batch input given by mistake."}])
    with pytest.raises(ValueError, match=r"preds\.jsonl, line 2: a document must have a 'units' list"):
        read_predictions(path)
    res = _cli()("render", path, "-o", tmp_path / "site")
    assert res.exit_code == 2 and "line 2" in res.output and "'units'" in res.output


def test_row5_utf16_offsets_are_refused_naming_line_and_unit(tmp_path):
    from argmine.evaluate import read_predictions

    text = "Great news \U0001F600! Taxes must fall. Growth follows."
    units = []
    for i, p in enumerate(["Taxes must fall", "Growth follows"], 1):
        cp = text.index(p)
        js = len(text[:cp].encode("utf-16-le")) // 2  # what JavaScript's indexOf gives
        units.append({"id": f"U{i}", "start": js, "end": js + len(p), "text": p, "label": "Claim", "score": 1.0})
    rec = {"schema_version": 1, "id": "d1", "text": text, "units": units, "relations": []}
    path = _preds(tmp_path, [rec])
    with pytest.raises(ValueError) as e:
        read_predictions(path)
    msg = str(e.value)
    assert "preds.jsonl, line 1, unit 1 (id 'U1')" in msg and "look like UTF-16 code units" in msg
    res = _cli()("render", path, "--format", "json")
    assert res.exit_code == 2 and "UTF-16" in res.output


def test_predictions_with_bom_and_u2028_in_a_string_are_read(tmp_path):
    from argmine.evaluate import read_predictions

    doc = Document(text="Line one\u2028still line one. Second.", units=[ArgumentUnit("U1", 0, 8, "Claim")], id="d")
    path = tmp_path / "p.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc.to_dict(), ensure_ascii=False).encode() + b"\n")
    assert read_predictions(path)["d"][1] == doc


# -- row 9: HTML-tag lines with entities ------------------------------------------------------------------------------
NEWS_PLAIN = (
    "The city\u2019s council voted on Tuesday to fund new bike lanes & wider pavements across the whole of downtown.\n"
    "Critics say the plan costs too much and will hurt shops on Main Street, which rely on parking for their customers.\n"
    "But studies from other cities show that shops gain customers when streets get safer for everyone who walks there.\n"
    "The council should therefore go further and close the centre to cars on weekends, because people want safe streets.")


def _tagged(plain: str) -> str:
    lines = (ln.replace("&", "&amp;").replace("\u2019", "&#8217;").replace("much and", "much&nbsp;and")
             for ln in plain.split("\n"))
    return "\n".join(f"<p>{ln}</p>" for ln in lines)


def test_row9_p_tag_lines_are_paragraphs_and_mine_like_the_plain_text(tiny_miner):
    from argmine.text import paragraph_spans, visible_text, word_spans

    tagged = _tagged(NEWS_PLAIN)
    paras = paragraph_spans(tagged)
    assert len(paras) == 4
    assert [visible_text(tagged[s:e]) for s, e in paras] == NEWS_PLAIN.split("\n")
    assert all(not tagged[s:e].startswith("<p>") and not tagged[s:e].endswith("</p>") for s, e in paras)
    # the miner sees the same words as in the plain text (argmine's default model: 4 units in both, the same spans)
    words = [[visible_text(tagged[a:b]) for a, b in word_spans(tagged, s, e)] for s, e in paras]
    assert words == [[NEWS_PLAIN[a:b] for a, b in word_spans(NEWS_PLAIN, s, e)] for s, e in paragraph_spans(NEWS_PLAIN)]
    doc = tiny_miner.mine(tagged)
    doc.validate()
    assert all(u.extra["paragraph"] in range(4) for u in doc.units)


def test_markup_paragraphs_on_one_line_and_words_skip_tags():
    from argmine.text import paragraph_spans, word_spans

    t = "<div><p>First point.</p><p>Second <em>point</em>.</p><p>&nbsp;</p><br/>Third point</div>"
    assert [t[s:e] for s, e in paragraph_spans(t)] == ["First point.", "Second <em>point</em>.", "Third point"]
    s, e = paragraph_spans(t)[1]
    assert [t[a:b] for a, b in word_spans(t, s, e)] == ["Second", "point", "."]
    w = "don&#8217;t &amp; go"
    assert [w[a:b] for a, b in word_spans(w)] == ["don&#8217;t", "&amp;", "go"]
    plain = "If a < b and c > d then the rule we found holds without fail in\nall the cases we met so far.\n<x>Done."
    assert [plain[s:e] for s, e in paragraph_spans(plain)] == [plain[:92], "<x>Done."]  # no markup: lines joined


# -- row 12: the scorer on a long chain of overlapping units ----------------------------------------------------------
@pytest.mark.slow  # 3,001 overlapping units: the matcher's worst case
def test_row12_a_chain_of_overlapping_predicted_units_is_scored():
    n = 3000
    text = " ".join(f"w{i}" for i in range(n + 1))
    starts = [m.start() for m in re.finditer(r"w\d+", text)]
    ends = [m.end() for m in re.finditer(r"w\d+", text)]
    gold = Document(text, [ArgumentUnit(f"G{i}", starts[i], ends[i], "Premise") for i in range(n + 1)], id="c")
    # each predicted unit covers two words (half of it is gold unit i, half gold unit i+1); the last one is gold 0,
    # so seating it re-seats every other along the chain
    pred_units = [ArgumentUnit(f"P{i}", starts[i], ends[i + 1], "Premise") for i in range(n)]
    pred_units.append(ArgumentUnit("Plast", starts[0], ends[0], "Premise"))
    res = score([gold], [Document(text, pred_units, id="c")])
    assert res["components"]["n_pred"] == n + 1
    assert res["components"]["f1_50"] == 1.0  # all n + 1 matched one-to-one at 50%


# -- the command line: files not named are not overwritten; format from -o; BOM rule; directories ----------------------
def test_brat_export_never_overwrites_an_unrelated_txt(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("my own notes, not argmine's\n", encoding="utf-8")
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(_crlf_doc().to_dict()), encoding="utf-8")
    cli = _cli()
    res = cli("render", doc, "--format", "brat", "-o", tmp_path / "notes.brat")
    assert res.exit_code == 2 and "notes.txt" in res.output and "--force" in res.output
    assert notes.read_text(encoding="utf-8") == "my own notes, not argmine's\n"
    assert not (tmp_path / "notes.brat").exists()
    res = cli("render", doc, "--format", "brat", "-o", tmp_path / "notes.brat", "--force")
    assert res.exit_code == 0 and notes.read_bytes() == CRLF_TEXT.encode()
    assert "wrote" in res.output and "notes.txt" in res.output
    assert cli("render", doc, "--format", "brat", "-o", tmp_path / "notes.brat").exit_code == 0  # same text: fine


def test_output_format_follows_the_suffix_and_a_folder_is_refused(tmp_path):
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(_crlf_doc().to_dict()), encoding="utf-8")
    cli = _cli()
    assert cli("render", doc, "-o", tmp_path / "out.json").exit_code == 0
    assert Document.from_dict(json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))) == _crlf_doc()
    assert cli("render", doc, "-o", tmp_path / "x.ann").exit_code == 0
    assert (tmp_path / "x.ann").read_text(encoding="utf-8").startswith("T1\tMajorClaim")
    (tmp_path / "d").mkdir()
    res = cli("render", doc, "-o", tmp_path / "d")
    assert res.exit_code == 2 and "is a directory" in res.output


def test_mine_refuses_bad_output_and_a_directory_before_mining(tmp_path, tiny_model_dir):
    src = tmp_path / "in.txt"
    src.write_bytes(b"\xef\xbb\xbf" + NEWS_PLAIN.encode())
    cli = _cli()
    res = cli("mine", src, "--model", tmp_path / "no-model-here", "-o", tmp_path)  # refused before loading a model
    assert res.exit_code == 2 and "is a directory" in res.output
    res = cli("mine", tmp_path, "--model", tiny_model_dir)
    assert res.exit_code == 2 and "is a directory" in res.output and "does not exist" not in res.output
    res = cli("mine", src, "--model", tiny_model_dir, "-o", tmp_path / "new" / "page.html")
    assert res.exit_code == 0 and (tmp_path / "new" / "page.html").read_text(encoding="utf-8").startswith("<!DOCTYPE")


def test_row10_mine_and_batch_read_a_bom_file_alike(tmp_path, tiny_model_dir):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"\xef\xbb\xbf" + NEWS_PLAIN.encode())
    cli = _cli()
    res = cli("mine", folder / "a.txt", "--model", tiny_model_dir)
    assert res.exit_code == 0
    mined = json.loads(res.stdout)
    assert cli("batch", folder, "-o", tmp_path / "out.jsonl", "--model", tiny_model_dir, "-q").exit_code == 0
    batched = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert mined["text"] == batched["text"] == NEWS_PLAIN
    assert [(u["start"], u["end"]) for u in mined["units"]] == [(u["start"], u["end"]) for u in batched["units"]]


# -- unit boundaries never split a grapheme ------------------------------------------------------------------------
GRAPHEME_TEXT = ("Thumbs up \U0001F44D\U0001F3FD for the family \U0001F469\u200d\U0001F469\u200d\U0001F467 plan. "
                 "Cafe\u0301s near the \U0001F1EC\U0001F1E7 border close. \u0928\u092e\u0938\u094d\u0924\u0947 "
                 "friends \u2764\ufe0f agree.")


def _grapheme_bounds(text: str) -> set:
    regex = pytest.importorskip("regex")  # an independent UAX 29 implementation
    return {m.start() for m in regex.finditer(r"\X", text)} | {len(text)}


def test_word_and_unit_boundaries_never_split_a_grapheme(tiny_miner):
    from argmine.text import word_spans

    bounds = _grapheme_bounds(GRAPHEME_TEXT)
    spans = word_spans(GRAPHEME_TEXT)
    assert all(a in bounds and b in bounds for a, b in spans), [
        GRAPHEME_TEXT[a:b] for a, b in spans if a not in bounds or b not in bounds]
    assert "\U0001F469\u200d\U0001F469\u200d\U0001F467" in [GRAPHEME_TEXT[a:b] for a, b in spans]
    for text in (GRAPHEME_TEXT, GRAPHEME_TEXT * 3):
        doc = tiny_miner.mine(text)
        cut = {x for u in doc.units for x in (u.start, u.end)}
        assert cut <= _grapheme_bounds(text)


# -- render: the HTML page's script with unit ids that are names of Object.prototype ------------------------------------
_FAKE_DOM = """
function El(attrs, cls){ this.a = attrs; this.cls = cls; this.on = {};
  var self = this; this.classList = {add: function(c){ self.cls.push(c); }, remove: function(c){
    self.cls = self.cls.filter(function(x){ return x !== c; }); }, contains: function(c){ return self.cls.indexOf(c) >= 0; }}; }
El.prototype.getAttribute = function(k){ return this.a[k] === undefined ? null : this.a[k]; };
El.prototype.addEventListener = function(k, f){ this.on[k] = f; };
El.prototype.matches = function(sel){ return this.cls.indexOf(sel.slice(1)) >= 0; };
var units = UNITS.map(function(id){ return new El({'data-unit': id}, ['unit']); })
  .concat(UNITS.map(function(id){ return new El({'data-unit': id}, ['node']); }));
var edges = EDGES.map(function(e){ return new El({'data-source': e[0], 'data-target': e[1]}, ['edge']); });
var body = new El({}, []); body.setAttribute = function(k, v){ this.a[k] = v; };
global.location = {hash: ''};
global.document = {body: body, querySelectorAll: function(sel){
  return sel === '[data-unit]' ? units : sel === '.edge' ? edges : sel === '.unit' ? units.slice(0, UNITS.length)
       : sel === '.node' ? units.slice(UNITS.length) : []; }};
"""


def test_html_script_works_with_unit_ids_named_like_object_properties(tmp_path):
    import shutil
    import subprocess

    from argmine.export import to_html

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    text = "Taxes must fall. Growth follows. Debt shrinks."
    doc = Document(text, [ArgumentUnit("constructor", 0, 15, "Claim"), ArgumentUnit("__proto__", 17, 31, "Premise"),
                          ArgumentUnit("toString", 33, 45, "Premise")],
                   [Relation("__proto__", "constructor", "supports"), Relation("toString", "__proto__", "attacks")])
    script = re.search(r"<script>(.*?)</script>", to_html(doc), re.S).group(1)
    units = [u.id for u in doc.units]
    edges = [[r.source, r.target] for r in doc.relations]
    js = (f"var UNITS = {json.dumps(units)}, EDGES = {json.dumps(edges)};" + _FAKE_DOM + script
          + "\nunits[1].on.mouseenter(); var lit = units.filter(function(e){ return e.classList.contains('hl'); }).length;"
          + "\nconsole.log(body.a['data-argmine-ready'] + '|' + lit);")
    (tmp_path / "page.js").write_text(js, encoding="utf-8")
    res = subprocess.run([node, str(tmp_path / "page.js")], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout.strip() == "3 3 2|2"  # wired up; hovering __proto__'s text lights its text and its node


def test_cli_version_flags_and_help_text():
    import argmine

    cli = _cli()
    res = cli("--version")
    assert res.exit_code == 0 and res.stdout.strip() == f"argmine {argmine.__version__}"
    help_text = cli("batch", "--help").stdout
    assert "pip install 'argmine[ray]'" in help_text
    assert not re.search(r"--(fsync|quiet)\s+(-q\s+)?<bool>", help_text)


def test_render_refuses_aif_with_broken_offsets_labels_or_ids(tmp_path):
    from argmine.export import to_aif

    good = to_aif(_crlf_doc(), timestamp="2024-01-01 00:00:00")
    cases = {"negative": ("start", -5, "0 <= start < end"), "label": ("label", "Thesis", "unit label must be one of"),
             "duplicate": ("id", "U2", "unit ids must be unique")}
    for name, (key, value, message) in cases.items():
        bad = json.loads(json.dumps(good))
        bad["nodes"][0]["argmine"][key] = value
        src = tmp_path / f"{name}.json"
        src.write_text(json.dumps(bad), encoding="utf-8")
        res = _cli()("render", src, "--format", "brat")
        assert res.exit_code == 2 and message in res.output and f"{name}.json" in res.output, (name, res.output)


# -- row 11: language detection on short English lists, and on text in other languages ---------------------------
# a labelled sample (written for these tests, CC0): (english?, kind, text)
SAMPLE = [
 (True, "prose", "The city should build protected bike lanes because painted lines do not stop cars, and the evidence from other cities shows that injuries fall when lanes are separated from traffic."),
 (True, "headlines", "Fed Raises Rates Again As Inflation Stays High\nStorm Batters Coast, Thousands Lose Power\nLocal Team Wins Title After Dramatic Final\nTech Giant Unveils New Phone\nSchools Reopen Amid Teacher Shortage"),
 (True, "statistics box", "Population: 8.3 million\nMedian household income: $67,000\nUnemployment rate: 3.9%\nGDP growth (2023): 2.1%\nHomicides per 100,000 residents: 4.2\nPublic transit trips per year: 1.6 billion\nAverage commute: 41 minutes\nNew housing units completed: 22,000\nHigh school graduation rate: 81%"),
 (True, "table", "Team | Played | Won | Lost | Points\nArsenal | 38 | 28 | 5 | 89\nLiverpool | 38 | 24 | 4 | 82\nChelsea | 38 | 18 | 11 | 63\nNewcastle | 38 | 18 | 14 | 60\nBrighton | 38 | 18 | 12 | 62\nTottenham | 38 | 18 | 14 | 60\nAston Villa | 38 | 16 | 15 | 55\nFulham | 38 | 15 | 16 | 52\nManchester United | 38 | 14 | 17 | 49\nWest Ham United | 38 | 14 | 14 | 52\nCrystal Palace | 38 | 13 | 15 | 49\nWolverhampton Wanderers | 38 | 13 | 18 | 46\nNottingham Forest | 38 | 9 | 20 | 36"),
 (True, "bullet list", "Key facts:\n- Rents rose 14 percent last year\n- Wages rose 4 percent\n- Vacancy rate near record low\n- Waiting lists longer than ever\n- Construction permits down sharply"),
 (True, "code-switched, mostly English", "Honestly the new metro line is great, it saves me twenty minutes every morning and the trains are clean. Mi abuela says it is muy bonito but she still takes the bus because she knows the drivers."),
 (False, "german", "Die Stadt sollte geschützte Radwege bauen, weil aufgemalte Linien die Autos nicht aufhalten, und die Erfahrung anderer Städte zeigt, dass die Zahl der Verletzten sinkt, wenn Radwege vom Verkehr getrennt sind."),
 (False, "french", "La ville devrait construire des pistes cyclables protégées, car les lignes peintes ne stoppent pas les voitures, et l'expérience des autres villes montre que les blessures diminuent quand les pistes sont séparées."),
 (False, "spanish", "La ciudad debería construir carriles bici protegidos, porque las líneas pintadas no detienen a los coches, y la experiencia de otras ciudades muestra que las lesiones bajan cuando los carriles están separados del tráfico."),
 (False, "dutch", "De stad moet beschermde fietspaden aanleggen, want geschilderde lijnen houden auto's niet tegen, en de ervaring van andere steden laat zien dat het aantal gewonden daalt als fietspaden van het verkeer zijn gescheiden."),
 (False, "indonesian", "Kota harus membangun jalur sepeda yang terlindungi, karena garis cat tidak menghentikan mobil, dan pengalaman kota lain menunjukkan bahwa cedera berkurang ketika jalur dipisahkan dari lalu lintas yang padat."),
 (False, "hindi in Latin letters, mostly Hindi", "Yaar mujhe lagta hai ki sheher ko bike lanes banani chahiye kyunki sirf paint se gaadiyan nahi rukti, aur doosre shehron mein bhi dekha gaya hai ki jab lanes alag hoti hain toh accidents kam hote hain, bilkul sach hai."),
 (False, "italian", "La città dovrebbe costruire piste ciclabili protette, perché le linee dipinte non fermano le auto, e l'esperienza di altre città mostra che i feriti diminuiscono quando le piste sono separate dal traffico."),
]


@pytest.mark.parametrize("english, kind, text", SAMPLE, ids=[k for _, k, _ in SAMPLE])
def test_row11_language_detection_on_a_labelled_sample(english, kind, text):
    from argmine.lang import MIN_WORDS, detect, english_score

    assert english_score(text)["words"] >= MIN_WORDS  # long enough to be judged
    assert detect(text)["english"] is english


def test_evaluate_on_a_data_directory_with_a_malformed_ann_line_names_file_and_line(tmp_path):
    good = ("T1\tMajorClaim 0 33\tSmoking should be banned in parks\nT2\tClaim 35 59\tIt harms children nearby\n"
            "A1\tStance T2 For\n")
    bad = good + "R1\tsupports Arg1:T2\n"
    data = _aaec_tree(tmp_path / "data", {"essay1": (TEXT.encode(), good.encode()),
                                          "essay2": (TEXT.encode(), bad.encode())})
    preds = _preds(tmp_path, [{"id": "essay1", "text": TEXT, "units": [], "relations": []}])
    res = _cli()("evaluate", "--corpus", "aaec", "--split", "test", "--data-dir", data, "--predictions", preds,
                 "--bootstrap", "0")
    assert res.exit_code == 2
    assert "essay2.ann, line 4: an R-line must read" in res.output and "Traceback" not in res.output


# -- independent readers: arguebuf (ReCAP's argument-graph library; in the test extra) reads what argmine writes --------
def _arguebuf_relations(g) -> list:
    """(source text, target text, 'supports'|'attacks') for each scheme node of an arguebuf graph."""
    from arguebuf.model.scheme import Attack

    out = []
    for s in g.scheme_nodes.values():
        label = "attacks" if isinstance(s.scheme, Attack) else "supports"
        for a in g.incoming_atom_nodes(s):
            for b in g.outgoing_atom_nodes(s):
                out.append((a.plain_text, b.plain_text, label))
    return sorted(out)


def _argmine_relations(doc: Document) -> list:
    return sorted((doc.unit_text(doc.unit(r.source)), doc.unit_text(doc.unit(r.target)), r.label)
                  for r in doc.relations)


def test_arguebuf_reads_argmine_aif_and_xaif_with_the_same_units_and_relations():
    arguebuf = pytest.importorskip("arguebuf")
    from argmine.export import to_aif, to_xaif

    doc = _crlf_doc()
    for g in (arguebuf.load.aif(json.loads(json.dumps(to_aif(doc)))),
              arguebuf.load.xaif(json.loads(json.dumps(to_xaif(doc))))):
        assert sorted(a.plain_text for a in g.atom_nodes.values()) == sorted(doc.unit_text(u) for u in doc.units)
        assert _arguebuf_relations(g) == _argmine_relations(doc)


def test_arguebuf_reads_argmine_brat_stances_toward_any_major_claim():
    arguebuf = pytest.importorskip("arguebuf")
    import io

    text = "We need lanes. We need trains. Lanes save lives. Trains are slow. Buses help."
    at = lambda p: (text.index(p), text.index(p) + len(p))  # noqa: E731
    units = [ArgumentUnit("U1", *at("We need lanes"), "MajorClaim"), ArgumentUnit("U2", *at("We need trains"), "MajorClaim"),
             ArgumentUnit("U3", *at("Lanes save lives"), "Claim"), ArgumentUnit("U4", *at("Trains are slow"), "Claim"),
             ArgumentUnit("U5", *at("Buses help"), "Premise")]
    rels = [Relation("U3", "U2", "supports"), Relation("U4", "U2", "attacks"), Relation("U5", "U4", "supports")]
    g = arguebuf.load.brat(io.StringIO(to_brat(Document(text, units, rels, id="d"))))  # KeyError before the fix
    assert g.major_claim.plain_text == ". We need lanes. We need trains"  # arguebuf joins the major claims
    stances = [(a, r) for a, b, r in _arguebuf_relations(g) if b == g.major_claim.plain_text]
    assert sorted(stances) == [("Lanes save lives", "supports"), ("Trains are slow", "attacks")]
    assert ("Buses help", "Trains are slow", "supports") in _arguebuf_relations(g)


def test_cdcp_and_microtexts_readers_name_the_file_and_line_of_a_malformed_file(tmp_path):
    from argmine.corpora.cdcp import read_cdcp
    from argmine.corpora.microtexts import parse_microtext

    folder = tmp_path / "cdcp" / "test"
    folder.mkdir(parents=True)
    (folder / "00001.txt").write_bytes(b"Fees are too high. Cut them.")
    (folder / "00001.ann.json").write_bytes(b'\xef\xbb\xbf{"prop_labels": ["value", "policy"],\n "prop_offsets": [[0, 18], [19, 28]],\n'
                                           b' "reasons": [[[1, 1], 0]], "evidences": []}')
    [doc] = read_cdcp(tmp_path, "test")  # a BOM is fine
    assert [doc.text[u.start:u.end] for u in doc.units] == ["Fees are too high.", "Cut them."]
    (folder / "00001.ann.json").write_text('{"prop_labels": ["value"],\n "prop_offsets": [[0, 18]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"00001\.ann\.json, line 3: the file must be JSON"):
        read_cdcp(tmp_path, "test")
    xml = tmp_path / "micro_b001.xml"
    xml.write_text('<?xml version="1.0"?>\n<arggraph id="b001">\n<edu id="e1">Fees.</arggraph>\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"micro_b001\.xml, line 3: the file must be well-formed XML"):
        parse_microtext(xml)


def test_aif_without_any_proposition_is_refused_not_read_as_empty(tmp_path):
    src = tmp_path / "dialogue.json"
    src.write_text(json.dumps({"AIF": {"nodes": [{"nodeID": "1", "text": "Bob : hi", "type": "L"}], "edges": []},
                               "text": "hi"}), encoding="utf-8")
    res = _cli()("render", src, "--format", "json")
    assert res.exit_code == 2 and "must have I-nodes" in res.output
