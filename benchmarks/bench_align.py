"""Speed, memory and recall of ``ClaimAligner().align`` against two peers, on N claims.

Run from the project root (reads ``../shared/benchmarks``, never bundled)::

    python benchmarks/bench_align.py --sizes 10000 100000 300000

The datasketch peer is optional and only for this benchmark (it is not a claimcompare
dependency): ``pip install datasketch``. Without it that peer is reported as skipped.

The corpus
    N claims from 40 outlets (documents of about 25 claims, each document one outlet), made of
    unique real sentences: BASIL articles, STS-B (all parts), MSRP (both parts), NeuS/AllSides
    outlet excerpts and roundups (split into sentences at ``. ! ?``). A labelled subset is planted
    in every corpus: the MSRP-test positive pairs and the STS-B-test pairs scored >= 4, each pair
    as two claims from different outlets. The rest is sampled with a fixed seed. When N exceeds
    the unique real sentences, the remainder is synthetic filler, and the output says how much:
    each filler claim joins the first part of one real sentence to the last part of another
    (cut at random words), so words, names and lengths are real while the sentence is new.

The methods, each in a fresh subprocess per size (peak RSS is that process's ``ru_maxrss``,
which includes the corpus, about the same for every method; ``base MB`` is the RSS before the
method runs):
    align      ``ClaimAligner().align(claims)`` with its defaults (cross-outlet, top_k=10).
               Recall: gold pairs among ``.pairs`` (scored at or above the threshold);
               also among the TF-IDF candidates and inside one cluster.
    rapidfuzz  ``process.cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=2)``, all
               pairs, run in full up to 10,000 claims. Beyond, the full run takes hours and
               N*N bytes (10 GB at 100k), so it is TIMED ON A SAMPLE of query rows against all
               N claims and EXTRAPOLATED (x N / rows / 2, as the full run scores each symmetric
               pair once); pairs above the threshold are extrapolated the same way. Recall:
               gold pairs scoring at or above the threshold that maximises accuracy on MSRP
               train (tuned here), which does not depend on N.
    minhash    datasketch ``MinHash`` (128 permutations, word 3-shingles, lower-cased) and
               ``MinHashLSH(threshold=0.5)``: build + insert + query every claim.
               Recall: gold pairs returned by the query of either side.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
N_OUTLETS = 40
CLAIMS_PER_DOC = 25
SEED = 0
#: RapidFuzz runs all N x N pairs up to this N; beyond, a sample of rows x N pairs is timed,
#: rows = RAPIDFUZZ_SAMPLE_PAIRS // N (at least 50).
RAPIDFUZZ_FULL_MAX = 10_000
RAPIDFUZZ_SAMPLE_PAIRS = 20_000_000
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“‘A-Z0-9])")
_WORD = re.compile(r"\w+")


# -- data ---------------------------------------------------------------------------------------


def _split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _keep(sentence: str) -> bool:
    return 4 <= len(sentence.split()) <= 80


def load_sentences(benchmarks: Path) -> dict[str, list[str]]:
    """Real sentences per source (cleaned of surrounding space, 4 to 80 words, not unique yet)."""
    out: dict[str, list[str]] = {}
    basil = pd.read_csv(
        benchmarks / "basil" / "basil_sentences.tsv", sep="\t", quoting=csv.QUOTE_NONE, dtype=str
    )
    out["basil"] = basil["sentence"].dropna().str.strip().tolist()
    sts: list[str] = []
    for part in ("train", "dev", "test"):
        with (benchmarks / "sts-benchmark" / f"sts-{part}.csv").open(encoding="utf-8") as fh:
            for line in fh:
                fields = line.rstrip("\n").split("\t")
                if len(fields) >= 7:
                    sts += [fields[5].strip(), fields[6].strip()]
    out["stsb"] = sts
    msrp: list[str] = []
    for part in ("train", "test"):
        frame = _read_msrp(benchmarks / "msrp" / f"msr_paraphrase_{part}.txt")
        msrp += frame["#1 String"].str.strip().tolist() + frame["#2 String"].str.strip().tolist()
    out["msrp"] = msrp
    neus: list[str] = []
    folder = benchmarks / "neus-allsides"
    for line in (folder / "allsides_headline_roundups_2021-10-19.jsonl").open(encoding="utf-8"):
        story = json.loads(line)
        for paragraph in story.get("roundup", []):
            neus += _split_sentences(paragraph)
        for side in (story.get("news") or {}).values():
            for paragraph in side.get("newBody", []) or []:
                neus += _split_sentences(paragraph)
    for name in ("neus_test.source", "neus_val.source", "neus_test.target", "neus_val.target"):
        for line in (folder / name).open(encoding="utf-8"):
            for piece in re.split(r"\[SEP\]|TITLE=>|ARTICLE=>", line):
                neus += _split_sentences(piece)
    out["neus"] = neus
    return {k: [s for s in v if _keep(s)] for k, v in out.items()}


def _read_msrp(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, dtype=str, encoding="utf-8")


def load_gold(benchmarks: Path) -> list[tuple[str, str, str]]:
    """Labelled pairs ``(a, b, source)``: MSRP-test positives and STS-B-test pairs scored >= 4."""
    gold: list[tuple[str, str, str]] = []
    frame = _read_msrp(benchmarks / "msrp" / "msr_paraphrase_test.txt")
    for q, a, b in zip(frame["Quality"], frame["#1 String"], frame["#2 String"], strict=True):
        if q == "1":
            gold.append((a.strip(), b.strip(), "msrp"))
    with (benchmarks / "sts-benchmark" / "sts-test.csv").open(encoding="utf-8") as fh:
        for line in fh:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 7 and float(fields[4]) >= 4.0:
                gold.append((fields[5].strip(), fields[6].strip(), "stsb"))
    return [(a, b, s) for a, b, s in gold if a != b and _keep(a) and _keep(b)]


def _splice(rng: random.Random, pool: list[str], taken: set[str]) -> str:
    while True:
        a, b = pool[rng.randrange(len(pool))].split(), pool[rng.randrange(len(pool))].split()
        head = a[: rng.randint(2, max(2, len(a) - 2))]
        tail = b[rng.randint(1, max(1, len(b) - 2)) :]
        text = " ".join(head + tail)
        if text not in taken and _keep(text):
            return text


def build_claims(
    n: int, benchmarks: Path, *, seed: int = SEED, max_gold: int | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, Any]]:
    """``(claims, gold, info)``: a claims table of ``n`` rows, the planted gold pairs by claim id.

    ``max_gold`` plants only the first gold pairs (for small smoke runs).
    """
    sentences = load_sentences(benchmarks)
    gold = load_gold(benchmarks)[:max_gold]
    rng = random.Random(seed)
    gold_texts = sorted({t for a, b, _ in gold for t in (a, b)})
    real = sorted({s for v in sentences.values() for s in v} | set(gold_texts))
    if n < len(gold_texts) + 100:
        raise ValueError(f"n must be at least {len(gold_texts) + 100} (gold subset + 100), got {n}")
    rest = sorted(set(real) - set(gold_texts))
    rng.shuffle(rest)
    n_real = min(n - len(gold_texts), len(rest))
    texts = gold_texts + rest[:n_real]
    taken = set(texts)
    n_filler = n - len(texts)
    for _ in range(n_filler):
        text = _splice(rng, real, taken)
        taken.add(text)
        texts.append(text)
    # Outlets: gold partners always land in different outlets; everything else at random.
    outlet: dict[str, int] = {}
    dropped = 0
    kept_gold = []
    for a, b, source in gold:
        if a not in outlet:
            outlet[a] = rng.randrange(N_OUTLETS)
        if b not in outlet:
            outlet[b] = (outlet[a] + 1 + rng.randrange(N_OUTLETS - 1)) % N_OUTLETS
        if outlet[a] == outlet[b]:
            dropped += 1
            continue
        kept_gold.append((a, b, source))
    for text in texts:
        if text not in outlet:
            outlet[text] = rng.randrange(N_OUTLETS)
    order = list(range(len(texts)))
    rng.shuffle(order)
    per_outlet: dict[int, list[int]] = {}
    for k in order:
        per_outlet.setdefault(outlet[texts[k]], []).append(k)
    rows = []
    for o in sorted(per_outlet):
        for pos, k in enumerate(per_outlet[o]):
            doc = f"o{o:02d}-d{pos // CLAIMS_PER_DOC:05d}"
            rows.append((f"{doc}#{pos % CLAIMS_PER_DOC:02d}", doc, f"outlet {o:02d}", texts[k]))
    claims = pd.DataFrame(rows, columns=["claim_id", "doc_id", "outlet", "text"])
    claims["kind"] = "claim"
    id_of = dict(zip(claims["text"], claims["claim_id"], strict=True))
    gold_frame = pd.DataFrame(
        [(id_of[a], id_of[b], s) for a, b, s in kept_gold], columns=["id_a", "id_b", "source"]
    )
    info = {
        "n": n,
        "real_unique_available": len(real),
        "real_used": len(gold_texts) + n_real,
        "synthetic_filler": n_filler,
        "gold_pairs": len(gold_frame),
        "gold_dropped_same_outlet": dropped,
        "documents": int(claims["doc_id"].nunique()),
        "outlets": int(claims["outlet"].nunique()),
        "mean_words": float(claims["text"].str.split().str.len().mean()),
    }
    return claims, gold_frame, info


def _pair_keys(a: np.ndarray, b: np.ndarray) -> set[tuple[str, str]]:
    return {(x, y) if x < y else (y, x) for x, y in zip(a.tolist(), b.tolist(), strict=True)}


def _recall(gold: pd.DataFrame, found: set[tuple[str, str]]) -> float:
    keys = _pair_keys(gold["id_a"].to_numpy(), gold["id_b"].to_numpy())
    return len(keys & found) / max(len(keys), 1)


# -- methods ------------------------------------------------------------------------------------


def run_align(claims: pd.DataFrame, gold: pd.DataFrame, *, lexical: bool) -> dict[str, Any]:
    """Time ``ClaimAligner().align`` (or the lexical ``encoder=None``); recall among pairs,
    clusters and candidates; the time of embedding the claims' distinct texts on its own."""
    from claimcompare.align import ClaimAligner
    from claimcompare.align.relations import gazetteer_index, relation_table
    from claimcompare.align.search import find_candidates, tfidf
    from claimcompare.similarity import distinct_texts
    from claimcompare.similarity.semantic import WordLlamaEncoder, embed

    embed_seconds = 0.0
    if not lexical:
        embed(["warm up: the model is loaded once per process"], WordLlamaEncoder())
        start = time.perf_counter()
        embed(distinct_texts(claims["text"].tolist())[0], WordLlamaEncoder())
        embed_seconds = time.perf_counter() - start
    start = time.perf_counter()
    alignment = ClaimAligner(encoder=None if lexical else "wordllama").align(claims)
    seconds = time.perf_counter() - start
    pairs = alignment.pairs
    found = _pair_keys(pairs["claim_a"].to_numpy(), pairs["claim_b"].to_numpy())
    clusters = alignment.clusters
    cluster = dict(zip(clusters["claim_id"], clusters["cluster_id"], strict=True))
    same = [
        a in cluster and cluster[a] == cluster.get(b)
        for a, b in zip(gold["id_a"], gold["id_b"], strict=True)
    ]
    # Candidate recall, outside the timed part: the same search align() runs.
    table = claims.sort_values("claim_id").reset_index(drop=True)
    texts, rows = distinct_texts(table["text"].tolist())
    terms = relation_table(texts, actors=gazetteer_index(), min_quote_words=4)
    search = find_candidates(
        tfidf(terms)[rows],
        docs=table["doc_id"].to_numpy(),
        outlets=table["outlet"].to_numpy(),
        top_k=10,
        min_cosine=0.1,
        chunk_size=2048,
    )
    ids = table["claim_id"].to_numpy()
    sizes = clusters.groupby("cluster_id").size() if len(clusters) else pd.Series(dtype=int)
    return {
        "seconds": seconds,
        "embed_seconds": embed_seconds,
        "pairs": len(pairs),
        "candidates": alignment.candidates,
        "clusters": int(alignment.clusters["cluster_id"].nunique()) if len(pairs) else 0,
        "recall": _recall(gold, found),
        "recall_cluster": float(np.mean(same)) if same else 0.0,
        "recall_candidates": _recall(gold, _pair_keys(ids[search.ia], ids[search.ib])),
        "relations": {str(k): int(v) for k, v in pairs["relation"].value_counts().items()},
        "cluster_mean_size": float(sizes.mean()) if len(sizes) else 0.0,
        "cluster_max_size": int(sizes.max()) if len(sizes) else 0,
    }


def _msrp_threshold(benchmarks: Path) -> int:
    from rapidfuzz import fuzz, process

    frame = _read_msrp(benchmarks / "msrp" / "msr_paraphrase_train.txt")
    scores = process.cpdist(
        frame["#1 String"].tolist(), frame["#2 String"].tolist(), scorer=fuzz.token_set_ratio
    )
    y = frame["Quality"].astype(int).to_numpy()
    acc = [((scores >= t) == (y == 1)).mean() for t in range(101)]
    return int(np.argmax(acc))


def run_rapidfuzz(claims: pd.DataFrame, gold: pd.DataFrame, benchmarks: Path) -> dict[str, Any]:
    """All-pairs token_set_ratio: run in full up to RAPIDFUZZ_FULL_MAX claims, else estimated.

    The estimate times ``rows`` sampled claims against all N and scales by ``N / rows / 2``:
    ``cdist(texts, texts)`` scores each pair once when queries and choices are the same list
    and the scorer is symmetric (measured here: 12.9 s against 25.7 s for a copy, 4,000 claims).
    """
    from rapidfuzz import fuzz, process

    threshold = _msrp_threshold(benchmarks)
    texts = claims["text"].tolist()
    n = len(texts)
    if n <= RAPIDFUZZ_FULL_MAX:
        start = time.perf_counter()
        matrix = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=2, dtype=np.uint8)
        seconds = time.perf_counter() - start
        rows = n
        above = (int((matrix >= threshold).sum()) - n) / 2  # without the diagonal, once each
        del matrix
    else:
        rows = max(50, RAPIDFUZZ_SAMPLE_PAIRS // n)
        sample = np.random.default_rng(SEED).choice(n, size=rows, replace=False)
        start = time.perf_counter()
        matrix = process.cdist(
            [texts[i] for i in sample],
            texts,
            scorer=fuzz.token_set_ratio,
            workers=2,
            dtype=np.uint8,
        )
        seconds = (time.perf_counter() - start) * n / rows / 2
        above = (int((matrix >= threshold).sum()) - rows) * n / rows / 2
    by_id = dict(zip(claims["claim_id"], claims["text"], strict=True))
    gold_scores = process.cpdist(
        [by_id[x] for x in gold["id_a"]],
        [by_id[x] for x in gold["id_b"]],
        scorer=fuzz.token_set_ratio,
        workers=2,
    )
    return {
        "seconds": seconds,
        "sample_rows": rows,
        "extrapolated": rows < n,
        "threshold": threshold,
        "pairs": int(above),
        "recall": float((gold_scores >= threshold).mean()),
    }


def run_minhash(claims: pd.DataFrame, gold: pd.DataFrame) -> dict[str, Any]:
    """datasketch MinHash + MinHashLSH(0.5): build, insert and query every claim."""
    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:
        return {"skipped": "datasketch is not installed (pip install datasketch)"}
    ids = claims["claim_id"].tolist()
    texts = claims["text"].tolist()
    start = time.perf_counter()
    shingles = []
    for text in texts:
        words = _WORD.findall(text.lower())
        grams = {" ".join(words[k : k + 3]) for k in range(max(1, len(words) - 2))}
        shingles.append([g.encode("utf-8") for g in grams])
    hashes = MinHash.bulk(shingles, num_perm=128, seed=1)
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    with lsh.insertion_session() as session:
        for key, mh in zip(ids, hashes, strict=True):
            session.insert(key, mh)
    found: set[tuple[str, str]] = set()
    for key, mh in zip(ids, hashes, strict=True):
        for other in lsh.query(mh):
            if other != key:
                found.add((key, other) if key < other else (other, key))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "pairs": len(found), "recall": _recall(gold, found)}


# -- driver -------------------------------------------------------------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def worker(method: str, n: int, benchmarks: Path) -> dict[str, Any]:
    """Build the corpus and run one method; what the parent reads from stdout as JSON."""
    claims, gold, info = build_claims(n, benchmarks)
    if method == "corpus":
        return info
    base = _rss_mb()
    if method in ("align", "align-lexical"):
        result = run_align(claims, gold, lexical=method == "align-lexical")
    elif method == "rapidfuzz":
        result = run_rapidfuzz(claims, gold, benchmarks)
    elif method == "minhash":
        result = run_minhash(claims, gold)
    else:
        raise SystemExit(f"unknown method {method!r}")
    result.update(base_mb=base, peak_mb=_peak_mb())
    return result


def _spawn(method: str, n: int, benchmarks: Path) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--worker", method, "--sizes", str(n)]
    cmd += ["--benchmarks", str(benchmarks)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"skipped": f"failed (exit {done.returncode}): {done.stderr.strip()[-300:]}"}
    out: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--benchmarks", type=Path, default=DEFAULT_BENCHMARKS)
    parser.add_argument(
        "--methods", nargs="+", default=["align", "align-lexical", "rapidfuzz", "minhash"]
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not (args.benchmarks / "msrp").is_dir():
        sys.stderr.write(f"benchmark data not found under {args.benchmarks}\n")
        return 2
    if args.worker:
        print(json.dumps(worker(args.worker, args.sizes[0], args.benchmarks)))
        return 0
    print(f"# bench_align {dt.date.today()} | {platform.platform()} | {os.cpu_count()} cores")
    print(f"# python {platform.python_version()} | command: python {' '.join(sys.argv)}")
    results: dict[int, dict[str, dict[str, Any]]] = {}
    for n in args.sizes:
        info = _spawn("corpus", n, args.benchmarks)
        print(
            f"\n## N = {n:,}: {info.get('real_used', 0):,} unique real sentences "
            f"(of {info.get('real_unique_available', 0):,} available), "
            f"{info.get('synthetic_filler', 0):,} synthetic filler (spliced real sentences); "
            f"{info.get('documents', 0):,} documents, {info.get('outlets', 0)} outlets, "
            f"{info.get('mean_words', 0):.1f} words per claim; {info.get('gold_pairs', 0):,} "
            f"gold pairs ({info.get('gold_dropped_same_outlet', 0)} dropped: same outlet)"
        )
        results[n] = {}
        for method in args.methods:
            res = _spawn(method, n, args.benchmarks)
            results[n][method] = res
            print(f"  {method}: {json.dumps(res, sort_keys=True)}", flush=True)
    print(
        "\n| N | method | wall s | embedding s | peak MB | pairs returned | gold recall "
        "| ratio to align |"
    )
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n, by_method in results.items():
        base = by_method.get("align", {}).get("seconds")
        for method, res in by_method.items():
            if "skipped" in res:
                print(f"| {n:,} | {method} | skipped: {res['skipped']} | | | | | |")
                continue
            sec = f"{res['seconds']:.1f}" + (" (extrap.)" if res.get("extrapolated") else "")
            ratio = f"{res['seconds'] / base:.1f}x" if base else ""
            extra = ""
            if method.startswith("align"):
                extra = (
                    f" (cluster {100 * res['recall_cluster']:.1f}, "
                    f"candidates {100 * res['recall_candidates']:.1f})"
                )
            print(
                f"| {n:,} | {method} | {sec} | {res.get('embed_seconds', 0):.1f} | "
                f"{res['peak_mb']:,.0f} | {res['pairs']:,} | "
                f"{100 * res['recall']:.1f}{extra} | {ratio} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
