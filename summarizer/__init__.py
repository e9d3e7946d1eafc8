"""Multi-document news summarization: several articles about one event in, one sourced brief out.

Where each stage lives, in the order `Summarizer.summarize` (engine.py) runs them, with the name its timing has:
"read": documents.py (input; web pages through html.py) -> "split": cleaning.py with boilerplate.py (prose spans), sentences.py (splitting),
standalone.py (what may be chosen; engine.candidate_sentences) -> "concepts": words.py, figures.py, concepts.py
(content units and their worth; engine.weigh_content) -> "embed": embedding.py (vectors of the shortlist) ->
"furniture": furniture.py (site furniture by meaning; engine.drop_furniture) -> "select": select.py (coverage within
the budget; engine.select_brief) -> "order": order.py (reading order) -> "attribute": facts.py, attribution.py,
disagreements.py (sources and where they differ) -> brief.py (the result).
Many stories at once: stories.py (grouping) and digest.py, run by `Summarizer.digest`; "related" (stories.py) leaves out
an article about another story. Settings: config.py. Errors: errors.py. Many clusters: batch.py. Sample articles: samples.py. Links: fetch.py.
"""

from .brief import Brief, BriefSentence
from .config import DEFAULT_SETTINGS, Settings
from .reading.documents import Document
from .errors import InputError, ModelLoadError, ResourceMissingError, SummarizerError, TimeLimitError
from .stories.digest import Digest, Story
from .engine import Summarizer, digest, summarize

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
    "digest",
    "summarize",
    "__version__",
]
