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
    commands = {"load": _cmd_load, "claims": _cmd_claims}
    try:
        return commands[args.command](args)
    except ClaimCompareError as exc:
        print(f"claimcompare: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. piped into `head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
