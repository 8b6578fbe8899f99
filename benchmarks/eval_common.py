"""What the evaluation commands share: where the benchmarks are, and the missing-file error."""

from __future__ import annotations

import json
from pathlib import Path

from claimcompare.document import Document
from claimcompare.errors import InputError

__all__ = ["DEFAULT_BENCHMARKS", "basil_article", "require"]

#: ``../shared/benchmarks`` beside the repository (never bundled with the package).
DEFAULT_BENCHMARKS = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"


def require(path: Path) -> Path:
    """``path`` if it exists, else an :class:`~claimcompare.errors.InputError` naming it.

    Examples
    --------
    >>> require(Path("/nonexistent/file.tsv"))
    Traceback (most recent call last):
    ...
    claimcompare.errors.InputError: benchmark file not found: /nonexistent/file.tsv (pass ...)
    """
    if not path.exists():
        raise InputError(f"benchmark file not found: {path} (pass --benchmarks DIR)")
    return path


def basil_article(path: Path) -> tuple[Document, dict[int, tuple[int, int]]]:
    """A BASIL article as a Document, and where each of its sentences is in ``Document.text``.

    The text is the title, a blank line, then the paragraphs (sentences joined by a space,
    paragraphs by a blank line). Sentences are numbered as BASIL's ``p<N>`` (over the whole body,
    from 0); the title is -1. The document is named by the file (``<event>_<n>``), its outlet is
    BASIL's ``source`` lower-cased.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    spans = {-1: (0, len(data["title"]))}
    paragraphs, pos = [], len(data["title"]) + 2
    for para in data["body-paragraphs"]:
        for sentence in para:
            spans[len(spans) - 1] = (pos, pos + len(sentence))
            pos += len(sentence) + 1
        paragraphs.append(" ".join(para))
        pos += 1  # a paragraph break is "\n\n" where sentences have " "
    doc = Document(
        doc_id=path.stem,
        text="\n\n".join([data["title"], *paragraphs]),
        title=data["title"],
        outlet=str(data.get("source", "")).lower(),
    )
    return doc, spans
