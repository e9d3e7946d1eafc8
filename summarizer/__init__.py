"""Multi-document news summarization: several articles about one event in, one sourced brief out.

`summarize()` makes a brief (with `seen`: of what is new), `timeline()` a story in date order, `digest()` a brief
per story of a mixed pile; `Summarizer` holds the settings and the
model. The folders are the pipeline's stages (docs/architecture.md): reading/ (articles in, sentences), content/
(words, figures, content units), model/ (the embedding model), selection/ (what is chosen), sources/ (sources,
figure frames, notes), stories/ (grouping, digest); engine.py runs them, options.py checks a request.
"""

from .brief import Brief, BriefSentence
from .config import DEFAULT_SETTINGS, Settings
from .reading.documents import Document
from .errors import InputError, ModelLoadError, ResourceMissingError, SummarizerError, TimeLimitError
from .stories.digest import Digest, Story
from .timeline import Timeline, TimelineEntry
from .engine import Summarizer
from .shortcuts import digest, summarize, timeline

__version__ = "0.1.0"

__all__ = [
    "Brief",
    "BriefSentence",
    "DEFAULT_SETTINGS",
    "Digest",
    "Document",
    "InputError",
    "ModelLoadError",
    "ResourceMissingError",
    "Settings",
    "Story",
    "Summarizer",
    "SummarizerError",
    "TimeLimitError",
    "Timeline",
    "TimelineEntry",
    "digest",
    "summarize",
    "timeline",
    "__version__",
]
