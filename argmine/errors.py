"""The catalogue of argmine's errors: one place, one base class, messages that say what to do.

Catch ``ArgmineError`` for any of them. Each also derives from the built-in exception a caller would
expect (``FileNotFoundError`` for missing paths, ``ValueError`` for bad contents), so generic handlers work.
Messages read "X must be ...; got ..." and end with what to do.
"""
from __future__ import annotations

import os
from typing import Optional, Union

PathLike = Union[str, "os.PathLike[str]"]

__all__ = ["ArgmineError", "ModelNotFoundError", "ModelFormatError", "DataNotFoundError", "InputEncodingError",
           "BratFormatError", "DocumentFormatError", "VocabularyError", "DeviceError", "MiningTimeoutError"]


class ArgmineError(Exception):
    """Base of every error argmine raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # picklable across worker processes whatever the subclass signature
        return (_rebuild, (type(self), self.message, self.__dict__))


def _rebuild(cls, message, state):
    obj = cls.__new__(cls, message)
    obj.args = (message,)
    obj.__dict__.update(state)
    return obj


class ModelNotFoundError(ArgmineError, FileNotFoundError):
    """No model directory at the given path."""

    def __init__(self, path: PathLike) -> None:
        self.path = os.fspath(path)
        super().__init__(
            f"model must be a directory saved by argmine; got {self.path!r}, which does not exist. "
            "Pass the directory a model was saved to (argmine.load(DIR) or --model DIR), "
            "or leave it out to use the default model."
        )


class ModelFormatError(ArgmineError, ValueError):
    """A model directory exists but cannot be read as an argmine model."""

    def __init__(self, path: PathLike, reason: str) -> None:
        self.path = os.fspath(path)
        self.reason = reason
        super().__init__(
            f"model at {self.path!r} must be a model directory saved by argmine; got {reason}. "
            "Re-save or re-download the model, or use an argmine version that matches it."
        )


class DataNotFoundError(ArgmineError, FileNotFoundError):
    """A corpus or data file is missing where argmine looked for it."""

    def __init__(self, path: PathLike, what: str = "data", hint: Optional[str] = None) -> None:
        self.path = os.fspath(path)
        self.what = what
        super().__init__(
            f"{what} must be at {self.path!r}; got nothing there. "
            + (hint or "Check --data-dir (the directory that holds the corpus folder).")
        )


class InputEncodingError(ArgmineError, ValueError):
    """Input bytes are not valid in the expected encoding; carries the path and byte offset."""

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
        """Wrap a ``UnicodeDecodeError`` raised while decoding ``path`` (offset relative to what was decoded)."""
        return cls(path, exc.start, exc.encoding, exc.reason)


class BratFormatError(ArgmineError, ValueError):
    """A line of a brat ``.ann`` file that cannot be read; carries ``path`` (or document id), ``line`` and ``reason``."""

    def __init__(self, path: PathLike, line: int, reason: str, got: str) -> None:
        self.path = os.fspath(path)
        self.line = line
        self.reason = reason
        super().__init__(f"{self.path}, line {line}: {reason}; got {got}. "
                         "Fix that line (brat standoff: https://brat.nlplab.org/standoff.html).")


class DocumentFormatError(ArgmineError, ValueError):
    """A record that is not an argmine document (CONTRACT.md); carries ``where`` (file and line) and ``reason``."""

    def __init__(self, where: str, reason: str, got: str, hint: str = "") -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}; got {got}." + (f" {hint}" if hint else ""))


class VocabularyError(ModelFormatError):
    """A model directory whose tokenizer gives ids the encoder has no embedding for (IndexError when mining)."""

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

    def __init__(self, device: str, reason: str) -> None:
        self.device = device
        self.reason = reason
        super().__init__(f"device must be one this machine has; got {device!r}, but {reason}. "
                         "Pass device='cpu', or leave device out to use the best one there is.")


class MiningTimeoutError(ArgmineError, TimeoutError):
    """Mining one text ran past its time budget (``max_seconds``; ``argmine batch --max-seconds``)."""

    def __init__(self, seconds: float, elapsed: float, doc_id: Optional[str] = None) -> None:
        self.seconds = seconds
        self.elapsed = elapsed
        self.doc_id = doc_id
        which = f"text {doc_id!r}" if doc_id is not None else "a text"
        super().__init__(f"mining must take at most {seconds:g} s per text; got {which} still running after "
                         f"{elapsed:.1f} s. Split the text, or raise the budget (max_seconds= / --max-seconds).")
