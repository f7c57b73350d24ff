"""``load()`` and ``Miner``: the one path every caller (API, CLI, evaluation, batch) goes through."""
from __future__ import annotations

import sys
from itertools import islice
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence

import numpy as np

from .data import ArgumentUnit, Document, Relation
from .decoding import claim_prior, decode_links, genre_labels, span_label_probs, tags_to_spans, viterbi_bio
from .lang import detect as detect_language, warn_if_not_english

DEFAULT_MAX_CHARS = 1_000_000  # longest text mine()/mine_batch() take (Miner.max_chars; same as argmine batch --max-chars)


def pick_device(device: Optional[str] = None) -> str:
    """``device`` if given, else CUDA, then Apple MPS, then CPU — no globals touched."""
    if device:
        return str(device)
    import torch

    if torch.cuda.is_available():
        return "cuda"
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return "mps"
    return "cpu"


def load(model: Optional[str | Path] = None, *, device: Optional[str] = None,
         max_chars: Optional[int] = DEFAULT_MAX_CHARS, precision: str = "fp32") -> "Miner":
    """Load a model directory (default: the model shipped with argmine) and return a ready Miner."""
    from .model.directory import default_model_dir, load_dir

    path = Path(model) if model is not None else default_model_dir()
    net, tok, cfg = load_dir(path)
    return Miner(net, tok, cfg, device=device, max_chars=max_chars, precision=precision)


class Miner:
    """Finds argumentative units and relations in texts. Build it with :func:`argmine.load`."""

    def __init__(self, net, tokenizer, config: Dict[str, Any], *, device: Optional[str] = None,
                 max_chars: Optional[int] = DEFAULT_MAX_CHARS, precision: str = "fp32"):
        if precision not in ("fp32", "bf16"):
            raise ValueError(f"precision must be 'fp32' or 'bf16'; got {precision!r}")
        self.precision = precision  # bf16: the encoder runs under bfloat16 autocast (faster on CPUs with AMX/AVX-512 BF16)
        if max_chars is not None and (isinstance(max_chars, bool) or not isinstance(max_chars, int)):
            raise TypeError(f"max_chars must be an int or None (no limit); got {type(max_chars).__name__}")
        if max_chars is not None and max_chars < 1:
            raise ValueError(f"max_chars must be >= 1 or None (no limit); got {max_chars}")
        self.max_chars = max_chars  # longer texts raise ValueError in mine()/mine_batch()
        self.net = net
        self.tokenizer = tokenizer
        self.config = config
        self.device = pick_device(device)
        self.net.to(self.device).eval()
        self.max_length = int(config.get("max_length", 512))

    @property
    def model_info(self) -> Dict[str, str]:
        return {"name": self.config["name"], "version": self.config["version"]}

    def __repr__(self) -> str:
        return f"Miner(model={self.config['name']!r}, version={self.config['version']!r}, device={self.device!r})"

    # -- public API ----------------------------------------------------------------
    def mine(self, text: str, *, id: Optional[str] = None) -> Document:
        """Mine one text; returns a Document whose offsets index ``text`` exactly as given."""
        return next(iter(self.mine_batch([text], ids=[id], show_progress=False)))

    def mine_batch(self, texts: Iterable[str], *, ids: Optional[Iterable[Optional[str]]] = None,
                   batch_size: int = 16, show_progress: Optional[bool] = None) -> Iterator[Document]:
        """Mine many texts; yields Documents in input order. Paragraphs are length-sorted inside each chunk."""
        if isinstance(texts, str):
            raise TypeError("texts must be an iterable of str; got a single str (use mine() for one text)")
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1; got {batch_size}")
        total = len(texts) if hasattr(texts, "__len__") else None
        if show_progress is None:
            show_progress = (total is None or total > 8) and sys.stderr.isatty()
        it = iter(texts)
        id_it = iter(ids) if ids is not None else None
        bar = None
        if show_progress:
            from tqdm.auto import tqdm

            bar = tqdm(total=total, unit="doc", desc="mining")
        chunk = max(batch_size * 4, 32)
        while True:
            block = list(islice(it, chunk))
            if not block:
                break
            block_ids = [next(id_it, None) if id_it is not None else None for _ in block]
            for t in block:
                if not isinstance(t, str):
                    raise TypeError(f"text must be a str; got {type(t).__name__}")
                if self.max_chars is not None and len(t) > self.max_chars:
                    raise ValueError(f"text must be at most {self.max_chars} characters; got {len(t)}. Split it, or "
                                     "raise the limit with argmine.load(..., max_chars=N) (None: no limit)")
            for doc in self._mine_block(block, block_ids, batch_size):
                doc.meta["language"] = detect_language(doc.text)  # {"english": bool, "score": float}
                warn_if_not_english(doc.meta["language"], doc.id, stacklevel=2)
                if bar is not None:
                    bar.update(1)
                yield doc
        if bar is not None:
            bar.close()

    # -- internals -------------------------------------------------------------------
    def _mine_block(self, texts: Sequence[str], ids: Sequence[Optional[str]], batch_size: int) -> List[Document]:
        import torch

        from .model.features import prepare
        from .model.network import encode_paragraphs

        use_noise = bool(self.config.get("noise_filter", True))
        prepared = [prepare(t, self.tokenizer, self.max_length, use_noise) if t.strip() else [] for t in texts]
        flat = [(d, p) for d, paras in enumerate(prepared) for p in range(len(paras))]
        flat.sort(key=lambda dp: sum(len(w.input_ids) for w in prepared[dp[0]][dp[1]].windows))
        results: Dict[tuple, Any] = {}
        with torch.inference_mode():
            i = 0
            while i < len(flat):
                # batches of paragraphs, capped by windows so a long paragraph does not blow memory
                batch, n_win = [], 0
                while i < len(flat) and len(batch) < batch_size and (not batch or n_win + len(prepared[flat[i][0]][flat[i][1]].windows) <= batch_size):
                    batch.append(flat[i])
                    n_win += len(prepared[flat[i][0]][flat[i][1]].windows)
                    i += 1
                paras = [prepared[d][p] for d, p in batch]
                with torch.autocast(self.device.split(":")[0], dtype=torch.bfloat16, enabled=self.precision == "bf16"):
                    ctx, logits, _ = encode_paragraphs(self.net, [pp.windows for pp in paras], [len(pp.words) for pp in paras], self.device)
                for k, (d, p) in enumerate(batch):
                    results[(d, p)] = self._decode_paragraph(ctx[k, : len(paras[k].words)], logits[k, : len(paras[k].words)])
        docs = []
        for d, text in enumerate(texts):
            docs.append(self._assemble(text, ids[d], prepared[d], [results[(d, p)] for p in range(len(prepared[d]))]))
        return docs

    def _decode_paragraph(self, ctx, logits) -> Dict[str, Any]:
        import torch

        net = self.net
        from .model.network import STANCES, UNIT_LABELS

        logp = torch.log_softmax(logits.float(), -1).cpu().numpy()
        probs = np.exp(logp)
        trans = net.transition_scores()
        emissions = logp if trans is None else logits.float().cpu().numpy()
        min_words = int(self.config.get("min_unit_words", 3))  # no gold unit of AAEC is shorter than 3 words
        spans = [sp for sp in tags_to_spans(viterbi_bio(emissions, transitions=trans)) if sp[1] - sp[0] >= min_words]
        out: Dict[str, Any] = {"spans": [], "label_probs": [], "confidence": [], "stance": [], "links": None}
        if not spans:
            return out
        word_spans = [(s, e) for s, e, _ in spans]
        u = net.unit_vectors(ctx, word_spans)
        type_p = torch.softmax(net.typer(u), -1).cpu().numpy()
        w = float(self.config.get("typer_weight", 0.5))
        for k, (s, e, _) in enumerate(spans):
            p = (1 - w) * span_label_probs(probs, s, e, UNIT_LABELS) + w * type_p[k]
            out["spans"].append((s, e))
            out["label_probs"].append(p)
            out["confidence"].append(float(np.exp(logp[np.arange(s, e), :].max(1)).mean()))
        out["stance"] = torch.softmax(net.stance(u), -1).cpu().numpy()
        out["links"] = torch.softmax(net.link_scores(u), -1).cpu().numpy()
        out["unit_vectors"] = u
        if net.evidence is not None:
            out["evidence"] = torch.softmax(net.evidence_logits(ctx, word_spans, u).float(), -1).cpu().numpy()
        return out

    def _relation_probs(self, u, pairs) -> np.ndarray:
        import torch

        with torch.inference_mode():
            return torch.softmax(self.net.relation_logits(u, pairs).float(), -1).cpu().numpy()

    def _assemble(self, text: str, doc_id: Optional[str], paras, decoded) -> Document:
        from .model.network import EVIDENCE_TYPES, REL_LABELS, STANCES, UNIT_LABELS

        ev_names = list(self.config.get("evidence_types") or EVIDENCE_TYPES)
        units: List[ArgumentUnit] = []
        relations: List[Relation] = []
        para_units: List[List[int]] = []
        if self.config.get("genre_rules", True):
            all_labels = genre_labels([d["label_probs"] for d in decoded], [pp.role for pp in paras], UNIT_LABELS,
                                      extra_claim_min=self.config.get("extra_claim_min"))
        else:
            all_labels = [[UNIT_LABELS[int(np.argmax(p))] for p in d["label_probs"]] for d in decoded]
        for pi, (pp, dec, labels) in enumerate(zip(paras, decoded, all_labels)):
            dec["labels"] = labels
            idx = []
            for k, ((s, e), lab, lp, conf) in enumerate(zip(dec["spans"], labels, dec["label_probs"], dec["confidence"])):
                idx.append(len(units))
                sc = float(lp[UNIT_LABELS.index(lab)]) * conf
                extra: Dict[str, Any] = {"paragraph": pp.index}
                if "evidence" in dec:  # a model trained with Webis-Editorials-16 evidence types
                    j = int(dec["evidence"][k].argmax())
                    extra["evidence_type"] = ev_names[j]
                    extra["evidence_score"] = round(float(dec["evidence"][k][j]), 4)
                units.append(ArgumentUnit(f"U{len(units) + 1}", pp.words[s][0], pp.words[e - 1][1], lab, round(sc, 4), extra))
            para_units.append(idx)
        majors = sorted((u for u in units if u.label == "MajorClaim"), key=lambda u: -u.score)  # most confident first
        for pi, dec in enumerate(decoded):
            idx = para_units[pi]
            if not idx:
                continue
            labels = dec["labels"]
            sources = [k for k, lab in enumerate(labels) if lab == "Premise"]
            cands = [k for k, lab in enumerate(labels) if lab != "MajorClaim"]
            w = float(self.config.get("link_prior_weight", 0.0))
            links = (1 - w) * dec["links"] + w * claim_prior(labels) if w else dec["links"]
            targets = decode_links(links, sources, cands)
            pairs = [(k, t) for k, t in enumerate(targets) if t is not None]
            rel_p = self._relation_probs(dec["unit_vectors"], pairs)
            for (k, t), rp in zip(pairs, rel_p):
                j = int(rp.argmax())
                relations.append(Relation(units[idx[k]].id, units[idx[t]].id, REL_LABELS[j],
                                          round(float(links[k, t]) * float(rp[j]), 4)))
            for k, lab in enumerate(labels):
                if lab != "Claim":
                    continue
                sp = dec["stance"][k]
                j = int(sp.argmax())
                u = units[idx[k]]
                units[idx[k]] = ArgumentUnit(u.id, u.start, u.end, u.label, u.score, {**u.extra, "stance": STANCES[j]})
                if majors:
                    relations.append(Relation(u.id, majors[0].id, "supports" if j == 0 else "attacks", round(float(sp[j]), 4)))
        return Document(text=text, units=units, relations=relations, id=doc_id, model=self.model_info)
