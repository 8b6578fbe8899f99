"""The ``claimcompare`` command.

Exit codes: 0 on success, 1 when the input cannot be used (a missing path, an undecodable file,
...), 2 for a wrong command line. Messages go to standard error, results to standard output.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from . import __version__
from .claims import split_claims
from .document import Corpus
from .errors import ClaimCompareError
from .load import load_corpus

__all__ = ["main"]


def _add_input(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or globs")
    parser.add_argument(
        "--no-clean", action="store_true", help="keep the text as is (no boilerplate removal)"
    )
    parser.add_argument(
        "--lenient",
        action="store_true",
        help="skip unreadable files and rows with a warning instead of stopping",
    )
    parser.add_argument("--encoding", default="utf-8", help="encoding of the files (utf-8)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimcompare",
        description="Compare how news outlets report the same events.",
    )
    parser.add_argument("--version", action="version", version=f"claimcompare {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    load = commands.add_parser("load", help="load articles and show their metadata")
    _add_input(load)
    load.add_argument("--removed", action="store_true", help="also list the removed lines")
    load.add_argument("--csv", metavar="FILE", help="write the documents table to a CSV file")

    claims = commands.add_parser("claims", help="split articles into claims with speaker and voice")
    _add_input(claims)
    claims.add_argument("--csv", metavar="FILE", help="write the claims table to a CSV file")

    compare = commands.add_parser(
        "compare", help="align claims across outlets, score loaded terms, find conflicts"
    )
    _add_input(compare)
    compare.add_argument("--markdown", metavar="FILE", help="write a Markdown report")
    compare.add_argument(
        "--csv", metavar="DIR", help="write every table as a CSV file into this folder"
    )
    compare.add_argument(
        "--actor",
        action="append",
        default=[],
        metavar="NAME=ALIAS,...",
        help="an actor and its aliases, e.g. 'Khalifa Haftar=Haftar,Hafar' (repeatable)",
    )
    compare.add_argument(
        "--lexicon", metavar="FILE", help="a lexicon CSV to use instead of the default"
    )
    return parser


def _load(args: argparse.Namespace) -> Corpus:
    return load_corpus(
        args.paths,
        clean=not args.no_clean,
        errors="warn" if args.lenient else "raise",
        encoding=args.encoding,
    )


def _write_csv(frame: pd.DataFrame, path: str) -> None:
    target = Path(path)
    if target.parent and not target.parent.exists():
        raise ClaimCompareError(f"cannot write {path}: folder {target.parent} does not exist")
    frame.to_csv(target, index=False)
    print(f"wrote {len(frame)} rows to {path}", file=sys.stderr)


def _cmd_load(args: argparse.Namespace) -> int:
    corpus = _load(args)
    frame = corpus.to_frame().drop(columns=["text"])
    print(frame.to_string(index=False, max_colwidth=60))
    if args.removed:
        for doc in corpus:
            for line in doc.removed:
                print(f"{doc.doc_id} line {line.line} [{line.reason}]: {line.text[:80]}")
    for skipped in corpus.skipped:
        print(f"skipped {skipped.source}: {skipped.reason}", file=sys.stderr)
    if args.csv:
        _write_csv(corpus.to_frame(), args.csv)
    return 0


def _cmd_claims(args: argparse.Namespace) -> int:
    corpus = _load(args)
    claims = split_claims(corpus)
    for doc_id, rows in claims.groupby("doc_id", sort=True):
        doc = corpus[str(doc_id)]
        print(f"== {doc_id}  {doc.outlet or '(outlet unknown)'}  {doc.published or ''}")
        for kind, voice, speaker, cue, text in rows[
            ["kind", "voice", "speaker", "cue", "text"]
        ].itertuples(index=False):
            who = f"{speaker} ({cue})" if isinstance(speaker, str) else ""
            shown = str(text) if len(str(text)) <= 100 else str(text)[:97] + "..."
            print(f"  {kind:7} {voice:10} {who[:40]:40} {shown}")
    counts = claims["voice"].value_counts().to_dict()
    summary = ", ".join(f"{n} {voice}" for voice, n in sorted(counts.items()))
    print(f"{len(claims)} claims in {len(corpus)} documents: {summary}")
    for skipped in corpus.skipped:
        print(f"skipped {skipped.source}: {skipped.reason}", file=sys.stderr)
    if args.csv:
        _write_csv(claims, args.csv)
    return 0


def _actors(specs: list[str]) -> dict[str, list[str]] | None:
    actors: dict[str, list[str]] = {}
    for spec in specs:
        name, sep, aliases = spec.partition("=")
        if not sep or not name.strip():
            raise ClaimCompareError(
                f"--actor {spec!r}: expected NAME=ALIAS,ALIAS (e.g. 'Khalifa Haftar=Haftar,Hafar')"
            )
        actors[name.strip()] = [a.strip() for a in aliases.split(",") if a.strip()]
    return actors or None


def _cmd_compare(args: argparse.Namespace) -> int:
    from .compare import compare
    from .lexicon import Lexicon

    corpus = _load(args)
    lexicon = Lexicon.from_csv(args.lexicon) if args.lexicon else None
    if args.csv and not Path(args.csv).is_dir():
        raise ClaimCompareError(f"--csv {args.csv}: not a folder (create it first)")
    result = compare(corpus, actors=_actors(args.actor), lexicon=lexicon)
    print(result.summary())
    shown = result.conflicts.head(20)
    for row in shown.itertuples(index=False):
        print(
            f"  [{row.kind}/{row.severity}] {row.outlet_a}: {str(row.value_a)[:40]!r} "
            f"vs {row.outlet_b}: {str(row.value_b)[:40]!r}"
        )
    if len(result.conflicts) > len(shown):
        print(f"  ... and {len(result.conflicts) - len(shown)} more (see --markdown or --csv)")
    if args.markdown:
        Path(args.markdown).write_text(result.to_markdown(), encoding="utf-8")
        print(f"wrote {args.markdown}", file=sys.stderr)
    if args.csv:
        tables = {
            "claims": result.claims,
            "actors": result.actors,
            "pairs": result.alignment.pairs,
            "clusters": result.alignment.clusters,
            "loaded_terms": result.loaded_terms,
            "framing": result.framing,
            "agreements": result.agreements,
            "conflicts": result.conflicts,
            "omissions": result.omissions,
        }
        for name, table in tables.items():
            table.to_csv(Path(args.csv) / f"{name}.csv", index=False)
        print(f"wrote {len(tables)} tables to {args.csv}", file=sys.stderr)
    for skipped in corpus.skipped:
        print(f"skipped {skipped.source}: {skipped.reason}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    Examples
    --------
    >>> main(["load", "seeds/000_348943f42b5aa69a.txt"])  # doctest: +ELLIPSIS
    doc_id ...
    0
    """
    parser = _parser()
    args = parser.parse_args(argv)
    if args.verbose:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    commands = {"load": _cmd_load, "claims": _cmd_claims, "compare": _cmd_compare}
    try:
        return commands[args.command](args)
    except ClaimCompareError as exc:
        print(f"claimcompare: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. piped into `head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
