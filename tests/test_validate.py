"""``argmine.validate``: the E006 messages of documents argmine reads (render, evaluate --predictions)."""
from __future__ import annotations

import re

import pytest

from argmine.errors import DocumentFormatError
from argmine.validate import document_from_record

TEXT = "Sir, banning phones outright will not make pupils more attentive, because boredom is the problem."


def doc(**change):
    d = {"schema_version": 1, "id": "letter", "text": TEXT,
         "units": [{"id": "U1", "start": 5, "end": 64, "text": TEXT[5:64], "label": "Claim", "score": 0.9},
                   {"id": "U2", "start": 66, "end": 96, "text": TEXT[66:96], "label": "Premise", "score": 0.8}],
         "relations": [{"source": "U2", "target": "U1", "label": "supports", "score": 0.7}]}
    return {**d, **change}


def message(record) -> str:
    with pytest.raises(DocumentFormatError) as e:
        document_from_record(record, "bad.json")
    return str(e.value)


def check_clean(msg: str) -> None:
    assert ".." not in msg and "got schema_version" not in msg and "got relation" not in msg, msg
    assert "Document.validate()" not in msg, msg  # a reader of a file gets the file's fix, not Python's
    assert msg.count("; got ") == 1 and msg.endswith("."), msg


def test_a_wrong_schema_version_is_one_clean_sentence_chain():
    msg = message(doc(schema_version=2))
    assert msg.startswith("[E006] bad.json: schema_version must be 1; got 2. "), msg
    check_clean(msg)


def test_a_relation_to_a_missing_unit_is_one_clean_sentence_chain():
    d = doc()
    d["relations"][0]["target"] = "U99"
    msg = message(d)
    assert re.match(r"\[E006\] bad\.json: relation ends must be unit ids of this document; got 'U2' -> 'U99'\. ", msg), msg
    check_clean(msg)


def test_bad_offsets_show_where_the_texts_differ():
    d = doc()
    d["units"][0]["end"] = 67  # three characters past the unit's text: the first 40 characters are the same
    msg = message(d)
    assert "ends there" in msg and "', b'" in msg and "after 59 characters" in msg, msg
    assert "more attentive" in msg, msg  # where they part, not the first 40 characters of each
    check_clean(msg)
