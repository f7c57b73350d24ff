"""Export mined documents: AIF (AIFdb JSON), xAIF (ARG-tech's AMF/OVA3 JSON), brat standoff, and self-contained
HTML pages.

    from argmine.export import to_aif, from_aif, to_brat, to_html, index_html
    aif = to_aif(doc)                 # dict, json.dump it
    doc2 = from_aif(aif)              # == doc (argmine keeps offsets, labels and scores in extra keys)
    xaif = to_xaif(doc)               # {"AIF": ..., "text": ..., "OVA": ...}; from_xaif(xaif) == doc
    ann = to_brat(doc)                # .ann content; the .txt is doc.text
    page = to_html(doc)               # one page, no network needed
    index = index_html(docs)          # a batch: counts per document and links to their pages

Pure Python (no torch).
"""
from __future__ import annotations

import json
import re
from typing import Union

from ..data import Document
from ..errors import UnknownFormatError
from .aif import from_aif, from_xaif, is_xaif, to_aif, to_xaif
from .brat import to_brat
from .htmlpage import index_html, page_names, to_html

FORMATS = ("json", "aif", "xaif", "brat", "html")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: the usual file suffix per format
SUFFIXES = {"json": ".json", "aif": ".json", "xaif": ".json", "brat": ".ann", "html": ".html"}

__all__ = ["FORMATS", "SUFFIXES", "to_aif", "from_aif", "to_xaif", "from_xaif", "is_xaif", "to_brat", "to_html", "index_html", "page_names",
           "dumps", "as_document"]


def as_document(doc: Union[Document, dict]) -> Document:
    """A Document from a Document or a JSON document dict (CONTRACT.md).

    Returns:
        A ``Document`` (``doc`` itself when it is one)."""
    return doc if isinstance(doc, Document) else Document.from_dict(doc)


def _json(obj) -> str:
    s = json.dumps(obj, ensure_ascii=False, indent=2)
    if _SURROGATE.search(s):  # lone surrogates cannot be written as UTF-8: \\u escapes keep them, losslessly
        s = json.dumps(obj, ensure_ascii=True, indent=2)
    return s + "\n"


def dumps(doc: Union[Document, dict], fmt: str = "json") -> str:
    """``doc`` as text in format ``fmt`` (one of :data:`FORMATS`); for ``brat`` the .ann content.

    Returns:
        A str: JSON (indented) for json, aif and xaif; the .ann content for brat; an HTML page for html.

    Raises:
        UnknownFormatError: ``fmt`` is not one of ``FORMATS`` (E101)."""
    if fmt not in FORMATS:
        raise UnknownFormatError(fmt, FORMATS)
    d = as_document(doc)
    if fmt == "json":
        return _json(d.to_dict())
    if fmt == "aif":
        return _json(to_aif(d))
    if fmt == "xaif":
        return _json(to_xaif(d))
    if fmt == "brat":
        return to_brat(d)
    return to_html(d)
