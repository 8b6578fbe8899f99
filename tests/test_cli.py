"""The ``claimcompare compare`` command: reports, progress bar, terminal summary, exit codes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import claimcompare as cc
from claimcompare.cli import main
from claimcompare.compare import STAGES

REPO = Path(__file__).resolve().parent.parent
SEEDS = str(REPO / "seeds")


def test_compare_writes_every_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tables = tmp_path / "tables"
    tables.mkdir()
    html_path, md_path = tmp_path / "report.html", tmp_path / "report.md"
    code = main(["compare", SEEDS, "--html", str(html_path), "--markdown", str(md_path),
                 "--csv", str(tables), "--actor", "Khalifa Haftar=Haftar,Hafar"])  # fmt: skip
    assert code == 0
    out, err = capsys.readouterr()
    assert out.startswith("5 documents from 3 outlets")
    page = html_path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'id="clusters"' in page
    assert md_path.read_text(encoding="utf-8").startswith("# claimcompare report")
    assert len(list(tables.glob("*.csv"))) == 9
    assert f"wrote {html_path}" in err and f"wrote {md_path}" in err
    # no progress bar when stderr is not a terminal and --progress is not given
    assert "steps" not in err


def test_terminal_summary_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    result = cc.compare(cc.load_corpus(SEEDS))
    assert main(["compare", SEEDS, "--top", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == result.summary().splitlines()
    n = len(result.conflicts)
    start = lines.index(f"Conflicts and differences ({n}):")
    # each conflict: its cluster, kind, severity and explanation, then what each side says
    shown = lines[start + 1 : start + 7]
    for head, a, b in (shown[0:3], shown[3:6]):
        match = re.fullmatch(r"  cluster (\d+), (\w+) \((\w+)\): (.+)", head)
        assert match is not None, head
        cluster, kind, severity, explanation = match.groups()
        rows = result.conflicts[
            (result.conflicts.cluster_id == int(cluster)) & (result.conflicts.kind == kind)
        ]
        # a long explanation is shortened at a word, ending " ..."
        said = explanation.removesuffix(" ...")
        assert severity in set(rows.severity)
        assert any(e == explanation or e.startswith(said) for e in rows.explanation)
        assert a.startswith("      a) ") and b.startswith("      b) ")
        assert any(f"{r.outlet_a}: {r.value_a}" in a for r in rows.itertuples())
    assert lines[start + 7] == f"  ... and {n - 2} more (see --html, --markdown or --csv)"
    assert "What each outlet calls each actor (in its own words):" in lines
    assert "    Ansar Press: strongman (1)" in lines
    assert "  ... and 2 more actors" in lines
    assert max(len(line) for line in lines) <= 120


def test_progress_bar_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", SEEDS, "--progress"]) == 0
    err = capsys.readouterr().err
    assert "reading documents" in err
    assert all(f"5 documents: {stage}" in err for stage in STAGES)
    assert f"0/{1 + len(STAGES)} steps" in err
    assert main(["compare", SEEDS, "--no-progress"]) == 0
    assert "steps" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["compare", "no/such/dir"], "no such file or folder"),
        (["compare", SEEDS, "--actor", "Haftar"], "expected NAME=ALIAS"),
        (["compare", SEEDS, "--actor", "=Haftar"], "expected NAME=ALIAS"),
        (["compare", SEEDS, "--csv", "no/such/dir"], "--csv no/such/dir: not a folder"),
        (["compare", SEEDS, "--lexicon", "no/such.csv"], "--lexicon no/such.csv: no such file"),
        (["compare", SEEDS, "--html", "no/such/dir/r.html"], "folder 'no/such/dir' does not exist"),
        (["compare", SEEDS, "--markdown", "no/such/r.md"], "folder 'no/such' does not exist"),
        (["compare", SEEDS, "--html", SEEDS], "is a folder; give a file name"),
    ],
)
def test_unusable_values_exit_1(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert err.startswith("claimcompare: error: ") and message in err
    assert out == ""  # nothing half-done on stdout


def test_same_file_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = str(tmp_path / "r.txt")
    assert main(["compare", SEEDS, "--html", target, "--markdown", target]) == 1
    assert "name the same file" in capsys.readouterr().err


def test_malformed_lexicon(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lexicon = tmp_path / "lex.csv"
    lexicon.write_text("entry,category\nwarlord,label\n", encoding="utf-8")
    assert main(["compare", SEEDS, "--lexicon", str(lexicon)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"claimcompare: error: --lexicon {lexicon}: ")
    assert "missing the column 'polarity'" in err


def test_user_lexicon_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lexicon = tmp_path / "lex.csv"
    lexicon.write_text(
        "entry,category,polarity,weight\nstrongman,delegitimising_label,-1,0.9\n", encoding="utf-8"
    )
    assert main(["compare", SEEDS, "--lexicon", str(lexicon)]) == 0
    out = capsys.readouterr().out
    assert "Ansar Press: strongman (1)" in out and "renegade general" not in out


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="permissions are not enforced for root or on Windows",
)
def test_unwritable_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert main(["compare", SEEDS, "--html", str(locked / "r.html")]) == 1
        assert "not writable" in capsys.readouterr().err
        assert main(["compare", SEEDS, "--csv", str(locked)]) == 1
        assert "not writable" in capsys.readouterr().err
    finally:
        locked.chmod(0o700)


def test_unwritable_reported_before_the_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same checks where permissions cannot be taken away (root): os.access says no."""
    monkeypatch.setattr("claimcompare.cli.os.access", lambda path, mode: False)
    assert main(["compare", SEEDS, "--markdown", str(tmp_path / "r.md")]) == 1
    assert f"--markdown {tmp_path / 'r.md'}: not writable" in capsys.readouterr().err
    assert main(["compare", SEEDS, "--csv", str(tmp_path)]) == 1
    assert "not writable" in capsys.readouterr().err
    assert not (tmp_path / "r.md").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["compare", SEEDS, "--nope"],
        ["compare"],
        ["compare", SEEDS, "--top", "0"],
        ["compare", SEEDS, "--html"],
        ["frobnicate"],
    ],
)
def test_wrong_command_lines_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert "usage: claimcompare" in capsys.readouterr().err


def test_help_lists_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["compare", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for option in ("--html", "--markdown", "--csv", "--actor", "--lexicon", "--progress"):
        assert option in out


def test_console_script_exit_codes(tmp_path: Path) -> None:
    """The installed command, as a script sees it: status and streams."""
    script = shutil.which("claimcompare", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "claimcompare.cli"]
    ok = subprocess.run(
        [*command, "compare", SEEDS, "--html", str(tmp_path / "r.html")],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("5 documents") and (tmp_path / "r.html").is_file()
    bad = subprocess.run(
        [*command, "compare", str(tmp_path / "missing")],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert bad.returncode == 1 and bad.stdout == ""
    assert "claimcompare: error:" in bad.stderr


def test_column_option_maps_csv_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "w.csv"
    path.write_text('id,body\nx,"Haftar took Sirte."\n', encoding="utf-8")
    assert main(["load", str(path)]) == 1
    assert "pass --column text=<name>" in capsys.readouterr().err  # not a Python keyword
    assert main(["load", str(path), "--column", "text=body", "--column", "doc_id=id"]) == 0
    assert capsys.readouterr().out.splitlines()[1].split()[0] == "x"
    with pytest.raises(SystemExit) as info:
        main(["load", str(path), "--column", "body"])
    assert info.value.code == 2 and "FIELD=NAME" in capsys.readouterr().err


def test_hints_name_cli_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "l.txt"
    path.write_bytes("café".encode("latin-1"))
    assert main(["load", str(path)]) == 1
    assert "pass --encoding with the file's real encoding" in capsys.readouterr().err
    assert main(["load", str(path), "--encoding", "latin-1"]) == 0
