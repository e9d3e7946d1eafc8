"""python -m summarizer batch: one record per input line, bad lines as error records, resume after a kill, engines."""

import itertools
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT, SEEDS
from summarizer import summarize
from summarizer.batch import BatchError, run_batch
from summarizer.cli import main


def seed_clusters(count: int) -> list[dict]:
    """`count` different clusters made of the seed articles: subsets, orders and budgets vary."""
    articles = [{"id": path.stem, "text": path.read_text(encoding="utf-8")} for path in sorted(SEEDS.glob("*.txt"))]
    subsets = [list(subset) for size in (5, 4, 3, 2) for subset in itertools.combinations(articles, size)]
    clusters = []
    for number in range(count):
        subset = subsets[number % len(subsets)]
        clusters.append({"id": f"cluster-{number}", "documents": subset, "max_words": 40 + 10 * (number % 7)})
    return clusters


def write_lines(path, lines) -> None:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
                    encoding="utf-8")


def records(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def by_id(path) -> dict:
    return {record["id"]: record.get("brief") or record.get("error") for record in records(path)}


GOOD = {"id": "bridge", "documents": [
    "The council voted on Monday to close the old bridge after engineers found cracks in two of its piers. "
    "The mayor said repairs would take a year and cost 4 million dollars.",
    "Engineers found cracks in the bridge piers, and the council voted on Monday to close it. Repairs will "
    "take about a year, officials said, at a cost of 4 million dollars."], "max_words": 30}
BROKEN = [
    GOOD,
    "this is not json",
    {"documents": ["An article without an id."]},
    {"id": "bridge", "documents": ["The same id again."]},
    {"id": "typo", "txt": ["A misspelled key."]},
    {"id": "not-a-list", "documents": "one string"},
    {"id": 7, "documents": ["Too short."], "max_words": -3},
    [1, 2],
    '{"id": "cut", "documents": ["A line cut off',
]


def test_every_line_gets_one_record_and_bad_lines_are_error_records(tmp_path, capsys):
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(source, BROKEN[:1] + [""] + BROKEN[1:])  # a blank line is not a cluster
    assert main(["batch", str(source), str(output), "--no-progress"]) == 0
    assert "1 briefs and 8 errors written" in capsys.readouterr().err
    got = records(output)
    assert [record["line"] for record in got] == [1, *range(3, 11)]
    errors = {record["line"]: (record["id"], record["error"]["code"], record["error"]["field"])
              for record in got if "error" in record}
    assert errors == {
        3: (None, "invalid_json", None),
        4: (None, "invalid_input", "id"),
        5: ("bridge", "duplicate_id", "id"),
        6: ("typo", "unknown_field", "txt"),
        7: ("not-a-list", "invalid_input", "documents"),
        8: (7, "invalid_input", "max_words"),
        9: (None, "invalid_input", None),
        10: (None, "invalid_json", None),
    }
    brief = got[0]["brief"]
    expected = summarize(GOOD["documents"], max_words=30).to_dict()
    assert brief == expected and brief["word_count"] <= 30


def test_a_rerun_writes_nothing_new(tmp_path):
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(source, BROKEN)
    first = run_batch(source, output, progress=False)
    before = output.read_bytes()
    again = run_batch(source, output, progress=False)
    assert (first.written, again.written, again.skipped) == (len(BROKEN), 0, len(BROKEN))
    assert output.read_bytes() == before


def test_a_record_cut_by_a_kill_is_written_again_whole(tmp_path):
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(source, seed_clusters(3))
    run_batch(source, output, progress=False)
    whole = output.read_bytes()
    lines = whole.splitlines(keepends=True)
    output.write_bytes(lines[0] + lines[1][: len(lines[1]) // 2])  # killed in the middle of the second record
    done = run_batch(source, output, progress=False)
    assert (done.skipped, done.written) == (1, 2)
    assert by_id(output) == {json.loads(line)["id"]: json.loads(line)["brief"] for line in lines}
    assert len(records(output)) == 3


def test_an_output_of_another_input_is_refused(tmp_path):
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(source, seed_clusters(2))
    run_batch(source, output, progress=False)
    write_lines(source, [{"id": "other", "documents": ["x"]}] + seed_clusters(2)[1:])
    with pytest.raises(BatchError, match="another INPUT"):
        run_batch(source, output, progress=False)
    (tmp_path / "notes.txt").write_text("not a record\n")
    with pytest.raises(BatchError, match="not a record of this command"):
        run_batch(source, tmp_path / "notes.txt", progress=False)


@pytest.mark.parametrize("arguments, message", [
    (["missing.jsonl", "out.jsonl"], "cannot read"),
    (["in.jsonl", "out.jsonl", "--workers", "0"], "--workers"),
    (["in.jsonl", "out.jsonl", "--address", "auto"], "--address is for --engine ray"),
    (["in.jsonl", "in.jsonl"], "another file than INPUT"),
])
def test_usage_errors_are_one_line_and_non_zero(tmp_path, capsys, monkeypatch, arguments, message):
    monkeypatch.chdir(tmp_path)
    write_lines(tmp_path / "in.jsonl", seed_clusters(1))
    assert main(["batch", *arguments, "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.slow
def test_two_workers_write_the_briefs_of_one(tmp_path):
    source = tmp_path / "in.jsonl"
    write_lines(source, seed_clusters(8) + BROKEN[1:4])
    run_batch(source, tmp_path / "one.jsonl", workers=1, progress=False)
    run_batch(source, tmp_path / "two.jsonl", workers=2, progress=False)
    assert by_id(tmp_path / "two.jsonl") == by_id(tmp_path / "one.jsonl")
    assert sorted(record["line"] for record in records(tmp_path / "two.jsonl")) == list(range(1, 12))


@pytest.mark.slow
def test_killed_with_sigkill_and_run_again_every_id_once_and_the_same_briefs(tmp_path):
    source, output, reference = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "reference.jsonl"
    clusters = seed_clusters(24)
    write_lines(source, clusters)
    command = [sys.executable, "-m", "summarizer", "batch", str(source), str(output), "--workers", "2"]
    job = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and job.poll() is None:
        if output.exists() and output.read_bytes().count(b"\n") >= 8:
            break
        time.sleep(0.02)
    assert job.poll() is None, "the job ended before it could be killed halfway"
    os.killpg(job.pid, signal.SIGKILL)  # the job and its worker processes, at once
    job.wait()
    written = output.read_bytes().count(b"\n")
    assert 8 <= written < len(clusters)
    resumed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{written} lines already done" in resumed.stderr
    ids = [record["id"] for record in records(output)]
    assert sorted(ids) == sorted(cluster["id"] for cluster in clusters)
    run_batch(source, reference, progress=False)
    assert by_id(output) == by_id(reference)


@pytest.mark.slow
def test_the_ray_engine_writes_the_briefs_of_the_local_one(tmp_path):
    pytest.importorskip("ray")
    source = tmp_path / "in.jsonl"
    write_lines(source, seed_clusters(6) + BROKEN[1:4])
    run_batch(source, tmp_path / "local.jsonl", progress=False)
    done = run_batch(source, tmp_path / "ray.jsonl", engine="ray", workers=2, progress=False)
    assert (done.briefs, done.errors) == (7, 2)
    assert by_id(tmp_path / "ray.jsonl") == by_id(tmp_path / "local.jsonl")
    again = run_batch(source, tmp_path / "ray.jsonl", engine="ray", workers=2, progress=False)
    assert (again.written, again.skipped) == (0, 9)


def test_digest_lines(tmp_path, seed_documents):
    from test_digest import EARNINGS

    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    pile = [*seed_documents, {"id": "earnings", "text": EARNINGS}]
    write_lines(source, [{"id": "feed-1", "documents": pile, "max_words": 60, "min_story_size": 2},
                         {"id": "feed-2", "documents": pile[:2], "min_size": 2}])
    done = run_batch(source, output, progress=False, mode="digest")
    assert (done.briefs, done.errors) == (1, 1)
    first, second = records(output)
    stories = first["digest"]["stories"]
    assert [len(story["document_ids"]) for story in stories] == [5, 1] and stories[1]["brief"] is None
    assert second["error"]["field"] == "min_size"
