"""Compare how outlets report the same events: conflicts, framing, omissions, and the reports.

Run: python examples/compare_seeds.py [FOLDER [OUT]]
(default: the seeds/ folder of the repository; reports go to OUT, default a new temporary folder)
"""

from __future__ import annotations

import sys
import tempfile
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

out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp(prefix="claimcompare-"))
out.mkdir(parents=True, exist_ok=True)
(out / "report.md").write_text(result.to_markdown(), encoding="utf-8")
result.to_html(out / "report.html")
print(f"\nwrote {out / 'report.md'} and {out / 'report.html'}")
