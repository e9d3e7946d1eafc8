"""Batch briefs: JSON lines of clusters in, one JSON line per cluster out; resumable; local processes or Ray.

INPUT holds one cluster per line: ``{"id", "documents", "query"?, "max_words"?, "max_sentences"?, "diversity"?,
"seen"?}`` (``references``, carried by evaluation files, is ignored; ``seen``: articles the reader knows, for a brief
of what the documents add). OUTPUT gets one line per input line, in the order the briefs finish:
``{"id", "line", "brief": {...}}`` or ``{"id", "line", "error": {"code", "message", "field"}}``. In mode "digest",
each line is a pile of articles about any stories (``min_story_size`` allowed, not ``seen``) and its record holds
``"digest": {...}``; in mode "timeline", a line has ``max_entries``? and ``max_words_per_entry``? as its options and
its record holds ``"timeline": {...}``.

Each record is appended with a single write, and a record cut short by a kill is dropped when the job starts again,
so a job killed at any moment and run again with the same INPUT and OUTPUT writes every line exactly once. The
records say which input line they answer (``line``, from 1); a re-run skips the lines already answered and refuses
an OUTPUT written from another INPUT.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from .config import DEFAULT_SETTINGS, Settings
from .engine import Summarizer
from .errors import InputError, ModelLoadError, ResourceMissingError, TimeLimitError

ENGINES = ("local", "ray")
BRIEF_KEYS = ("query", "max_words", "max_sentences", "diversity")
# What each mode makes of a line, and the keys a line may give it.
MODES = {"brief": (*BRIEF_KEYS, "seen"), "digest": (*BRIEF_KEYS, "min_story_size"),
         "timeline": ("max_entries", "max_words_per_entry")}
IGNORED_KEYS = ("references",)
# Clusters handed to one Ray dataset at a time: the driver never holds more of INPUT than this.
RAY_CHUNK = 10_000


class BatchError(Exception):
    """The job cannot run (unreadable files, an OUTPUT from another INPUT, a bad option); one line says why."""


@dataclass(frozen=True)
class Task:
    """One input line that parsed, with an id not seen before: what a worker needs to make its brief."""

    line: int
    id: Any
    cluster: dict


def error_record(identifier: Any, line: int, code: str, message: str, field: str | None = None) -> dict:
    return {"id": identifier, "line": line, "error": {"code": code, "message": message, "field": field}}


def _id_of(value: Any) -> tuple[Any, str | None]:
    """The id as given when usable, else (None, why not)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None, "must be a string or an integer"
    if isinstance(value, str) and not value.strip():
        return None, "must not be empty"
    return value, None


def read_input(path: Path) -> Iterator[tuple[int, str]]:
    """(line number from 1, text) for each non-blank line of INPUT, read as it goes."""
    try:
        with path.open("r", encoding="utf-8", errors="replace") as lines:
            for number, text in enumerate(lines, 1):
                if text.strip():
                    yield number, text
    except OSError as error:
        raise BatchError(f"cannot read {path}: {error.strerror or error}") from None


def parse(number: int, text: str, seen: set) -> Task | dict:
    """A Task for a usable line, else its error record (bad JSON, no usable id, an id used before)."""
    try:
        cluster = json.loads(text)
    except json.JSONDecodeError as error:
        return error_record(None, number, "invalid_json", f"line {number} is not valid JSON: {error.msg}")
    if not isinstance(cluster, dict):
        return error_record(None, number, "invalid_input", "a line must be a JSON object with id and documents")
    identifier, problem = _id_of(cluster["id"]) if "id" in cluster else (None, "is missing; every line needs one")
    if problem:
        return error_record(None, number, "invalid_input", f"id {problem}", "id")
    key = json.dumps(identifier)
    if key in seen:
        return error_record(identifier, number, "duplicate_id", f"id {identifier!r} was used by an earlier line", "id")
    seen.add(key)
    return Task(number, identifier, cluster)


def brief_record(summarizer: Summarizer, task: Task, time_limit: float | None = None, mode: str = "brief") -> dict:
    """The brief (or the digest, or the timeline: `mode`) of one line as an output record; any failure of the line
    becomes its error record."""
    cluster = task.cluster
    keys = MODES[mode]
    unknown = sorted(set(cluster) - {"id", "documents", *keys, *IGNORED_KEYS})
    if unknown:
        return error_record(task.id, task.line, "unknown_field",
                            f"unknown key {unknown[0][:64]!r}; a line has id, documents and optionally "
                            f"{', '.join(keys)}", unknown[0][:64])
    if "documents" not in cluster:
        return error_record(task.id, task.line, "invalid_input", "missing; give a list of articles", "documents")
    options = {key: cluster[key] for key in keys if key in cluster}
    make = {"brief": summarizer.summarize, "digest": summarizer.digest, "timeline": summarizer.timeline}[mode]
    try:
        found = make(cluster["documents"], time_limit=time_limit, **options)
    except InputError as error:
        return error_record(task.id, task.line, error.code, error.message, error.field)
    except TimeLimitError:
        return error_record(task.id, task.line, "timeout", f"the {mode} took longer than the limit of {time_limit} s")
    except (ResourceMissingError, ModelLoadError):
        raise
    except Exception as error:  # a bug on one cluster must not stop the other million
        return error_record(task.id, task.line, "internal_error", f"{type(error).__name__}: {error}")
    return {"id": task.id, "line": task.line, mode: found.to_dict()}


def encode_record(record: dict) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


class Output:
    """OUTPUT opened for appending whole records; what it already answers is read (and a cut record dropped) first."""

    def __init__(self, path: Path):
        self.path = path
        self.done: dict[int, Any] = {}
        self._recover()
        try:
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as error:
            raise BatchError(f"cannot write {path}: {error.strerror or error}") from None

    def _recover(self) -> None:
        if not self.path.exists():
            return
        try:
            data = self.path.read_bytes()
        except OSError as error:
            raise BatchError(f"cannot read {self.path}: {error.strerror or error}") from None
        complete = data.rfind(b"\n") + 1
        if complete < len(data):  # the last record was cut short by a kill: it was never written
            os.truncate(self.path, complete)
        for number, raw in enumerate(data[:complete].splitlines(), 1):
            try:
                record = json.loads(raw)
                self.done[int(record["line"])] = record.get("id")
            except (ValueError, KeyError, TypeError):
                raise BatchError(f"{self.path} line {number} is not a record of this command; "
                                 "give a new OUTPUT file") from None

    def check(self, number: int, identifier: Any) -> None:
        """Refuse to go on when OUTPUT answered a different id for this line: it belongs to another INPUT."""
        if self.done.get(number, identifier) != identifier:
            raise BatchError(f"{self.path} was written from another INPUT (line {number} has id "
                             f"{self.done[number]!r} there, {identifier!r} here); give a new OUTPUT file")

    def write(self, record: dict) -> None:
        data = encode_record(record)
        while data:  # one write for a record in practice; the loop covers a short write
            data = data[os.write(self._fd, data):]
        self.done[record["line"]] = record["id"]

    def close(self) -> None:
        os.fsync(self._fd)
        os.close(self._fd)


# Worker processes of the local engine: each loads the model once.
_worker: dict = {}


def _start_worker(settings: Settings, time_limit: float | None, mode: str) -> None:
    _worker["summarizer"] = Summarizer(settings)
    _worker["time_limit"] = time_limit
    _worker["mode"] = mode
    _worker["summarizer"].encoder  # load now, not inside the first cluster


def _work(task: Task) -> dict:
    return brief_record(_worker["summarizer"], task, _worker["time_limit"], _worker["mode"])


def run_local(tasks: Iterable[Task], write: Callable[[dict], None], workers: int, settings: Settings,
              time_limit: float | None, mode: str = "brief") -> None:
    if workers == 1:
        summarizer = Summarizer(settings)
        for task in tasks:
            write(brief_record(summarizer, task, time_limit, mode))
        return
    context = get_context("spawn")  # a fresh interpreter per worker: no forked threads or model state
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(settings, time_limit, mode)) as pool:
        pending: set = set()
        for task in tasks:
            pending.add(pool.submit(_work, task))
            if len(pending) >= 2 * workers:  # a bounded window: INPUT is read as the work goes
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    write(future.result())
        for future in wait(pending).done:
            write(future.result())


class RayBriefs:
    """A Ray Data actor: loads the model once, then turns batches of clusters into output records."""

    def __init__(self, settings: Settings, time_limit: float | None, mode: str = "brief"):
        self.summarizer = Summarizer(settings)
        self.summarizer.encoder
        self.time_limit = time_limit
        self.mode = mode

    def __call__(self, batch: dict) -> dict:
        records = []
        for line, identifier, cluster in zip(batch["line"], batch["id"], batch["cluster"]):
            task = Task(int(line), json.loads(identifier), json.loads(cluster))
            records.append(json.dumps(brief_record(self.summarizer, task, self.time_limit, self.mode),
                                      ensure_ascii=False))
        return {"record": records}


def _chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_ray(tasks: Iterable[Task], write: Callable[[dict], None], workers: int, settings: Settings,
            time_limit: float | None, address: str | None, mode: str = "brief") -> None:
    try:
        import ray
        import ray.data
    except ImportError:
        raise BatchError("the ray engine needs Ray: pip install 'news-brief[ray]'") from None
    # The job's own progress bar and summary say what Ray's INFO lines and progress bars would.
    logging.getLogger("ray").setLevel(logging.WARNING)
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    started = not ray.is_initialized()
    if started:
        options = {"address": address} if address else {"num_cpus": workers}
        ray.init(include_dashboard=False, log_to_driver=False, configure_logging=False, **options)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    context.enable_rich_progress_bars = False
    actor_settings = settings.replace(embedding_threads=1)
    try:
        for chunk in _chunks(tasks, RAY_CHUNK):
            # Ids and clusters travel as JSON text: any mix of types in any line stays as it was given.
            rows = [{"line": task.line, "id": json.dumps(task.id), "cluster": json.dumps(task.cluster)}
                    for task in chunk]
            dataset = ray.data.from_items(rows, override_num_blocks=max(1, min(len(rows), 4 * workers)))
            briefs = dataset.map_batches(RayBriefs, fn_constructor_args=(actor_settings, time_limit, mode), batch_size=1,
                                         compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1)
            for row in briefs.iter_rows():
                write(json.loads(row["record"]))
    finally:
        if started:
            ray.shutdown()


@dataclass
class Progress:
    """What a job did: records written by this run and how they split."""

    written: int = 0
    briefs: int = 0
    errors: int = 0
    skipped: int = 0
    seconds: float = 0.0


def run_batch(input_path: str | Path, output_path: str | Path, *, workers: int = 1, engine: str = "local",
              address: str | None = None, settings: Settings = DEFAULT_SETTINGS, time_limit: float | None = None,
              progress: bool | None = None, mode: str = "brief") -> Progress:
    """Answer every line of INPUT in OUTPUT that OUTPUT does not answer yet; see the module's docstring."""
    if engine not in ENGINES:
        raise BatchError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if mode not in MODES:
        raise BatchError(f"unknown mode {mode!r}; choose from {', '.join(MODES)}")
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise BatchError("--workers must be a whole number of at least 1")
    if address and engine != "ray":
        raise BatchError("--address is for --engine ray")
    input_path, output_path = Path(input_path), Path(output_path)
    if input_path.exists() and output_path.exists() and input_path.resolve() == output_path.resolve():
        raise BatchError("OUTPUT must be another file than INPUT")
    total = sum(1 for _ in read_input(input_path))
    output = Output(output_path)
    summary = Progress()
    started = time.perf_counter()

    from tqdm import tqdm

    bar = tqdm(total=total, initial=min(len(output.done), total), unit="cluster", file=sys.stderr,
               disable=(not sys.stderr.isatty()) if progress is None else not progress, dynamic_ncols=True)

    def write(record: dict) -> None:
        output.write(record)
        summary.written += 1
        if "error" not in record:
            summary.briefs += 1
        else:
            summary.errors += 1
        bar.update(1)

    def tasks() -> Iterator[Task]:
        seen: set = set()
        for number, text in read_input(input_path):
            parsed = parse(number, text, seen)
            identifier = parsed.id if isinstance(parsed, Task) else parsed["id"]
            if number in output.done:
                output.check(number, identifier)
                summary.skipped += 1
                continue
            if isinstance(parsed, Task):
                yield parsed
            else:
                write(parsed)

    try:
        if engine == "ray":
            run_ray(tasks(), write, workers, settings, time_limit, address, mode)
        else:
            threads = max(1, (os.cpu_count() or 1) // workers)
            run_local(tasks(), write, workers, settings.replace(embedding_threads=threads), time_limit, mode)
    finally:
        bar.close()
        output.close()
        summary.seconds = time.perf_counter() - started
    return summary
