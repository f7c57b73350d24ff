"""Scale-out on Ray Data (argmine.integrations.ray, argmine batch --engine ray), with the tiny model.

One local Ray instance (2 CPUs) for the module. The Ray path must give the same documents as the local path:
the CLI's OUTPUT and ERRORS are compared byte for byte (meta included: the same run_batch writes both).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")

from argmine.batch import BatchError, run_batch  # noqa: E402
from argmine.cli import app  # noqa: E402
from argmine.integrations import ray as amr  # noqa: E402

pytestmark = pytest.mark.slow  # a local Ray cluster per test module

REPO = Path(__file__).resolve().parent.parent
PARAGRAPHS = [
    "Towns should keep their public libraries open on Sundays, because Sunday is the one day many working "
    "families are free. A parent who works six days a week cannot take a child to the library on a Tuesday morning.",
    "Opening costs money, and critics say the budget is already stretched. However, a pilot in two towns found "
    "that Sunday visits paid for the extra staff through higher use of the paid services, so the cost is small.",
    "Moreover, a library is a warm and quiet place to study. Students without a desk at home rely on it, and "
    "exam results in the pilot towns rose in the following year.",
    "In short, Sunday opening is cheap, fair and good for learning, so every town council should adopt it.",
]
BAD = {6: "'text' must be a string; got a number", 13: "no 'text' field"}  # line: error (mine_dataset: got null)


def text_for(i: int) -> str:
    """A title and 2-4 long paragraphs (the tiny model finds units and relations in long ones)."""
    k = i % len(PARAGRAPHS)
    paras = PARAGRAPHS[k:] + PARAGRAPHS[:k]
    return f"Why towns need Sunday libraries — part {i}\n\n" + "\n\n".join(p + " " + p for p in paras[: 2 + i % 3])


def runner():
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:
        return CliRunner()


@pytest.fixture(scope="module")
def ray_local():
    started = not ray.is_initialized()
    if started:
        path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
        ray.init(num_cpus=2, include_dashboard=False, logging_level="WARNING",
                 runtime_env={"env_vars": {"PYTHONPATH": path}})  # workers import this checkout's argmine
    yield ray
    if started:
        ray.shutdown()


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """20 records (JSON Lines): line 6 has a number for text, line 13 no text; line 9's id is an int."""
    rows = []
    for line in range(1, 21):
        row = {"id": f"op-{line}", "text": text_for(line)}
        if line == 6:
            row["text"] = 42
        if line == 13:
            del row["text"]
        if line == 9:
            row["id"] = 9
        rows.append(row)
    path = tmp_path_factory.mktemp("ray") / "archive.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_run(archive, tiny_miner, tmp_path_factory):
    """OUTPUT and ERRORS of the local engine on the archive."""
    out = tmp_path_factory.mktemp("local") / "out.jsonl"
    summary = run_batch(archive, out, tiny_miner, progress=False)
    assert (summary.mined, summary.errors) == (18, 2)
    return out, Path(str(out) + ".errors.jsonl")


def read_jsonl(path: Path):
    return [json.loads(s) for s in path.read_text(encoding="utf-8").splitlines()]


# -- Ray ---------------------------------------------------------------------------------------------------------
def test_mine_dataset_same_documents_as_local(ray_local, archive, local_run, tiny_model_dir):
    import pandas as pd

    rows = [dict(json.loads(s), line=n) for n, s in enumerate(archive.read_text(encoding="utf-8").splitlines(), 1)]
    # mixed types in "text" (str, 42, missing -> NaN) give object columns in one block, so one actor gets the
    # work here; the CLI test below runs two actors over many blocks
    ds = ray.data.from_pandas(pd.DataFrame(rows))
    mined = amr.mine_dataset(ds, tiny_model_dir, concurrency=1, batch_size=4, keep_columns=("line",)).take_all()
    assert len(mined) == 20 and all(set(r) == {"id", "document", "error", "line"} for r in mined)
    mined.sort(key=lambda r: r["line"])  # Ray Data does not promise order: the kept line column restores it

    bad = {r["line"]: r for r in mined if r["error"] is not None}
    assert {n: r["error"] for n, r in bad.items()} == {6: BAD[6], 13: "'text' must be a string; got null"}
    assert all(r["document"] is None for r in bad.values()) and bad[6]["id"] == "op-6"

    local = read_jsonl(local_run[0])
    docs = [json.loads(r["document"]) for r in mined if r["error"] is None]
    assert [d["id"] for d in docs] == [d["id"] for d in local] == [r["id"] for r in mined if r["error"] is None]
    assert "9" in [d["id"] for d in docs]  # an int id becomes a string, as in argmine batch
    for d, ref in zip(docs, local):
        ref = dict(ref, meta={k: v for k, v in ref["meta"].items() if k != "line"})  # line: added by run_batch
        assert d == ref
    assert sum(len(d["units"]) for d in docs) > 0 and sum(len(d["relations"]) for d in docs) > 0


def test_cli_engine_ray_writes_what_local_writes_and_resumes(ray_local, archive, local_run, tiny_model_dir, tmp_path):
    out = tmp_path / "out.jsonl"
    errs = tmp_path / "out.jsonl.errors.jsonl"
    args = ["batch", str(archive), "-o", str(out), "--model", str(tiny_model_dir), "--engine", "ray",
            "--workers", "2", "--chunk-size", "10"]  # 2 windows: 2 Ray Data jobs of 2 actors
    res = runner().invoke(app, args)
    assert res.exit_code == 0, res.output
    assert "18 documents mined, 2 errors" in res.stderr
    # the same bytes as the local engine: documents (units, relations, ids, order, meta) and error records
    assert out.read_bytes() == local_run[0].read_bytes()
    assert errs.read_bytes() == local_run[1].read_bytes()
    assert [e["line"] for e in read_jsonl(errs)] == sorted(BAD)
    assert all(BAD[e["line"]] in e["error"] for e in read_jsonl(errs))

    # resume: cut OUTPUT and ERRORS back to the first window, as a run killed in the second leaves them
    keep = [s for s in out.read_text(encoding="utf-8").splitlines(True) if json.loads(s)["meta"]["line"] <= 10]
    out.write_text("".join(keep), encoding="utf-8")
    errs.write_text("".join(s for s in errs.read_text().splitlines(True) if json.loads(s)["line"] <= 10))
    res = runner().invoke(app, args)
    assert res.exit_code == 0, res.output
    assert "done: 9 documents mined, 1 error" in res.stderr and "10 already done" in res.stderr
    assert out.read_bytes() == local_run[0].read_bytes()
    assert errs.read_bytes() == local_run[1].read_bytes()


# -- no Ray job needed --------------------------------------------------------------------------------------------
class _FakeWindows(amr._RayMiner):
    """_RayMiner whose windows are mined in-process (what a Ray job would return), to test the bookkeeping."""

    def __init__(self, miner, fail_ids=(), fail_job=False):
        super().__init__(None, concurrency=1)
        self.miner, self.fail_ids, self.fail_job = miner, set(fail_ids), fail_job

    def _mine_window(self, texts, ids, batch_size, titles, max_seconds=None, progress=None):
        if self.fail_job:
            raise RuntimeError("the cluster went away")
        docs = list(self.miner.mine_batch(texts, ids=ids, titles=titles, batch_size=batch_size, max_seconds=max_seconds))
        return [amr._failure("mining failed: ValueError: boom") if d.id in self.fail_ids else d for d in docs]


def test_failed_rows_are_answered_from_the_window(archive, local_run, tiny_miner, tmp_path):
    fake = _FakeWindows(tiny_miner, fail_ids={"op-3"})
    summary = run_batch(archive, tmp_path / "o.jsonl", fake, chunk_size=100, progress=False)
    assert fake.jobs == 1  # the record-by-record retry of run_batch did not start new jobs
    assert (summary.mined, summary.errors) == (17, 3)
    errs = {e["line"]: e for e in read_jsonl(tmp_path / "o.jsonl.errors.jsonl")}
    assert errs[3] == {"line": 3, "id": "op-3", "error": "mining failed: ValueError: boom"}
    assert read_jsonl(tmp_path / "o.jsonl") == [d for d in read_jsonl(local_run[0]) if d["id"] != "op-3"]


def test_failed_job_stops_the_run_without_a_job_per_record(archive, tiny_miner, tmp_path):
    fake = _FakeWindows(tiny_miner, fail_job=True)
    with pytest.raises(BatchError, match="the cluster went away"):
        run_batch(archive, tmp_path / "o.jsonl", fake, chunk_size=100, progress=False)
    assert fake.jobs == 1


def test_mine_dataset_checks_arguments_before_touching_ray(tmp_path):
    for kw in ({"concurrency": 0}, {"concurrency": (3, 1)}, {"batch_size": 0}, {"keep_columns": ("error",)},
               {"max_chars": 0}):
        with pytest.raises(ValueError):
            amr.mine_dataset(None, **kw)
    with pytest.raises(FileNotFoundError, match="does not exist"):
        amr.mine_dataset(None, tmp_path / "no-model")


def test_missing_ray_says_how_to_install(monkeypatch, archive, tmp_path):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    with pytest.raises(ImportError, match=r"pip install 'argmine\[ray\]'"):
        amr.import_ray()
    res = runner().invoke(app, ["batch", str(archive), "-o", str(tmp_path / "o.jsonl"), "--engine", "ray"])
    assert res.exit_code == 2 and "pip install 'argmine[ray]'" in res.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_cli_engine_options(archive, tmp_path):
    res = runner().invoke(app, ["batch", str(archive), "-o", str(tmp_path / "o.jsonl"), "--engine", "spark"])
    assert res.exit_code == 2 and "'spark' is not one of 'local', 'ray'" in " ".join(
        res.stderr.replace("│", " ").split())  # an Enum choice (--help lists it)
    res = runner().invoke(app, ["batch", str(archive), "-o", str(tmp_path / "o.jsonl"), "--workers", "2"])
    assert res.exit_code == 2 and "--workers needs --engine ray" in res.stderr
    res = runner().invoke(app, ["batch", str(archive), "-o", str(tmp_path / "o.jsonl"), "--engine", "ray",
                                "--backend", "onnx"])  # auto, the default, runs torch in a Ray actor; onnx is refused
    said = " ".join(res.stderr.replace("│", " ").split())
    assert res.exit_code == 2 and "--backend must be torch or auto with --engine ray; got 'onnx'. A Ray actor" in said
    assert "--engine local for ONNX Runtime" in said
    assert not (tmp_path / "o.jsonl").exists()


def test_engine_ray_on_a_warc_writes_what_local_writes(ray_local, tiny_miner, tiny_model_dir, tmp_path):
    pytest.importorskip("warcio")
    pytest.importorskip("trafilatura")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from web_pages import ARTICLES, write_warc

    src = tmp_path / "pages.warc.gz"
    write_warc(src)
    local = tmp_path / "local.jsonl"
    run_batch(src, local, tiny_miner, progress=False)
    out = tmp_path / "ray.jsonl"
    res = runner().invoke(app, ["batch", str(src), "-o", str(out), "--model", str(tiny_model_dir), "--engine", "ray",
                                "--workers", "1", "-q"])
    assert res.exit_code == 0, res.output
    assert len(read_jsonl(out)) == len(ARTICLES)
    assert out.read_bytes() == local.read_bytes()
    assert (tmp_path / "ray.jsonl.errors.jsonl").read_bytes() == (tmp_path / "local.jsonl.errors.jsonl").read_bytes()


def test_one_actor_pool_for_the_whole_run(ray_local, archive, local_run, tiny_model_dir, tmp_path):
    m = amr._RayMiner(tiny_model_dir, concurrency=1)
    pools = []
    real = m._pool

    def pool():
        pools.append(tuple(real()))
        return pools[-1]

    m._pool = pool
    try:
        run_batch(archive, tmp_path / "o.jsonl", m, chunk_size=5, progress=False)
    finally:
        m.close()
    assert m.jobs >= 4 and len(pools) == m.jobs and len(set(pools)) == 1  # 4+ windows, one actor, loaded once
    assert (tmp_path / "o.jsonl").read_bytes() == local_run[0].read_bytes()


def test_web_pages_are_extracted_in_ray_tasks_in_order(ray_local, tmp_path):
    """Issue 13: --engine ray reads a WARC's pages in parallel (trafilatura in Ray tasks, PAGES_IN_FLIGHT at a time),
    with the same records in the same order as the serial reader, and a WARC that breaks off still gives the pages
    read before the break first."""
    pytest.importorskip("warcio")
    pytest.importorskip("trafilatura")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from web_pages import write_warc

    from argmine.batch import read_records

    src = tmp_path / "pages.warc.gz"
    write_warc(src)
    pages = amr.ray_pages(in_flight=3)
    serial, parallel = list(read_records(src)), list(read_records(src, page_map=pages))
    assert [(r.line, r.id, r.text, r.error, r.meta) for r in parallel] == [(r.line, r.id, r.text, r.error, r.meta) for r in serial]
    data = src.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    got = []
    with pytest.raises(BatchError, match="must be a whole WARC file"):
        for r in read_records(cut, page_map=pages):
            got.append(r)
    assert got and [r.text for r in got] == [r.text for r in serial[:len(got)]]


def test_a_time_budget_error_from_an_actor_reads_as_the_local_engines():
    from argmine.errors import MiningTimeoutError

    err = "time budget exceeded: [E110] mining must take at most 1 s per text; got text 'r1' still running after 1.5 s."
    e = amr._failure(err)
    assert isinstance(e, MiningTimeoutError) and "time budget exceeded: " + str(e) == err
    assert str(amr._failure("mining failed: ValueError: boom")) == "boom"
