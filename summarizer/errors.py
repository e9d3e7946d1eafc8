"""Errors the engine raises on purpose; anything else is a bug."""


class SummarizerError(Exception):
    """Base class of the engine's own errors."""


class InputError(SummarizerError, ValueError):
    """The caller's input is unusable; `field` says where (e.g. ``documents[2].text``)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class ResourceMissingError(SummarizerError, RuntimeError):
    """A model or data package the engine needs is not installed."""


class TimeLimitError(SummarizerError, TimeoutError):
    """The work did not finish within the caller's time limit."""


class ModelLoadError(SummarizerError, RuntimeError):
    """The embedding model is installed but could not be prepared or loaded (the message says why)."""
