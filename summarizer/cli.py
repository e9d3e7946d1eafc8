"""Command line: python -m summarizer PATH... [--max-words N] [--max-sentences N] [--query TEXT] [--format F]."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .errors import InputError, ModelLoadError, ResourceMissingError
from .engine import summarize

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


def _default_folder() -> Path:
    for folder in (Path.cwd() / DEFAULT_FOLDER, Path(__file__).resolve().parent.parent / DEFAULT_FOLDER):
        if folder.is_dir():
            return folder
    raise UsageError("no PATH given and no seeds/ folder here; name the articles to summarize")


def load_documents(paths: list[str]) -> list:
    """Articles from files, folders of text files, or '-' for a JSON list on standard input."""
    documents: list = []
    for name in paths or [str(_default_folder())]:
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
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="a text file (one article), a folder of text files (one cluster), or - for a JSON "
                             "list on standard input; default: seeds/")
    parser.add_argument("--max-words", type=int, default=None, help="length budget in words (default 100)")
    parser.add_argument("--max-sentences", type=int, default=None, help="length budget in sentences")
    parser.add_argument("--query", default=None, help="focus the brief on this question or topic")
    parser.add_argument("--diversity", type=float, default=None, help="0..1: how strongly to avoid repetition")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    options = {"max_sentences": args.max_sentences, "query": args.query, "diversity": args.diversity}
    if args.max_words is not None:
        options["max_words"] = args.max_words
    try:
        brief = summarize(load_documents(args.paths), **options)
    except (UsageError, InputError, ResourceMissingError, ModelLoadError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 3 if isinstance(error, (ResourceMissingError, ModelLoadError)) else 2
    if args.format == "json":
        print(brief.to_json(indent=2))
    elif args.format == "markdown":
        print(brief.to_markdown())
    else:
        print(brief.to_text())
    for warning in brief.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0
