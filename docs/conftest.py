"""Run every Python code block in docs/*.md as a test (Sybil), from the repository root."""

from __future__ import annotations

import doctest
import os
from pathlib import Path
from typing import Any

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser

ROOT = Path(__file__).resolve().parent.parent


def _setup(namespace: dict[str, Any]) -> None:
    namespace["_cwd"] = os.getcwd()
    os.chdir(ROOT)


def _teardown(namespace: dict[str, Any]) -> None:
    os.chdir(namespace["_cwd"])


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(
            doctest_optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS,
        )
    ],
    patterns=["*.md"],
    setup=_setup,
    teardown=_teardown,
).pytest()
