"""argmine.errors: one catalogue, a unique E### code per error class (at the head of its message), each class also the
built-in exception callers expect; the whole package raises only catalogue errors (no built-in exception class, no
error class defined outside errors.py); docs/errors.md lists every code."""
from __future__ import annotations

import ast
import builtins
import inspect
import pickle
import re
from pathlib import Path

import pytest

import argmine.errors as errors
from argmine import Document, Relation, ArgumentUnit
from argmine.errors import ArgmineError, catalogue

PACKAGE = Path(errors.__file__).resolve().parent
REPO = PACKAGE.parent


def test_codes_are_unique_and_well_formed():
    classes = [getattr(errors, n) for n in errors.__all__ if n not in ("ArgmineError", "catalogue")]
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes)) == len(catalogue())
    assert all(re.fullmatch(r"E\d{3}", c) for c in codes)
    assert all(issubclass(c, ArgmineError) and issubclass(c, (ValueError, TypeError, KeyError, OSError, ImportError, RuntimeError))
               for c in classes)


def test_the_code_heads_the_message_and_survives_pickling():
    e = errors.ExportError("relation label must be one of ('supports',); got 'x'")
    assert str(e) == f"[E102] relation label must be one of ('supports',); got 'x'. {errors.ExportError.action}"
    assert e.message.startswith("relation")
    back = pickle.loads(pickle.dumps(errors.ModelNotFoundError("/nowhere")))
    assert str(back).startswith("[E001] model must be") and back.path == "/nowhere"


def test_docs_list_every_code():
    page = (REPO / "docs" / "errors.md").read_text(encoding="utf-8")
    for code, cls in catalogue().items():
        assert f"| {code} | `{cls.__name__}`" in page, code


BUILTIN_ERRORS = {n for n, v in vars(builtins).items() if isinstance(v, type) and issubclass(v, BaseException)}
# the protocol a caller's code relies on: a module's __getattr__ raises AttributeError, a mapping's __getitem__ KeyError
PROTOCOL = {("__getattr__", "AttributeError"), ("__getitem__", "KeyError")}
# control flow, not errors: typer's exit, Ctrl-C after a clean stop of a batch
NOT_ERRORS = {"Exit", "BatchInterrupted"}


def _raised_names(tree: ast.AST):
    """(enclosing function name, raised class name, line) of every ``raise Name(...)`` / ``raise Name``."""
    def visit(node, func):
        for child in ast.iter_child_nodes(node):
            f = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else func
            if isinstance(child, ast.Raise) and child.exc is not None:
                exc = child.exc.func if isinstance(child.exc, ast.Call) else child.exc
                if isinstance(exc, ast.Name):
                    yield f, exc.id, child.lineno
            yield from visit(child, f)
    yield from visit(tree, None)


def _uncatalogued(path: Path):
    """Built-in exceptions raised in a module (outside the protocol methods) and public exception classes defined
    outside errors.py."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(REPO) if path.is_relative_to(REPO) else path.name
    for func, name, line in _raised_names(tree):
        if name in BUILTIN_ERRORS and (func, name) not in PROTOCOL:
            yield f"{where}:{line}: raise {name}"
    if path.name != "errors.py":
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_") and node.name not in NOT_ERRORS:
                bases = {b.id for b in node.bases if isinstance(b, ast.Name)}
                if bases & BUILTIN_ERRORS and not (bases & {"Warning", "UserWarning"}):
                    yield f"{where}:{node.lineno}: class {node.name} outside the catalogue"


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_the_package_raises_only_catalogue_errors(path):
    assert list(_uncatalogued(path)) == []


def test_the_check_finds_a_bare_raise(tmp_path):
    bad = tmp_path / "probe.py"
    bad.write_text("def f(x):\n    raise ValueError('x must be 1')\nclass Oops(Exception):\n    pass\n"
                   "def __getitem__(self, k):\n    raise KeyError(k)\n", encoding="utf-8")
    assert [r.split(": ", 1)[1] for r in _uncatalogued(bad)] == ["raise ValueError", "class Oops outside the catalogue"]


def test_callers_catching_value_error_still_catch_them():
    from argmine.export import dumps, to_brat

    with pytest.raises(ValueError, match=r"^\[E101\] format must be one of"):
        dumps(Document("x"), "xml")
    bad = Document("A b. C d.", [ArgumentUnit("U1", 0, 3, "Claim")], [Relation("U1", "U9", "supports")])
    with pytest.raises(errors.ExportError) as info:
        to_brat(bad)
    assert isinstance(info.value, ValueError) and info.value.code == "E102"


# a value for each required parameter of the catalogue's constructors
SAMPLES = {"path": "/data/x", "reason": "a reason", "got": "'x'", "line": 3, "offset": 5, "option": "threads",
           "expected": "a positive int", "message": "x must be 1; got 2", "seconds": 1.0, "elapsed": 2.0,
           "device": "cuda", "n_tokens": 10, "n_embeddings": 5, "module": "trafilatura", "where": "p.jsonl, line 2",
           "choices": ("json", "aif"), "problem": "no such option: --x", "position": 3,
           "folder": "/cache/onnx"}


@pytest.mark.parametrize("code", sorted(catalogue()))
def test_every_message_says_what_happened_and_what_to_do(code):
    """Built with only its required arguments (optional hints left out), each error's message still ends with a
    sentence of its own that says what to do: after the "X must be ...; got ..." sentence, a second one."""
    cls = catalogue()[code]
    required = [p.name for p in inspect.signature(cls.__init__).parameters.values()
                if p.name != "self" and p.default is p.empty and p.kind is p.POSITIONAL_OR_KEYWORD]
    message = cls(*[SAMPLES[name] for name in required]).message
    second = errors.WHAT_TO_DO.search(message)
    assert second is not None, f"{code}: {message!r} says nothing to do"
    assert len(message[second.start() + 1:].split()) >= 3, (code, message)


def test_a_message_that_says_no_action_gets_its_class_action_and_one_that_does_keeps_its_own():
    bare = errors.ArgumentValueError("batch_size must be an int >= 1; got 0")
    assert bare.message == "batch_size must be an int >= 1; got 0. " + errors.ArgumentValueError.action
    own = errors.ArgumentValueError("batch_size must be an int >= 1; got 0. Pass e.g. 16.")
    assert own.message == "batch_size must be an int >= 1; got 0. Pass e.g. 16."
    assert errors.OptionValueError("threads", "a positive int", -1).message.endswith("Pass a positive int as threads.")
    assert str(pickle.loads(pickle.dumps(bare))) == str(bare)  # unpickling does not add the action again


def test_command_line_error_keeps_a_question_and_ends_a_statement_once():
    from argmine.errors import CommandLineError

    assert "Did you mean 'mine'? Run 'argmine --help'" in str(CommandLineError("no such command 'mien'. Did you mean 'mine'?"))
    assert "no such option: --titel. Run" in str(CommandLineError("no such option: --titel."))
