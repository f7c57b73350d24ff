"""Published end-to-end results on the Argument Annotated Essays corpus (AAEC, Stab & Gurevych 2017), to place
argmine's own AAEC test scores beside them in ``benchmarks/run_all.py``'s report.

Every figure carries a ``status``:

* ``"verified"``: read in a retrieved public source, named in ``source``.
* ``"unverified (from memory)"``: recalled, not checked against the paper. It is printed with that label and must
  never be presented as checked.
* ``None`` figure with status ``"blank (not verified)"``: could not be checked and is not recalled reliably
  enough to print.

The same goes for each entry's level and criterion (``level_status``) and for the citation (``citation_status``).

How the figures were looked for (search tool over stored public pages, documentation and GitHub code; the
papers themselves could not be reached): the stored pages held the papers' opening sections only (title,
abstract, introduction), never their results tables, and no stored repository holds the tables either. So no
F1 figure below could be verified; the citations, the code repositories and the matching criterion of Eger et
al.'s evaluation script could. See ``SEARCH_LOG``.

Differences of protocol to keep in mind (verified from UKPLab/acl2017-neural_end2end_am,
``progs/Eval/eval_componentF1.py``): Eger et al.'s "50%" match needs an overlap ``|a & b| / max(|a|, |b|)``
strictly greater than 0.5 (argmine: at least 0.5), their "100%" run passes a ratio of 0.999, and their matching is
not one-to-one (a prediction is credited if it matches any gold component). argmine's scorer
(``argmine.metrics``) matches one-to-one and scores a claim's stance toward "the" major claim target-agnostically.
Numbers are therefore comparable in kind, not to the decimal.
"""
from __future__ import annotations

from typing import Dict, List, Optional

VERIFIED = "verified"
FROM_MEMORY = "unverified (from memory)"
BLANK = "blank (not verified)"

# Sources that were retrieved and read (what each one verifies is said where it is used).
SOURCES = {
    "ukp_repo": "github.com/UKPLab/acl2017-neural_end2end_am (README.md: citation, pages 11-22; "
                "progs/Eval/eval_componentF1.py: the 50%/100% matching rule; data given at essay and paragraph level)",
    "aclanthology_morio": "preview.aclanthology.org/emnlp-22-attachments/2022.tacl-1.37/ (citation, volume, pages, DOI)",
    "morio_repo": "github.com/hitachi-nlp/graph_parser, examples/multitask_am/README.md (TACL 2022 code; single-task "
                  "runs for AAEC at essay level and at paragraph level)",
    "bao_page": "luneresearch.com/papers/a24c787b-e225-482a-81be-c3ab00bc8785 (EMNLP 2022; title, authors, abstract: "
                "'new state-of-the-art performance on two AM benchmarks')",
    "kawarada_page": "tomesphere.com/paper/2603.23949 and arxivlens.com (title, authors Kawarada, Hirao, Uchida, Nagata; "
                     "evaluated on AAEC, AbstRCT and CDCP; arXiv 2603.23949)",
    "stab_loader": "huggingface.co/datasets/Sam2021/Arguement_Mining_CL2017 loader script (BibTeX: Computational "
                   "Linguistics 43(3):619-659, 2017)",
}

SEARCH_LOG = [
    "pages: 'Eger 2017 neural end-to-end ... LSTM-ER STagBLCC C-F1 R-F1' -> arxiv-vanity / ar5iv / 1library copies of "
    "the paper, opening sections only (no results table).",
    "pages: table-like queries ('C-F1 (100%) ... STagBLCC LSTM-ER ILP', 'Performance of dependency parsers, STagT, "
    "LSTM-ER and ILP') -> nothing from the results sections.",
    "pages: Morio et al. 2022 -> ACL Anthology page, MIT Press page, aimitdata copy: abstract and introduction only.",
    "pages: Bao et al. 2022 -> abstract pages only. Kawarada et al. -> abstract pages only.",
    "pages: argTANL (arXiv 2406.08606) and 'End-to-End Argument Mining in Student Essays' (CEUR) which compare "
    "with these systems -> opening sections only.",
    "code: find_string 'STagBLCC' -> no hits; hitachi-nlp/graph_parser and UKPLab/acl2017-neural_end2end_am "
    "READMEs -> no result tables.",
    "docs / issues: no leaderboard or table with these figures.",
]

PUBLISHED: List[Dict] = [
    {
        "key": "stab2017",
        "work": "Stab & Gurevych 2017",
        "system": "ILP joint model (CRF segmentation, base classifiers, joint ILP)",
        "citation": "Christian Stab and Iryna Gurevych. 2017. Parsing Argumentation Structures in Persuasive Essays. "
                    "Computational Linguistics, 43(3):619-659.",
        "citation_status": VERIFIED, "citation_source": "stab_loader",
        "rows": [
            {"level": "paragraph", "criterion": "100% / 50%", "level_status": FROM_MEMORY,
             "components_f1": None, "relations_f1": None, "status": BLANK,
             "note": "The paper evaluates its pipeline per subtask (mostly on gold segments). End-to-end 100%/50% "
                     "figures for it appear in Eger et al. 2017 (as 'ILP'); not retrieved."},
        ],
    },
    {
        "key": "eger2017",
        "work": "Eger et al. 2017",
        "system": "LSTM-ER (entity-relation BiLSTM); STagBLCC (BiLSTM-CNN-CRF tagger)",
        "citation": "Steffen Eger, Johannes Daxenberger and Iryna Gurevych. 2017. Neural End-to-End Learning for "
                    "Computational Argumentation Mining. In Proceedings of ACL 2017, pages 11-22.",
        "citation_status": VERIFIED, "citation_source": "ukp_repo",
        "rows": [
            {"level": "paragraph", "criterion": "100%", "level_status": FROM_MEMORY, "system": "LSTM-ER",
             "components_f1": 70.83, "relations_f1": 45.52, "status": FROM_MEMORY,
             "note": "criterion definition verified (eval_componentF1.py); the figures are not"},
            {"level": "paragraph", "criterion": "50%", "level_status": FROM_MEMORY, "system": "LSTM-ER",
             "components_f1": 77.19, "relations_f1": 50.05, "status": FROM_MEMORY, "note": ""},
            {"level": "essay", "criterion": "100% / 50%", "system": "STagBLCC / LSTM-ER",
             "level_status": "verified (ukp_repo: essay-level data and evaluation; matching rule)",
             "components_f1": None, "relations_f1": None, "status": BLANK,
             "note": "essay-level figures not retrieved and not recalled reliably"},
        ],
    },
    {
        "key": "morio2022",
        "work": "Morio et al. 2022",
        "system": "MT-AM: end-to-end biaffine graph parser, multi-task training on several AM corpora",
        "citation": "Gaku Morio, Hiroaki Ozaki, Terufumi Morishita and Kohsuke Yanai. 2022. End-to-end Argument Mining "
                    "with Cross-corpora Multi-task Learning. Transactions of the ACL, 10:639-658. "
                    "doi:10.1162/tacl_a_00481.",
        "citation_status": VERIFIED, "citation_source": "aclanthology_morio",
        "rows": [
            {"level": "essay", "criterion": "100%",
             "level_status": "level verified (morio_repo); criterion unverified (from memory)",
             "components_f1": None, "relations_f1": None, "status": BLANK,
             "note": "code has AAEC essay- and paragraph-level runs (morio_repo); figures not retrieved"},
            {"level": "paragraph", "criterion": "100%",
             "level_status": "level verified (morio_repo); criterion unverified (from memory)",
             "components_f1": None, "relations_f1": None, "status": BLANK, "note": ""},
        ],
    },
    {
        "key": "bao2022",
        "work": "Bao et al. 2022",
        "system": "pretrained seq2seq model generating the structure, with a constrained pointer mechanism and "
                  "reconstructed positional encoding",
        "citation": "Jianzhu Bao, Yuhang He, Yang Sun, Bin Liang, Jiachen Du, Bing Qin, Min Yang and Ruifeng Xu. 2022. "
                    "A Generative Model for End-to-End Argument Mining with Reconstructed Positional Encoding and "
                    "Constrained Pointer Mechanism. In Proceedings of EMNLP 2022.",
        "citation_status": VERIFIED, "citation_source": "bao_page",
        "rows": [
            {"level": "paragraph", "criterion": "100%", "level_status": FROM_MEMORY,
             "components_f1": None, "relations_f1": None, "status": BLANK,
             "note": "figures not retrieved and not recalled reliably"},
        ],
    },
    {
        "key": "kawarada2024",
        "work": "Kawarada et al. 2024",
        "system": "text-to-text generation of annotated text with a pretrained encoder-decoder language model",
        "citation": "Masayuki Kawarada, Tsutomu Hirao, Wataru Uchida and Masaaki Nagata. 2024. Argument Mining as a "
                    "Text-to-Text Generation Task. In Proceedings of EACL 2024 (venue from memory); arXiv 2603.23949.",
        "citation_status": "title, authors, arXiv id verified; venue and year unverified (from memory)",
        "citation_source": "kawarada_page",
        "rows": [
            {"level": "paragraph", "criterion": "100%", "level_status": FROM_MEMORY,
             "components_f1": None, "relations_f1": None, "status": BLANK,
             "note": "evaluated on AAEC, AbstRCT and CDCP (verified); figures not retrieved"},
        ],
    },
]


def rows() -> List[Dict]:
    """One flat dict per published figure row (work, system, citation and row fields merged)."""
    out = []
    for e in PUBLISHED:
        for r in e["rows"]:
            out.append({
                "key": e["key"], "work": e["work"], "system": r.get("system", e["system"]), "citation": e["citation"],
                "citation_status": e["citation_status"], "citation_source": SOURCES.get(e["citation_source"], ""),
                **{k: v for k, v in r.items() if k != "system"},
            })
    return out


def fmt(value: Optional[float]) -> str:
    return "" if value is None else f"{value:.2f}"
