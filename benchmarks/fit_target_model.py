"""Fit the target ranker of ``span_targets`` on BASIL events 2010-2016; write its JSON.

    python benchmarks/fit_target_model.py [--benchmarks ../shared/benchmarks] [--write]

For each BASIL event of 2010-2016 (the part the benchmarks README allows tuning on), the
actors come from :func:`claimcompare.find_actors` over its three articles, and every
lexical-bias span gets its candidates (:func:`claimcompare.terms.target_candidates`), labelled 1
where ``same_target`` (benchmarks/eval_terms.py) says the candidate is the annotated target.
C is chosen by 5-fold cross-validation grouped by event (fixed seed): a ranker fitted on four
folds resolves the fifth fold's spans through :func:`~claimcompare.terms.span_targets` (pattern
rules first, the ranker for the rest), and the C with the best accuracy over all spans wins.
With ``--write`` the ranker fitted on all 2010-2016 spans is written to
``claimcompare/data/target_model.json`` (a few numbers and their provenance; no data).
Events 2017-2019 are never read here.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import sklearn
from eval_terms import load_basil, same_target

from claimcompare.actors import ActorIndex, find_actors
from claimcompare.document import Document
from claimcompare.terms import TargetRanker, span_targets, target_candidates
from claimcompare.terms.ranker import FEATURES

ROOT = Path(__file__).resolve().parents[1]
GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
FOLDS = 5
SEED = 0
YEARS = (2010, 2016)


def _events(benchmarks: Path) -> tuple[list[tuple[str, ActorIndex, Document, pd.DataFrame]], int]:
    docs, gold = load_basil(benchmarks)
    gold = gold[gold["year"].between(*YEARS)]
    items = []
    for uuid in sorted(gold["triplet_uuid"].unique()):
        corpus = [d for (u, _), d in sorted(docs.items()) if u == uuid]
        index = ActorIndex.from_frame(find_actors(corpus))
        for (u, a), doc in sorted(docs.items()):
            mine = gold[(gold["triplet_uuid"] == u) & (gold["article_idx"] == a)]
            if u == uuid and len(mine):
                items.append((uuid, index, doc, mine.reset_index(drop=True)))
    return items, len(gold)


def _table(items: list[tuple[str, ActorIndex, Document, pd.DataFrame]]) -> pd.DataFrame:
    frames = []
    for n, (uuid, index, doc, mine) in enumerate(items):
        spans = list(zip(mine["start"], mine["end"], strict=True))
        cands = target_candidates(doc, spans, actors=index)
        gold = mine["target"].astype(str).to_numpy()
        cands["y"] = [
            int(same_target(gold[k], a, index))
            for k, a in zip(cands["span"], cands["actor"], strict=True)
        ]
        frames.append(cands.assign(event=uuid, item=n))
    return pd.concat(frames, ignore_index=True)


def _accuracy(items: list, ranker: TargetRanker, keep: set[int]) -> tuple[int, int]:
    correct = total = 0
    for n, (_, index, doc, mine) in enumerate(items):
        if n not in keep:
            continue
        spans = list(zip(mine["start"], mine["end"], strict=True))
        out = span_targets(doc, spans, actors=index, ranker=ranker)
        for g, t in zip(mine["target"].astype(str), out["target"], strict=True):
            correct += same_target(g, t, index)
            total += 1
    return correct, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--benchmarks", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    items, n_spans = _events(args.benchmarks)
    table = _table(items)
    events = np.array([uuid for uuid, *_ in items])
    order = np.random.RandomState(SEED).permutation(sorted(set(events)))
    fold_of = {e: i % FOLDS for i, e in enumerate(order)}
    cols = list(FEATURES)
    results = {}
    for C in GRID:
        correct = total = 0
        for f in range(FOLDS):
            train = table[table["event"].map(fold_of) != f]
            model = TargetRanker(C=C).fit(train[cols].to_numpy(), train["y"].to_numpy())
            test = {n for n, e in enumerate(events) if fold_of[e] == f}
            c, t = _accuracy(items, model, test)
            correct += c
            total += t
        results[C] = correct / total
        sys.stdout.write(
            f"C={C:<5} CV target accuracy on 2010-2016 spans: {results[C]:.3f} (n={total})\n"
        )
    best = max(GRID, key=lambda c: (results[c], -c))
    model = TargetRanker(C=best).fit(table[cols].to_numpy(), table["y"].to_numpy())
    c, t = _accuracy(items, model, set(range(len(items))))
    sys.stdout.write(f"chosen C={best}; in-sample accuracy {c / t:.3f} (n={t})\n")
    if args.write:
        data = model.to_dict()
        data["provenance"] = {
            "command": "python benchmarks/fit_target_model.py --write",
            "data": (
                f"BASIL lexical-bias spans of events {YEARS[0]}-{YEARS[1]} ({n_spans} spans, "
                f"{len(table)} (span, candidate) rows; label: same_target of the annotated "
                "target and the candidate). Events 2017-2019 not used. Only these numbers "
                "are shipped."
            ),
            "selection": (
                f"C from {list(GRID)} by {FOLDS}-fold cross-validation grouped by event "
                f"(seed {SEED}), accuracy of span_targets on the held-out spans: "
                + ", ".join(f"{k}: {v:.3f}" for k, v in results.items())
            ),
            "model": "logistic regression on standardised (span, candidate) features",
            "versions": {"python": platform.python_version(), "scikit-learn": sklearn.__version__},
        }
        path = ROOT / "claimcompare" / "data" / "target_model.json"
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        sys.stdout.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
