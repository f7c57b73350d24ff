"""From paragraphs to encoder windows: words → wordpieces, with sliding windows for long paragraphs.

Nothing is truncated silently: a paragraph longer than the encoder's window is covered by overlapping
windows and each word's vector is averaged over the windows that hold it. Only a single word longer than
``MAX_PIECES_PER_WORD`` wordpieces (e.g. a 200,000-character run with no space) is shortened, and only
inside the encoder: its span in the text is kept whole.
"""
from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass
from typing import List, Optional, Sequence

MAX_PIECES_PER_WORD = 16
_PIECE_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # tokenizer -> word -> its wordpiece ids
_PIECE_CACHE_MAX = 200_000


@dataclass
class Window:
    """One encoder input of a paragraph: wordpiece ``input_ids``, ``token_type_ids`` and, per position, the index
    of the paragraph word it belongs to (``word_index``; -1 for special tokens)."""
    input_ids: List[int]
    token_type_ids: List[int]
    word_index: List[int]  # index of the paragraph word each position belongs to; -1 for specials and marker


_SURROGATE = re.compile("[\ud800-\udfff]")


def word_pieces(tokenizer, words: Sequence[str]) -> List[List[int]]:
    """Wordpieces of each word (lone surrogates, which tokenizers reject, are read as U+FFFD). Each distinct word is
    tokenized once per tokenizer and process (a bounded cache): a tokenizer gives a word the same pieces every time.

    Returns:
        A list with one list of wordpiece ids (ints) per word, in order."""
    if not words:
        return []
    try:
        cache = _PIECE_CACHE.setdefault(tokenizer, {})
    except TypeError:  # a tokenizer that cannot be weakly referenced or hashed: no cache
        cache = {}
    if len(cache) > _PIECE_CACHE_MAX:
        cache.clear()
    todo = list({w for w in words if w not in cache})
    if todo:
        unk = tokenizer.unk_token_id
        for w, ids in zip(todo, _piece_ids(tokenizer, [_SURROGATE.sub("\ufffd", w) for w in todo])):
            cache[w] = (ids or [unk])[:MAX_PIECES_PER_WORD]
    return [list(cache[w]) for w in words]


def clear_piece_cache() -> None:
    """Empty the per-process cache of each word's wordpieces (``word_pieces`` refills it; benchmarks clear it so
    repeated texts are timed as new ones). Raises nothing."""
    _PIECE_CACHE.clear()


def _piece_ids(tokenizer, texts: List[str]) -> List[List[int]]:
    """``tokenizer(texts, add_special_tokens=False)["input_ids"]``; for a fast tokenizer whose backend neither
    truncates nor pads, straight from the backend (the same ids, without the Python wrapping of each text)."""
    backend = getattr(tokenizer, "backend_tokenizer", None) if getattr(tokenizer, "is_fast", False) else None
    if backend is not None and backend.truncation is None and backend.padding is None:
        return [e.ids for e in backend.encode_batch(texts, add_special_tokens=False)]
    return tokenizer(texts, add_special_tokens=False)["input_ids"]


def make_windows(tokenizer, words: Sequence[str], marker: str, max_length: int = 512, overlap: float = 0.25) -> List[Window]:
    """Encoder inputs ``[CLS] marker [SEP] words... [SEP]`` covering every word at least once.

    Returns:
        A list of ``Window`` (wordpiece ids, type ids and each wordpiece's word index), in text order."""
    pieces = word_pieces(tokenizer, words)
    mark = _piece_ids(tokenizer, [marker])[0][:16]
    budget = max_length - len(mark) - 3
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    windows: List[Window] = []
    n = len(pieces)
    start = 0
    while True:
        end, used = start, 0
        while end < n and used + len(pieces[end]) <= budget:
            used += len(pieces[end])
            end += 1
        end = max(end, start + 1) if n else 0
        ids = [cls] + mark + [sep]
        widx = [-1] * len(ids)
        for w in range(start, end):
            ids.extend(pieces[w])
            widx.extend([w] * len(pieces[w]))
        ids.append(sep)
        widx.append(-1)
        ids, widx = ids[:max_length], widx[:max_length]
        ttype = [0] * (len(mark) + 2) + [1] * (len(ids) - len(mark) - 2)
        windows.append(Window(ids, ttype, widx))
        if end >= n:
            break
        # step back so consecutive windows overlap by about ``overlap`` of the budget
        back, k = 0, end
        while k - 1 > start + 1 and back + len(pieces[k - 1]) <= budget * overlap:
            k -= 1
            back += len(pieces[k])
        start = k
    return windows


@dataclass
class ParagraphInput:
    """One paragraph ready for the network: its span, role, words (absolute offsets) and windows."""

    start: int
    end: int
    index: int  # position among all paragraphs of the text (argmine.text.paragraph_spans)
    role: str
    words: List[tuple]
    windows: List[Window]


def prepare(text: str, tokenizer, max_length: int = 512, use_noise_filter: bool = True,
            min_words: int = 0) -> List[ParagraphInput]:
    """Split ``text`` into paragraphs, drop page noise, and build encoder windows for each paragraph.

    ``min_words``: a run of fewer words cannot hold a unit (the model's ``min_unit_words``), so it gets no windows
    (it is not tokenized or encoded; the miner gives it no candidates) but keeps its place among the paragraphs.

    Noise lines are cut out word by word, not only whole paragraphs: a paragraph that joins a headline, a byline and
    a first sentence (or ends in a comment prompt) keeps only the runs of words between noise lines, each mined on
    its own, so no unit can reach into a noise line.

    Returns:
        A list of ``ParagraphInput``, one per paragraph kept, in text order.
    """
    from ..text import list_marker_end, paragraph_roles, paragraph_spans, word_spans

    paras = paragraph_spans(text)
    noise = []
    if use_noise_filter and paras:
        from ..noise import noise_spans

        noise = noise_spans(text)
    ends = [e for _, e in noise]
    if any(b < a for a, b in zip(ends, ends[1:])):
        ends = None  # not in order: scan from the first span
    # a list item's bullet or number is no part of a unit
    runs = [_runs_outside(word_spans(text, list_marker_end(text, s, e), e), noise, ends) for s, e in paras]
    skip = {i for i, r in enumerate(runs) if not r}
    roles = paragraph_roles(text, paras, skip)
    out = []
    for i, role in enumerate(roles):
        if role == "skip":
            continue
        for run in runs[i]:
            for chunk in split_long(text, run):
                wins = make_windows(tokenizer, [text[a:b] for a, b in chunk], role, max_length) if len(chunk) >= min_words else []
                out.append(ParagraphInput(chunk[0][0], chunk[-1][1], i, role, chunk, wins))
    return out


def _runs_outside(words: List[tuple], noise: Sequence[tuple], ends: Optional[Sequence[int]] = None) -> List[List[tuple]]:
    """The maximal runs of consecutive ``words`` that overlap no span of ``noise`` (both sorted by start; ``ends``:
    the noise spans' ends, to start at the first span that ends after the first word: linear in a text of many
    short paragraphs, not paragraphs x noise lines)."""
    if not noise:
        return [words] if words else []
    runs: List[List[tuple]] = []
    cur: List[tuple] = []
    k = bisect.bisect_right(ends, words[0][0]) if ends is not None and words else 0
    for a, b in words:
        while k < len(noise) and noise[k][1] <= a:
            k += 1
        if k < len(noise) and noise[k][0] < b:  # the word overlaps a noise span
            if cur:
                runs.append(cur)
                cur = []
        else:
            cur.append((a, b))
    if cur:
        runs.append(cur)
    return runs


MAX_PARAGRAPH_WORDS = 1000


def split_long(text: str, words: List[tuple], limit: int = MAX_PARAGRAPH_WORDS) -> List[List[tuple]]:
    """Cut a paragraph of more than ``limit`` words into pieces that end at a sentence end where one exists.

    Real paragraphs are far shorter; this bounds time and memory on pasted transcripts or text without line breaks.

    Returns:
        A list of pieces, each a list of the word tuples it holds; one piece (the words) when the paragraph is short
        enough.
    """
    pieces, start = [], 0
    while len(words) - start > limit:
        cut = start + limit
        for k in range(start + limit - 1, start + limit // 2, -1):
            if text[words[k][0]:words[k][1]] in (".", "!", "?"):
                cut = k + 1
                break
        pieces.append(words[start:cut])
        start = cut
    if start < len(words):
        pieces.append(words[start:])
    return pieces


HEADLINE_MARKER = "headline"  # the encoder marker of a headline (see ``make_windows``)


def headline_windows(headline: Optional[str], tokenizer, max_length: int = 128) -> Optional[List[Window]]:
    """Encoder windows of a text's headline (its first ``max_length`` wordpieces), or None when there is none.

    Returns:
        A list of ``Window`` (one window), or None."""
    from ..text import word_spans

    if not headline or not headline.strip():
        return None
    words = [headline[a:b] for a, b in word_spans(headline, 0, len(headline))]
    if not words:
        return None
    return make_windows(tokenizer, words, HEADLINE_MARKER, max_length)[:1]

