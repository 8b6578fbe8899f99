"""Compare how outlets report the same events: conflicts, framing, omissions, a Markdown report.

Run: python examples/compare_seeds.py [FOLDER]   (default: the seeds/ folder of the repository)
"""

from __future__ import annotations

import sys
from pathlib import Path

import claimcompare as cc

folder = sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parent.parent / "seeds")
result = cc.compare(cc.load_corpus(folder))
print(result.summary())

print("\nWhat each outlet calls each actor, in its own voice:")
print(cc.what_each_outlet_calls(result.loaded_terms).to_string())

print("\nConflicts and differences between aligned claims:")
for row in result.conflicts.itertuples(index=False):
    print(f"  {row.kind:11} {row.outlet_a}: {row.value_a!r}  vs  {row.outlet_b}: {row.value_b!r}")

print("\nWhat each outlet leaves out (claims carried by at least two other outlets):")
blind = result.omissions[result.omissions.n_carrying >= 2]
print(blind.groupby("outlet").size().to_string())

Path("report.md").write_text(result.to_markdown(), encoding="utf-8")
print("\nwrote report.md")
