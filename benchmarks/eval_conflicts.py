"""Measure conflict detection on public data: ``python benchmarks/evaluate.py conflicts``.

Every figure is computed from ``../shared/benchmarks`` (never bundled):

* SICK: precision, recall and F1 of "conflict" (any finding of severity ``contradiction`` from
  :func:`~claimcompare.compare.compare_claim_pair`) against the gold CONTRADICTION label, on
  ``SICK_test_annotated`` (report) and on ``SICK_train`` + ``SICK_trial`` (where the two
  thresholds of :func:`~claimcompare.facts.compare_polarity` were chosen, see
  :func:`tune_polarity`);
* the RTE2-dev negated-hypothesis set: precision and recall of "conflict" on its 797 pairs;
* synthetic perturbations of real news sentences (BASIL articles of 2017-2019, with their
  publication dates): change a number, move a date, swap an actor in a list, insert a negation,
  each with its detection rate, and a harmless control edit per kind with its false-alarm rate;
* false conflicts on compatible pairs: SICK test entailments, MSRP test paraphrases, and
  curated restatements ("only three hours" / "just hours", "April" / "last April" written in
  January 2020, "35 troops" / "troops").

``main(argv)`` prints the table.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import logging
import random
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from eval_common import DEFAULT_BENCHMARKS, require

from claimcompare.compare import Finding, compare_claim_pair
from claimcompare.errors import InputError
from claimcompare.facts import (
    compare_polarity,
    find_dates,
    find_negation,
    find_quantities,
    find_sets,
)

__all__ = [
    "COMPATIBLE_PAIRS",
    "Perturbation",
    "evaluate_conflicts",
    "main",
    "perturb_date",
    "perturb_negation",
    "perturb_number",
    "perturb_set",
    "tune_polarity",
]

logger = logging.getLogger(__name__)

GOALS = {"sick_f1": 0.80, "perturbation": 0.95, "compatible_false_conflict": 0.0}

#: Compatible restatements: each pair can both be true, so no contradiction may be reported.
#: ``(text_a, text_b, published)``; written here from the issue's examples and the seeds.
COMPATIBLE_PAIRS: tuple[tuple[str, str, dt.date | None], ...] = (
    (
        'He said the militia took over the city after an operation that "lasted only three hours."',
        "The militia took over the city following an operation that lasted just hours.",
        None,
    ),
    (
        "In April, he launched an offensive to capture Tripoli.",
        "He launched an offensive against the capital last April.",
        dt.date(2020, 1, 7),
    ),
    (
        "He launched an offensive against the capital last April.",
        "The rebels launched a deadly offensive to capture Tripoli in April last year.",
        dt.date(2020, 1, 10),
    ),
    (
        "Ankara recently deployed 35 troops in Tripoli.",
        "Turkey has rushed troops to Tripoli.",
        None,
    ),
    (
        "More than 1,000 people have been killed in the fighting.",
        "About 1,200 people have been killed in the fighting.",
        None,
    ),
    (
        "Hundreds, probably thousands, of fighters have arrived.",
        "About 2,000 fighters have arrived.",
        None,
    ),
    (
        "Haftar is backed by Egypt and the United Arab Emirates.",
        "Egypt, the UAE and Russia are backing Haftar.",
        None,
    ),
    (
        "Militia members have reportedly seized control of the city of Sirte.",
        "Libyan fighters have taken the city of Sirte.",
        None,
    ),
    (
        "The government did not immediately confirm the fall of Sirte.",
        "Haftar's forces captured Sirte.",
        None,
    ),
    ("Prices did not fall on Monday.", "Prices rose on Monday.", None),
    ("The talks will resume next week.", "The talks will resume in January.", dt.date(2020, 1, 2)),
    (
        "Some 5,000 people attended the rally on Saturday.",
        "Nearly 5,000 people attended the rally.",
        None,
    ),
    ("The army said no civilians were hurt.", "The army said no civilians were hurt.", None),
    ("Turkey and Qatar support the GNA.", "Qatar and Turkey back the GNA.", None),
    ("The offensive began in 2019.", "The offensive began in April 2019.", None),
)


def _outlet(text: str) -> dict[str, Any]:
    return {"text": text, "voice": "outlet"}


def _findings(
    a: str,
    b: str,
    published: dt.date | None = None,
    *,
    cache: dict[Any, list[Finding]] | None = None,
) -> list[Finding]:
    key = (a, b, published)
    if cache is not None and key in cache:
        return cache[key]
    out = compare_claim_pair(_outlet(a), _outlet(b), published_a=published, published_b=published)
    if cache is not None:
        cache[key] = out
    return out


def _is_conflict(findings: Iterable[Finding]) -> bool:
    """The engine's conflict decision: some fact cannot be true in both claims."""
    return any(f.severity == "contradiction" for f in findings)


def _prf(pred: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    precision = tp / max(sum(pred), 1)
    recall = tp / max(sum(gold), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _read_sick(benchmarks: Path, name: str) -> pd.DataFrame:
    path = require(benchmarks / "sick" / name)
    return pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, dtype=str, encoding="utf-8")


def _sick(benchmarks: Path, names: Sequence[str]) -> pd.DataFrame:
    return pd.concat([_read_sick(benchmarks, n) for n in names], ignore_index=True)


# --------------------------------------------------------------------------------------------
# Perturbations of real sentences


@dataclass(frozen=True, slots=True)
class Perturbation:
    """One edit of a sentence: ``text[start:end]`` (``old``) replaced by ``new``.

    ``perturbed == text[:start] + new + text[end:]`` always holds.

    Examples
    --------
    >>> p = perturb_number("Ankara deployed 35 troops.")
    >>> p.old, p.new, p.perturbed
    ('35', '71', 'Ankara deployed 71 troops.')
    """

    kind: str
    text: str
    start: int
    end: int
    old: str
    new: str

    @property
    def perturbed(self) -> str:
        return self.text[: self.start] + self.new + self.text[self.end :]


def _edit(kind: str, text: str, start: int, end: int, new: str) -> Perturbation:
    return Perturbation(kind, text, start, end, text[start:end], new)


def perturb_number(text: str) -> Perturbation | None:
    """Change the first exact figure written in digits to twice itself plus one.

    Examples
    --------
    >>> perturb_number("More than 1,000 people and 35 troops.").perturbed
    'More than 1,000 people and 71 troops.'
    """
    for q in find_quantities(text):
        m = re.search(r"\d[\d,]*(?:\.\d+)?", q.text)
        if q.approximation != "exact" or q.value is None or m is None:
            continue
        digits = m.group()
        value = q.value * 2 + 1
        if "." in digits:
            new = f"{value:.1f}"
        elif "," in digits:
            new = f"{int(value):,}"
        else:
            new = str(int(value))
        return _edit("number", text, q.start + m.start(), q.start + m.end(), new)
    return None


def control_number(text: str) -> Perturbation | None:
    """Insert "about" before the figure :func:`perturb_number` would change (harmless)."""
    for q in find_quantities(text):
        if q.approximation == "exact" and q.value is not None and re.search(r"\d", q.text):
            return _edit("number", text, q.start, q.start, "about ")
    return None


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def perturb_date(text: str, *, published: dt.date | None = None) -> Perturbation | None:
    """Move the first resolved date: weekday +2 days, month +3 months, else year +3.

    Examples
    --------
    >>> perturb_date("The vote was held on 12 March 2019.").perturbed
    'The vote was held on 12 June 2019.'
    """
    for d in find_dates(text, published=published):
        if not d.resolved or d.anchor == "event" or d.granularity == "span":
            continue
        for names, step in ((_WEEKDAYS, 2), (_MONTHS, 3)):
            for i, name in enumerate(names):
                m = re.search(rf"\b{name}\b", d.text)
                if m is not None:
                    s = d.start + m.start()
                    return _edit("date", text, s, s + len(name), names[(i + step) % len(names)])
        y = re.search(r"(?:19|20)\d\d", d.text)
        if y is not None:
            s = d.start + y.start()
            return _edit("date", text, s, s + 4, str(int(y.group()) + 3))
    return None


def perturb_set(text: str, *, replacement: str = "Norway") -> Perturbation | None:
    """Swap the last member of the first list of actors for ``replacement``.

    Examples
    --------
    >>> perturb_set("Haftar is backed by Egypt and the UAE.").perturbed
    'Haftar is backed by Egypt and the Norway.'
    """
    for s in find_sets(text):
        last = s.members[-1]
        new = replacement if last.name != replacement else "Chile"
        if new in s.names:
            continue
        return _edit("set", text, last.start, last.end, new)
    return None


def control_set(text: str) -> Perturbation | None:
    """Swap the first and last members of the first list (harmless: same members)."""
    for s in find_sets(text):
        first, last = s.members[0], s.members[-1]
        middle = text[first.end : last.start]
        return _edit("set", text, first.start, last.end, last.text + middle + first.text)
    return None


_AUX = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should)\b ")


def perturb_negation(text: str, *, word: str = "not") -> Perturbation | None:
    """Insert ``word`` ("not") after the first auxiliary of a sentence without negation.

    Examples
    --------
    >>> perturb_negation("Sirte has fallen to Haftar's forces.").perturbed
    "Sirte has not fallen to Haftar's forces."
    >>> perturb_negation("Sirte has not fallen.") is None
    True
    """
    if any(c.kind == "negation" for c in find_negation(text)):
        return None
    m = _AUX.search(text)
    if m is None:
        return None
    return _edit("negation", text, m.end(), m.end(), f"{word} ")


def control_negation(text: str) -> Perturbation | None:
    """Insert "reportedly" where :func:`perturb_negation` inserts "not" (a hedge, no conflict)."""
    return perturb_negation(text, word="reportedly")


_Edit = Callable[[str, "dt.date | None"], "Perturbation | None"]

#: Kind -> (the perturbation, its harmless control edit), each ``(text, published) -> edit``.
PERTURBATIONS: dict[str, tuple[_Edit, _Edit]] = {
    "number": (lambda t, p: perturb_number(t), lambda t, p: control_number(t)),
    "date": (lambda t, p: perturb_date(t, published=p), lambda t, p: None),
    "set": (lambda t, p: perturb_set(t), lambda t, p: control_set(t)),
    "negation": (lambda t, p: perturb_negation(t), lambda t, p: control_negation(t)),
}


def _basil_sentences(benchmarks: Path, years: Iterable[int]) -> list[tuple[str, dt.date | None]]:
    root = benchmarks / "basil" / "articles"
    if not root.is_dir():
        raise InputError(f"benchmark folder not found: {root} (pass --benchmarks DIR)")
    out: list[tuple[str, dt.date | None]] = []
    for year in years:
        for path in sorted((root / str(year)).glob("*.json")):
            article = json.loads(path.read_text(encoding="utf-8"))
            published = None
            try:
                published = dt.date.fromisoformat(str(article.get("date", ""))[:10])
            except ValueError:
                published = None
            for paragraph in article.get("body-paragraphs") or []:
                for sentence in paragraph:
                    if 30 <= len(sentence) <= 400:
                        out.append((sentence, published))
    return out


def _detected(kind: str, findings: list[Finding], p: Perturbation) -> bool:
    if kind == "set":
        return any(
            f.kind == "set" and f.verdict == "conflict" and p.new in f.only_b for f in findings
        )
    return any(f.kind == kind and f.severity == "contradiction" for f in findings)


def evaluate_perturbations(
    benchmarks: Path, *, sample: int = 300, seed: int = 0
) -> list[dict[str, Any]]:
    """Detection rate of each perturbation kind, and the false-alarm rate of its control edit."""
    sentences = _basil_sentences(benchmarks, years=(2017, 2018, 2019))
    rows = []
    for kind, (perturb, control) in PERTURBATIONS.items():
        edits = [(p, pub) for s, pub in sentences if (p := perturb(s, pub)) is not None]
        picked = random.Random(seed).sample(edits, min(sample, len(edits)))
        hits = sum(_detected(kind, _findings(p.text, p.perturbed, pub), p) for p, pub in picked)
        rows.append(
            _row(
                f"perturbation: {kind} changed",
                "detection",
                hits / max(len(picked), 1),
                len(picked),
                GOALS["perturbation"],
                "BASIL 2017-2019 sentences; seed 0",
            )
        )
        controls = [(c, pub) for p, pub in picked if (c := control(p.text, pub)) is not None]
        if controls:
            alarms = sum(_is_conflict(_findings(c.text, c.perturbed, pub)) for c, pub in controls)
            what = {"number": "'about' inserted", "set": "list reordered"}.get(
                kind, "'reportedly' inserted"
            )
            rows.append(
                _row(
                    f"control: {kind}, {what}",
                    "false conflict rate",
                    alarms / len(controls),
                    len(controls),
                    0.0,
                    "harmless edit of the same sentences",
                )
            )
    return rows


# --------------------------------------------------------------------------------------------
# Benchmarks


def _row(
    check: str, metric: str, value: float, n: int, goal: float | None, note: str
) -> dict[str, Any]:
    met: bool | None = None
    if goal is not None:
        lower_is_better = metric.startswith("false")
        met = value <= goal if lower_is_better else value >= goal
    return {
        "check": check,
        "metric": metric,
        "value": float(value),
        "n": int(n),
        "goal": float("nan") if goal is None else float(goal),
        "met": met,
        "note": note,
    }


def evaluate_sick(benchmarks: Path, *, names: Sequence[str], label: str) -> list[dict[str, Any]]:
    """Precision, recall and F1 of "conflict" against gold CONTRADICTION on SICK files."""
    frame = _sick(benchmarks, names)
    gold = (frame["entailment_judgment"] == "CONTRADICTION").tolist()
    pred = [
        _is_conflict(_findings(a, b))
        for a, b in zip(frame["sentence_A"], frame["sentence_B"], strict=True)
    ]
    precision, recall, f1 = _prf(pred, gold)
    n = len(frame)
    note = f"{sum(gold)} contradictions of {n} pairs"
    goal = GOALS["sick_f1"] if label == "test" else None
    rows = [
        _row(f"SICK {label}: conflict vs rest", "precision", precision, n, None, note),
        _row(f"SICK {label}: conflict vs rest", "recall", recall, n, None, note),
        _row(f"SICK {label}: conflict vs rest", "F1", f1, n, goal, note),
    ]
    entail = [
        p for p, lab in zip(pred, frame["entailment_judgment"], strict=True) if lab == "ENTAILMENT"
    ]
    if label == "test":
        rows.append(
            _row(
                "compatible: SICK test entailment pairs",
                "false conflict rate",
                sum(entail) / max(len(entail), 1),
                len(entail),
                None,
                "pairs the annotators judged entailing",
            )
        )
    return rows


def evaluate_rte_negated(benchmarks: Path) -> list[dict[str, Any]]:
    """Precision and recall of "conflict" on the 797 RTE2-dev negated-hypothesis pairs."""
    path = require(
        benchmarks / "stanford-contradiction-rte2neg" / "RTE2_dev_negated_contradiction.xml"
    )
    root = ET.parse(path).getroot()
    pred, gold = [], []
    for pair in root.iter("pair"):
        if "task" in pair.attrib or "type" in pair.attrib:
            continue  # the other blocks of the concatenated file (see SOURCE.md)
        t, h = pair.findtext("t") or "", pair.findtext("h") or ""
        pred.append(_is_conflict(_findings(t, h)))
        gold.append(pair.attrib.get("contradiction") == "YES")
    precision, recall, f1 = _prf(pred, gold)
    n = len(gold)
    note = f"{sum(gold)} contradictions of {n} pairs; every hypothesis carries a negation"
    return [
        _row("RTE2 negated: conflict", "precision", precision, n, None, note),
        _row("RTE2 negated: conflict", "recall", recall, n, None, note),
        _row("RTE2 negated: conflict", "F1", f1, n, None, note),
    ]


def evaluate_compatible(benchmarks: Path) -> list[dict[str, Any]]:
    """False conflicts on MSRP test paraphrases and on the curated compatible restatements."""
    path = require(benchmarks / "msrp" / "msr_paraphrase_test.txt")
    frame = pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, dtype=str, encoding="utf-8")
    para = frame[frame["Quality"] == "1"]
    flagged = sum(
        _is_conflict(_findings(a, b))
        for a, b in zip(para["#1 String"], para["#2 String"], strict=True)
    )
    curated = [_is_conflict(_findings(a, b, pub)) for a, b, pub in COMPATIBLE_PAIRS]
    return [
        _row(
            "compatible: MSRP test paraphrase pairs",
            "false conflict rate",
            flagged / max(len(para), 1),
            len(para),
            None,
            "pairs judged to say the same thing (some do differ in a figure)",
        ),
        _row(
            "compatible: curated restatements",
            "false conflict rate",
            sum(curated) / len(curated),
            len(curated),
            GOALS["compatible_false_conflict"],
            "'only three hours'/'just hours', 'April'/'last April', '35 troops'/'troops', ...",
        ),
    ]


def tune_polarity(
    benchmarks: Path,
    *,
    coverages: Sequence[float] = (0.5, 0.67, 0.8, 1.0),
    contexts: Sequence[float] = (0.5, 0.75, 1.0),
) -> pd.DataFrame:
    """F1 of :func:`~claimcompare.facts.compare_polarity` on SICK train + trial per threshold.

    How ``MIN_COVERAGE`` and ``MIN_CONTEXT`` in :mod:`claimcompare.facts` were chosen (on
    train + trial only; the test part is never used here).
    """
    frame = _sick(benchmarks, ("SICK_train.txt", "SICK_trial.txt"))
    gold = (frame["entailment_judgment"] == "CONTRADICTION").tolist()
    pairs = list(zip(frame["sentence_A"], frame["sentence_B"], strict=True))
    rows = []
    for cov in coverages:
        for ctx in contexts:
            pred = [
                compare_polarity(a, b, min_coverage=cov, min_context=ctx).verdict == "conflict"
                for a, b in pairs
            ]
            precision, recall, f1 = _prf(pred, gold)
            rows.append(
                {
                    "min_coverage": cov,
                    "min_context": ctx,
                    "precision": precision,
                    "recall": recall,
                    "F1": f1,
                }
            )
    return pd.DataFrame(rows)


def evaluate_conflicts(
    benchmarks: str | Path = DEFAULT_BENCHMARKS, *, sample: int = 300, seed: int = 0
) -> pd.DataFrame:
    """Every conflict-detection figure, one row each.

    Columns: ``check, metric, value, n, goal, met, note`` (``goal`` NaN and ``met`` None where
    the issue sets no goal).

    Examples
    --------
    >>> evaluate_conflicts("/nonexistent")
    Traceback (most recent call last):
    ...
    claimcompare.errors.InputError: benchmark file not found: ...
    """
    root = Path(benchmarks)
    rows: list[dict[str, Any]] = []
    rows += evaluate_sick(root, names=("SICK_test_annotated.txt",), label="test")
    rows += evaluate_sick(root, names=("SICK_train.txt", "SICK_trial.txt"), label="train+trial")
    rows += evaluate_rte_negated(root)
    rows += evaluate_perturbations(root, sample=sample, seed=seed)
    rows += evaluate_compatible(root)
    return pd.DataFrame(rows, columns=["check", "metric", "value", "n", "goal", "met", "note"])


def format_table(table: pd.DataFrame) -> str:
    """The evaluation table as aligned text."""
    lines = [f"{'check':<46}{'metric':<21}{'value':>7}{'n':>7}  {'goal':<8}met"]
    for row in table.to_dict(orient="records"):
        goal_value, met_value = row["goal"], row["met"]
        goal = "" if goal_value != goal_value else f"{float(goal_value):.2f}"  # NaN: no goal
        met = "" if met_value is None or met_value != met_value else ("yes" if met_value else "NO")
        lines.append(
            f"{row['check']!s:<46}{row['metric']!s:<21}{float(row['value']):7.3f}"
            f"{int(row['n']):7d}  {goal:<8}{met}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the conflict-detection evaluation; returns the process exit code."""
    parser = argparse.ArgumentParser(
        prog="python benchmarks/evaluate.py conflicts",
        description="Measure conflict detection on SICK, RTE2 negated, perturbed BASIL "
        "sentences and compatible pairs.",
    )
    parser.add_argument("--benchmarks", type=Path, default=DEFAULT_BENCHMARKS)
    parser.add_argument("--sample", type=int, default=300, help="sentences per perturbation")
    parser.add_argument("--tune", action="store_true", help="also print the SICK train grid")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        table = evaluate_conflicts(args.benchmarks, sample=args.sample)
        grid = tune_polarity(args.benchmarks) if args.tune else None
    except InputError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    out = sys.stdout
    out.write(format_table(table) + "\n")
    if grid is not None:
        out.write("\ncompare_polarity thresholds on SICK train + trial:\n")
        out.write(grid.to_string(index=False, float_format=lambda x: f"{x:.3f}") + "\n")
    out.write(f"\n({time.perf_counter() - start:.1f} s)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
