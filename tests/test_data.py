"""The data model (argmine.data): JSON round-trip, offsets, validation."""
import json

import pytest

from argmine.data import SCHEMA_VERSION, ArgumentUnit, Document, Relation

TEXT = "We need a fair deal. It lasts longer, because people accept it."


def sample():
    return Document(
        text=TEXT,
        units=[
            ArgumentUnit("U1", 0, 19, "MajorClaim", 0.97, {"paragraph": 0}),
            ArgumentUnit("U2", 21, 36, "Claim", 0.8, {"paragraph": 1}),
            ArgumentUnit("U3", 46, 62, "Premise", 0.5, {"evidence_type": "common-ground", "paragraph": 1}),
        ],
        relations=[Relation("U2", "U1", "supports", 0.88), Relation("U3", "U2", "supports", 0.7, {"note": "x"})],
        id="oped-1",
        model={"name": "argmine-default", "version": "0.1.0"},
        meta={"source": "test"},
    )


def test_round_trip_keeps_everything_including_extra_fields():
    doc = sample()
    d = doc.to_dict()
    assert Document.from_dict(d) == doc
    assert Document.from_dict(json.loads(json.dumps(d))) == doc
    assert d["schema_version"] == SCHEMA_VERSION
    assert d["units"][2]["evidence_type"] == "common-ground" and d["units"][2]["paragraph"] == 1
    assert d["relations"][1]["note"] == "x"


def test_to_dict_unit_text_is_the_slice_of_text():
    d = sample().to_dict()
    assert d["text"] == TEXT
    for u in d["units"]:
        assert d["text"][u["start"]:u["end"]] == u["text"]
    assert d["units"][0]["text"] == "We need a fair deal"


def test_from_dict_ignores_unknown_top_level_fields_and_needs_no_optional_ones():
    d = sample().to_dict()
    d["produced_by"] = "someone else"
    assert Document.from_dict(d) == sample()
    minimal = Document.from_dict({"text": "x y"})
    assert minimal == Document(text="x y")


def test_other_schema_version_is_refused():
    d = sample().to_dict()
    d["schema_version"] = 2
    with pytest.raises(ValueError, match="schema_version must be 1; got 2"):
        Document.from_dict(d)


def test_valid_document_validates():
    sample().validate()
    Document(text="").validate()


@pytest.mark.parametrize("units, rels, message", [
    ([ArgumentUnit("A", 0, 10, "Claim"), ArgumentUnit("B", 5, 15, "Claim")], [], "must not overlap"),
    ([ArgumentUnit("A", 0, 10, "Conclusion")], [], "unit label must be one of"),
    ([ArgumentUnit("A", 0, 10, "Claim")], [Relation("A", "Z", "supports")], "relation ends must be unit ids"),
    ([ArgumentUnit("A", 0, 10, "Claim")], [Relation("Z", "A", "supports")], "relation ends must be unit ids"),
    ([ArgumentUnit("A", 0, 5, "Claim"), ArgumentUnit("B", 6, 9, "Claim")], [Relation("A", "B", "rebuts")],
     "relation label must be one of"),
    ([ArgumentUnit("A", 0, 5, "Claim"), ArgumentUnit("A", 6, 9, "Claim")], [], "unit ids must be unique"),
    ([ArgumentUnit("A", 5, 5, "Claim")], [], "offsets must satisfy"),
    ([ArgumentUnit("A", 0, len(TEXT) + 1, "Claim")], [], "offsets must satisfy"),
    ([ArgumentUnit("A", -1, 3, "Claim")], [], "offsets must satisfy"),
])
def test_validate_catches_broken_documents(units, rels, message):
    with pytest.raises(ValueError, match=message):
        Document(text=TEXT, units=units, relations=rels).validate()


@pytest.mark.parametrize("bad", [b"bytes", None, 5, ["a list"]])
def test_non_str_text_raises_type_error(bad):
    with pytest.raises(TypeError, match="text must be a str"):
        Document(text=bad)
    with pytest.raises(TypeError, match="text must be a str"):
        Document.from_dict({"text": bad})


# -- property: any valid document survives to_dict -> JSON -> from_dict ------------------------------------
try:
    import hypothesis
    from hypothesis import strategies as st
except ImportError:  # the property test is optional; everything above runs without it
    hypothesis = None

if hypothesis is None:
    @pytest.mark.skip(reason="hypothesis is not installed")
    def test_round_trip_property():
        pass
else:
    _json_scalars = st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=8) | \
        st.floats(allow_nan=False, allow_infinity=False)
    _extra = st.dictionaries(st.sampled_from(["evidence_type", "paragraph", "note"]), _json_scalars, max_size=3)

    @st.composite
    def documents(draw):
        text = draw(st.text(max_size=60))
        cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=8)))
        units = []
        for k in range(0, len(cuts) - 1, 2):  # disjoint [cuts[k], cuts[k+1]) spans
            if cuts[k] < cuts[k + 1]:
                units.append(ArgumentUnit(
                    f"U{len(units) + 1}", cuts[k], cuts[k + 1],
                    draw(st.sampled_from(["MajorClaim", "Claim", "Premise"])),
                    draw(st.floats(0, 1)), draw(_extra)))
        rels = []
        if units:
            ids = st.sampled_from([u.id for u in units])
            for _ in range(draw(st.integers(0, 4))):
                rels.append(Relation(draw(ids), draw(ids), draw(st.sampled_from(["supports", "attacks"])),
                                     draw(st.floats(0, 1)), draw(_extra)))
        return Document(text=text, units=units, relations=rels, id=draw(st.none() | st.text(max_size=5)),
                        model=draw(st.none() | st.just({"name": "m", "version": "0.1.0"})))

    @hypothesis.settings(deadline=None)
    @hypothesis.given(documents())
    def test_round_trip_property(doc):
        doc.validate()
        d = doc.to_dict()
        for u in d["units"]:
            assert doc.text[u["start"]:u["end"]] == u["text"]
        assert Document.from_dict(d) == doc
        assert Document.from_dict(json.loads(json.dumps(d))) == doc
