"""The Miner (argmine.load / mine / mine_batch) with a tiny random-weight model: the contract always holds.

The tiny model's predictions are meaningless; what is checked is what must hold for any model: offsets,
ids, labels, relation ends, a forest of relations, input order, batch == single, robustness to hostile text.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import contract_checker_path

import argmine
from argmine.data import RELATION_LABELS, SCHEMA_VERSION, UNIT_LABELS, Document

CHECKER = contract_checker_path()  # shared/tools beside the data folder (tests/conftest.py)

OPED = """Why our cities need protected bike lanes

Cities should build protected bike lanes because painted lines do not stop cars. Every year thousands of cyclists \
are injured by drivers who drift into a lane that is marked only with paint. A kerb-separated lane keeps even a \
distracted driver out of the cyclist's path, and it costs less than one might think.

Critics say that bike lanes take space away from parking and hurt local shops. However, studies from three \
countries show that people on bikes visit shops more often and spend more over a month. Shop owners \
overestimate how many of their customers arrive by car.

Moreover, safer streets bring more people onto bikes, which cuts traffic for everyone. When a lane feels safe, \
parents let their children ride to school, and fewer cars clog the roads in the morning.

In short, protected lanes save lives and money at the same time, so the city should build them now.
"""

SHORT = "Kerbs save lives, so cities should build them."


def long_paragraph(n_words=3000):
    base = ("cities should build protected lanes because paint does not stop cars and kerbs save lives "
            "while shops gain customers , studies show").split()
    words = [base[i % len(base)] for i in range(n_words)]
    for i in range(19, n_words, 20):
        words[i] += "."
    return " ".join(words)


def check_doc(doc, text, doc_id=None):
    """Everything CONTRACT.md promises about one mined document."""
    assert isinstance(doc, Document)
    assert doc.text is text or doc.text == text
    doc.validate()
    d = doc.to_dict()
    assert d["schema_version"] == SCHEMA_VERSION == 1
    assert d["text"] == text
    assert d["id"] == doc_id
    assert d["model"]["name"] == "tiny-test" and d["model"]["version"]
    ids = [u["id"] for u in d["units"]]
    assert len(ids) == len(set(ids))
    last_end = 0
    for u in sorted(d["units"], key=lambda u: u["start"]):
        assert isinstance(u["start"], int) and isinstance(u["end"], int)
        assert 0 <= u["start"] < u["end"] <= len(text)
        assert u["start"] >= last_end
        last_end = u["end"]
        assert text[u["start"]:u["end"]] == u["text"]
        assert u["text"] == u["text"].strip()
        assert u["label"] in UNIT_LABELS
        assert 0.0 <= u["score"] <= 1.0
    for r in d["relations"]:
        assert r["label"] in RELATION_LABELS
        assert r["source"] in ids and r["target"] in ids and r["source"] != r["target"]
        assert 0.0 <= r["score"] <= 1.0
    check_forest(doc)
    assert Document.from_dict(json.loads(json.dumps(d))) == doc
    return d


def check_forest(doc):
    """Each unit has at most one outgoing relation and following them never comes back."""
    out = {}
    for r in doc.relations:
        assert r.source not in out, f"{r.source} has two outgoing relations"
        out[r.source] = r.target
    for start in out:
        seen, node = set(), start
        while node in out:
            assert node not in seen, f"cycle through {node}"
            seen.add(node)
            node = out[node]
    labels = {u.id: u.label for u in doc.units}
    for r in doc.relations:
        assert labels[r.source] != "MajorClaim"
        if labels[r.source] == "Claim":
            # a claim's stance is a relation to a MajorClaim
            assert labels[r.target] == "MajorClaim"


def summary(doc):
    return ([(u.start, u.end, u.label, u.id) for u in doc.units],
            [(r.source, r.target, r.label) for r in doc.relations])


# -- basic contract ---------------------------------------------------------------------------------------------

def test_load_and_repr(tiny_miner):
    assert tiny_miner.model_info == {"name": "tiny-test", "version": "0.1.0"}
    assert "tiny-test" in repr(tiny_miner)


def test_mine_keeps_the_contract(tiny_miner):
    doc = tiny_miner.mine(OPED, id="oped-1")
    d = check_doc(doc, OPED, "oped-1")
    # the tiny model is biased to find a realistic number of units; make sure the checks above checked something
    assert len(d["units"]) >= 5
    assert {u["label"] for u in d["units"]} >= {"Premise"}
    assert all(isinstance(u.get("paragraph"), int) for u in d["units"])


def test_mine_is_deterministic(tiny_miner):
    assert summary(tiny_miner.mine(OPED)) == summary(tiny_miner.mine(OPED))


def test_contract_checker_accepts_the_json(tiny_miner, tmp_path):
    if not CHECKER.exists():
        pytest.skip(f"{CHECKER} not found")
    doc = tiny_miner.mine(OPED, id="oped-1")
    out = tmp_path / "doc.json"
    out.write_text(json.dumps(doc.to_dict(), ensure_ascii=False), encoding="utf-8")
    src = tmp_path / "oped.txt"
    src.write_bytes(OPED.encode("utf-8"))  # only "\n" line ends: the checker reads it in text mode
    res = subprocess.run([sys.executable, str(CHECKER), str(out), str(src)], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stdout + res.stderr
    n_units, n_rels = map(int, res.stdout.split())
    assert (n_units, n_rels) == (len(doc.units), len(doc.relations))


@pytest.mark.parametrize("text", ["", " ", "\n\n\t \r\n", "\u2028\u00a0"])
def test_empty_and_blank_text_have_no_units(tiny_miner, text):
    doc = tiny_miner.mine(text, id="blank")
    assert doc.units == [] and doc.relations == []
    check_doc(doc, text, "blank")


@pytest.mark.parametrize("bad", [None, 3, b"bytes", ["a list"]])
def test_mine_rejects_non_str(tiny_miner, bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        tiny_miner.mine(bad)


def test_mine_batch_rejects_a_single_str(tiny_miner):
    with pytest.raises(TypeError, match="str"):
        list(tiny_miner.mine_batch("a single text"))


def test_mine_batch_rejects_a_non_str_item(tiny_miner):
    with pytest.raises(TypeError, match="bytes"):
        list(tiny_miner.mine_batch(["fine", b"not fine"]))


# -- batches ----------------------------------------------------------------------------------------------------

@pytest.mark.slow  # many texts, or a long one, through the model
def test_mine_batch_keeps_order_and_ids_and_equals_mine(tiny_miner):
    texts = [OPED, "", SHORT, long_paragraph(800), "  \n ", OPED.replace("\n", "\r\n"), SHORT + "\n\n" + OPED]
    ids = [f"doc-{i}" for i in range(len(texts))]
    batch = list(tiny_miner.mine_batch(texts, ids=ids, batch_size=2))
    assert [d.id for d in batch] == ids
    assert [d.text for d in batch] == texts
    for text, doc_id, got in zip(texts, ids, batch):
        check_doc(got, text, doc_id)
        single = tiny_miner.mine(text, id=doc_id)
        assert summary(got) == summary(single)
        assert [u.score for u in got.units] == pytest.approx([u.score for u in single.units], abs=1e-3)


@pytest.mark.slow  # many texts, or a long one, through the model
def test_mine_batch_from_a_generator_over_several_chunks(tiny_miner):
    n = 70  # more than one internal chunk of texts
    texts = [f"Text number {i} argues that kerbs save lives because paint does not." + " More words." * (i % 5)
             for i in range(n)]
    docs = list(tiny_miner.mine_batch((t for t in texts), ids=(f"r{i}" for i in range(n)), batch_size=4))
    assert [d.id for d in docs] == [f"r{i}" for i in range(n)]
    assert [d.text for d in docs] == texts
    for d, t in zip(docs, texts):
        d.validate()
    # the same text gives the same result wherever it sits in the batch
    again = tiny_miner.mine(texts[37], id="r37")
    assert summary(docs[37]) == summary(again)


def test_mine_batch_of_nothing(tiny_miner):
    assert list(tiny_miner.mine_batch([])) == []


def test_mine_batch_rejects_bad_batch_size(tiny_miner):
    with pytest.raises(ValueError):
        list(tiny_miner.mine_batch(["x"], batch_size=0))


# -- long and hostile input -------------------------------------------------------------------------------------

@pytest.mark.slow  # many texts, or a long one, through the model
def test_long_paragraph_is_mined_everywhere(tiny_miner):
    text = long_paragraph(3000)
    doc = tiny_miner.mine(text, id="long")
    check_doc(doc, text, "long")
    assert doc.units, "the tiny model finds units in a long text"
    # units can be found in the tail too: nothing is truncated at the encoder's window
    assert max(u.end for u in doc.units) > 0.8 * len(text)
    assert min(u.start for u in doc.units) < 0.2 * len(text)


HOSTILE = {
    "nul": "Kerbs save lives.\x00 Paint does\x00not stop cars.",
    "lone_surrogate": "Kerbs save lives \ud800 because paint does not stop cars.",
    "lone_low_surrogate_in_word": "Kerbs save li\udc80ves because paint does not stop cars.",
    "rtl": "Kerbs save lives. \u202eهذه الحجة تدعم المسارات\u202c because paint does not stop cars.",
    "emoji": "\U0001F6B2\U0001F6B2 Kerbs save lives \U0001F44D\U0001F3FD because paint \u2764\ufe0f does not stop cars.",
    "crlf": "Why kerbs\r\n\r\nKerbs save lives.\r\nPaint does not stop cars.\r\n\r\nSo build kerbs.\r\n",
    "line_separator": "Kerbs save lives.\u2028Paint does not stop cars.\u2029So build kerbs.",
    "zero_width": "Kerbs\u200b save\u200d lives\ufeff because paint does not stop cars.",
    "combining": "Cafe\u0301s gain customers because cycli\u0308sts stop more often.",
    "controls": "\x01\x02 Kerbs save lives \x1b[31m because \x7f paint does not stop cars.",
    "only_punctuation": "!!! ??? ... --- ,,,",
    "huge_word": "Kerbs save lives " + "x" * 200_000 + " because paint does not stop cars.",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_keeps_offsets_valid(tiny_miner, name):
    text = HOSTILE[name]
    doc = tiny_miner.mine(text, id=name)
    check_doc(doc, text, name)


@pytest.mark.slow  # many texts, or a long one, through the model
def test_relations_form_a_forest_over_many_texts(tiny_miner):
    texts = [OPED, OPED.upper(), OPED.replace(".", ";"), long_paragraph(600), "\n\n".join([OPED] * 3)]
    docs = list(tiny_miner.mine_batch(texts))
    n_links = 0
    for d in docs:
        check_forest(d)
        labels = {u.id: u.label for u in d.units}
        n_links += sum(labels[r.source] == "Premise" for r in d.relations)
    assert n_links > 0, "the tiny model links some premises, so the forest check checked something"


def test_claim_stance_relation_targets_the_first_major_claim(tiny_miner):
    text = "\n\n".join([OPED] * 2)
    doc = tiny_miner.mine(text)
    majors = [u.id for u in doc.units if u.label == "MajorClaim"]
    for u in doc.units:
        if u.label != "Claim":
            continue
        outgoing = [r for r in doc.relations if r.source == u.id]
        if majors:
            assert len(outgoing) == 1 and outgoing[0].target in majors
            assert u.extra.get("stance") in ("For", "Against")
            assert outgoing[0].label == ("supports" if u.extra["stance"] == "For" else "attacks")


def test_argmine_load_of_a_path_string(tiny_model_dir):
    miner = argmine.load(str(tiny_model_dir), device="cpu")
    assert miner.model_info["name"] == "tiny-test"


BOUNDED_SCRIPT = r"""
import resource, sys
limit = 4 * 2**30  # address space, not resident memory: torch itself needs well under 2 GiB of it here
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
import argmine
base = ("cities should build protected lanes because paint does not stop cars and kerbs save lives "
        "while shops gain customers , studies show").split()
words = [base[i % len(base)] + ("." if i % 20 == 19 else "") for i in range(int(sys.argv[2]))]
text = " ".join(words)  # one paragraph: e.g. a report pasted from a PDF with no line breaks
doc = argmine.load(sys.argv[1], device="cpu").mine(text)
doc.validate()
print(len(doc.units), max((u.end for u in doc.units), default=0) > 0.8 * len(text))
"""


@pytest.mark.slow
def test_very_long_paragraph_mines_in_bounded_memory(tiny_model_dir):
    # With a realistic unit density (about one unit per 11 words), 20,000 words in one paragraph give ~1,800
    # units. Link and relation scoring must not build every (source, target) pair of a paragraph at once:
    # that is n^2 x (3 x unit_dim + 32) floats, ~14 GB here. Run in a child process under a 4 GiB cap, so a
    # regression fails this test instead of taking the machine's memory.
    res = subprocess.run([sys.executable, "-c", BOUNDED_SCRIPT, str(tiny_model_dir), "20000"],
                         capture_output=True, text=True, timeout=240,
                         env={**os.environ, "OMP_NUM_THREADS": "1"},
                         cwd=str(Path(__file__).resolve().parent.parent))
    assert res.returncode == 0, res.stderr[-2000:]
    n_units, tail = res.stdout.split()
    assert int(n_units) > 0 and tail == "True"


def test_bf16_precision_mines_valid_documents(tiny_model_dir):
    import argmine

    m = argmine.load(tiny_model_dir, precision="bf16")
    doc = m.mine("Cities should build bike lanes. They save lives because kerbs stop cars.\n\nSo build them now.")
    doc.validate()
    with pytest.raises(ValueError, match="precision must be"):
        argmine.load(tiny_model_dir, precision="fp8")


def test_mine_batch_checks_ids_and_batch_size(tiny_miner):
    import math

    with pytest.raises(ValueError, match="fewer ids than texts"):
        list(tiny_miner.mine_batch(["One text here.", "Another text here."], ids=["a"]))
    with pytest.raises(TypeError, match="ids must be an iterable of str"):
        list(tiny_miner.mine_batch(["One text here.", "Another text here."], ids="ab"))
    with pytest.raises(TypeError, match=r"\[E111\] id must be a str or None; got float"):  # mine() names its own argument
        tiny_miner.mine("One text here.", id=math.nan)
    with pytest.raises(TypeError, match="batch_size must be an int; got str"):
        list(tiny_miner.mine_batch(["One text here."], batch_size="16"))
    docs = list(tiny_miner.mine_batch(["One text here.", "Another text here."], ids=["a", None]))
    assert [d.id for d in docs] == ["a", None]


# -- issue 12/13: devices, a failing input, progress, the time budget, short lines ------------------------------------

def test_a_device_this_machine_lacks_is_refused_before_the_model_is_read(tiny_model_dir, monkeypatch):
    import torch

    import argmine.model.directory as directory
    from argmine.errors import DeviceError

    def never(*a, **k):
        raise AssertionError("the model must not be read for a device that is not there")

    monkeypatch.setattr(directory, "load_dir", never)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(DeviceError) as e:
        argmine.load(tiny_model_dir, device="cuda")
    assert str(e.value).startswith("[E109] device must be one this machine has; got 'cuda', but torch finds no CUDA device here")
    assert isinstance(e.value, ValueError)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 1)
    with pytest.raises(DeviceError, match=r"got 'cuda:3', but this machine has 1 CUDA device\(s\)"):
        argmine.load(tiny_model_dir, device="cuda:3")
    with pytest.raises(DeviceError, match="got 'gpu', but torch does not know that device"):
        argmine.load(tiny_model_dir, device="gpu")


def test_load_on_cuda_without_cuda_is_a_clear_error_not_a_torch_traceback(tiny_model_dir):
    import torch

    from argmine.errors import DeviceError

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(DeviceError, match="no CUDA device here"):
        argmine.load(tiny_model_dir, device="cuda")


@pytest.mark.parametrize("before", [5, 40])  # inside the first block of texts, and after a whole block was mined
def test_mine_batch_over_a_generator_that_raises_midway_yields_what_came_before(tiny_miner, before):
    texts = [f"Text {i} argues that kerbs save lives because paint does not stop cars." for i in range(before)]

    def source():
        yield from texts
        raise OSError("the archive went away")

    docs = []
    with pytest.raises(OSError, match="the archive went away"):
        for d in tiny_miner.mine_batch(source(), ids=[f"t{i}" for i in range(before)], batch_size=2):
            docs.append(d)
    assert [d.id for d in docs] == [f"t{i}" for i in range(before)]
    assert [d.text for d in docs] == texts


def test_progress_moves_text_by_text_not_once_per_block(tiny_miner):
    texts = [OPED] * 20  # one block of texts (batch_size 4: blocks of 32)
    seen = []
    calls = []

    def progress(n):
        calls.append(n)
        seen.append(sum(calls))

    for i, d in enumerate(tiny_miner.mine_batch(texts, batch_size=4, progress=progress)):
        assert sum(calls) >= i + 1  # never behind the documents yielded
    assert sum(calls) == 20 and all(n >= 1 for n in calls)
    assert len(set(seen)) >= 5, seen  # it moved while the block was mined, not 0 -> 20 in one step
    assert seen[0] < 20


def _slow_on(word, seconds, monkeypatch, tokenizer):
    """Make the encoder take ``seconds`` longer on any batch holding ``word`` (a text that is slow to mine)."""
    import time

    import argmine.model.network as network

    word_id = tokenizer.convert_tokens_to_ids(word)
    real = network.encode_paragraphs

    def encode(net, windows, *a, **k):
        if any(word_id in w.input_ids for ws in windows for w in ws):
            time.sleep(seconds)
        return real(net, windows, *a, **k)

    monkeypatch.setattr(network, "encode_paragraphs", encode)


def test_a_text_past_its_time_budget_raises_after_the_texts_before_it(tiny_miner, tokenizer, monkeypatch):
    from argmine.errors import MiningTimeoutError

    _slow_on("zebra", 1.5, monkeypatch, tokenizer)
    texts = ["Kerbs save lives because paint does not stop cars.", "A zebra crossing is what this street needs now.",
             "Buses help because they carry many people."]
    docs = []
    with pytest.raises(MiningTimeoutError) as e:
        for d in tiny_miner.mine_batch(texts, ids=["a", "slow", "c"], batch_size=1, max_seconds=1.0):
            docs.append(d)
    assert [d.id for d in docs] == ["a"]
    assert e.value.doc_id == "slow" and e.value.elapsed > 1.0
    assert str(e.value).startswith("[E110] mining must take at most 1 s per text; got text 'slow' still running after")
    assert isinstance(e.value, TimeoutError)
    # without the slow text, the same budget is no problem
    assert [d.id for d in tiny_miner.mine_batch([texts[0], texts[2]], ids=["a", "c"], max_seconds=1.0)] == ["a", "c"]
    with pytest.raises(ValueError, match="max_seconds must be > 0"):
        list(tiny_miner.mine_batch(texts, max_seconds=0))


def test_lines_too_short_for_a_unit_are_not_encoded_and_change_nothing(tiny_miner, monkeypatch):
    import argmine.model.features as features
    import argmine.model.network as network

    pairs = ["budget cuts", "green river", "lane kerb", "city council"]
    text = "\n".join(pairs * 25) + "\n\n" + OPED  # 100 two-word lines (a tag list, a table column), then an op-ed
    runs = features.prepare(text, tiny_miner.tokenizer, min_words=0)
    assert sum(len(p.words) < 3 for p in runs) == 100  # each line is a run of its own, too short for a unit
    assert [bool(p.windows) for p in features.prepare(text, tiny_miner.tokenizer, min_words=3)] == [len(p.words) >= 3 for p in runs]
    encoded = []
    real = network.encode_paragraphs

    def encode(net, windows, *a, **k):
        encoded.extend(len(ws) for ws in windows)
        return real(net, windows, *a, **k)

    monkeypatch.setattr(network, "encode_paragraphs", encode)
    doc = tiny_miner.mine(text)
    n_fast = len(encoded)
    real_prepare = features.prepare
    monkeypatch.setattr(features, "prepare", lambda *a, **k: real_prepare(*a, **{**k, "min_words": 0}))
    encoded.clear()
    slow = tiny_miner.mine(text)  # as before: every run encoded
    assert len(encoded) - n_fast == 100  # the short lines are no longer encoded
    assert [(u.start, u.end, u.label) for u in doc.units] == [(u.start, u.end, u.label) for u in slow.units]
    assert [(r.source, r.target, r.label) for r in doc.relations] == [(r.source, r.target, r.label) for r in slow.relations]
    assert [u.score for u in doc.units] == pytest.approx([u.score for u in slow.units], abs=1e-3)
