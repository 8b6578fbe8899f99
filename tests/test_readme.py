"""The README's two commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bash_blocks(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", text, flags=re.DOTALL)]


def test_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    tests = [b for b in _bash_blocks(readme) if "pytest" in b]
    assert tests, "README shows no test command"
    assert tests[0] in ci


def test_readme_main_job_runs_on_seeds_in_ci() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    main = next(b for b in _bash_blocks(readme) if "seeds/" in b and "pip install ." in b)
    job = main.split("&& ")[-1]
    assert job.startswith("claimcompare ")
    assert job in ci
