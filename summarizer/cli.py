"""Command line.

python -m summarizer PATH... [--max-words N] [--max-sentences N] [--query TEXT] [--format F]   one brief
python -m summarizer PATH... --seen PATH...                                                  what is new since
python -m summarizer timeline PATH... [--max-entries N] [--max-words-per-entry N]           the story by date
python -m summarizer digest PATH... [--min-story-size N] [--format F]                        a brief per story
python -m summarizer batch INPUT OUTPUT [--workers N] [--engine local|ray] [--address ADDR]   a brief per line
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .batch import ENGINES, BatchError, run_batch
from .reading.samples import sample_documents, with_sample_dates
from .errors import InputError, ModelLoadError, ResourceMissingError
from .config import Settings
from .shortcuts import digest, summarize, timeline

TEXT_SUFFIXES = {".txt", ".text", ".md"}
DEFAULT_FOLDER = "seeds"


class UsageError(Exception):
    """A problem with the command line or the files it names."""


def _read(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    return {"id": path.stem, "text": text}


def _from_stdin() -> list:
    try:
        data = json.load(sys.stdin)
    except json.JSONDecodeError as error:
        raise UsageError(f"standard input is not valid JSON: {error}") from None
    if isinstance(data, dict) and "documents" in data:
        data = data["documents"]
    if not isinstance(data, list):
        raise UsageError("standard input must be a JSON list of articles (strings or objects with 'text')")
    return data


def _default_documents() -> list:
    """seeds/ in the working folder, else the sample articles installed with the package."""
    folder = Path.cwd() / DEFAULT_FOLDER
    if folder.is_dir():
        return [with_sample_dates(document) for document in load_documents([str(folder)])]
    documents = sample_documents()
    if not documents:
        raise UsageError("no PATH given and no seeds/ folder here; name the articles to summarize")
    return documents


def load_documents(paths: list[str]) -> list:
    """Articles from files, folders of text files, or '-' for a JSON list on standard input."""
    if not paths:
        return _default_documents()
    documents: list = []
    for name in paths:
        if name == "-":
            documents.extend(_from_stdin())
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            if not files:
                raise UsageError(f"{path} holds no .txt, .text or .md files")
            documents.extend(_read(file) for file in files)
        elif path.is_file():
            documents.append(_read(path))
        else:
            raise UsageError(f"no such file or folder: {path}")
    return documents


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m summarizer",
        description="Summarize several news articles about one event into one brief with sources.",
        epilog="python -m summarizer timeline --help: the story in date order. "
               "python -m summarizer digest --help: a pile of articles grouped into stories, a brief each. "
               "python -m summarizer batch --help: a brief for every cluster of a JSON-lines file.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="a text file (one article), a folder of text files (one cluster), or - for a JSON "
                             "list on standard input; default: seeds/")
    parser.add_argument("--max-words", type=int, default=None, help="length budget in words (default 100)")
    parser.add_argument("--max-sentences", type=int, default=None, help="length budget in sentences")
    parser.add_argument("--query", default=None, help="focus the brief on this question or topic")
    parser.add_argument("--diversity", type=float, default=None, help="0..1: how strongly to avoid repetition")
    parser.add_argument("--seen", nargs="+", default=None, metavar="PATH",
                        help="articles the reader already knows (files, folders, or - for JSON): the brief tells "
                             "what the other articles add")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _timeline_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m summarizer timeline",
        description="The story of several articles in date order: dated entries, each with its sources. An article "
                    "is dated by its 'published' field (JSON on standard input) or a date line at its head "
                    "('date 2024-10-12', 'Published: 12 October 2024', 'SEOUL, Oct. 12, 2024 (Reuters) -').",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="text files (one article each), folders of text files, or - for a JSON list on "
                             "standard input; default: seeds/")
    parser.add_argument("--max-entries", type=int, default=None, help="at most this many entries (default 8)")
    parser.add_argument("--max-words-per-entry", type=int, default=None, help="words per entry (default 50)")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    return parser


def timeline_main(argv: list[str]) -> int:
    args = _timeline_parser().parse_args(argv)
    try:
        result = timeline(load_documents(args.paths), settings=Settings.from_environment(),
                          max_entries=args.max_entries, max_words_per_entry=args.max_words_per_entry)
    except (UsageError, InputError, ResourceMissingError, ModelLoadError) as error:
        return _failed(error)
    _print(result, args.format)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def _batch_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m summarizer batch",
        description="A brief for every cluster of a JSON-lines file, one output line each; run it again to resume.",
    )
    parser.add_argument("input", metavar="INPUT",
                        help='JSON lines: {"id", "documents", "query"?, "max_words"?, "max_sentences"?, "seen"?}')
    parser.add_argument("output", metavar="OUTPUT",
                        help='JSON lines appended: {"id", "line", "brief"} or {"id", "line", "error"}')
    parser.add_argument("--workers", type=int, default=1, help="processes (local) or actors (ray); default 1")
    parser.add_argument("--engine", choices=ENGINES, default="local",
                        help="local worker processes (default) or Ray Data")
    parser.add_argument("--address", default=None,
                        help="the Ray cluster to join (e.g. ray://head:10001 or auto); default: a local Ray")
    parser.add_argument("--time-limit", type=float, default=None, help="seconds allowed per cluster (default: none)")
    making = parser.add_mutually_exclusive_group()
    making.add_argument("--digest", action="store_true",
                        help="each line is a pile of articles about any stories: write a digest (a brief per story)")
    making.add_argument("--timeline", action="store_true",
                        help="write each line's timeline (options max_entries, max_words_per_entry)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar (default: shown on a terminal)")
    return parser


def batch_main(argv: list[str]) -> int:
    args = _batch_parser().parse_args(argv)
    mode = "digest" if args.digest else "timeline" if args.timeline else "brief"
    try:
        done = run_batch(args.input, args.output, workers=args.workers, engine=args.engine, address=args.address,
                         settings=Settings.from_environment(),
                         time_limit=args.time_limit, progress=False if args.no_progress else None,
                         mode=mode)
    except (BatchError, InputError, ResourceMissingError, ModelLoadError) as error:
        return _failed(error)
    rate = done.written / done.seconds if done.seconds else 0.0
    kind = {"brief": "briefs", "digest": "digests", "timeline": "timelines"}[mode]
    print(f"batch: {done.briefs} {kind} and {done.errors} errors written, {done.skipped} lines already done, "
          f"in {done.seconds:.1f} s ({rate:.2f} clusters/s)", file=sys.stderr)
    # Every line this run answered failed: the job did nothing useful, and a script running it should know.
    return 1 if done.errors and not done.briefs else 0


def _digest_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m summarizer digest",
        description="Group articles about several stories into stories, with one sourced brief per story.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="text files (one article each), folders of text files, or - for a JSON list on "
                             "standard input; default: seeds/")
    parser.add_argument("--max-words", type=int, default=None, help="length budget of each brief (default 100)")
    parser.add_argument("--max-sentences", type=int, default=None, help="sentence budget of each brief")
    parser.add_argument("--query", default=None, help="focus every brief on this question or topic")
    parser.add_argument("--min-story-size", type=int, default=1,
                        help="stories with fewer articles are listed without a brief (default 1)")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    return parser


def digest_main(argv: list[str]) -> int:
    args = _digest_parser().parse_args(argv)
    options = {"query": args.query, "min_story_size": args.min_story_size}
    if args.max_words is not None:
        options["max_words"] = args.max_words
    if args.max_sentences is not None:
        options["max_sentences"] = args.max_sentences
    try:
        result = digest(load_documents(args.paths), settings=Settings.from_environment(), **options)
    except (UsageError, InputError, ResourceMissingError, ModelLoadError) as error:
        return _failed(error)
    _print(result, args.format)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for story in result.stories:
        for warning in story.brief.warnings if story.brief else ():
            print(f"warning: {story.label}: {warning}", file=sys.stderr)
    return 0


def _failed(error: Exception) -> int:
    """One line on standard error; 3 for a missing or broken model or data package, 2 for anything else."""
    print(f"error: {error}", file=sys.stderr)
    return 3 if isinstance(error, (ResourceMissingError, ModelLoadError)) else 2


def _print(result, form: str) -> None:
    """A brief, a timeline or a digest on standard output, as JSON, markdown or text."""
    print(result.to_json(indent=2) if form == "json" else result.to_markdown() if form == "markdown"
          else result.to_text())


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["batch"]:
        return batch_main(argv[1:])
    if argv[:1] == ["digest"]:
        return digest_main(argv[1:])
    if argv[:1] == ["timeline"]:
        return timeline_main(argv[1:])
    args = _parser().parse_args(argv)
    options = {"max_sentences": args.max_sentences, "query": args.query, "diversity": args.diversity}
    if args.max_words is not None:
        options["max_words"] = args.max_words
    try:
        if args.seen is not None:
            options["seen"] = load_documents(args.seen)
        brief = summarize(load_documents(args.paths), settings=Settings.from_environment(), **options)
    except (UsageError, InputError, ResourceMissingError, ModelLoadError) as error:
        return _failed(error)
    _print(brief, args.format)
    for warning in brief.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0
