"""Readers for arg-microtexts, AbstRCT, CDCP and UKP web discourse (argmine.corpora.*), and the datasets export.

Synthetic inputs written here (invented sentences, not corpus text) exercise the parsers without the corpora;
the real-corpus checks read the data at run time from the data directory and are skipped when it is absent.
Expected counts are those of the shared copies (README.md of the data directory and each corpus' SOURCE.txt).
"""
import json
from collections import Counter
from pathlib import Path

import pytest

from argmine.corpora import CORPORA, get_reader, get_splits
from argmine.corpora.abstrct import parse_abstrct_brat, read_abstrct
from argmine.corpora.cdcp import parse_cdcp, read_cdcp
from argmine.corpora.microtexts import parse_microtext, read_microtexts, split_ids
from argmine.corpora.ukp import parse_ukp_xmi, read_ukp
from argmine.errors import DataNotFoundError


def need(data_dir: Path, folder: str) -> Path:
    if not (data_dir / folder).is_dir():
        pytest.skip(f"{folder} is not in the data directory")
    return data_dir


def totals(docs):
    units = Counter(u.label for d in docs for u in d.units)
    rels = Counter(r.label for d in docs for r in d.relations)
    return len(docs), sum(units.values()), sum(rels.values()), units, rels


def check_docs(docs):
    for d in docs:
        d.validate()
        assert d.id
        for u in d.units:
            span = d.text[u.start:u.end]
            assert span and span == span.strip(), (d.id, u.id)
            assert "source_label" in u.extra
        for r in d.relations:
            assert "source_label" in r.extra


# -- registry ---------------------------------------------------------------------------------------------------

def test_registry_names_every_reader():
    assert {"aaec", "webis", "microtexts", "abstrct", "cdcp", "ukp"} <= set(CORPORA)
    for name in CORPORA:
        assert callable(get_reader(name)) and get_splits(name)
    assert get_reader("arg-microtexts") is read_microtexts
    assert get_reader("web-discourse-toulmin") is read_ukp
    assert "glaucoma_test" in get_splits("abstrct")
    with pytest.raises(ValueError, match="corpus must be one of"):
        get_reader("nope")


@pytest.mark.parametrize("name,split", [("microtexts", "all"), ("abstrct", "neoplasm_test"), ("cdcp", "test"),
                                        ("ukp", "all")])
def test_missing_data_is_a_data_not_found_error(tmp_path, name, split):
    with pytest.raises(DataNotFoundError):
        get_reader(name)(tmp_path, split)


@pytest.mark.parametrize("name", ["microtexts", "abstrct", "cdcp", "ukp"])
def test_unknown_split_is_a_value_error(tmp_path, name):
    with pytest.raises(ValueError, match="split must be one of"):
        get_reader(name)(tmp_path, "nope")


# -- arg-microtexts ---------------------------------------------------------------------------------------------

MICRO_XML = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="micro_x001" topic_id="bikes" stance="pro">
  <edu id="e1"><![CDATA[Cities should build bike lanes.]]></edu>
  <edu id="e2"><![CDATA[They cost money,]]></edu>
  <edu id="e3"><![CDATA[but they save lives]]></edu>
  <edu id="e4"><![CDATA[and health costs fall.]]></edu>
  <edu id="e5"><![CDATA[Copenhagen shows it.]]></edu>
  <edu id="e6"><![CDATA[Paint is]]></edu>
  <edu id="e7"><![CDATA[not enough.]]></edu>
  <joint id="j1"/>
  <adu id="a1" type="pro"/>
  <adu id="a2" type="opp"/>
  <adu id="a3" type="pro"/>
  <adu id="a4" type="pro"/>
  <adu id="a5" type="pro"/>
  <adu id="a6" type="pro"/>
  <edge id="c1" src="e1" trg="a1" type="seg"/>
  <edge id="c2" src="e2" trg="a2" type="seg"/>
  <edge id="c3" src="e3" trg="a3" type="seg"/>
  <edge id="c4" src="e4" trg="a4" type="seg"/>
  <edge id="c5" src="e5" trg="a5" type="seg"/>
  <edge id="c6" src="e6" trg="j1" type="seg"/>
  <edge id="c7" src="e7" trg="j1" type="seg"/>
  <edge id="c8" src="j1" trg="a6" type="seg"/>
  <edge id="c10" src="a2" trg="a1" type="reb"/>
  <edge id="c11" src="a3" trg="c10" type="und"/>
  <edge id="c12" src="a4" trg="c11" type="add"/>
  <edge id="c13" src="a6" trg="a1" type="sup"/>
  <edge id="c14" src="a5" trg="a6" type="exa"/>
</arggraph>
"""
MICRO_TEXT = ("Cities should build bike lanes. They cost money, but they save lives and health costs fall. "
              "Copenhagen shows it. Paint is not enough.\n")


def test_microtexts_graph_mapping(tmp_path):
    xml = tmp_path / "micro_x001.xml"
    xml.write_text(MICRO_XML, encoding="utf-8")
    (tmp_path / "micro_x001.txt").write_text(MICRO_TEXT, encoding="utf-8")
    doc = parse_microtext(xml)
    doc.validate()
    assert doc.text == MICRO_TEXT
    by_text = {doc.unit_text(u): u for u in doc.units}
    mc = by_text["Cities should build bike lanes."]
    assert mc.label == "MajorClaim" and mc.extra["source_label"] == "central_claim"
    # a joint of two EDUs is one unit spanning both
    joint = by_text["Paint is not enough."]
    assert joint.label == "Claim"  # attached to the central claim and supported by an example
    rebut = by_text["They cost money,"]
    assert rebut.label == "Claim" and rebut.extra["role"] == "opp"  # attacks the central claim, is undercut
    assert by_text["but they save lives"].label == "Premise"
    assert by_text["Copenhagen shows it."].label == "Premise"
    rel = {(doc.unit_text(doc.unit(r.source)), doc.unit_text(doc.unit(r.target))): r for r in doc.relations}
    assert len(doc.relations) == 5
    assert rel["They cost money,", "Cities should build bike lanes."].label == "attacks"
    und = rel["but they save lives", "They cost money,"]  # an undercut attacks the source of the edge it hits
    assert (und.label, und.extra["source_label"]) == ("attacks", "und")
    add = rel["and health costs fall.", "They cost money,"]  # a linked co-premise shares the edge's relation
    assert (add.label, add.extra["source_label"]) == ("attacks", "add")
    assert add.extra["linked_with"] == by_text["but they save lives"].id
    assert rel["Copenhagen shows it.", "Paint is not enough."].extra["source_label"] == "exa"
    assert rel["Copenhagen shows it.", "Paint is not enough."].label == "supports"
    assert doc.meta["topic_id"] == "bikes" and doc.meta["stance"] == "pro"


def test_microtexts_without_text_file_joins_edus(tmp_path):
    xml = tmp_path / "micro_x001.xml"
    xml.write_text(MICRO_XML, encoding="utf-8")
    doc = parse_microtext(xml)
    doc.validate()
    assert doc.text == MICRO_TEXT.strip()


def test_microtexts_split_is_deterministic_60_20_20():
    ids = [f"micro_b{i:03d}" for i in range(1, 51)]
    train, dev, test = split_ids(ids, "train"), split_ids(ids, "dev"), split_ids(list(reversed(ids)), "test")
    assert (len(train), len(dev), len(test)) == (30, 10, 10)
    assert not set(train) & set(test) and not set(train) & set(dev) and not set(dev) & set(test)
    assert sorted(train + dev + test) == sorted(ids)
    assert split_ids(ids, "test") == test and split_ids(ids, "all") == sorted(ids)
    assert split_ids(ids, "test")[0] == "micro_b005" and split_ids(ids, "dev")[0] == "micro_b004"


def test_microtexts_real(data_dir):
    need(data_dir, "arg-microtexts")
    docs = read_microtexts(data_dir, "all")
    check_docs(docs)
    n, n_units, n_rels, units, rels = totals(docs)
    assert n == 112  # README: 112 texts
    assert n_units == 576 and units["MajorClaim"] == 112  # 576 ADUs, one central claim each
    assert n_rels == 464  # sup 263 + exa 9 + reb 108 + und 63 + add 21
    src = Counter(r.extra["source_label"] for d in docs for r in d.relations)
    assert src == {"sup": 263, "reb": 108, "und": 63, "add": 21, "exa": 9}
    assert rels["attacks"] == 108 + 63 + sum(1 for d in docs for r in d.relations
                                             if r.extra["source_label"] == "add" and r.label == "attacks")
    train, dev, test = (read_microtexts(data_dir, s) for s in ("train", "dev", "test"))
    assert (len(train), len(dev), len(test)) == (68, 22, 22)
    assert {d.id for d in train} | {d.id for d in dev} | {d.id for d in test} == {d.id for d in docs}
    assert not {d.id for d in train} & {d.id for d in test} and not {d.id for d in train} & {d.id for d in dev}
    assert not {d.id for d in dev} & {d.id for d in test}
    b001 = next(d for d in docs if d.id == "micro_b001")
    assert b001.text.startswith(b001.unit_text(b001.units[0]))
    labels = [u.label for u in b001.units]
    assert labels == ["Claim", "Premise", "Premise", "Premise", "MajorClaim"]
    assert [(r.source, r.target, r.label, r.extra["source_label"]) for r in b001.relations] == [
        ("U1", "U5", "attacks", "reb"), ("U2", "U1", "supports", "sup"), ("U3", "U1", "attacks", "und"),
        ("U4", "U1", "attacks", "add")]


# -- AbstRCT ----------------------------------------------------------------------------------------------------

def test_abstrct_brat_mapping():
    text = "Drug A lowered pain. Pain fell by half (p<0.01). Nausea rose."
    ann = ("T1\tMajorClaim 0 20\tDrug A lowered pain.\nT2\tPremise 21 48\tPain fell by half (p<0.01).\n"
           "T3\tPremise 49 61\tNausea rose.\nT4\tClaim 21 30\tPain fell\n"
           "R1\tSupport Arg1:T2 Arg2:T1\t\nR2\tPartial-Attack Arg1:T3 Arg2:T1\t\nR3\tAttack Arg1:T4 Arg2:T1\t\n")
    doc = parse_abstrct_brat(text, ann, "x")
    doc.validate()
    assert [u.id for u in doc.units] == ["T1", "T2", "T3"]  # T4 overlaps T2, which comes first: dropped
    assert [(r.source, r.label, r.extra["source_label"]) for r in doc.relations] == [
        ("T2", "supports", "Support"), ("T3", "attacks", "Partial-Attack")]


def test_abstrct_real(data_dir):
    need(data_dir, "abstrct")
    expected = {"neoplasm_train": (350, 2267, 1418), "neoplasm_dev": (50, 326, 219), "neoplasm_test": (100, 686, 424),
                "glaucoma_test": (100, 594, 367), "mixed_test": (100, 600, 329)}
    for split, (n_docs, n_units, n_rels) in expected.items():
        docs = read_abstrct(data_dir, split)
        check_docs(docs)
        assert totals(docs)[:3] == (n_docs, n_units, n_rels), split
    assert [d.id for d in read_abstrct(data_dir, "dev")] == [d.id for d in read_abstrct(data_dir, "neoplasm_dev")]
    train = read_abstrct(data_dir, "train")
    ann_dir = data_dir / "abstrct" / "AbstRCT_corpus" / "data" / "train" / "neoplasm_train"
    for doc in train[:20]:  # every span is the .ann's own span text
        spans = {}
        for line in (ann_dir / f"{doc.id}.ann").read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                key, _, span = line.split("\t")
                spans[key] = span
        assert {u.id: doc.unit_text(u) for u in doc.units} == spans
    src = Counter((r.extra["source_label"], r.label) for d in train for r in d.relations)
    assert set(src) == {("Support", "supports"), ("Attack", "attacks"), ("Partial-Attack", "attacks")}
    assert Counter(u.label for d in train for u in d.units) == {"MajorClaim": 64, "Claim": 666, "Premise": 1537}


# -- CDCP -------------------------------------------------------------------------------------------------------

def test_cdcp_mapping():
    text = "Fees are unfair. I paid twice last year. The agency should cap them."
    ann = {"prop_labels": ["value", "testimony", "policy"], "prop_offsets": [[0, 16], [16, 40], [40, 68]],
           "reasons": [[[0, 1], 2]], "evidences": [[[1, 1], 0]], "url": {}}
    doc = parse_cdcp(text, ann, "00001")
    doc.validate()
    assert [(u.id, doc.unit_text(u), u.label, u.extra["source_label"]) for u in doc.units] == [
        ("P0", "Fees are unfair.", "Claim", "value"), ("P1", "I paid twice last year.", "Premise", "testimony"),
        ("P2", "The agency should cap them.", "Claim", "policy")]
    assert [(r.source, r.target, r.label, r.extra["source_label"], r.extra.get("source_group")) for r in doc.relations] == [
        ("P0", "P2", "supports", "reason", [0, 1]), ("P1", "P2", "supports", "reason", [0, 1]),
        ("P1", "P0", "supports", "evidence", None)]


def test_cdcp_real(data_dir):
    need(data_dir, "cdcp")
    train, test, every = (read_cdcp(data_dir, s) for s in ("train", "test", "all"))
    for docs in (train, test):
        check_docs(docs)
    assert (len(train), len(test), len(every)) == (581, 150, 731)  # README: 731 (581 train / 150 test)
    n, n_units, n_rels, units, rels = totals(every)
    assert n_units == 4932  # every proposition (Park & Cardie report ~4.9k)
    assert n_rels == 1423 and set(rels) == {"supports"}
    kinds = Counter(u.extra["source_label"] for d in every for u in d.units)
    assert kinds == {"value": 2182, "testimony": 1117, "policy": 815, "fact": 786, "reference": 32}
    assert units["Claim"] == kinds["value"] + kinds["policy"]
    cdcp_dir = data_dir / "cdcp" / "test"
    for doc in test[:30]:  # unit text is the corpus span with its surrounding whitespace trimmed
        ann = json.loads((cdcp_dir / f"{doc.id}.ann.json").read_text(encoding="utf-8"))
        spans = [doc.text[s:e].strip() for s, e in ann["prop_offsets"]]
        assert [doc.unit_text(u) for u in doc.units] == spans


# -- UKP web discourse (Toulmin) -------------------------------------------------------------------------------

UKP_XMI = """<?xml version="1.0" encoding="UTF-8"?><xmi:XMI xmlns:cas="http:///uima/cas.ecore" \
xmlns:types="http:///de/tudarmstadt/ukp/dkpro/argumentation/types.ecore" xmlns:xmi="http://www.omg.org/XMI" \
xmi:version="2.0"><cas:NULL xmi:id="0"/><cas:Sofa xmi:id="6" sofaNum="1" sofaID="_InitialView" mimeType="text" \
sofaString="{sofa}"/>\
<types:WebArgumentMetadata xmi:id="24" sofa="6" begin="0" end="0" docType="forumpost" topic="bikes" title="T"/>\
<types:Claim xmi:id="100" sofa="6" begin="{c0}" end="{c1}" properties="#x&#10;rephrasedContent=lanes good&#10;"/>\
<types:Premise xmi:id="101" sofa="6" begin="{p0}" end="{p1}" properties=""/>\
<types:Rebuttal xmi:id="102" sofa="6" begin="{r0}" end="{r1}" properties=""/>\
<types:Refutation xmi:id="103" sofa="6" begin="{f0}" end="{f1}" properties=""/>\
<types:Claim xmi:id="104" sofa="6" begin="0" end="0" properties="#x&#10;implicit=true&#10;rephrasedContent=cars bad&#10;"/>\
<types:Backing xmi:id="105" sofa="6" begin="{b0}" end="{b1}" properties=""/>\
<types:ArgumentComponent xmi:id="106" sofa="6" begin="{p0}" end="{r1}" properties="appealToEmotion=true"/>\
<types:ArgumentRelation xmi:id="200" sofa="6" begin="0" end="0" source="101" target="100"/>\
<types:ArgumentRelation xmi:id="201" sofa="6" begin="0" end="0" source="102" target="100"/>\
<types:ArgumentRelation xmi:id="202" sofa="6" begin="0" end="0" source="103" target="100"/>\
<types:ArgumentRelation xmi:id="203" sofa="6" begin="0" end="0" source="105" target="104"/>\
</xmi:XMI>
"""


def test_ukp_mapping(tmp_path):
    parts = ["Lanes are good.", "They save lives.", "Some say they slow buses.", "Buses got faster.",
             "My street is calmer now."]
    sofa = "bob&#10;" + " ".join(parts)
    text = "bob\n" + " ".join(parts)
    pos, where = {}, 0
    for key, p in zip("cprfb", parts):
        where = text.index(p, where)
        pos[key + "0"], pos[key + "1"] = where, where + len(p)
    path = tmp_path / "42.xmi"
    path.write_text(UKP_XMI.format(sofa=sofa, **pos), encoding="utf-8")
    doc = parse_ukp_xmi(path)
    doc.validate()
    assert doc.text == text and doc.id == "42"
    assert [(doc.unit_text(u), u.label, u.extra["source_label"]) for u in doc.units] == [
        ("Lanes are good.", "Claim", "Claim"), ("They save lives.", "Premise", "Premise"),
        ("Some say they slow buses.", "Premise", "Rebuttal"), ("Buses got faster.", "Premise", "Refutation"),
        ("My street is calmer now.", "Premise", "Backing")]
    assert doc.units[0].extra["rephrased"] == "lanes good"
    rels = [(r.source, r.target, r.label, r.extra["source_label"]) for r in doc.relations]
    # the backing points to an implicit claim (no span): no relation; the refutation attacks the rebuttal
    assert rels == [("U2", "U1", "supports", "Premise"), ("U3", "U1", "attacks", "Rebuttal"),
                    ("U4", "U3", "attacks", "Refutation")]
    assert doc.relations[2].extra["corpus_target"] == "U1"
    assert doc.meta["implicit_claims"] == ["cars bad"] and doc.meta["doc_type"] == "forumpost"


def test_ukp_real(data_dir):
    need(data_dir, "web-discourse-toulmin")
    docs = read_ukp(data_dir, "all")
    check_docs(docs)
    n, n_units, n_rels, units, rels = totals(docs)
    assert n == 340  # README: 340 documents
    kinds = Counter(u.extra["source_label"] for d in docs for u in d.units)
    assert kinds == {"Claim": 195, "Premise": 538, "Backing": 224, "Rebuttal": 68, "Refutation": 26}
    assert units == {"Claim": 195, "Premise": 856}
    assert n_rels == 473 and rels == {"supports": 405, "attacks": 68}
    assert sum(len(d.meta.get("implicit_claims", [])) for d in docs) == 170  # claims with an empty span
    doc = next(d for d in docs if d.id == "696")  # four rebuttals, each answered by a refutation
    kinds = {u.id: u.extra["source_label"] for u in doc.units}
    assert [(kinds[r.source], kinds[r.target], r.label) for r in doc.relations] == [
        ("Refutation", "Rebuttal", "attacks")] * 4


# -- the datasets export ----------------------------------------------------------------------------------------

def test_to_hf_dataset_round_trip(tmp_path):
    pytest.importorskip("datasets")
    from argmine.corpora.hf import from_hf_dataset, to_hf_dataset

    xml = tmp_path / "micro_x001.xml"
    xml.write_text(MICRO_XML, encoding="utf-8")
    doc = parse_microtext(xml)
    ds = to_hf_dataset([doc, parse_cdcp("A b. C d.", {"prop_labels": ["fact", "value"],
                                                      "prop_offsets": [[0, 4], [4, 9]]}, "c1")])
    assert ds.num_rows == 2 and {"id", "text", "units", "relations"} <= set(ds.column_names)
    row = ds[0]
    assert row["id"] == "micro_x001" and row["text"] == doc.text
    assert [u["text"] for u in row["units"]] == [doc.unit_text(u) for u in doc.units]
    assert {"source", "target", "label", "score"} <= set(row["relations"][0])
    back = from_hf_dataset(ds)
    assert back[0] == doc and back[1].units[1].extra == {"source_label": "value"}


def test_ukp_major_claim_scheme_on_a_made_up_document():
    from argmine.corpora.ukp import major_claim_scheme
    from argmine.data import ArgumentUnit, Document, Relation

    text = "Homeschooling is fine. Kids learn at home. Critics say kids get lonely. But clubs exist. It is fine."
    spans = [(0, 21, "Claim"), (23, 41, "Premise"), (43, 70, "Rebuttal"), (72, 87, "Refutation"), (89, 100, "Claim")]
    units = [ArgumentUnit(f"U{i}", s, e, "Claim" if k == "Claim" else "Premise", extra={"source_label": k})
             for i, (s, e, k) in enumerate(spans, 1)]
    rels = [Relation("U2", "U1", "supports"), Relation("U3", "U1", "attacks"), Relation("U4", "U3", "attacks"),
            Relation("U5", "U1", "supports")]
    got = major_claim_scheme(Document(text, units, rels, id="d"))
    assert [u.label for u in got.units] == ["MajorClaim", "Premise", "Claim", "Premise", "MajorClaim"]
    assert got.units[2].extra["stance"] == "Against" and got.meta["scheme"] == "major_claim"
    assert [(r.source, r.label, r.target) for r in got.relations] == [
        ("U2", "supports", "U1"), ("U3", "attacks", "U1"), ("U4", "attacks", "U3")]  # restatement link dropped
    implicit = Document(text, units[1:4], rels[2:3], id="e")  # no claim unit: the standpoint is implicit
    assert major_claim_scheme(implicit) is None


def test_ukp_major_claim_scheme_on_the_corpus(data_dir):
    from argmine.corpora.ukp import major_claim_scheme

    docs = [major_claim_scheme(d) for d in read_ukp(data_dir, "all")]
    kept = [d for d in docs if d is not None]
    assert 150 <= len(kept) < len(docs)
    labels = {u.id: u.label for d in kept for u in d.units}
    for d in kept:
        lab = {u.id: u.label for u in d.units}
        assert all(lab[r.source] != "MajorClaim" for r in d.relations)
        assert all(lab[r.target] == "MajorClaim" for r in d.relations if lab[r.source] == "Claim")
    assert "MajorClaim" in labels.values()
