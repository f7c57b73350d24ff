"""The ``argmine`` command, run in-process with typer's CliRunner and the tiny model."""
import json
import subprocess
import sys

import pytest
from conftest import contract_checker_path
from typer.testing import CliRunner

from argmine.cli import app
from argmine.data import Document

CHECKER = contract_checker_path()  # shared/tools beside the data folder (tests/conftest.py)

TEXT = ("Why kerbs matter\n\n"
        "Cities should build protected bike lanes because painted lines do not stop cars. Kerbs keep drivers out.\n\n"
        "Critics say lanes hurt shops. However, people on bikes visit shops more often.\n\n"
        "So the city should build protected lanes now.\n")


def runner():
    # click >= 8.2 keeps stderr apart (result.stderr) and has no mix_stderr; older click needs mix_stderr=False
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:
        return CliRunner()


def check_json(d, text):
    doc = Document.from_dict(d)
    doc.validate()
    assert d["schema_version"] == 1
    assert d["text"] == text
    for u in d["units"]:
        assert text[u["start"]:u["end"]] == u["text"]
    assert d["model"]["name"] == "tiny-test" and d["model"]["version"]


def run_checker(json_path, text_path=None):
    if not CHECKER.exists():
        pytest.skip(f"{CHECKER} not found")
    args = [sys.executable, str(CHECKER), str(json_path)] + ([str(text_path)] if text_path else [])
    res = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stdout + res.stderr


def assert_clean_error(res, *needles):
    assert res.exit_code == 2, (res.exit_code, res.output)
    assert "Traceback" not in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    err = res.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("argmine: error:")
    for n in needles:
        assert n in err, (n, err)


def test_help():
    res = runner().invoke(app, ["--help"])
    assert res.exit_code == 0
    assert "mine" in res.output and "evaluate" in res.output


def test_mine_file_to_stdout(tiny_model_dir, tmp_path):
    src = tmp_path / "oped-7.txt"
    src.write_text(TEXT, encoding="utf-8")
    res = runner().invoke(app, ["mine", str(src), "--model", str(tiny_model_dir)])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    check_json(d, TEXT)
    assert d["id"] == "oped-7"  # the file name without its suffix
    out = tmp_path / "stdout.json"
    out.write_text(res.stdout, encoding="utf-8")
    run_checker(out, src)


def test_mine_to_output_file(tiny_model_dir, tmp_path):
    src = tmp_path / "in.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.json"
    res = runner().invoke(app, ["mine", str(src), "--model", str(tiny_model_dir), "-o", str(out), "--id", "custom"])
    assert res.exit_code == 0, res.output
    assert res.stdout.strip() == ""
    d = json.loads(out.read_text(encoding="utf-8"))
    check_json(d, TEXT)
    assert d["id"] == "custom"
    run_checker(out, src)


def test_mine_stdin(tiny_model_dir):
    text = "Kerbs save lives \U0001F6B2, so cities should build them.\r\nPaint does not.\n"
    res = runner().invoke(app, ["mine", "-", "--model", str(tiny_model_dir)], input=text.encode("utf-8"))
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    check_json(d, text)  # CRLF and emoji kept exactly
    assert d["id"] is None


def test_mine_stdin_is_the_default(tiny_model_dir):
    res = runner().invoke(app, ["mine", "--model", str(tiny_model_dir)], input=TEXT.encode("utf-8"))
    assert res.exit_code == 0, res.output
    check_json(json.loads(res.stdout), TEXT)


def test_non_utf8_file_is_a_clean_error(tiny_model_dir, tmp_path):
    src = tmp_path / "latin1.txt"
    src.write_bytes(b"abc\xff\xfe")
    res = runner().invoke(app, ["mine", str(src), "--model", str(tiny_model_dir)])
    assert_clean_error(res, str(src), "offset 3")


def test_non_utf8_stdin_is_a_clean_error(tiny_model_dir):
    res = runner().invoke(app, ["mine", "-", "--model", str(tiny_model_dir)], input=b"ok \xe9t\xe9")
    assert_clean_error(res, "<stdin>", "offset 3")


def test_missing_file_is_a_clean_error(tiny_model_dir, tmp_path):
    missing = tmp_path / "nope.txt"
    res = runner().invoke(app, ["mine", str(missing), "--model", str(tiny_model_dir)])
    assert_clean_error(res, "nope.txt")


def test_missing_model_is_a_clean_error(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text(TEXT, encoding="utf-8")
    res = runner().invoke(app, ["mine", str(src), "--model", str(tmp_path / "no-model")])
    assert_clean_error(res, "no-model")


def flat(text: str) -> str:
    """A usage error as one line: typer draws it in a box whose lines wrap anywhere."""
    import re

    return " ".join(re.sub("[│╭╮╰╯─]", " ", text).split())


def test_evaluate_bad_level_is_a_usage_error(tiny_model_dir, tmp_path):
    res = runner().invoke(app, ["evaluate", "--level", "sentence", "--model", str(tiny_model_dir),
                                "--data-dir", str(tmp_path)])
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert "--level" in res.stderr and "'sentence' is not one of 'essay', 'paragraph'" in flat(res.stderr)


@pytest.mark.parametrize("command, option, bad", [("evaluate", "--precision", "fp16"), ("batch", "--precision", "int8"),
                                                  ("evaluate", "--corpus", "nope"), ("evaluate", "--split", "nope"),
                                                  ("mine", "--format", "xml"), ("render", "--format", "pdf"),
                                                  ("batch", "--engine", "spark"), ("mine", "--backend", "tvm")])
def test_fixed_choices_are_enums_checked_and_listed_in_help(command, option, bad, tmp_path):
    from argmine.cli import Backend, Corpus, Engine, ExportFormat, Level, Precision, Split
    from argmine.corpora import ALIASES, CORPORA, get_splits
    from argmine.model.onnx_encoder import BACKENDS
    from argmine.export import FORMATS
    from argmine.precision import PRECISIONS

    assert [f.value for f in ExportFormat] == list(FORMATS)
    assert {c.value for c in Corpus} == set(CORPORA) | {a for a, c in ALIASES.items() if a == f"argmine-{c}"}
    assert {s.value for s in Split} == {s for c in CORPORA for s in get_splits(c)}
    assert [p.value for p in Precision] == list(PRECISIONS) and [e.value for e in Engine] == ["local", "ray"]
    assert [lv.value for lv in Level] == ["essay", "paragraph"] and [b.value for b in Backend] == list(BACKENDS)
    args = {"mine": ["mine", str(tmp_path / "x.txt")], "render": ["render", str(tmp_path / "x.json")],
            "evaluate": ["evaluate"], "batch": ["batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "o.jsonl")]}
    res = runner().invoke(app, args[command] + [option, bad])
    assert res.exit_code == 2 and f"{bad!r} is not one of" in flat(res.stderr), res.stderr
    enum = {"--format": ExportFormat, "--corpus": Corpus, "--split": Split, "--precision": Precision,
            "--engine": Engine, "--backend": Backend}[option]
    wide = runner().invoke(app, [command, "--help"], env={"COLUMNS": "400", "TERMINAL_WIDTH": "400"}).output
    line = next(ln for ln in wide.splitlines() if ln.startswith("│") and ln.split()[1:2] == [option])
    assert f"<{'|'.join(e.value for e in enum)}>" in line, line  # --help lists the choices


def test_evaluate_missing_data_is_a_clean_error(tiny_model_dir, tmp_path):
    res = runner().invoke(app, ["evaluate", "--corpus", "aaec", "--split", "dev", "--model", str(tiny_model_dir),
                                "--data-dir", str(tmp_path / "nowhere")])
    assert_clean_error(res, "nowhere")


@pytest.mark.slow  # mines and scores the 36 AAEC dev essays
def test_evaluate_aaec_dev_json(tiny_model_dir, data_dir, tmp_path):
    if not (data_dir / "aaec-v2").is_dir():
        pytest.skip("AAEC is not in the data directory")
    out = tmp_path / "scores.json"
    res = runner().invoke(app, ["evaluate", "--corpus", "aaec", "--split", "dev", "--data-dir", str(data_dir),
                                "--model", str(tiny_model_dir), "--json", str(out)])
    assert res.exit_code == 0, res.output
    assert "tiny-test" in res.stdout
    s = json.loads(out.read_text(encoding="utf-8"))
    assert {"corpus", "split", "level", "n_docs", "components", "relations", "model"} <= set(s)
    assert (s["corpus"], s["split"], s["level"], s["n_docs"]) == ("aaec", "dev", "essay", 36)
    assert {"f1_100", "f1_50", "per_label"} <= set(s["components"])
    assert set(s["components"]["per_label"]) >= {"MajorClaim", "Claim", "Premise"}
    assert {"f1_100", "f1_50"} <= set(s["relations"])
    for part in ("components", "relations"):
        assert 0.0 <= s[part]["f1_100"] <= s[part]["f1_50"] <= 1.0
    assert s["model"] == {"name": "tiny-test", "version": "0.1.0"}


def test_broken_model_dir_is_a_clean_error(tiny_model_dir, tmp_path):
    # a model directory whose config.json does not match its weights (e.g. edited by hand, or mixed up files)
    import shutil

    model = tmp_path / "broken-model"
    shutil.copytree(tiny_model_dir, model)
    cfg = json.loads((model / "config.json").read_text(encoding="utf-8"))
    cfg["lstm_hidden"] = 8
    (model / "config.json").write_text(json.dumps(cfg), encoding="utf-8")
    src = tmp_path / "in.txt"
    src.write_text(TEXT, encoding="utf-8")
    res = runner().invoke(app, ["mine", str(src), "--model", str(model)])
    assert_clean_error(res, "broken-model")


def test_a_warning_on_the_command_line_is_one_line_without_a_source_path(tiny_model_dir, tmp_path):
    import warnings

    src = tmp_path / "de.txt"
    src.write_text("Die Stadt sollte Autos aus dem Zentrum verbannen, denn der Verkehr ist gefährlich. " * 4, encoding="utf-8")
    old = warnings.showwarning
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            res = runner().invoke(app, ["mine", str(src), "--model", str(tiny_model_dir)])
    finally:
        warnings.showwarning = old
    assert res.exit_code == 0, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if "does not look like English" in ln]
    assert lines and all(ln.startswith("argmine: warning: ") for ln in lines), res.stderr
    assert ".py:" not in res.stderr


def test_backend_help_says_auto_is_the_default():
    wide = runner().invoke(app, ["mine", "--help"], env={"COLUMNS": "400", "TERMINAL_WIDTH": "400"}).output
    assert "auto (default: ONNX Runtime" in " ".join(wide.replace("│", " ").split())


@pytest.mark.parametrize("args, says", [
    (["evaluate", "--corpus", "nope"], "invalid value for '--corpus': 'nope' is not one of 'aaec',"),
    (["mine", "x.txt", "--backend", "tvm"], "invalid value for '--backend': 'tvm' is not one of 'torch', 'onnx', 'auto'"),
    (["evaluate", "--bogus"], "no such option: --bogus"),
    (["render"], "missing argument"),
    (["nope"], "no such command 'nope'"),
])
def test_usage_errors_are_one_catalogued_line_that_says_what_to_do(args, says):
    res = runner().invoke(app, args)
    assert res.exit_code == 2 and "Traceback" not in res.output, res.stderr
    line = res.stderr.strip()
    assert "\n" not in line and not any(c in line for c in "│╭╰"), line  # one line, no box
    assert line.startswith("argmine: error: [E114] ") and says in line.lower(), line
    assert line.endswith("--help' for what it takes (commands, options and their values).")


def test_no_arguments_still_shows_the_help():
    res = runner().invoke(app, [])
    assert "Usage:" in res.output and "E114" not in res.output


def test_output_into_missing_folders_creates_them_as_the_help_says(tiny_model_dir, tmp_path):
    src = tmp_path / "essay.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "a" / "b" / "essay.json"
    res = runner().invoke(app, ["mine", str(src), "--model", str(tiny_model_dir), "-o", str(out)])
    assert res.exit_code == 0, res.stderr
    assert Document.from_dict(json.loads(out.read_text(encoding="utf-8"))).text == TEXT
    for command in ("mine", "render", "batch"):
        wide = runner().invoke(app, [command, "--help"], env={"COLUMNS": "400", "TERMINAL_WIDTH": "400"}).output
        assert "missing folders on the way are created" in " ".join(wide.split()), command


@pytest.mark.parametrize("command, hint", [("mine", "argmine batch"), ("render", "JSON")])
def test_a_folder_given_for_a_file_gets_its_hint_once(tmp_path, command, hint):
    folder = tmp_path / "texts"
    folder.mkdir()
    res = runner().invoke(app, [command, str(folder), "--model", str(tmp_path / "no-model")][:2 if command == "render"
                                                                                                else 4])
    assert res.exit_code == 2, res.output
    line = res.stderr.strip()
    assert "\n" not in line and line.startswith("argmine: error: [E112] "), line
    said = line.replace(repr(str(folder)), "PATH")
    assert said.count("argmine batch") == 1 and said.count("folder") <= 1 and hint in said, line


def test_max_chars_is_checked_before_the_model_loads_and_names_the_option(tmp_path):
    src = tmp_path / "letter.txt"
    src.write_text(TEXT, encoding="utf-8")
    # no model there: the length is refused before any model is looked for
    res = runner().invoke(app, ["mine", str(src), "--max-chars", "100", "--model", str(tmp_path / "no-model")])
    assert_clean_error(res, "[E107]", "must be at most 100 characters", "--max-chars N.")
    assert "argmine.load" not in res.stderr and "max_chars=" not in res.stderr
    assert res.stderr.strip().endswith(".")


def test_option_errors_name_the_option_not_the_keyword(tiny_model_dir, tmp_path):
    src = tmp_path / "letter.txt"
    src.write_text(TEXT, encoding="utf-8")
    res = runner().invoke(app, ["mine", str(src), "--threads", "0", "--model", str(tiny_model_dir)])
    assert_clean_error(res, "[E108] --threads must be a positive integer; got 0.", "--threads N")
    assert "threads=N" not in res.stderr and "None" not in res.stderr
    res = runner().invoke(app, ["mine", str(src), "--min-score", "2", "--model", str(tiny_model_dir)])
    assert_clean_error(res, "[E108] --min-score must be a number from 0 to 1; got 2.0.")
    assert "None" not in res.stderr and "min_score" not in res.stderr


@pytest.mark.parametrize("command", [[], ["mine"], ["batch"], ["render"], ["evaluate"], ["train"], ["add-evidence"]])
def test_help_lists_a_plain_help_flag(command):
    wide = runner().invoke(app, command + ["--help"], env={"COLUMNS": "200", "TERMINAL_WIDTH": "200"}).output
    [line] = [ln for ln in wide.splitlines() if "--help" in ln and "Show this message" in ln]
    assert "<bool>" not in line and "BOOLEAN" not in line, line


@pytest.mark.parametrize("command", ["mine", "batch"])
def test_min_score_help_says_one_threshold_for_every_label_as_the_code_does(command):
    wide = runner().invoke(app, [command, "--help"], env={"COLUMNS": "400", "TERMINAL_WIDTH": "400"}).output
    assert "The threshold is the same for every label" in wide and "Scores are per label" not in wide


@pytest.mark.parametrize("name", ["x.xml", "out.txt", "doc.pdf"])
def test_an_output_suffix_that_names_no_format_is_refused(tmp_path, name):
    src = tmp_path / "letter.txt"
    src.write_text(TEXT, encoding="utf-8")
    res = runner().invoke(app, ["mine", str(src), "-o", str(tmp_path / name), "--model", str(tmp_path / "no-model")])
    assert_clean_error(res, "[E104]", repr(name), ".json", ".html", ".ann", "--format")
    assert not (tmp_path / name).exists()


def test_an_output_suffix_is_free_with_an_explicit_format(tiny_model_dir, tmp_path):
    src = tmp_path / "letter.txt"
    src.write_text(TEXT, encoding="utf-8")
    res = runner().invoke(app, ["mine", str(src), "-o", str(tmp_path / "x.xml"), "--format", "json",
                                "--model", str(tiny_model_dir)])
    assert res.exit_code == 0, res.output
    check_json(json.loads((tmp_path / "x.xml").read_text(encoding="utf-8")), TEXT)
    res = runner().invoke(app, ["mine", str(src), "-o", str(tmp_path / "noext"), "--model", str(tiny_model_dir)])
    assert res.exit_code == 0 and json.loads((tmp_path / "noext").read_text(encoding="utf-8"))["text"] == TEXT
