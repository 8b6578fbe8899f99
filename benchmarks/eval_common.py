"""What the evaluation commands share: where the benchmarks are, and the missing-file error."""

from __future__ import annotations

from pathlib import Path

from claimcompare.errors import InputError

__all__ = ["DEFAULT_BENCHMARKS", "require"]

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
