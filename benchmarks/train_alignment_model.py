"""Fit the aligner's decision on the hand-made gold of the tuning events; write its JSON.

    python benchmarks/train_alignment_model.py [--write]

Every cross-outlet pair of claims of each tuning event (``part: tune`` in benchmarks/gold/align/,
BASIL 2010-2016) is a row: its lexical signals (``pair_signals``) and semantic ones
(``semantic_signals``, WordLlama), labelled 1 when it covers a gold pair. The threshold is the
aligner's, chosen event by event: a model fitted on the other tuning events aligns each held-out
event at every threshold of a grid, and the lowest threshold whose pooled precision of the pairs
inside clusters reaches TARGET_PRECISION wins. The report events (2017-2019) are never read. With
``--write`` the model goes to ``claimcompare/data/alignment_model.json`` with its provenance.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
from pathlib import Path

import numpy as np
import pandas as pd
import sklearn
from eval_align import Counts, Event, cross_pairs, load_events, pair_labels

import claimcompare as cc
from claimcompare.align.model import AlignmentModel
from claimcompare.similarity import pair_signals
from claimcompare.similarity.semantic import semantic_signals

OUT = Path(__file__).resolve().parents[1] / "claimcompare" / "data" / "alignment_model.json"
TARGET_PRECISION = 0.90  # the goal for the pairs inside groups
GRID = tuple(np.round(np.arange(0.2, 0.91, 0.05), 2))


def training_rows(events: list[Event]) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """Signals, labels and event of every cross-outlet claim pair of ``events``."""
    frames, labels, groups = [], [], []
    for event in events:
        pairs = cross_pairs(event)
        a, b = pairs.text_a.tolist(), pairs.text_b.tolist()
        frames.append(pd.concat([pair_signals(a, b), semantic_signals(a, b)], axis=1))
        labels.append(pair_labels(event, pairs))
        groups.append(np.full(len(pairs), event.name))
    return pd.concat(frames, ignore_index=True), np.concatenate(labels), np.concatenate(groups)


def held_out_counts(events: list[Event], rows: tuple) -> dict[float, Counts]:
    """Per threshold of GRID: the clusters' pairs of each event aligned by a model fitted on
    the other events, scored against the gold."""
    signals, labels, groups = rows
    counts = {t: Counts() for t in GRID}
    for event in events:
        train = groups != event.name
        model = AlignmentModel().fit(signals[train], labels[train], groups=groups[train])
        for t in GRID:
            aligner = cc.ClaimAligner(encoder="wordllama", model=model, threshold=float(t))
            alignment = aligner.align(event.claims)
            outlet = dict(zip(event.claims.claim_id, event.claims.outlet, strict=True))
            pairs = [
                (a, b)
                for _, group in alignment.clusters.groupby("cluster_id")
                for i, a in enumerate(sorted(group.claim_id))
                for b in sorted(group.claim_id)[i + 1 :]
                if outlet[a] != outlet[b]
            ]
            counts[t].add(event, pairs)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    tuning = [e for e in load_events() if e.part == "tune"]
    rows = training_rows(tuning)
    signals, labels, groups = rows
    print(f"{len(labels)} pairs, {labels.sum()} positive, {len(tuning)} events")
    counts = held_out_counts(tuning, rows)
    for t, c in counts.items():
        r = c.row()
        print(
            f"threshold {t:.2f}: held-out precision {r['precision']:.3f} recall {r['recall']:.3f}"
        )
    ok = [t for t, c in counts.items() if c.row()["precision"] >= TARGET_PRECISION]
    model = AlignmentModel().fit(signals, labels, groups=groups)
    model.threshold_ = float(min(ok)) if ok else float(max(GRID))
    events = sorted(set(groups))
    print(f"threshold {model.threshold_:.3f}")
    model.provenance_ = {
        "data": "hand-made alignment gold, BASIL tuning events 2010-2016 "
        f"({len(events)} events: {', '.join(events)}); every cross-outlet claim pair",
        "command": "python benchmarks/train_alignment_model.py --write",
        "date": dt.date.today().isoformat(),
        "versions": f"python {platform.python_version()}, scikit-learn {sklearn.__version__}",
        "threshold": f"lowest of {list(GRID)} at which the aligner's clusters reach held-out "
        f"pair precision >= {TARGET_PRECISION} (each tuning event aligned by a model fitted on "
        "the others)",
    }
    if args.write:
        OUT.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
