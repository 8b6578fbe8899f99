"""Load articles, show what cleaning removed, and list who says what in each.

Run: python examples/claims_on_seeds.py [FOLDER]   (default: the seeds/ folder of the repository)
"""

from __future__ import annotations

import sys
from pathlib import Path

import claimcompare as cc

folder = sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parent.parent / "seeds")
corpus = cc.load_corpus(folder)

for doc in corpus:
    print(f"{doc.doc_id}: {doc.title!r} ({doc.outlet or 'outlet unknown'}, {doc.published})")
    for line in doc.removed:
        print(f"    removed line {line.line} as {line.reason}: {line.text[:60]!r}")

claims = cc.split_claims(corpus)
print(f"\n{len(claims)} claims; by voice:")
print(claims["voice"].value_counts().to_string())

print("\nQuoted and attributed claims, with their speakers:")
reported = claims[claims["speaker"].notna()]
for row in reported.itertuples():
    print(f"  [{row.outlet}] {row.speaker} ({row.cue}): {row.text[:90]}")
