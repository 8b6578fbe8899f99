"""The package's version, low in the flow so that the report and the command line can name it."""

__all__ = ["VERSION"]

#: Kept equal to ``version`` in pyproject.toml (tests/test_layout.py checks it).
VERSION = "0.1.0"
