"""Hand-made alignment gold on BASIL events: choose the events, show them, read and check the gold.

    python benchmarks/align_gold.py events              # the chosen events (fixed seed)
    python benchmarks/align_gold.py show EVENT          # an event's three articles, numbered
    python benchmarks/align_gold.py check               # every gold file resolves and is consistent

The gold files (``benchmarks/gold/align/<year>_<event>.json``) point into the articles of
``../shared/benchmarks/basil`` by article, sentence index and a short anchor string; they never
hold the articles' text beyond those anchors. The guideline is ``benchmarks/gold/GUIDELINE.md``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from eval_common import DEFAULT_BENCHMARKS, require

GOLD = Path(__file__).resolve().parent / "gold" / "align"
#: Events per part: the tuning events (2010-2016) and the report events (2017-2019, never tuned on).
PARTS = {"tune": (range(2010, 2017), 12), "report": (range(2017, 2020), 6)}
SEED = 13
KINDS = ("number", "date", "set", "negation", "attribution", "hedge", "label", "other")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a BASIL article: ``index`` counts the body's sentences, the title is -1."""

    article: str
    outlet: str
    index: int
    text: str


def articles(event: str, benchmarks: Path = DEFAULT_BENCHMARKS) -> dict[str, list[Sentence]]:
    """The three articles of ``event`` (a triplet uuid): article id -> its title and sentences."""
    paths = sorted(require(benchmarks / "basil" / "articles").glob(f"*/{event}_*.json"))
    if not paths:
        raise SystemExit(f"no BASIL articles for event {event}")
    out = {}
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        outlet = str(data["source"]).lower()
        body = [s for para in data["body-paragraphs"] for s in para]
        rows = [Sentence(path.stem, outlet, -1, data["title"])]
        rows += [Sentence(path.stem, outlet, i, s) for i, s in enumerate(body)]
        out[path.stem] = rows
    return out


def chosen_events(benchmarks: Path = DEFAULT_BENCHMARKS) -> dict[str, list[tuple[int, str]]]:
    """Part -> ``(year, event)`` of the annotated events: drawn with a fixed seed, year by year."""
    years: dict[str, int] = {}
    for path in require(benchmarks / "basil" / "articles").glob("*/*.json"):
        years[path.stem.rsplit("_", 1)[0]] = int(path.parent.name)
    out = {}
    for part, (span, n) in PARTS.items():
        rng, chosen = random.Random(SEED), []
        for i, year in enumerate(span):  # n spread over the years, earlier years first
            quota = n // len(span) + (i < n % len(span))
            chosen += rng.sample(sorted(e for e, y in years.items() if y == year), quota)
        out[part] = sorted((years[e], e) for e in chosen)
    return out


def show(event: str, benchmarks: Path = DEFAULT_BENCHMARKS) -> str:
    """An event's articles as numbered sentences, for the annotator."""
    lines = []
    for article, rows in articles(event, benchmarks).items():
        lines.append(f"=== {article} ({rows[0].outlet})")
        lines.extend(f"[{article} {s.index}] {s.text}" for s in rows)
        lines.append("")
    return "\n".join(lines)


def _resolve(ref: dict, texts: dict[str, list[Sentence]], where: str) -> Sentence:
    """The sentence a reference ``{article, sentence, anchor}`` names, checked."""
    rows = texts.get(ref.get("article", ""))
    if rows is None:
        raise ValueError(f"{where}: unknown article {ref.get('article')!r}")
    index = ref.get("sentence")
    match = [s for s in rows if s.index == index]
    if not match:
        raise ValueError(f"{where}: {ref['article']} has no sentence {index!r}")
    if not ref.get("anchor") or ref["anchor"] not in match[0].text:
        raise ValueError(f"{where}: anchor {ref.get('anchor')!r} is not in sentence {index}")
    return match[0]


def load_gold(path: Path, benchmarks: Path = DEFAULT_BENCHMARKS) -> dict:
    """A gold file, checked against the articles; raises ValueError naming what is wrong."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    texts = articles(gold["event"], benchmarks)
    for g, group in enumerate(gold["groups"]):
        members = [_resolve(m, texts, f"{path.name} group {g}") for m in group["members"]]
        if len({m.outlet for m in members}) < 2:
            raise ValueError(f"{path.name} group {g}: members from one outlet only")
    for key in ("hard_negatives", "differences"):
        for i, item in enumerate(gold.get(key, [])):
            a = _resolve(item["a"], texts, f"{path.name} {key} {i}")
            b = _resolve(item["b"], texts, f"{path.name} {key} {i}")
            if a.outlet == b.outlet:
                raise ValueError(f"{path.name} {key} {i}: both claims from {a.outlet}")
            if key == "differences" and item.get("kind") not in KINDS:
                raise ValueError(f"{path.name} {key} {i}: kind must be one of {KINDS}")
    return gold


def gold_pairs(gold: dict) -> set[tuple[tuple[str, int], tuple[str, int]]]:
    """The cross-outlet sentence pairs that state the same thing (sorted within each pair)."""
    pairs = set()
    for group in gold["groups"]:
        refs = sorted({(m["article"], m["sentence"]) for m in group["members"]})
        for a, b in itertools.combinations(refs, 2):
            if a[0] != b[0]:
                pairs.add((a, b))
    return pairs


def main(argv: list[str] | None = None) -> int:
    """The command line; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python benchmarks/align_gold.py")
    parser.add_argument("command", choices=["events", "show", "check"])
    parser.add_argument("event", nargs="?")
    parser.add_argument("--benchmarks", type=Path, default=DEFAULT_BENCHMARKS)
    args = parser.parse_args(argv)
    if args.command == "events":
        for part, events in chosen_events(args.benchmarks).items():
            print("\n".join(f"{part} {year} {event}" for year, event in events))
    elif args.command == "show":
        print(show(args.event, args.benchmarks))
    else:
        for path in sorted(GOLD.glob("*.json")):
            gold = load_gold(path, args.benchmarks)
            print(
                f"{path.name}: {len(gold['groups'])} groups, {len(gold_pairs(gold))} pairs, "
                f"{len(gold.get('hard_negatives', []))} hard negatives, "
                f"{len(gold.get('differences', []))} differences"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
