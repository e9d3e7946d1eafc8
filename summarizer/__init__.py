"""Multi-document news summarization: several articles about one event in, one sourced brief out."""

from .brief import Brief, BriefSentence
from .config import DEFAULT_SETTINGS, Settings
from .documents import Document
from .errors import InputError, ModelLoadError, ResourceMissingError, SummarizerError, TimeLimitError
from .engine import Summarizer, summarize

__version__ = "0.1.0"

__all__ = [
    "Brief",
    "BriefSentence",
    "DEFAULT_SETTINGS",
    "Document",
    "InputError",
    "ModelLoadError",
    "ResourceMissingError",
    "Settings",
    "Summarizer",
    "SummarizerError",
    "TimeLimitError",
    "summarize",
    "__version__",
]
