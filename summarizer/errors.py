"""Errors the engine raises on purpose; anything else is a bug."""


class SummarizerError(Exception):
    """Base class of the engine's own errors."""


class InputError(SummarizerError, ValueError):
    """The caller's input is unusable; `field` says where (e.g. ``documents[2].text``), `code` what kind of problem
    ("invalid_input", or "unknown_field" for a field no article has), the same code the service answers with."""

    def __init__(self, message: str, field: str | None = None, code: str = "invalid_input"):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class ResourceMissingError(SummarizerError, RuntimeError):
    """A model or data package the engine needs is not installed."""


class TimeLimitError(SummarizerError, TimeoutError):
    """The work did not finish within the caller's time limit."""


class ModelLoadError(SummarizerError, RuntimeError):
    """The embedding model is installed but could not be prepared or loaded (the message says why)."""
