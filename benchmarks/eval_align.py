"""Alignment against the hand-made gold: ``python benchmarks/evaluate.py align``.

Each gold event (``benchmarks/gold/align/``) is aligned on its own, its three articles as one
corpus. A claim stands for the BASIL sentences it overlaps; a predicted pair of claims is right when
one of its sentence pairs is a gold pair, and a gold pair is found when a predicted pair covers it.
Measured for ``ClaimAligner().align`` and the lexical ``ClaimAligner(encoder=None).align`` (their
``.pairs``, and every cross-outlet pair inside one of their ``.clusters``) and, over all
cross-outlet claim pairs, for peer scores at the threshold with the best F1 on the tuning events:
TF-IDF cosine, WordLlama cosine, RapidFuzz ``token_set_ratio`` and the two aligners' own
``predict_proba``. Average precision of each score is given beside.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from align_gold import GOLD, gold_pairs, load_gold
from eval_common import DEFAULT_BENCHMARKS, basil_article, require
from rapidfuzz import fuzz
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import average_precision_score

import claimcompare as cc
from claimcompare.errors import InputError
from claimcompare.similarity.semantic import semantic_signals

__all__ = ["Event", "evaluate_align", "load_events", "main"]

Ref = tuple[str, int]  # (article, BASIL sentence index; -1 is the title)
#: The aligners measured: name -> parameters of ClaimAligner.
ALIGNERS = {"aligner": {}, "lexical aligner": {"encoder": None}}
METHODS = tuple(f"{name} {what}" for name in ALIGNERS for what in ("pairs", "clusters"))
PEERS = (
    "tfidf cosine",
    "wordllama cosine",
    "rapidfuzz token_set_ratio",
    "aligner predict_proba",
    "lexical aligner predict_proba",
)


@dataclass(frozen=True)
class Event:
    """One gold event: its corpus and claims, what each claim covers, and the gold."""

    name: str
    part: str
    corpus: cc.Corpus
    claims: pd.DataFrame
    covers: dict[str, frozenset[Ref]]  # claim_id -> the BASIL sentences it overlaps
    gold: frozenset[tuple[Ref, Ref]]
    hard_negatives: frozenset[tuple[Ref, Ref]]


def _covers(claims: pd.DataFrame, spans: dict[str, dict[int, tuple[int, int]]]) -> dict:
    out = {}
    for cid, doc, start, end in claims[["claim_id", "doc_id", "start", "end"]].itertuples(
        index=False
    ):
        out[cid] = frozenset((doc, n) for n, (s, e) in spans[doc].items() if s < end and start < e)
    return out


def _ordered(a: Ref, b: Ref) -> tuple[Ref, Ref]:
    return (a, b) if a <= b else (b, a)


def load_events(benchmarks: Path = DEFAULT_BENCHMARKS, gold: Path = GOLD) -> list[Event]:
    """Every gold event with its articles, claims and gold pairs, in file-name order."""
    events = []
    for path in sorted(gold.glob("*.json")):
        data = load_gold(path, benchmarks)
        folder = require(benchmarks / "basil" / "articles" / str(data["year"]))
        docs, spans = [], {}
        for article in sorted(folder.glob(f"{data['event']}_*.json")):
            doc, spans[article.stem] = basil_article(article)
            docs.append(doc)
        corpus = cc.Corpus(docs)
        claims = cc.split_claims(corpus)
        negatives = frozenset(
            _ordered(
                (n["a"]["article"], n["a"]["sentence"]), (n["b"]["article"], n["b"]["sentence"])
            )
            for n in data.get("hard_negatives", [])
        )
        events.append(
            Event(
                path.stem,
                data["part"],
                corpus,
                claims,
                _covers(claims, spans),
                frozenset(gold_pairs(data)),
                negatives,
            )
        )
    if not events:
        raise InputError(f"no gold files in {gold}")
    return events


def cross_pairs(event: Event) -> pd.DataFrame:
    """Every pair of claims from two different outlets: ``claim_a, claim_b, text_a, text_b``."""
    c = event.claims[["claim_id", "outlet", "text"]].to_numpy()
    ia, ib = np.triu_indices(len(c), k=1)
    keep = c[ia, 1] != c[ib, 1]
    ia, ib = ia[keep], ib[keep]
    return pd.DataFrame(
        {"claim_a": c[ia, 0], "claim_b": c[ib, 0], "text_a": c[ia, 2], "text_b": c[ib, 2]}
    )


def _sentence_pairs(event: Event, a: str, b: str) -> set[tuple[Ref, Ref]]:
    return {_ordered(x, y) for x in event.covers[a] for y in event.covers[b] if x[0] != y[0]}


def pair_labels(event: Event, pairs: pd.DataFrame) -> np.ndarray:
    """Per claim pair: 1 when one of its sentence pairs is gold."""
    return np.array(
        [
            bool(_sentence_pairs(event, a, b) & event.gold)
            for a, b in zip(pairs.claim_a, pairs.claim_b, strict=True)
        ],
        dtype=int,
    )


@dataclass
class Counts:
    """Predicted claim pairs (right of them), gold pairs (found of them), hard negatives hit."""

    predicted: int = 0
    right: int = 0
    gold: int = 0
    found: int = 0
    negatives: int = 0
    negatives_hit: int = 0

    def add(self, event: Event, predicted: Sequence[tuple[str, str]]) -> None:
        covered: set[tuple[Ref, Ref]] = set()
        for a, b in predicted:
            pairs = _sentence_pairs(event, a, b)
            self.right += bool(pairs & event.gold)
            covered |= pairs
        self.predicted += len(predicted)
        self.gold += len(event.gold)
        self.found += len(event.gold & covered)
        self.negatives += len(event.hard_negatives)
        self.negatives_hit += len(event.hard_negatives & covered)

    def row(self) -> dict[str, float]:
        p = self.right / self.predicted if self.predicted else float("nan")
        r = self.found / self.gold if self.gold else float("nan")
        f = 2 * p * r / (p + r) if p + r > 0 else 0.0
        return {
            "precision": p,
            "recall": r,
            "f1": f,
            "predicted": self.predicted,
            "gold": self.gold,
            "hard_negatives_hit": self.negatives_hit,
            "hard_negatives": self.negatives,
        }


def _aligner_pairs(event: Event, name: str) -> dict[str, list[tuple[str, str]]]:
    alignment = cc.ClaimAligner(**ALIGNERS[name]).align(event.claims)
    pairs = list(zip(alignment.pairs.claim_a, alignment.pairs.claim_b, strict=True))
    outlet = dict(zip(event.claims.claim_id, event.claims.outlet, strict=True))
    in_clusters = []
    for _, group in alignment.clusters.groupby("cluster_id"):
        ids = sorted(group.claim_id)
        in_clusters += [
            (a, b) for i, a in enumerate(ids) for b in ids[i + 1 :] if outlet[a] != outlet[b]
        ]
    return {f"{name} pairs": pairs, f"{name} clusters": in_clusters}


def peer_scores(
    events: list[Event], benchmarks: Path
) -> dict[str, Callable[[pd.DataFrame], np.ndarray]]:
    """Scorers of claim pairs: name -> function of a ``cross_pairs`` table."""
    tuning = [e for e in events if e.part == "tune"]
    vectorizer = TfidfVectorizer(sublinear_tf=True).fit(
        pd.concat([e.claims.text for e in tuning]) if tuning else ["x"]
    )

    def tfidf(p: pd.DataFrame) -> np.ndarray:
        a, b = vectorizer.transform(p.text_a), vectorizer.transform(p.text_b)
        return np.asarray(a.multiply(b).sum(axis=1)).ravel()

    def rapid(p: pd.DataFrame) -> np.ndarray:
        return np.array(
            [fuzz.token_set_ratio(x, y) / 100 for x, y in zip(p.text_a, p.text_b, strict=True)]
        )

    def scorer(aligner: cc.ClaimAligner) -> Callable[[pd.DataFrame], np.ndarray]:
        return lambda p: aligner.predict_proba(list(p.text_a), list(p.text_b))[:, 1]

    proba, lexical = scorer(cc.ClaimAligner()), scorer(cc.ClaimAligner(encoder=None))

    scorers: dict[str, Callable[[pd.DataFrame], np.ndarray]] = {
        "tfidf cosine": tfidf,
        "rapidfuzz token_set_ratio": rapid,
        "aligner predict_proba": proba,
        "lexical aligner predict_proba": lexical,
    }

    def cosine(p: pd.DataFrame) -> np.ndarray:
        return semantic_signals(list(p.text_a), list(p.text_b))["embed_cosine"].to_numpy()

    scorers["wordllama cosine"] = cosine
    return scorers


def _best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The threshold with the best F1 (the highest on ties)."""
    order = np.argsort(-scores, kind="stable")
    s, y = scores[order], labels[order]
    tp = np.cumsum(y)
    f1 = 2 * tp / (np.arange(1, len(y) + 1) + y.sum())
    last = np.r_[s[1:] != s[:-1], True]  # a threshold admits all ties
    best = int(np.argmax(np.where(last, f1, -1)))
    return float(s[best])


def evaluate_align(events: list[Event], benchmarks: Path = DEFAULT_BENCHMARKS) -> pd.DataFrame:
    """One row per method and part: precision, recall, F1, average precision and threshold."""
    rows = []
    counts = {(m, part): Counts() for m in METHODS for part in ("tune", "report")}
    for event in events:
        for name in ALIGNERS:
            for method, predicted in _aligner_pairs(event, name).items():
                counts[(method, event.part)].add(event, predicted)
    for (method, part), c in counts.items():
        if c.gold:
            rows.append(
                {
                    "method": method,
                    "part": part,
                    **c.row(),
                    "ap": float("nan"),
                    "threshold": float("nan"),
                }
            )
    pairs = {e.name: cross_pairs(e) for e in events}
    labels = {e.name: pair_labels(e, pairs[e.name]) for e in events}
    for name, scorer in peer_scores(events, benchmarks).items():
        scores = {e.name: scorer(pairs[e.name]) for e in events}
        tune = [e for e in events if e.part == "tune"]
        threshold = _best_threshold(
            np.concatenate([scores[e.name] for e in tune]),
            np.concatenate([labels[e.name] for e in tune]),
        )
        for part in ("tune", "report"):
            chosen = [e for e in events if e.part == part]
            if not chosen:
                continue
            c = Counts()
            for e in chosen:
                keep = scores[e.name] >= threshold
                c.add(
                    e,
                    list(
                        zip(pairs[e.name].claim_a[keep], pairs[e.name].claim_b[keep], strict=True)
                    ),
                )
            y = np.concatenate([labels[e.name] for e in chosen])
            s = np.concatenate([scores[e.name] for e in chosen])
            rows.append(
                {
                    "method": name,
                    "part": part,
                    **c.row(),
                    "ap": float(average_precision_score(y, s)),
                    "threshold": threshold,
                }
            )
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    """Print the alignment evaluation; returns the process exit code."""
    parser = argparse.ArgumentParser(
        prog="python benchmarks/evaluate.py align", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--benchmarks", type=Path, default=DEFAULT_BENCHMARKS)
    parser.add_argument("--gold", type=Path, default=GOLD)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        events = load_events(args.benchmarks, args.gold)
        table = evaluate_align(events, args.benchmarks)
    except InputError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    for part in ("report", "tune"):
        n = sum(e.part == part for e in events)
        part_rows = table[table.part == part]
        if part_rows.empty:
            continue
        sys.stdout.write(f"\n{part} events ({n})\n")
        sys.stdout.write(
            part_rows.drop(columns="part").to_string(index=False, float_format=lambda x: f"{x:.3f}")
            + "\n"
        )
    sys.stdout.write(f"\n({time.perf_counter() - start:.0f} s)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
