"""Frozen documents and the corpus that holds them.

A :class:`Document` is immutable: everything derived from it (claims, quotes, loaded terms) points
back into ``Document.text`` with half-open character offsets.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

import pandas as pd

from .errors import InputError, ParameterError

__all__ = ["Corpus", "Document", "RemovedLine", "Skipped", "documents_of"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line of the raw input that cleaning left out of ``Document.text``.

    Attributes
    ----------
    line : int
        1-based line number in the raw text.
    text : str
        The line as it was, without its line break.
    reason : str
        Why it was removed, e.g. ``"advert"``, ``"masthead"``, ``"dateline"``, ``"comment form"``.
    """

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that lenient loading (``errors="warn"``) skipped, and why."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its text and what is known about it.

    Parameters
    ----------
    doc_id : str
        Unique, stable id (the file stem when loaded from a file).
    text : str
        The article text. Claims, quotes and terms are offsets into it.
    title, outlet, url : str or None
        Headline, publishing outlet and address, given or inferred.
    published : datetime.date or None
        Publication date.
    source : str or None
        Where the document came from: a path, or a path and row.
    meta : Mapping
        Any further fields, e.g. extra columns of a CSV.
    removed : tuple of RemovedLine
        Lines that cleaning dropped from the raw text.
    provenance : Mapping[str, str]
        For each metadata field, where its value came from (``"column 'outlet'"``,
        ``"masthead line 5"``, ...).

    Examples
    --------
    >>> doc = Document(doc_id="a", text="Haftar's forces seized Sirte.", outlet="Example Times")
    >>> doc.text[0:15]
    "Haftar's forces"
    """

    doc_id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: _dt.date | None = None
    url: str | None = None
    source: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    removed: tuple[RemovedLine, ...] = ()
    provenance: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        where = f" (from {self.source})" if self.source else ""
        if not isinstance(self.doc_id, str) or not self.doc_id.strip():
            raise InputError(f"doc_id must be a non-empty string{where}, got {self.doc_id!r}")
        if not isinstance(self.text, str):
            raise InputError(
                f"text of document {self.doc_id!r}{where} must be a string, "
                f"got {type(self.text).__name__}"
            )
        for name in ("title", "outlet", "url", "source"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise InputError(
                    f"{name} of document {self.doc_id!r}{where} must be a string or None, "
                    f"got {type(value).__name__}"
                )
        published = self.published
        if isinstance(published, _dt.datetime):
            object.__setattr__(self, "published", published.date())
        elif published is not None and not isinstance(published, _dt.date):
            raise InputError(
                f"published of document {self.doc_id!r}{where} must be a datetime.date or None, "
                f"got {published!r}"
            )
        object.__setattr__(self, "meta", dict(self.meta))
        object.__setattr__(self, "provenance", dict(self.provenance))
        object.__setattr__(self, "removed", tuple(self.removed))

    def __hash__(self) -> int:
        return hash((self.doc_id, self.text, self.title, self.outlet, self.published, self.url))

    @property
    def label(self) -> str:
        """The outlet, or ``"<unknown outlet: doc_id>"`` where none is known, for grouping."""
        return self.outlet if self.outlet else f"<unknown outlet: {self.doc_id}>"

    def to_dict(self) -> dict[str, Any]:
        """Return the document as a plain dict (removed lines as dicts).

        Examples
        --------
        >>> Document(doc_id="a", text="Text.").to_dict()["doc_id"]
        'a'
        """
        out = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        out["removed"] = [dataclasses.asdict(r) for r in self.removed]
        out["meta"] = dict(self.meta)
        out["provenance"] = dict(self.provenance)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Build a document from :meth:`to_dict` output.

        Examples
        --------
        >>> doc = Document(doc_id="a", text="Text.", title="T")
        >>> Document.from_dict(doc.to_dict()) == doc
        True
        """
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise InputError(f"unknown Document fields {unknown}; allowed: {sorted(known)}")
        values = dict(data)
        values["removed"] = tuple(
            r if isinstance(r, RemovedLine) else RemovedLine(**r) for r in values.get("removed", ())
        )
        return cls(**values)


class Corpus(Sequence[Document]):
    """An immutable sequence of documents, indexable by position and by ``doc_id``.

    Parameters
    ----------
    documents : iterable of Document
        Documents with unique ids. A duplicate id raises :class:`InputError` naming both sources.
    skipped : iterable of Skipped, optional
        Inputs that lenient loading skipped; kept so nothing is dropped silently.

    Examples
    --------
    >>> corpus = Corpus([Document(doc_id="a", text="One."), Document(doc_id="b", text="Two.")])
    >>> len(corpus), corpus["b"].text, corpus[0].doc_id
    (2, 'Two.', 'a')
    """

    __slots__ = ("_by_id", "_docs", "skipped")

    def __init__(self, documents: Iterable[Document], *, skipped: Iterable[Skipped] = ()) -> None:
        docs = tuple(documents)
        by_id: dict[str, Document] = {}
        for doc in docs:
            if not isinstance(doc, Document):
                raise InputError(f"a Corpus holds Document objects, got {type(doc).__name__}")
            other = by_id.get(doc.doc_id)
            if other is not None:
                raise InputError(
                    f"duplicate doc_id {doc.doc_id!r}: from {other.source or '(no source)'} "
                    f"and from {doc.source or '(no source)'}; ids must be unique "
                    "(pass an id column, or rename one of the files)"
                )
            by_id[doc.doc_id] = doc
        self._docs = docs
        self._by_id = by_id
        self.skipped: tuple[Skipped, ...] = tuple(skipped)

    @overload
    def __getitem__(self, key: int | str) -> Document: ...

    @overload
    def __getitem__(self, key: slice) -> Corpus: ...

    def __getitem__(self, key: int | str | slice) -> Document | Corpus:
        if isinstance(key, str):
            try:
                return self._by_id[key]
            except KeyError:
                raise KeyError(f"no document with doc_id {key!r}") from None
        if isinstance(key, slice):
            return Corpus(self._docs[key])
        return self._docs[key]

    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._docs)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return item in self._docs

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Corpus):
            return NotImplemented
        return self._docs == other._docs

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        outlets = sorted({d.outlet for d in self._docs if d.outlet})
        return f"Corpus({len(self)} documents, {len(outlets)} outlets)"

    @property
    def ids(self) -> list[str]:
        """Document ids in corpus order."""
        return [d.doc_id for d in self._docs]

    def sorted(self) -> Corpus:
        """Return the corpus ordered by ``doc_id``: the canonical order used by every stage."""
        return Corpus(sorted(self._docs, key=lambda d: d.doc_id), skipped=self.skipped)

    def to_frame(self) -> pd.DataFrame:
        """One row per document: ``doc_id, outlet, published, title, url, source, text, n_removed``.

        Examples
        --------
        >>> Corpus([Document(doc_id="a", text="One.")]).to_frame().columns.tolist()[:3]
        ['doc_id', 'outlet', 'published']
        """
        columns = ["doc_id", "outlet", "published", "title", "url", "source", "text", "n_removed"]
        rows = [
            {
                "doc_id": d.doc_id,
                "outlet": d.outlet,
                "published": d.published,
                "title": d.title,
                "url": d.url,
                "source": d.source,
                "text": d.text,
                "n_removed": len(d.removed),
            }
            for d in self._docs
        ]
        return pd.DataFrame(rows, columns=columns)

    @classmethod
    def from_frame(
        cls,
        frame: pd.DataFrame,
        *,
        clean: bool = True,
        errors: str = "raise",
        source: str | None = None,
        **column_map: str,
    ) -> Corpus:
        """Build a corpus from a DataFrame with one article per row.

        Parameters
        ----------
        frame : pandas.DataFrame
            Needs a text column; ``doc_id``, ``outlet``, ``published``, ``title`` and ``url``
            columns are used where present. Other columns go to ``Document.meta``.
        clean : bool, default True
            Strip boilerplate and infer missing metadata from the text (see :func:`clean_text`).
            Values from columns always beat inferred ones.
        errors : {"raise", "warn"}
            On a bad row, raise, or warn and record it in ``Corpus.skipped``.
        source : str, optional
            Name used in messages and ``Document.source`` (e.g. the CSV path).
        **column_map : str
            Column names for the fields, e.g. ``text="body", outlet="site"``.

        Examples
        --------
        >>> frame = pd.DataFrame({"body": ["Haftar's forces seized Sirte."], "site": ["Example"]})
        >>> Corpus.from_frame(frame, text="body", outlet="site")[0].outlet
        'Example'
        """
        from .load import corpus_from_frame

        return corpus_from_frame(frame, clean=clean, errors=errors, source=source, **column_map)

    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any]],
        *,
        clean: bool = True,
        errors: str = "raise",
        source: str | None = None,
        **column_map: str,
    ) -> Corpus:
        """Build a corpus from dicts, one per article; keys as in :meth:`from_frame`.

        Examples
        --------
        >>> Corpus.from_records([{"doc_id": "a", "text": "Sirte fell."}])["a"].text
        'Sirte fell.'
        """
        from .load import corpus_from_records

        return corpus_from_records(records, clean=clean, errors=errors, source=source, **column_map)


def documents_of(corpus: Corpus | Document | Iterable[Document]) -> list[Document]:
    """The documents of a corpus, a document or an iterable of them, in ``doc_id`` order.

    Every stage processes documents in this canonical order, so results never depend on the
    order of the input.

    Examples
    --------
    >>> docs = [Document(doc_id="b", text="B."), Document(doc_id="a", text="A.")]
    >>> [d.doc_id for d in documents_of(docs)]
    ['a', 'b']
    """
    if isinstance(corpus, Document):
        return [corpus]
    if isinstance(corpus, (str, bytes)):
        raise ParameterError(
            "corpus must be a Corpus, a Document or Documents, not a string; "
            "use cc.load_corpus(...) or cc.Document(doc_id=..., text=...)"
        )
    if isinstance(corpus, pd.DataFrame):
        raise ParameterError("corpus must be a Corpus, not a DataFrame; use cc.load_corpus(frame)")
    if not isinstance(corpus, Iterable):
        raise ParameterError(
            f"corpus must be a Corpus, a Document or Documents, got {type(corpus).__name__}"
        )
    docs = list(corpus)
    for doc in docs:
        if not isinstance(doc, Document):
            raise ParameterError(f"corpus must hold Document objects, got {type(doc).__name__}")
    return sorted(docs, key=lambda d: d.doc_id)
