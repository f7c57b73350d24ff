"""The author's name(s) in a page's byline, without the job title the byline often adds.

trafilatura's ``author`` keeps what the page's byline says after the name: "Jane Doe; Professor" (from "Jane Doe,
Professor of Economics at X University"), "Jane Doe; Staff writer" (from "By Jane Doe | Staff writer").
:func:`author_names` keeps the names alone (without honorifics and credentials: "Dr. Jane Doe, PhD" -> "Jane Doe").
The document schema has no field for a role, so it is dropped.
"""
from __future__ import annotations

import re
from typing import List, Optional

from ..noise import _ROLE

__all__ = ["author_names"]

# parts of a byline: "Jane Doe; Staff writer", "Jane Doe | Staff writer", "Jane Doe - Staff writer"
_PARTS = re.compile(r"\s*(?:[;|/\u2022\u00b7]|\s[-\u2013\u2014]\s)\s*")
_BY = re.compile(r"^(?:(?:written|posted|opinion|analysis|words)\s+)?by\s+", re.IGNORECASE)
_BIO_VERB = re.compile(r"\s+(?:is|was|has been|serves as|works as|writes)\s.*$", re.IGNORECASE)
_AND = re.compile(r"\s+(?:and|&)\s+")
_ASIDE = re.compile(r"\([^()]*\)|@\w+")  # "(Reuters)", "@janedoe"
# before a name of two words or more ("Professor Jane Doe"; not "Professor Emeritus")
_HONORIFIC = re.compile(r"^(?:dr|prof|professor|rev|sir|dame)\.?\s+(?=\S+\s+\S)", re.IGNORECASE)
_CREDENTIAL = re.compile(r"^(?:ph\.?\s?d|m\.?\s?d|d\.?\s?phil|esq|mba|mph|jd|llm)\.?$", re.IGNORECASE)
_GENERATION = re.compile(r"^(?:jr|sr|ii|iii|iv)\.?$", re.IGNORECASE)
_NOT_A_NAME = re.compile(rf"\b(?:{_ROLE}s?|staff|special|senior|chief|guest|opinion|desk|university|institute|college|"
                         r"institution|school|department|centre|center|foundation|council|association|society|company|"
                         r"corporation|agency|journal|times|news|post|herald|magazine)\b",
                         re.IGNORECASE)
_PARTICLES = {"de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "das", "di", "bin",
              "ibn", "al", "el", "ter", "ten", "y"}


def _is_name(s: str) -> bool:
    """``s`` reads as a person's (or a desk's) name: 1 to 5 words, each capitalised or a particle, no role word."""
    words = s.split()
    return 1 <= len(words) <= 5 and not _NOT_A_NAME.search(s) and words[0][:1].isupper() and \
        all(w[:1].isupper() or w.casefold() in _PARTICLES for w in words)


def _add_names(part: str, names: List[str]) -> None:
    """Add to ``names`` the names at the head of one part of a byline ("Jane Doe, John Roe, Professor of ..."): the
    comma-separated pieces up to the first that is not a name (a role; what follows it, an affiliation, is dropped
    too). A credential ("PhD") is dropped, a generation ("Jr.") joins the name before it."""
    for piece in part.split(","):
        piece = _HONORIFIC.sub("", _BIO_VERB.sub("", _BY.sub("", _ASIDE.sub(" ", piece).strip())).strip())
        if _CREDENTIAL.match(piece) or _GENERATION.match(piece):
            if names and _GENERATION.match(piece):
                names[-1] += " " + piece
            continue
        people = [_HONORIFIC.sub("", p) for p in _AND.split(piece)]
        if not piece or not all(_is_name(p) for p in people):
            return
        names.extend(p for p in people if p not in names)


def author_names(raw: Optional[str]) -> Optional[str]:
    """The author name(s) in ``raw`` (a byline, or trafilatura's ``author``), joined by ``"; "`` as trafilatura
    joins several authors; job titles, affiliations, credentials, honorifics and a leading "By" are left out.
    Raises nothing.

    Returns:
        The names (str), or None when ``raw`` is empty or names no one (only a role: "Staff writer")."""
    if not raw or not raw.strip():
        return None
    names: List[str] = []
    for part in _PARTS.split(raw.strip()):
        _add_names(part, names)
    return "; ".join(names) or None
