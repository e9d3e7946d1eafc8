"""The ROUGE scorer against values computed by hand, and the evaluation command end to end."""

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from eval.scoring import bootstrap_interval, score_summary, truncate

DEV = ROOT.parent / "shared" / "eval" / "multinews_dev.jsonl"


def test_one_reference_by_hand():
    # the cat sat on the mat / the cat lay on the mat: 5 of 6 words shared, 3 of 5 bigrams, LCS of 5 words.
    scores = score_summary("the cat lay on the mat", ["the cat sat on the mat"], max_words=100)
    assert scores["rouge1"].fmeasure == pytest.approx(500 / 6)
    assert scores["rouge1"].recall == pytest.approx(500 / 6)
    assert scores["rouge2"].fmeasure == pytest.approx(60.0)
    assert scores["rougeLsum"].fmeasure == pytest.approx(500 / 6)


def test_precision_and_recall_differ_by_length():
    # 3 candidate words, all in the 6-word reference: P = 1, R = 1/2, F = 2/3.
    scores = score_summary("the cat sat", ["the cat sat on the mat"], max_words=100)
    assert scores["rouge1"].recall == pytest.approx(50.0)
    assert scores["rouge1"].fmeasure == pytest.approx(200 / 3)
    # bigrams: 2 of 2 candidate, 2 of 5 reference: F = 2 * 1 * 0.4 / 1.4.
    assert scores["rouge2"].fmeasure == pytest.approx(100 * 0.8 / 1.4)


def test_mean_over_references():
    scores = score_summary("the cat lay on the mat", ["the cat sat on the mat", "a dog ran"], max_words=100)
    assert scores["rouge1"].fmeasure == pytest.approx(250 / 6)


def test_stemming_and_truncation():
    assert score_summary("cats running", ["cat runs"], max_words=100)["rouge1"].fmeasure == pytest.approx(100.0)
    assert truncate("one two  three\nfour", 3) == "one two three"
    cut = score_summary("the cat lay on the mat and then some more words", ["the cat sat on the mat"], max_words=6)
    assert cut["rouge1"].fmeasure == pytest.approx(500 / 6)


def test_bootstrap_interval():
    assert bootstrap_interval([5.0, 5.0, 5.0]) == (5.0, 5.0)
    low, high = bootstrap_interval(list(range(100)))
    assert low < 49.5 < high and high - low < 20


def run_rouge(*args):
    return subprocess.run([sys.executable, "-m", "eval.rouge", *args], capture_output=True, text=True, cwd=ROOT, timeout=600)


@pytest.mark.slow  # the evaluation command in a process of its own
def test_evaluation_command_on_a_small_file(tmp_path, seed_documents):
    data = tmp_path / "tiny.jsonl"
    reference = ("North Korea confirmed its troops fought for Russia in the Kursk region. "
                 "Putin praised the soldiers as heroic. Estimates of the dead range from 600 to 1,000.")
    with open(data, "w") as file:
        file.write(json.dumps({"id": "seeds", "documents": [d["text"] for d in seed_documents], "references": [reference]}) + "\n")
        file.write(json.dumps({"id": "focused", "documents": [d["text"] for d in seed_documents[:3]],
                               "references": [reference], "query": "How many soldiers died?"}) + "\n")
    result = run_rouge("--data", str(data), "--max-words", "60", "--out", str(tmp_path / "out"), "--quiet")
    assert result.returncode == 0, result.stderr
    assert "| brief |" in result.stdout and "| lexrank |" in result.stdout
    report = json.loads((tmp_path / "out" / "results.json").read_text())
    assert set(report["systems"]) == {"brief", "lead", "random", "centroid", "lexrank", "textrank"}
    assert all(0 < system["rouge1_f"] <= 100 for system in report["systems"].values())
    rows = [json.loads(line) for line in (tmp_path / "out" / "summaries.jsonl").read_text().splitlines()]
    assert len(rows) == 12 and all(len(row["summary"].split()) <= 60 for row in rows if row["system"] == "brief")
    assert (tmp_path / "out" / "rouge.png").stat().st_size > 1000


@pytest.mark.slow
@pytest.mark.skipif(not DEV.exists(), reason="the development set lies in ../shared/eval/")
def test_evaluation_command_on_the_development_set(tmp_path):
    result = run_rouge("--data", str(DEV), "--limit", "3", "--systems", "brief,lead,lexrank", "--out", str(tmp_path), "--quiet")
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "results.json").read_text())["clusters"] == 3


@pytest.mark.slow
def test_evaluation_command_errors(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n')
    assert run_rouge("--data", str(bad)).returncode == 2
    assert run_rouge("--data", str(tmp_path / "missing.jsonl")).returncode == 2
    assert run_rouge("--data", str(bad), "--systems", "nonsense").returncode == 2
