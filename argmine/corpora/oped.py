"""Reader for argmine-oped: news editorials annotated with argmine's own scheme (model-assisted silver data).

56 editorials of Webis-Editorials-16 (Al Jazeera, Fox News, the Guardian) with MajorClaim / Claim / Premise units,
each premise's ``supports``/``attacks`` link to one target (a premise, a claim or a major claim, in any paragraph),
and each claim's stance (``unit.extra["stance"]``, and a relation to the first MajorClaim). Splits: ``train``
(32 editorials of the Webis training split) and ``dev`` (24 of its validation split). The annotation was made by a
language model following the corpus guideline and checked by a script, not adjudicated by people: publish scores on
it as scores on silver data. Split ``train_extra``: further Webis training editorials that argmine annotated the same way
(``argmine.corpora.oped_labels``; labels packaged, texts read from Webis-Editorials-16). Files: ``<data_dir>/argmine-oped/{train,dev}.jsonl``, one argmine document per line
(CONTRACT.md, schema_version 1); read at run time, never shipped (research-only licence of the Webis texts).
"""
from __future__ import annotations

import json
import os
from typing import List, Union

from ..data import Document
from .base import RELEASE_HINT, corpus_dir
from ..errors import ArgumentValueError, CorpusFormatError

__all__ = ["read_oped", "SPLITS", "CORPUS"]

CORPUS = "argmine-oped"
SPLITS = ("train", "dev", "train_extra")


def read_oped(data_dir: Union[str, "os.PathLike[str]"], split: str = "dev") -> List[Document]:
    """The editorials of ``split`` (``train`` or ``dev``) as Documents, in file order.

    Raises ``ValueError`` for an unknown split or a line that is not an argmine document (naming file and line),
    and ``FileNotFoundError`` (``argmine.errors.DataNotFoundError``) when ``<data_dir>/argmine-oped`` is missing.

    Returns:
        A list of ``Document``, one per editorial of the split.

    Raises:
        ArgumentValueError: an unknown ``split`` (E107).
        CorpusFormatError: a line that is not an argmine document (CONTRACT.md) (E009).
    """
    if split not in SPLITS:
        raise ArgumentValueError(f"split must be one of {SPLITS}; got {split!r}. "
                                 "Pass one of those (argmine.corpora.get_splits names them).")
    if split == "train_extra":  # argmine's own labels of further Webis training editorials (oped_labels)
        from .oped_labels import read_train_extra

        return read_train_extra(data_dir)
    path = corpus_dir(data_dir, CORPUS, "the argmine-oped directory") / f"{split}.jsonl"
    docs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                doc = Document.from_dict(json.loads(line))
            except (ValueError, KeyError, TypeError) as e:
                raise CorpusFormatError(f"{path}:{n} must be an argmine document (CONTRACT.md); got {type(e).__name__}: {str(getattr(e, 'message', e)).rstrip('.')}. "
                                        + RELEASE_HINT) from None
            doc.meta.setdefault("corpus", CORPUS)
            docs.append(doc)
    return docs
