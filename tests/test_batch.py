"""``argmine batch`` / ``argmine.batch.run_batch``: formats, error records, resume, crash safety (tiny model)."""
from __future__ import annotations

import csv
import gzip
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmine.batch import BatchError, BatchInterrupted, read_records, run_batch
from argmine.cli import app
from argmine.data import Document

REPO = Path(__file__).resolve().parent.parent
SENTENCES = ["Cities should build protected bike lanes.", "Painted lines do not stop cars.",
             "Kerbs keep drivers out, so riders are safer.", "Critics say lanes hurt shops.",
             "However, people on bikes visit shops more often."]


def text_for(i: int) -> str:
    return " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 3)) + f" Record {i}."


def runner():
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:
        return CliRunner()


def read_jsonl(path: Path):
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def check_doc(d, text=None):
    doc = Document.from_dict(d)
    doc.validate()
    assert d["schema_version"] == 1
    if text is not None:
        assert d["text"] == text
    for u in d["units"]:
        assert d["text"][u["start"]:u["end"]] == u["text"]


def mixed_jsonl(path: Path) -> dict:
    """A JSON Lines file with good and bad records; returns {line: expected id} and {line: error needle}."""
    lines = [
        json.dumps({"id": "a", "text": text_for(1)}).encode(),             # 1 good
        b'{"id": "b", "text": "unterminated',                               # 2 not JSON
        json.dumps({"id": "c", "body": "no text field"}).encode(),          # 3 missing text
        json.dumps({"id": "d", "text": 42}).encode(),                       # 4 text not a string
        b"",                                                                # 5 blank: not a record
        json.dumps({"id": "e", "text": "x" * 500}).encode(),               # 6 too long (--max-chars 300)
        b'{"id": "f", "text": "caf\xe9 au lait"}',                          # 7 invalid UTF-8 byte
        json.dumps({"text": text_for(8)}).encode(),                         # 8 good, no id -> "8"
        json.dumps([1, 2]).encode(),                                        # 9 JSON but not an object
        json.dumps({"id": 10, "text": "caf\u00e9 " + text_for(10)}, ensure_ascii=False).encode(),  # 10 good, int id
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    good = {1: "a", 8: "8", 10: "10"}
    bad = {2: (None, "not valid JSON"), 3: ("c", "no 'text' field"), 4: ("d", "must be a string"),
           6: ("e", "more than --max-chars"), 7: ("f", "not valid UTF-8"), 9: (None, "JSON object")}
    return {"good": good, "bad": bad}


def test_mixed_jsonl_cli(tmp_path, tiny_model_dir):
    src = tmp_path / "in.jsonl"
    exp = mixed_jsonl(src)
    out = tmp_path / "out.jsonl"
    res = runner().invoke(app, ["batch", str(src), "-o", str(out), "--model", str(tiny_model_dir), "--max-chars", "300"])
    assert res.exit_code == 0, res.output + res.stderr
    assert "3 documents mined, 6 errors" in res.stderr
    docs = read_jsonl(out)
    assert [d["meta"]["line"] for d in docs] == sorted(exp["good"])
    assert [d["id"] for d in docs] == [exp["good"][n] for n in sorted(exp["good"])]
    for d in docs:
        check_doc(d)
        assert d["model"]["name"] == "tiny-test"
    assert docs[2]["text"].startswith("caf\u00e9 ")
    errs = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert [e["line"] for e in errs] == sorted(exp["bad"])
    for e in errs:
        want_id, needle = exp["bad"][e["line"]]
        assert e["id"] == want_id and needle in e["error"], e
        assert set(e) == {"line", "id", "error"}


def test_cli_cannot_run(tmp_path, tiny_model_dir):
    out = tmp_path / "out.jsonl"
    res = runner().invoke(app, ["batch", str(tmp_path / "missing.jsonl"), "-o", str(out), "--model", str(tiny_model_dir)])
    assert res.exit_code != 0 and "missing.jsonl" in res.stderr and "Traceback" not in res.stderr
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": "hi"}) + "\n")
    res = runner().invoke(app, ["batch", str(src), "-o", str(out), "--model", str(tmp_path / "no-model")])
    assert res.exit_code != 0 and "no-model" in res.stderr
    assert not out.exists()


@pytest.mark.slow  # hundreds of records over many chunks
def test_output_in_input_order_across_chunks(tmp_path, tiny_miner):
    src = tmp_path / "in.jsonl"
    texts = [text_for(i) for i in range(23)]
    texts[5] = "word " * 400  # a long one, so length sorting inside mine_batch would show if order leaked
    src.write_text("".join(json.dumps({"id": f"r{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    s = run_batch(src, tmp_path / "out.jsonl", tiny_miner, chunk_size=4, batch_size=3, progress=False)
    assert (s.mined, s.errors, s.skipped, s.interrupted) == (23, 0, 0, False)
    docs = read_jsonl(tmp_path / "out.jsonl")
    assert [d["id"] for d in docs] == [f"r{i}" for i in range(23)]
    assert [d["text"] for d in docs] == texts
    assert not (tmp_path / "out.jsonl.errors.jsonl").exists()


def test_resume_after_torn_last_line(tmp_path, tiny_miner):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"r{i}", "text": text_for(i)}) + "\n" for i in range(12))
                   + "not json\n")
    out, errs = tmp_path / "out.jsonl", tmp_path / "errs.jsonl"
    s = run_batch(src, out, tiny_miner, errors_path=errs, limit=7, chunk_size=3, progress=False)
    assert s.mined == 7
    whole = out.read_bytes()
    # a killed run: half of the next document written, no newline
    nxt = whole.splitlines(keepends=True)[-1]
    out.write_bytes(whole + nxt[: len(nxt) // 2])
    s = run_batch(src, out, tiny_miner, errors_path=errs, chunk_size=3, progress=False)
    assert any("incomplete" in n for n in s.notes)
    assert (s.mined, s.errors, s.skipped) == (5, 1, 7)
    docs = read_jsonl(out)
    assert [d["id"] for d in docs] == [f"r{i}" for i in range(12)]
    assert [e["line"] for e in read_jsonl(errs)] == [13]
    # a third run has nothing left to do
    s = run_batch(src, out, tiny_miner, errors_path=errs, progress=False)
    assert (s.mined, s.errors, s.skipped) == (0, 0, 13)
    assert len(read_jsonl(out)) == 12


def test_resume_refuses_foreign_output(tmp_path, tiny_miner):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": "hi"}) + "\n")
    out = tmp_path / "out.jsonl"
    out.write_text('{"not": "ours"}\n{"also": 1}\n')
    with pytest.raises(BatchError, match="written by argmine batch"):
        run_batch(src, out, tiny_miner, progress=False)
    assert out.read_text() == '{"not": "ours"}\n{"also": 1}\n'
    out.write_text('{"a": 1}')  # no newline: not a torn line of ours either
    with pytest.raises(BatchError, match="written by argmine batch"):
        run_batch(src, out, tiny_miner, progress=False)
    assert out.read_text() == '{"a": 1}'


def test_keyboard_interrupt_stops_cleanly_and_resumes(tmp_path, tiny_miner, monkeypatch):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"r{i}", "text": text_for(i)}) + "\n" for i in range(10)))
    out = tmp_path / "out.jsonl"
    real = type(tiny_miner).mine_batch
    calls = {"n": 0}

    def flaky(self, texts, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(self, texts, **kw)

    monkeypatch.setattr(type(tiny_miner), "mine_batch", flaky)
    with pytest.raises(BatchInterrupted) as ei:
        run_batch(src, out, tiny_miner, chunk_size=3, progress=False)
    assert isinstance(ei.value, KeyboardInterrupt)
    assert ei.value.summary.interrupted and ei.value.summary.mined == 6
    assert out.read_bytes().endswith(b"\n") and len(read_jsonl(out)) == 6
    monkeypatch.setattr(type(tiny_miner), "mine_batch", real)
    s = run_batch(src, out, tiny_miner, chunk_size=3, progress=False)
    assert (s.mined, s.skipped) == (4, 6)
    assert [d["id"] for d in read_jsonl(out)] == [f"r{i}" for i in range(10)]


def test_mining_failure_of_one_record_goes_to_errors(tmp_path, tiny_miner, monkeypatch):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"r{i}", "text": "BOOM" if i == 2 else text_for(i)}) + "\n" for i in range(5)))
    real = type(tiny_miner).mine_batch

    def picky(self, texts, **kw):
        if "BOOM" in texts:
            raise RuntimeError("cannot mine this")
        return real(self, texts, **kw)

    monkeypatch.setattr(type(tiny_miner), "mine_batch", picky)
    s = run_batch(src, tmp_path / "out.jsonl", tiny_miner, progress=False)
    assert (s.mined, s.errors) == (4, 1)
    assert [d["id"] for d in read_jsonl(tmp_path / "out.jsonl")] == ["r0", "r1", "r3", "r4"]
    [e] = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert e["line"] == 3 and e["id"] == "r2" and "cannot mine this" in e["error"]


def test_limit(tmp_path, tiny_model_dir):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"r{i}", "text": text_for(i)}) + "\n" for i in range(8)))
    out = tmp_path / "out.jsonl"
    args = ["batch", str(src), "-o", str(out), "--model", str(tiny_model_dir), "--quiet"]
    res = runner().invoke(app, args + ["--limit", "3"])
    assert res.exit_code == 0 and res.stderr == ""
    assert [d["id"] for d in read_jsonl(out)] == ["r0", "r1", "r2"]
    res = runner().invoke(app, args + ["--limit", "3"])  # same slice again: nothing new
    assert res.exit_code == 0 and len(read_jsonl(out)) == 3
    res = runner().invoke(app, args + ["--limit", "5"])
    assert [d["id"] for d in read_jsonl(out)] == ["r0", "r1", "r2", "r3", "r4"]


def test_csv_input(tmp_path, tiny_miner):
    src = tmp_path / "in.csv"
    with open(src, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["doc", "body"])
        w.writerow(["x1", text_for(1)])
        w.writerow(["x2", "First paragraph.\n\nSecond paragraph, on two lines\nof the file."])
        w.writerow(["", text_for(3)])
        w.writerow(["x4"])
    s = run_batch(src, tmp_path / "out.jsonl", tiny_miner, text_field="body", id_field="doc", progress=False)
    docs = read_jsonl(tmp_path / "out.jsonl")
    # line: where the record starts (the header is line 1; x2 takes lines 3-6)
    assert [(d["id"], d["meta"]["line"]) for d in docs] == [("x1", 2), ("x2", 3), ("7", 7)]
    assert docs[1]["text"] == "First paragraph.\n\nSecond paragraph, on two lines\nof the file."
    [e] = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert e["line"] == 8 and "fields" in e["error"]
    assert (s.mined, s.errors) == (3, 1)
    with pytest.raises(BatchError, match="'text' column"):
        run_batch(src, tmp_path / "o2.jsonl", tiny_miner, progress=False)
    assert not (tmp_path / "o2.jsonl").exists()


def test_jsonl_gz_input(tmp_path, tiny_miner):
    src = tmp_path / "in.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as f:
        for i in range(5):
            f.write(json.dumps({"id": f"g{i}", "text": text_for(i)}) + "\n")
    s = run_batch(src, tmp_path / "out.jsonl", tiny_miner, progress=False)
    assert s.mined == 5
    docs = read_jsonl(tmp_path / "out.jsonl")
    assert [d["id"] for d in docs] == [f"g{i}" for i in range(5)]
    assert [d["text"] for d in docs] == [text_for(i) for i in range(5)]


def test_truncated_gz_writes_what_it_read_then_fails(tmp_path, tiny_miner):
    src = tmp_path / "in.jsonl.gz"
    pad = lambda i: random.Random(i).getrandbits(8 * 3000).to_bytes(3000, "big").hex()  # noqa: E731 (incompressible)
    data = gzip.compress("".join(json.dumps({"text": text_for(i), "pad": pad(i)}) + "\n" for i in range(12)).encode())
    src.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(BatchError, match="truncated"):
        run_batch(src, tmp_path / "out.jsonl", tiny_miner, progress=False)
    docs = read_jsonl(tmp_path / "out.jsonl")
    assert 0 < len(docs) < 12 and [d["id"] for d in docs] == [str(i) for i in range(1, len(docs) + 1)]


def test_folder_of_txt_input(tmp_path, tiny_miner):
    folder = tmp_path / "essays"
    folder.mkdir()
    (folder / "b.txt").write_text(text_for(2), encoding="utf-8")
    (folder / "a.txt").write_text(text_for(1), encoding="utf-8")
    (folder / "c.txt").write_bytes(b"caf\xe9")
    (folder / "notes.md").write_text(text_for(4))  # Markdown is text, as for argmine mine
    s = run_batch(folder, tmp_path / "out.jsonl", tiny_miner, progress=False)
    assert (s.mined, s.errors) == (3, 1)
    docs = read_jsonl(tmp_path / "out.jsonl")
    assert [(d["id"], d["text"]) for d in docs] == [("a", text_for(1)), ("b", text_for(2)), ("notes", text_for(4))]
    assert docs[0]["meta"]["file"] == "a.txt"
    [e] = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert e["id"] == "c" and e["file"] == str(folder / "c.txt") and "UTF-8" in e["error"]
    # resume by file name: a file added later is mined, nothing else again
    (folder / "aa.txt").write_text(text_for(3), encoding="utf-8")
    s = run_batch(folder, tmp_path / "out.jsonl", tiny_miner, progress=False)
    assert (s.mined, s.errors, s.skipped) == (1, 0, 4)
    assert sorted(d["id"] for d in read_jsonl(tmp_path / "out.jsonl")) == ["a", "aa", "b", "notes"]


def test_folder_files_of_another_kind_are_error_records_not_skipped(tmp_path, tiny_miner):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text(text_for(1), encoding="utf-8")
    (folder / "a.pdf").write_bytes(b"%PDF-1.4 not a text")
    (folder / "memo.docx").write_bytes(b"PK\x03\x04zip")
    (folder / ".DS_Store").write_bytes(b"\x00")  # hidden: not an input
    s = run_batch(folder, tmp_path / "out.jsonl", tiny_miner, progress=False)
    assert (s.mined, s.errors) == (1, 2)
    assert s.errors_by_reason == {"not a text or HTML file": 2}
    assert "2 of them files of another kind" in s.line()
    errs = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert [(e["id"], e["file"]) for e in errs] == [("a.pdf", str(folder / "a.pdf")), ("memo.docx", str(folder / "memo.docx"))]
    assert all(".txt" in e["error"] and ".html" in e["error"] for e in errs)
    s = run_batch(folder, tmp_path / "out.jsonl", tiny_miner, progress=False)  # resumes: the .txt is not shadowed
    assert (s.mined, s.errors, s.skipped) == (0, 0, 3)


def test_parquet_in_and_out(tmp_path, tiny_miner):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "in.parquet"
    pq.write_table(pa.table({"text": [text_for(0), None, text_for(2)], "id": ["p0", "p1", "p2"]}), src)
    out = tmp_path / "out.parquet"
    s = run_batch(src, out, tiny_miner, limit=1, progress=False)
    assert s.mined == 1 and not (tmp_path / "out.parquet.partial.jsonl").exists()
    s = run_batch(src, out, tiny_miner, progress=False)
    assert (s.mined, s.errors, s.skipped) == (1, 1, 1)
    t = pq.read_table(out)
    assert t.column_names == ["id", "line", "document", "url", "date", "title", "n_units", "n_relations", "major_claim"]
    assert t.column("n_units").to_pylist() == [len(json.loads(d)["units"]) for d in t.column("document").to_pylist()]
    assert t.column("id").to_pylist() == ["p0", "p2"] and t.column("line").to_pylist() == [1, 3]
    for s_ in t.column("document").to_pylist():
        check_doc(json.loads(s_))
    assert read_jsonl(tmp_path / "out.parquet.errors.jsonl")[0]["id"] == "p1"


def test_read_records_skips_overlong_line_without_holding_it(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": "y" * ((1 << 20) + 500)}) + "\n" + json.dumps({"text": "ok"}) + "\n")
    recs = list(read_records(src, max_chars=10))
    assert recs[0].error and "longer than" in recs[0].error and recs[0].line == 1
    assert recs[1].text == "ok" and recs[1].id == "2"



def test_a_record_holding_a_whole_web_page_is_an_error_record(tmp_path):
    src = tmp_path / "in.jsonl"
    page = "<!doctype html><html><body><p>Cities should ban cars.</p></body></html>"
    src.write_text(json.dumps({"id": "a", "text": page}) + "\n" + json.dumps({"id": "b", "text": "<p>A fragment.</p>"}) + "\n")
    recs = list(read_records(src))
    assert recs[0].error and "whole web page" in recs[0].error and recs[0].id == "a"
    assert recs[1].error is None and recs[1].text == "<p>A fragment.</p>"

@pytest.mark.slow
def test_sigkill_then_rerun_every_record_exactly_once(tmp_path, tiny_model_dir):
    """Kill the real command (SIGKILL) at random points while it writes; reruns must complete the archive."""
    rng = random.Random(int(os.environ.get("ARGMINE_TEST_SEED", "5")))
    n = 300
    bad = {17, 150, 299}
    src = tmp_path / "in.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i in range(1, n + 1):
            f.write("{broken\n" if i in bad else json.dumps({"id": f"k{i}", "text": text_for(i)}) + "\n")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "argmine.cli", "batch", str(src), "-o", str(out), "--model", str(tiny_model_dir),
           "--chunk-size", "8", "--batch-size", "4", "--quiet"]
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
           "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    killed = 0
    for _ in range(2):
        proc = subprocess.Popen(cmd, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 120
        start_size = out.stat().st_size if out.exists() else 0
        while proc.poll() is None and time.time() < deadline and (not out.exists() or out.stat().st_size <= start_size):
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.8))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait(timeout=60)
        proc.stderr.close()
    assert killed >= 1, "the command finished before it could be killed"
    done_before = len(read_jsonl(out)) if out.read_bytes().endswith(b"\n") else None
    r = subprocess.run(cmd, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    docs, errs = read_jsonl(out), read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    lines = [d["meta"]["line"] for d in docs]
    assert lines == sorted(set(lines)), "output must be in input order without duplicates"
    assert [d["id"] for d in docs] == [f"k{i}" for i in lines]
    assert sorted(lines + [e["line"] for e in errs]) == list(range(1, n + 1))
    assert {e["line"] for e in errs} == bad
    for d in docs:
        assert d["text"] == text_for(d["meta"]["line"])
    if done_before is not None:
        assert len(docs) >= done_before


class _StubMiner:
    """Mines nothing (no units) but goes through the same path: for memory and bookkeeping tests."""

    def mine_batch(self, texts, ids=None, batch_size=16, show_progress=False):
        for t, i in zip(texts, ids):
            yield Document(text=t, id=i, model={"name": "stub", "version": "0"})


@pytest.mark.slow
def test_memory_does_not_grow_with_the_archive(tmp_path):
    import tracemalloc

    def peak(n):
        src = tmp_path / f"in{n}.jsonl"
        with open(src, "w") as f:
            for i in range(n):
                f.write(json.dumps({"id": f"r{i}", "text": text_for(i)}) + "\n")
        out = tmp_path / f"out{n}.jsonl"
        tracemalloc.start()
        try:
            run_batch(src, out, _StubMiner(), limit=n // 2, progress=False)
            run_batch(src, out, _StubMiner(), progress=False)  # resume reads the first half back
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak(200), peak(4000)
    assert large < small + 300_000, (small, large)


def test_progress_bar_and_summary(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"text": text_for(i)}) + "\n" for i in range(5)) + "oops\n")
    s = run_batch(src, tmp_path / "out.jsonl", _StubMiner(), progress=True)
    err = capsys.readouterr().err
    assert "6/6" in err and "doc/s" in err
    assert s.line().startswith("argmine batch done: 5 documents mined, 1 error (in ")


def test_cli_ctrl_c_exit_130(tmp_path, tiny_model_dir, monkeypatch):
    from argmine.batch import BatchSummary

    def interrupted(*a, **k):
        raise BatchInterrupted(BatchSummary(mined=3, interrupted=True))

    import argmine.batch.runner as runner_mod

    monkeypatch.setattr(runner_mod, "run_batch", interrupted)  # what argmine.batch.run_engine calls
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": "hi"}) + "\n")
    res = runner().invoke(app, ["batch", str(src), "-o", str(tmp_path / "o.jsonl"), "--model", str(tiny_model_dir)])
    assert res.exit_code == 130
    msg = res.stderr.strip()
    assert len(msg.splitlines()) == 1 and "interrupted" in msg and "again to resume" in msg


@pytest.mark.slow
def test_sigint_stops_cleanly_with_exit_130(tmp_path, tiny_model_dir):
    src = tmp_path / "in.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i in range(1, 301):
            f.write(json.dumps({"id": f"k{i}", "text": text_for(i)}) + "\n")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "argmine.cli", "batch", str(src), "-o", str(out), "--model", str(tiny_model_dir),
           "--chunk-size", "8", "--batch-size", "4"]
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
           "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    proc = subprocess.Popen(cmd, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while proc.poll() is None and time.time() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    err = proc.communicate(timeout=60)[1]
    if proc.returncode == 0:
        pytest.skip("the command finished before the signal arrived")
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "again to resume" in err
    data = out.read_bytes()
    assert not data or data.endswith(b"\n")  # whole lines only (none at all if the signal came first on a busy machine)
    docs = read_jsonl(out)
    assert [d["meta"]["line"] for d in docs] == list(range(1, len(docs) + 1))


def test_systematic_mining_failure_stops_the_run(tmp_path, tiny_miner, monkeypatch):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"text": text_for(i)}) + "\n" for i in range(6)))
    real = type(tiny_miner).mine_batch
    calls = {"n": 0}

    def broken_after_first(self, texts, **kw):
        calls["n"] += 1
        if calls["n"] > 1:
            raise RuntimeError("device lost")
        return real(self, texts, **kw)

    monkeypatch.setattr(type(tiny_miner), "mine_batch", broken_after_first)
    with pytest.raises(BatchError, match="device lost"):
        run_batch(src, tmp_path / "out.jsonl", tiny_miner, chunk_size=3, progress=False)
    assert len(read_jsonl(tmp_path / "out.jsonl")) == 3
    assert not (tmp_path / "out.jsonl.errors.jsonl").exists()


# -- titles, an input that fails midway, per-record progress, the time budget (issues 12, 13) ---------------------------

class _TitleStub:
    """Records the titles mine_batch is given (the headline input), mines nothing."""

    def __init__(self):
        self.titles = []

    def mine_batch(self, texts, ids=None, titles=None, batch_size=16, show_progress=False):
        self.titles.extend(titles if titles is not None else [None] * len(texts))
        for t, i, h in zip(texts, ids, titles or [None] * len(texts)):
            doc = Document(text=t, id=i, model={"name": "stub", "version": "0"})
            if h:
                doc.meta["title"] = h
            yield doc


def test_a_records_title_reaches_the_miner_and_meta_title(tmp_path, tiny_miner):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": text_for(0), "title": "Build the lanes now"}) + "\n"
                   + json.dumps({"id": "b", "text": text_for(1)}) + "\n"
                   + json.dumps({"id": "c", "text": text_for(2), "title": 7}) + "\n", encoding="utf-8")
    stub = _TitleStub()
    run_batch(src, tmp_path / "stub.jsonl", stub, progress=False)
    assert stub.titles == ["Build the lanes now", None, None]  # the headline input; a title that is no text is none
    run_batch(src, tmp_path / "out.jsonl", tiny_miner, progress=False)
    docs = {d["id"]: d for d in read_jsonl(tmp_path / "out.jsonl")}
    assert docs["a"]["meta"]["title"] == "Build the lanes now"
    assert "title" not in docs["b"]["meta"] and "title" not in docs["c"]["meta"]


def _failing_reader(monkeypatch, n_good):
    """read_records gives ``n_good`` records of INPUT, then raises OSError (a disk that went away)."""
    import argmine.batch.runner as runner_mod

    real = runner_mod.read_records

    def reader(*a, **k):
        def gen():
            for i, rec in enumerate(real(*a, **k)):
                if i == n_good:
                    raise OSError("Input/output error while reading the archive")
                yield rec
        return gen()

    monkeypatch.setattr(runner_mod, "read_records", reader)


def test_an_input_that_fails_midway_keeps_the_documents_read_before(tmp_path, tiny_miner, tiny_model_dir, monkeypatch):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"r{i}", "text": text_for(i)}) + "\n" for i in range(10)), encoding="utf-8")
    _failing_reader(monkeypatch, 7)
    out = tmp_path / "out.jsonl"
    with pytest.raises(OSError, match="Input/output error"):
        run_batch(src, out, tiny_miner, progress=False)  # one chunk of 64: all 7 records were still pending
    assert [d["id"] for d in read_jsonl(out)] == [f"r{i}" for i in range(7)]
    out2 = tmp_path / "cli.jsonl"
    res = runner().invoke(app, ["batch", str(src), "-o", str(out2), "--model", str(tiny_model_dir), "-q"])
    assert res.exit_code == 2 and "Input/output error" in res.stderr
    assert [d["id"] for d in read_jsonl(out2)] == [f"r{i}" for i in range(7)]
    monkeypatch.undo()
    s = run_batch(src, out2, tiny_miner, progress=False)  # the rerun resumes after them
    assert (s.skipped, s.mined) == (7, 3)


def test_progress_bar_moves_record_by_record_inside_a_chunk(tmp_path, tiny_miner, monkeypatch):
    import tqdm.auto

    shown = []

    class Bar:
        def __init__(self, total=None, **k):
            self.n, self.total = 0, total

        def update(self, n=1):
            self.n += n
            shown.append(self.n)

        def close(self):
            pass

    monkeypatch.setattr(tqdm.auto, "tqdm", Bar)
    src = tmp_path / "in.jsonl"
    long_text = " ".join(SENTENCES * 6)
    src.write_text("".join(json.dumps({"id": f"r{i}", "text": long_text}) + "\n" for i in range(20)), encoding="utf-8")
    run_batch(src, tmp_path / "out.jsonl", tiny_miner, progress=True, batch_size=2)  # 20 records: one chunk of 64
    assert shown[-1] == 20 and shown == sorted(shown)
    assert len(set(shown)) >= 5, shown  # not 0% then 100%


def test_a_record_past_the_time_budget_goes_to_errors_and_the_run_goes_on(tmp_path, tiny_miner, tokenizer,
                                                                          tiny_model_dir, monkeypatch):
    from test_miner import _slow_on

    _slow_on("zebra", 1.5, monkeypatch, tokenizer)
    src = tmp_path / "in.jsonl"
    texts = [text_for(0), "A zebra crossing is what this street needs now.", text_for(2), text_for(3)]
    src.write_text("".join(json.dumps({"id": f"r{i}", "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    s = run_batch(src, tmp_path / "out.jsonl", tiny_miner, progress=False, batch_size=1, max_seconds=1.0)
    assert [d["id"] for d in read_jsonl(tmp_path / "out.jsonl")] == ["r0", "r2", "r3"]
    [err] = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert (err["id"], err["line"]) == ("r1", 2)
    assert err["error"].startswith("time budget exceeded: [E110] mining must take at most 1 s per text; got text 'r1'")
    assert s.errors_by_reason == {"time budget exceeded": 1}
    out = tmp_path / "cli.jsonl"
    res = runner().invoke(app, ["batch", str(src), "-o", str(out), "--model", str(tiny_model_dir), "-q",
                                "--batch-size", "1", "--max-seconds", "1"])
    assert res.exit_code == 0, res.stderr
    assert [d["id"] for d in read_jsonl(out)] == ["r0", "r2", "r3"]


@pytest.mark.parametrize("name", ["ms.jsonl", "ms.jsonl.gz"])
def test_output_is_created_even_when_every_record_fails(tmp_path, tiny_miner, name):
    src, out = tmp_path / "in.jsonl", tmp_path / name
    src.write_text('{"id": "a"}\n{"id": "b", "text": 5}\n', encoding="utf-8")
    s = run_batch(src, out, tiny_miner, progress=False)
    assert (s.mined, s.errors) == (0, 2)
    assert out.exists() and read_records_count(out) == 0  # scripts can rely on OUTPUT being there
    assert len(read_jsonl(tmp_path / (name + ".errors.jsonl"))) == 2
    assert run_batch(src, out, tiny_miner, progress=False).skipped == 2  # the empty OUTPUT resumes


def read_records_count(path: Path) -> int:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as f:
        return sum(1 for line in f if line.strip())


def test_summary_line_gives_a_short_run_in_milliseconds():
    from argmine.batch.runner import BatchSummary

    s = BatchSummary(mined=1, seconds=0.038)
    assert s.line().endswith(", 38 ms (26.3 documents/s)"), s.line()
    assert BatchSummary(mined=24, seconds=12.0).line().endswith(", 12.0 s (2.0 documents/s)")


def test_errors_by_reason_groups_one_kind_whatever_its_numbers(tmp_path, tiny_miner):
    src = tmp_path / "in.jsonl"
    lines = [{"id": "a", "text": "x" * 30}, {"id": "b", "text": "y" * 4000}, {"id": "c", "text": text_for(1)[:20]},
             "{not json", "[1, 2]"]
    src.write_text("\n".join(json.dumps(r) if isinstance(r, dict) else r for r in lines) + "\n", encoding="utf-8")
    s = run_batch(src, tmp_path / "out.jsonl", tiny_miner, max_chars=25, progress=False)
    assert s.errors_by_reason == {"'text' has N characters, more than --max-chars N": 2, "line is not valid JSON": 1,
                                  "line must be a JSON object": 1}
    assert s.mined == 1


def test_error_reason_names_the_kind_not_the_record():
    from argmine.batch.mining import _reason

    assert _reason("file name 'caf\\xe9.txt' is not valid UTF-8; rename the file") == "file name ... is not valid UTF-8"
    assert _reason("not an article: no main text") == "not an article"
    assert _reason("file has 12,345,678 bytes, more than --max-chars 1,000,000 characters can take") == \
        "file has N bytes, more than --max-chars N characters can take"


def test_a_json_error_names_the_character_once(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "unterminated\n', encoding="utf-8")
    (rec,) = list(read_records(src))
    assert rec.error.startswith("line is not valid JSON: Unterminated string starting at (character ")
    assert "at at" not in rec.error
