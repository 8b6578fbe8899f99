"""The ``claimcompare`` command.

Exit codes, for scripts:

* 0: success;
* 1: a value cannot be used: a missing or unreadable input path, an undecodable file, a bad
  lexicon file, a malformed ``--actor``, an output folder that does not exist or cannot be
  written;
* 2: a wrong command line (an unknown option, a missing argument), as argparse reports it;
* 130: interrupted (Ctrl-C).

Messages go to standard error, results to standard output. ``compare`` shows a progress bar on
standard error when it is a terminal (``--progress`` / ``--no-progress`` to choose).
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ._common.version import VERSION
from .claims import split_claims
from .document import Corpus
from .errors import ClaimCompareError
from .load import load_corpus

if TYPE_CHECKING:
    from .compare import Comparison

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
    parser.add_argument(
        "--column",
        action="append",
        default=[],
        type=_column,
        metavar="FIELD=NAME",
        help=(
            "the column or field of CSV/JSON input holding FIELD (text, doc_id, title, outlet, "
            "published, url), e.g. --column text=body; repeat for several"
        ),
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimcompare",
        description="Compare how news outlets report the same events.",
    )
    parser.add_argument("--version", action="version", version=f"claimcompare {VERSION}")
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
    compare.add_argument(
        "--html", metavar="FILE", help="write the report as one self-contained HTML page"
    )
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
    compare.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on stderr (default: only when stderr is a terminal)",
    )
    compare.add_argument(
        "--top",
        type=_positive,
        default=10,
        metavar="N",
        help="show at most N conflicts and N actors on the terminal (10)",
    )
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}")
    return value


def _column(text: str) -> tuple[str, str]:
    field, sep, name = text.partition("=")
    if not sep or not field.strip() or not name.strip():
        raise argparse.ArgumentTypeError(f"expected FIELD=NAME such as text=body, got {text!r}")
    return field.strip(), name.strip()


def _load(args: argparse.Namespace) -> Corpus:
    try:
        return load_corpus(
            args.paths,
            clean=not args.no_clean,
            errors="warn" if args.lenient else "raise",
            encoding=args.encoding,
            **dict(args.column),
        )
    except ClaimCompareError as exc:
        # the library's hints name Python keywords; on the command line they are options
        message = re.sub(r"\bpass (\w+)='<(?:column|field)>'", r"pass --column \1=<name>", str(exc))
        message = message.replace("pass encoding=", "pass --encoding")
        message = message.replace("pass clean=False", "pass --no-clean")
        raise type(exc)(message) from None


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
        known = actors.setdefault(name.strip(), [])
        known += [a.strip() for a in aliases.split(",") if a.strip() and a.strip() not in known]
    return actors or None


def _check_output_file(option: str, path: str) -> Path:
    """Fail before the slow part when a report cannot be written where asked."""
    target = Path(path)
    if target.is_dir():
        raise ClaimCompareError(f"{option} {path}: is a folder; give a file name")
    folder = target.parent
    if not folder.is_dir():
        raise ClaimCompareError(f"{option} {path}: folder {str(folder)!r} does not exist")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise ClaimCompareError(f"{option} {path}: not writable (permission denied)")
    return target


def _check_compare_options(args: argparse.Namespace) -> None:
    files: dict[Path, str] = {}
    for option, path in (("--html", args.html), ("--markdown", args.markdown)):
        if path:
            target = _check_output_file(option, path).resolve()
            if target in files:
                raise ClaimCompareError(f"{option} and {files[target]} name the same file {path}")
            files[target] = option
    if args.csv:
        folder = Path(args.csv)
        if not folder.is_dir():
            raise ClaimCompareError(f"--csv {args.csv}: not a folder (create it first)")
        if not os.access(folder, os.W_OK):
            raise ClaimCompareError(f"--csv {args.csv}: not writable (permission denied)")
    if args.lexicon and not Path(args.lexicon).is_file():
        raise ClaimCompareError(f"--lexicon {args.lexicon}: no such file")


def _shorten(text: object, width: int) -> str:
    return textwrap.shorten(str(text), width=max(width, 12), placeholder=" ...")


def _terminal_report(result: Comparison, *, top: int) -> str:
    """The summary, the conflicts (contradictions first) and what outlets call each actor."""
    from .framing import what_each_outlet_calls

    width = min(shutil.get_terminal_size((100, 24)).columns, 120)
    lines = [result.summary()]
    conflicts = result.conflicts
    if not conflicts.empty:
        order = conflicts.assign(
            _rank=(conflicts["severity"] != "contradiction").astype(int)
        ).sort_values(["_rank", "cluster_id", "kind"], kind="stable")
        lines += ["", f"Conflicts and differences ({len(conflicts)}):"]
        for row in order.head(top).itertuples(index=False):
            head = f"  cluster {row.cluster_id}, {row.kind} ({row.severity}): "
            lines.append(head + _shorten(row.explanation, width - len(head)))
            for side, outlet, value in (
                ("a", row.outlet_a, row.value_a),
                ("b", row.outlet_b, row.value_b),
            ):
                lines.append("      " + _shorten(f"{side}) {outlet}: {value}", width - 6))
        if len(conflicts) > top:
            lines.append(f"  ... and {len(conflicts) - top} more (see --html, --markdown or --csv)")
    calls = what_each_outlet_calls(result.loaded_terms)
    if not calls.empty:
        lines += ["", "What each outlet calls each actor (in its own words):"]
        for actor, row in calls.head(top).iterrows():
            lines.append(f"  {actor}")
            for outlet, cell in row.items():
                if cell:
                    lines.append("    " + _shorten(f"{outlet}: {cell}", width - 4))
        if len(calls) > top:
            lines.append(f"  ... and {len(calls) - top} more actors")
    return "\n".join(lines)


def _cmd_compare(args: argparse.Namespace) -> int:
    from tqdm import tqdm
    from tqdm.contrib.logging import logging_redirect_tqdm

    from .compare import STAGES, compare
    from .lexicon import Lexicon

    _check_compare_options(args)
    actors = _actors(args.actor)
    lexicon = None
    if args.lexicon:
        try:
            lexicon = Lexicon.from_csv(args.lexicon)
        except ClaimCompareError as exc:
            raise ClaimCompareError(f"--lexicon {args.lexicon}: {exc}") from exc
    outputs = [name for name in ("html", "markdown", "csv") if getattr(args, name)]
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    bar = tqdm(
        total=1 + len(STAGES) + len(outputs),
        disable=not show,
        file=sys.stderr,
        unit="step",
        leave=False,
        bar_format="{desc} |{bar:20}| {n_fmt}/{total_fmt} steps [{elapsed}]",
    )
    with bar, logging_redirect_tqdm():
        bar.set_description_str("reading documents")
        corpus = _load(args)
        bar.update()
        n_docs = len(corpus)

        def advance(stage: str) -> None:
            if stage != STAGES[0]:
                bar.update()
            bar.set_description_str(f"{n_docs} documents: {stage}")

        result = compare(corpus, actors=actors, lexicon=lexicon, progress=advance)
        bar.update()
        written = []
        if args.html:
            bar.set_description_str(f"writing {args.html}")
            result.to_html(args.html)
            written.append(f"wrote {args.html}")
            bar.update()
        if args.markdown:
            bar.set_description_str(f"writing {args.markdown}")
            Path(args.markdown).write_text(result.to_markdown(), encoding="utf-8")
            written.append(f"wrote {args.markdown}")
            bar.update()
        if args.csv:
            bar.set_description_str(f"writing tables to {args.csv}")
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
            written.append(f"wrote {len(tables)} tables to {args.csv}")
            bar.update()
    print(_terminal_report(result, top=args.top))
    for line in written:
        print(line, file=sys.stderr)
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
    except OSError as exc:  # e.g. a disk full while writing a report
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"claimcompare: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("claimcompare: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
