"""The resume journal of ``argmine batch`` tried as a careless user and an attacker would (issue 13; tiny model)."""
from __future__ import annotations

import copy
import errno
import json
from pathlib import Path

import pytest

import argmine.batch.journal as journal_mod
from argmine.batch import BatchError, run_batch

WORDS = ["Cities should build protected bike lanes.", "Painted lines do not stop cars.",
         "Kerbs keep drivers out, so riders are safer."]


def write_input(path: Path, ids, prefix: str = "R") -> None:
    path.write_text("".join(json.dumps({"id": f"{prefix}{i}", "text": f"{WORDS[i % 3]} Record {prefix}{i}."}) + "\n"
                            for i in ids), encoding="utf-8")


def read_jsonl(path: Path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def test_second_run_on_the_same_output_is_refused(tmp_path, tiny_miner):
    from argmine.batch.journal import OutputLock

    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(src, range(6))
    held = OutputLock(out).acquire()  # a run in progress (a cron job overlapping itself)
    try:
        with pytest.raises(BatchError, match="being written by another argmine batch run"):
            run_batch(src, out, tiny_miner, progress=False, chunk_size=2)
        assert read_jsonl(out) == []
    finally:
        held.release()
    s = run_batch(src, out, tiny_miner, progress=False, chunk_size=2)
    assert s.mined == 6 and len(read_jsonl(out)) == 6
    assert not (tmp_path / "out.jsonl.lock").exists()


def test_the_lock_is_held_while_mining(tmp_path, tiny_miner, monkeypatch):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(src, range(4))
    seen = []
    real = type(tiny_miner).mine_batch

    def nested(self, texts, **kw):  # while the run mines, a second run on the same OUTPUT starts
        if not seen:
            with pytest.raises(BatchError, match="another argmine batch run"):
                run_batch(src, out, copy.copy(tiny_miner), progress=False)
            seen.append(True)
        return real(self, texts, **kw)

    monkeypatch.setattr(type(tiny_miner), "mine_batch", nested)
    s = run_batch(src, out, tiny_miner, progress=False, chunk_size=2)
    assert seen and s.mined == 4 and [d["id"] for d in read_jsonl(out)] == ["R0", "R1", "R2", "R3"]


def test_resume_with_another_input_is_refused(tmp_path, tiny_miner):
    a, b, out = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "out.jsonl"
    write_input(a, range(4), "A")
    write_input(b, range(6), "B")
    run_batch(a, out, tiny_miner, progress=False)
    before = out.read_bytes()
    with pytest.raises(BatchError, match="INPUT must be the input OUTPUT was mined from"):
        run_batch(b, out, tiny_miner, progress=False)
    assert out.read_bytes() == before  # not A0 A1 A2 A3 B4 B5


def test_resume_after_a_record_was_inserted_is_refused(tmp_path, tiny_miner):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(src, range(4), "E")
    run_batch(src, out, tiny_miner, progress=False)
    before = out.read_bytes()
    src.write_text(json.dumps({"id": "new", "text": "A new first record is here."}) + "\n"
                   + src.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(BatchError, match="different record at line 1"):
        run_batch(src, out, tiny_miner, progress=False)
    assert out.read_bytes() == before  # not E0 E1 E2 E3 E3


def test_resume_with_the_same_records_goes_on(tmp_path, tiny_miner):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(src, range(3))
    run_batch(src, out, tiny_miner, progress=False)
    write_input(src, range(5))  # the archive grew: same first records, two more
    s = run_batch(src, out, tiny_miner, progress=False)
    assert (s.mined, s.skipped) == (2, 3)
    assert [d["id"] for d in read_jsonl(out)] == ["R0", "R1", "R2", "R3", "R4"]


def test_resume_with_another_model_is_refused(tmp_path, tiny_miner):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(src, range(2))
    run_batch(src, out, tiny_miner, progress=False)
    write_input(src, range(4))
    other = copy.copy(tiny_miner)
    other.config = {**tiny_miner.config, "name": "another-model"}
    with pytest.raises(BatchError, match="--model and --precision must be those OUTPUT was mined with"):
        run_batch(src, out, other, progress=False)
    assert len(read_jsonl(out)) == 2


def test_disk_full_leaves_whole_lines_and_names_the_file(tmp_path, tiny_miner, monkeypatch):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(src, range(6))
    real_write = journal_mod.os.write
    calls = []

    def full_disk(fd, data):
        if bytes(data[:18]) == b'{"schema_version":':
            calls.append(len(data))
        if len(calls) >= 2:  # the second chunk: half of it lands, then the disk is full
            real_write(fd, bytes(data[: len(data) // 2]))
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(journal_mod.os, "write", full_disk)
    with pytest.raises(BatchError, match=r"OUTPUT '.*out\.jsonl' could not be written \(No space left on device\)"):
        run_batch(src, out, tiny_miner, progress=False, chunk_size=2)
    raw = out.read_bytes()
    assert raw.endswith(b"\n") and len(read_jsonl(out)) == 2  # the first chunk, whole; nothing half-written
    monkeypatch.setattr(journal_mod.os, "write", real_write)  # space freed: the rerun resumes
    s = run_batch(src, out, tiny_miner, progress=False, chunk_size=2)
    assert (s.mined, s.skipped) == (4, 2)
    assert [d["id"] for d in read_jsonl(out)] == [f"R{i}" for i in range(6)]


def test_a_last_line_still_being_written_is_not_an_error(tmp_path, tiny_miner):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(src, range(3))
    whole = json.dumps({"id": "R3", "text": "The last record arrives late, so it waits."}) + "\n"
    with open(src, "a", encoding="utf-8") as f:
        f.write(whole[:20])
    s = run_batch(src, out, tiny_miner, progress=False)
    assert (s.mined, s.errors) == (3, 0)
    assert any("no newline" in n for n in s.notes)
    assert not (tmp_path / "out.jsonl.errors.jsonl").exists()
    with open(src, "a", encoding="utf-8") as f:  # the writer finishes the line
        f.write(whole[20:])
    s = run_batch(src, out, tiny_miner, progress=False)
    assert (s.mined, s.errors, s.skipped) == (1, 0, 3)
    assert [d["id"] for d in read_jsonl(out)] == ["R0", "R1", "R2", "R3"]


def test_a_whole_last_line_without_newline_is_mined(tmp_path, tiny_miner):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"id": "x", "text": "Shops gain when streets are calmer."}), encoding="utf-8")
    assert run_batch(src, out, tiny_miner, progress=False).mined == 1


def test_deeply_nested_record_goes_to_errors(tmp_path, tiny_miner):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    deep = '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    src.write_text(json.dumps({"id": "a", "text": WORDS[0]}) + "\n" + deep + "\n"
                   + json.dumps({"id": "b", "text": WORDS[1]}) + "\n", encoding="utf-8")
    s = run_batch(src, out, tiny_miner, progress=False)
    assert (s.mined, s.errors) == (2, 1)
    err = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert err[0]["line"] == 2 and "nested too deeply" in err[0]["error"]
    assert run_batch(src, out, tiny_miner, progress=False).skipped == 3  # the rerun goes past it too


@pytest.mark.parametrize("name", ["out.csv", "out.txt", "out.csv.gz", "out.gz"])
def test_output_suffix_that_is_not_json_lines_is_refused(tmp_path, tiny_miner, name):
    src = tmp_path / "in.jsonl"
    write_input(src, range(1))
    with pytest.raises(BatchError, match="OUTPUT must be a JSON Lines file"):
        run_batch(src, tmp_path / name, tiny_miner, progress=False)
    assert not (tmp_path / name).exists()


def test_a_document_that_cannot_be_written_is_that_records_error(tmp_path, tiny_miner, monkeypatch):
    import argmine.batch.readers as readers_mod

    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(src, range(3))
    real = readers_mod._build

    def bad_meta(n, *args, **kw):  # e.g. a WARC header that decodes to a lone surrogate
        rec = real(n, *args, **kw)
        if n == 2:
            rec.meta = {"url": "http://x.example/\udcff"}
        return rec

    monkeypatch.setattr(readers_mod, "_build", bad_meta)
    s = run_batch(src, out, tiny_miner, progress=False)
    assert (s.mined, s.errors) == (2, 1)
    err = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")[0]
    assert err["line"] == 2 and "document could not be written" in err["error"]


def test_gz_output_is_gzip_and_resumes_after_a_torn_member(tmp_path, tiny_miner):
    import gzip

    src, plain, out = tmp_path / "in.jsonl", tmp_path / "plain.jsonl", tmp_path / "out.jsonl.gz"
    write_input(src, range(7))
    run_batch(src, plain, tiny_miner, progress=False, chunk_size=2)
    s = run_batch(src, out, tiny_miner, progress=False, chunk_size=2, limit=4)
    assert s.mined == 4
    with gzip.open(out, "rb") as f:  # a real gzip file, one member per chunk
        assert f.read() == b"".join(plain.read_bytes().splitlines(keepends=True)[:4])
    whole = out.read_bytes()
    member = gzip.compress(plain.read_bytes().splitlines(keepends=True)[4], mtime=0)
    out.write_bytes(whole + member[: len(member) // 2])  # killed while writing the next chunk
    s = run_batch(src, out, tiny_miner, progress=False, chunk_size=2)
    assert any("incomplete" in n for n in s.notes)
    assert (s.mined, s.skipped) == (3, 4)
    with gzip.open(out, "rb") as f:
        assert f.read() == plain.read_bytes()
    assert run_batch(src, out, tiny_miner, progress=False).skipped == 7


@pytest.mark.parametrize("first, second", [(None, 0.5), (0.5, None), (0.3, 0.5)])
def test_resume_with_another_min_score_is_refused(tmp_path, tiny_miner, first, second):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(src, range(2))
    one, two = copy.copy(tiny_miner), copy.copy(tiny_miner)
    one.min_score, two.min_score = first, second
    run_batch(src, out, one, progress=False)
    write_input(src, range(4))
    with pytest.raises(BatchError, match=r"\[E201\] --min-score must be the one OUTPUT was mined with"):
        run_batch(src, out, two, progress=False)
    assert len(read_jsonl(out)) == 2
    three = copy.copy(tiny_miner)
    three.min_score = first
    assert run_batch(src, out, three, progress=False).mined == 2  # the same threshold resumes
