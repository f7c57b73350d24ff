"""The catalogue of argmine's errors: one place, one base class, a code each, messages that say what to do.

Catch ``ArgmineError`` for any of them. Each also derives from the built-in exception a caller would
expect (``FileNotFoundError`` for missing paths, ``ValueError`` for bad contents, ``ImportError`` for a missing
extra), so generic handlers work. Messages read "X must be ...; got ..." and end with what to do.

Every class has a code in spaCy's style (``E###``), its class attribute ``code``, written at the head of the
message (``[E101] format must be one of ...``) so that a message found in a log can be looked up here (and in
docs/errors.md) and tests can check which error was raised. Codes never change meaning; retired codes are not
reused. E0xx: models, data and input files; E1xx: exports, arguments, options and outputs; E2xx: batch runs, web
pages and the engines.
"""
from __future__ import annotations

import os
import re
from typing import Dict, Optional, Union

PathLike = Union[str, "os.PathLike[str]"]

__all__ = ["ArgmineError", "ModelNotFoundError", "ModelFormatError", "DataNotFoundError", "InputEncodingError",
           "BinaryInputError", "BratFormatError", "DocumentFormatError", "UnknownFormatError", "ExportError", "AifFormatError",
           "OutputPathError", "InputFileError", "InputNotFoundError", "ArgumentValueError", "OptionValueError",
           "VocabularyError", "DeviceError", "MiningTimeoutError", "ConfigError", "CorpusFormatError",
           "SavedFileFormatError", "UnknownKeyError", "InvalidDocumentError", "PackageMissingError",
           "ArgumentTypeError", "InputIsADirectoryError", "WarcReadError", "InternalError", "OnnxRuntimeMissingError", "OnnxExportError", "CommandLineError",
           "BatchError", "NotAnArticle", "WebExtrasMissingError", "RayNotInstalledError", "catalogue"]


# a second sentence: what the user can do (a full stop, then a capital letter, a bracket or a quote)
WHAT_TO_DO = re.compile(r"[.!?][\'\")\]]*\s+[A-Z(`\'\"]")


def with_action(message: str, action: str) -> str:
    """``message`` with ``action`` as its last sentence, unless it already says what to do (has a second sentence).

    Returns:
        The message (str): ``message`` itself, or ``message`` (without a final full stop) + ``". "`` + ``action``."""
    if not action or WHAT_TO_DO.search(message):
        return message
    return message.rstrip().rstrip(".") + ". " + action


class ArgmineError(Exception):
    """Base of every error argmine raises on purpose; ``code`` is its catalogue code, ``message`` its text
    without the code. A message that does not say what to do gets the class's ``action`` as its last sentence."""

    code = "E000"
    action = ""
    cli_message: Optional[str] = None

    def __init__(self, message: str, cli_message: Optional[str] = None) -> None:
        message = with_action(message, type(self).action)
        super().__init__(message)
        self.message = message
        if cli_message is not None:
            self.cli_message = with_action(cli_message, type(self).action)

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"

    def for_cli(self) -> str:
        """The error as the ``argmine`` command says it: ``cli_message`` (advice naming command-line options, such as
        ``--max-chars N``, where ``message`` names Python's keywords) when the raise site gave one, else ``str(self)``.

        Returns:
            ``"[E###] ..."`` (str)."""
        return f"[{self.code}] {self.cli_message or self.message}"

    def __reduce__(self):  # picklable across worker processes whatever the subclass signature
        return (_rebuild, (type(self), self.message, self.__dict__))


def _rebuild(cls, message, state):
    obj = cls.__new__(cls, message)
    obj.args = (message,)
    obj.__dict__.update(state)
    return obj


class ModelNotFoundError(ArgmineError, FileNotFoundError):
    """No model directory at the given path: nothing there, or a file (``is_file``) where a directory is needed."""

    code = "E001"

    def __init__(self, path: PathLike) -> None:
        self.path = os.fspath(path)
        self.is_file = os.path.isfile(self.path)
        got = ("which is a file, not a model directory (a folder holding config.json, model.safetensors and the "
               "tokenizer files)") if self.is_file else "which does not exist"
        super().__init__(
            f"model must be a directory saved by argmine; got {self.path!r}, {got}. "
            "Pass the directory a model was saved to (argmine.load(DIR) or --model DIR), "
            "or leave it out to use the default model."
        )


class ModelFormatError(ArgmineError, ValueError):
    """A model directory exists but cannot be read as an argmine model."""

    code = "E002"

    def __init__(self, path: PathLike, reason: str) -> None:
        self.path = os.fspath(path)
        self.reason = reason
        super().__init__(
            f"model at {self.path!r} must be a model directory saved by argmine; got {reason}. "
            "Re-save or re-download the model, or use an argmine version that matches it."
        )


class DataNotFoundError(ArgmineError, FileNotFoundError):
    """A corpus or data file is missing where argmine looked for it."""

    code = "E003"

    def __init__(self, path: PathLike, what: str = "data", hint: Optional[str] = None) -> None:
        self.path = os.fspath(path)
        self.what = what
        super().__init__(
            f"{what} must be at {self.path!r}; got nothing there. "
            + (hint or "Check --data-dir (the directory that holds the corpus folder).")
        )


class InputEncodingError(ArgmineError, ValueError):
    """Input bytes are not valid in the expected encoding; carries the path and byte offset."""

    code = "E004"

    def __init__(self, path: PathLike, offset: int, encoding: str = "utf-8", reason: Optional[str] = None) -> None:
        self.path = os.fspath(path)
        self.offset = offset
        self.encoding = encoding
        detail = f" ({reason})" if reason else ""
        super().__init__(
            f"{self.path} must be {encoding} text; got an undecodable byte at offset {offset}{detail}. "
            f"Re-encode the file to {encoding} (e.g. iconv -f SOURCE-ENCODING -t {encoding})."
        )

    @classmethod
    def from_unicode_error(cls, path: PathLike, exc: UnicodeDecodeError) -> "InputEncodingError":
        """Wrap a ``UnicodeDecodeError`` raised while decoding ``path`` (offset relative to what was decoded).

        Returns:
            The ``InputEncodingError`` (not raised: the caller raises it)."""
        return cls(path, exc.start, exc.encoding, exc.reason)


class BinaryInputError(InputEncodingError):
    """A binary input file (a PDF, a ZIP such as a .docx, gzip, an image, ...) where text is needed; ``kind`` is
    what its first bytes say it is (``"PDF"``, ``"ZIP"``, ``"gzip"``, ``"PNG"``, ...), None when they name no
    format. An ``InputEncodingError`` (offset 0), so handlers of that catch it too."""

    code = "E014"
    _WHAT_TO_DO = {"PDF": "Extract its text first (e.g. pdftotext FILE.pdf FILE.txt) and mine that.",
                   "ZIP": "A .docx (or .odt, .epub) is a ZIP: save it as plain text or HTML first (e.g. "
                          "pandoc FILE.docx -t plain -o FILE.txt) and mine that.",
                   "OLE2": "A .doc (Word 97-2003) is OLE2: save it as plain text or HTML first (Save As) and mine that.",
                   "archive": "Decompress it first (e.g. gunzip FILE.gz) and mine the text inside.",
                   "image": "Put the text it shows into a text file (OCR, e.g. tesseract IMAGE FILE) and mine that."}
    _FAMILY = {"PNG": "image", "JPEG": "image", "GIF": "image", "WebP": "image", "TIFF": "image", "BMP": "image",
               "gzip": "archive", "bzip2": "archive", "xz": "archive", "7-Zip": "archive"}

    def __init__(self, path: PathLike, kind: Optional[str] = None) -> None:
        self.path = os.fspath(path)
        self.offset, self.encoding, self.reason = 0, "utf-8", "binary data"
        self.kind = kind or None
        what = f"{kind} data" if kind else "binary data (NUL bytes)"
        todo = self._WHAT_TO_DO.get(self._FAMILY.get(kind, kind) if kind else "",
                                    "Convert it to a text file first and mine that.")
        ArgmineError.__init__(self, f"{self.path} must be a text file; got {what}, which looks binary. {todo} "
                                    "argmine reads plain text, Markdown and HTML (UTF-8).")


class BratFormatError(ArgmineError, ValueError):
    """A line of a brat ``.ann`` file that cannot be read; carries ``path`` (or document id), ``line`` and ``reason``."""

    code = "E005"

    def __init__(self, path: PathLike, line: int, reason: str, got: str) -> None:
        self.path = os.fspath(path)
        self.line = line
        self.reason = reason
        super().__init__(f"{self.path}, line {line}: {reason}; got {got}. "
                         "Fix that line (brat standoff: https://brat.nlplab.org/standoff.html).")


class DocumentFormatError(ArgmineError, ValueError):
    """A record that is not an argmine document (CONTRACT.md); carries ``where`` (file and line) and ``reason``."""

    code = "E006"
    action = "Fix that record: CONTRACT.md describes an argmine document (argmine mine and argmine batch write them)."

    def __init__(self, where: str, reason: str, got: str, hint: str = "") -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}; got {str(got).rstrip('.')}." + (f" {hint}" if hint else ""))


class UnknownFormatError(ArgmineError, ValueError):
    """An export format argmine does not write; ``choices`` are those it does."""

    code = "E101"
    action = "Pass one of those (--format on the command line, fmt= in Python)."

    def __init__(self, got: str, choices) -> None:
        self.choices = tuple(choices)
        super().__init__(f"format must be one of {', '.join(self.choices)}; got {got!r}")


class ExportError(ArgmineError, ValueError):
    """A document that cannot be written in an export format (a relation label the format has no node for, a
    relation whose ends are not units of the document)."""

    code = "E102"
    action = ("Fix the document (Document.validate() names what breaks the data model), or export it as json, "
              "which keeps everything.")


class AifFormatError(ArgmineError, ValueError):
    """An AIF or xAIF graph that cannot be read as a document."""

    code = "E103"
    action = "Pass the AIF or xAIF JSON as OVA3 or an AMF tool wrote it, unchanged."


class OutputPathError(ArgmineError, ValueError):
    """An output path that cannot or must not be written (a folder where a file is needed, a file argmine would
    overwrite, ...)."""

    code = "E104"
    action = "Pass another output path, or move what is in the way."


class InputFileError(ArgmineError, ValueError):
    """An input file that holds no document argmine can read (not UTF-8, not JSON, empty)."""

    code = "E105"
    action = ("Pass a UTF-8 file of one JSON document or JSON Lines of them (CONTRACT.md), as argmine mine and "
              "argmine batch write.")


class InputNotFoundError(ArgmineError, FileNotFoundError):
    """An input file that does not exist."""

    code = "E106"
    action = "Check the path (a relative one starts in the current directory)."


class ArgumentValueError(ArgmineError, ValueError):
    """An argument out of its range (a batch size below 1, one link per document, ...)."""

    code = "E107"
    action = "Pass a value the message allows (the function's docstring lists them)."


class OptionValueError(ArgmineError, ValueError):
    """An option of ``load()``, ``mine()`` or the command line with a value it cannot take; carries ``option``."""

    code = "E108"

    def __init__(self, option: str, expected: str, got: object, hint: str = "", *, cli_expected: Optional[str] = None,
                 cli_hint: Optional[str] = None) -> None:
        self.option = option
        shown = repr(got) if isinstance(got, (str, bytes)) or got is None else f"{got!r} ({type(got).__name__})"
        cli = None
        if cli_expected is not None or cli_hint is not None:  # the command line's wording: --option, no None or keywords
            flag, cli_expected = "--" + option.replace("_", "-"), cli_expected or expected
            cli = f"{flag} must be {cli_expected}; got {got!r}. " + (cli_hint or hint or f"Pass {cli_expected} as {flag}.")
        super().__init__(f"{option} must be {expected}; got {shown}. " + (hint or f"Pass {expected} as {option}."), cli)


class BatchError(ArgmineError, ValueError):
    """The batch could not run (or go on): unreadable input, an OUTPUT that argmine did not write, ..."""

    code = "E201"
    action = "Fix what the message names and run the same command again: a rerun resumes after the records written."


class NotAnArticle(ArgmineError, ValueError):
    """A page with no article to mine; ``reason`` says why (no main text, too short, not HTML, ...)."""

    code = "E202"
    action = "If the page does hold an article, save its text as a .txt file and mine that."

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class WebExtrasMissingError(ArgmineError, ImportError):
    """HTML or WARC input needs the optional ``web`` extra (trafilatura, warcio)."""

    code = "E203"

    def __init__(self, module: str) -> None:
        super().__init__(f"HTML and WARC input need {module}; got no module {module!r}. "
                         "Run: pip install 'argmine[web]' (or pip install trafilatura warcio)")


class RayNotInstalledError(ArgmineError, ImportError):
    """Ray Data is not installed (``argmine batch --engine ray``, ``argmine.integrations.ray``)."""

    code = "E204"

    def __init__(self, detail: str = "") -> None:
        super().__init__("the Ray engine needs Ray Data (ray[data] >= 2.9); got " + (detail or "no module 'ray'")
                         + ". Run: pip install 'argmine[ray]' (or pip install 'ray[data]')")


class VocabularyError(ModelFormatError):
    """A model directory whose tokenizer gives ids the encoder has no embedding for (IndexError when mining)."""

    code = "E007"

    def __init__(self, path: PathLike, n_tokens: int, n_embeddings: int) -> None:
        self.path = os.fspath(path)
        self.n_tokens = n_tokens
        self.n_embeddings = n_embeddings
        self.reason = f"a tokenizer of {n_tokens} tokens for {n_embeddings} embeddings"
        ArgmineError.__init__(self, f"tokenizer vocabulary must fit the encoder's embeddings; got {n_tokens} > "
                              f"{n_embeddings} in {self.path!r}. Save the tokenizer the model was trained with into "
                              "the directory (or resize the encoder's embeddings and train again).")


class DeviceError(ArgmineError, ValueError):
    """A device that this machine (or this torch build) does not have."""

    code = "E109"

    def __init__(self, device: str, reason: str) -> None:
        self.device = device
        self.reason = reason
        super().__init__(f"device must be one this machine has; got {device!r}, but {reason}. "
                         "Pass device='cpu', or leave device out to use the best one there is.")


class MiningTimeoutError(ArgmineError, TimeoutError):
    """Mining one text ran past its time budget (``max_seconds``; ``argmine batch --max-seconds``)."""

    code = "E110"

    def __init__(self, seconds: float, elapsed: float, doc_id: Optional[str] = None) -> None:
        self.seconds = seconds
        self.elapsed = elapsed
        self.doc_id = doc_id
        which = f"text {doc_id!r}" if doc_id is not None else "a text"
        super().__init__(f"mining must take at most {seconds:g} s per text; got {which} still running after "
                         f"{elapsed:.1f} s. Split the text, or raise the budget (max_seconds= / --max-seconds).")


class OnnxRuntimeMissingError(ArgmineError, ImportError):
    """``backend="onnx"`` (``--backend onnx``) without ONNX Runtime or the onnx package importable (both are argmine's
    dependencies since 0.12; an install that skipped or broke them)."""

    code = "E113"

    def __init__(self, detail: str = "") -> None:
        head = ("backend 'onnx' needs ONNX Runtime and the onnx package (onnxruntime >= 1.16, onnx >= 1.16); got "
                + (detail or "no module 'onnxruntime'") + ". Run: pip install 'onnxruntime>=1.16' 'onnx>=1.16,<1.23', or pass ")
        super().__init__(head + "backend='auto' (falls back to torch) or backend='torch'.",
                         cli_message=head + "--backend auto (falls back to torch) or --backend torch.")


class OnnxExportError(ArgmineError, OSError):
    """The encoder's ONNX export could not be written into the cache folder (``backend="onnx"`` or ``"auto"``): a
    full disk, a folder where the file should be. ``folder`` is the cache folder, ``path`` the file that could not
    be written (None: not known); ``no_space``: the disk or quota is full (the advice is to free space), else the
    advice is to move what stands at ``path``. The cause is chained."""

    code = "E115"

    def __init__(self, folder, reason: str, path=None, no_space: bool = True) -> None:
        self.folder, self.path = str(folder), (str(path) if path is not None else None)
        where = str(folder if path is None else path)
        fix = "Free about 100 MB there" if no_space else f"Remove or rename what stands at {where}"
        head = f"could not export the encoder for ONNX Runtime into {where}: {reason}. {fix}, set ARGMINE_CACHE_DIR to another folder, or "
        super().__init__(head + "pass backend='torch'.", cli_message=head + "pass --backend torch.")


class CommandLineError(ArgmineError, ValueError):
    """A command line the ``argmine`` command cannot parse (click's usage errors: an option value that is not one of
    its choices, a missing argument, an unknown option), re-worded as one catalogued line; ``command`` is the
    command path (``argmine evaluate``)."""

    code = "E114"

    def __init__(self, problem: str, command: str = "argmine") -> None:
        self.problem = problem
        self.command = command
        end = "" if problem.rstrip().endswith(("?", "!")) else "."  # "Did you mean 'mine'?" keeps its question mark
        super().__init__(f"{problem.rstrip().rstrip('.')}{end} Run '{command} --help' for what it takes (commands, options "
                         "and their values).")


class ConfigError(ArgmineError, ValueError):
    """A configuration argmine cannot use: a training ``config.toml`` (a misspelt key, a value out of range, a
    corpus it cannot train on) or a model's ``config.json`` (read as ``ModelFormatError`` when loading a model)."""

    code = "E008"
    action = "Fix that key or value in the config (configs/default.toml lists every key with its default)."


class CorpusFormatError(ArgmineError, ValueError):
    """A corpus file whose contents a corpus reader cannot read (JSON, XML/XMI, brat, CoNLL or marked pages that
    are not what the corpus's release holds); the message names the file and, where known, the line."""

    code = "E009"
    action = "Use the corpus as released, unmodified (docs/corpora.md names each release)."


class SavedFileFormatError(ArgmineError, ValueError):
    """A file argmine saved itself (a calibration map, a boilerplate classifier) that cannot be read back: another
    format or version, or parameters that break its rules."""

    code = "E010"
    action = "Save the file again with this argmine version, or read it with the version that wrote it."


class UnknownKeyError(ArgmineError, KeyError):
    """A key that is not there: a unit id a document does not have, a column a dataset does not have."""

    code = "E011"
    action = "Use a key that is there (the message names them where it can)."


class InvalidDocumentError(ArgmineError, ValueError):
    """A ``Document`` that breaks the data model's rules (CONTRACT.md): offsets outside the text, overlapping units,
    an unknown label, a duplicate id, a relation whose ends are not units, another schema version."""

    code = "E012"
    action = "Fix the document so that Document.validate() passes (CONTRACT.md gives the rules)."


class PackageMissingError(ArgmineError, ImportError):
    """An optional or required package that is not installed (the default base encoder, ``datasets``)."""

    code = "E013"
    action = "Install the package the message names (pip install PACKAGE)."


class ArgumentTypeError(ArgmineError, TypeError):
    """An argument of the wrong type (a list where one str is wanted, a str where a list is, ...)."""

    code = "E111"
    action = "Pass an argument of the type the message names."


class InputIsADirectoryError(ArgmineError, IsADirectoryError):
    """An input path that is a directory where a file is needed."""

    code = "E112"
    action = "Pass a file; to mine every .txt, .md or .html file of a folder, run argmine batch DIR -o OUT.jsonl."


class WarcReadError(ArgmineError, ValueError):
    """The WARC file breaks off or is corrupt after ``position`` records (the message says how)."""

    code = "E205"
    action = "Repair or re-download the WARC file; rerunning the batch resumes after the records written."

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


class InternalError(ArgmineError, RuntimeError):
    """A promise argmine broke to itself (an engine that returned the wrong number of documents, ...): a bug.
    Please report it with the message."""

    code = "E900"
    action = "This is a bug in argmine: please report it with this message."


def catalogue() -> Dict[str, type]:
    """Every error class of the catalogue by its code.

    Returns:
        A dict from code (``"E001"``, ...) to error class, every class of ``__all__`` but ``ArgmineError``."""
    return {cls.code: cls for cls in (globals()[n] for n in __all__ if n != "catalogue") if cls is not ArgmineError}
