"""Tests of the evaluation command: each report is reached by its name."""

from __future__ import annotations

from pathlib import Path

import pytest
from evaluate import main


@pytest.mark.parametrize("report", ["align", "pairs", "terms", "conflicts"])
def test_main_dispatches_to_each_report(
    report: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([report, "--help"])
    assert exit_info.value.code == 0
    assert f"python benchmarks/evaluate.py {report}" in capsys.readouterr().out
    assert main([report, "--benchmarks", str(tmp_path)]) == 2
    assert str(tmp_path) in capsys.readouterr().err
