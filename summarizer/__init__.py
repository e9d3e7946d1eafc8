"""Multi-document news summarization: several articles about one event in, one sourced brief out.

Where each stage lives, in the order the engine runs them (engine.py):
documents.py (input) -> cleaning.py with boilerplate.py (prose spans) -> sentences.py (splitting) -> standalone.py
(what may be chosen) -> words.py, figures.py, concepts.py (content units and their worth) -> embedding.py (vectors
of the shortlist) -> furniture.py (site furniture by meaning) -> select.py (coverage within the budget) -> order.py
(reading order) -> facts.py, attribution.py, disagreements.py (sources and where they differ) -> brief.py (result).
Settings: config.py. Errors: errors.py.
"""

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
