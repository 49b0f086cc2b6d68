"""Errors with stable codes and messages that say what to do next.

A ``SkipDocument`` is not a failure of the run: the pipeline records it under
``skipped`` with its one-line reason and carries on with the other inputs.
"""

from __future__ import annotations


class NewsprismError(Exception):
    """Base class: ``code`` is stable across releases, the message is for people."""

    code = "NP000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class UsageError(NewsprismError):
    """The call itself is wrong (unknown format, no inputs, unwritable output)."""

    code = "NP001"


class ModelNotInstalledError(NewsprismError):
    """The spaCy model package is missing: nothing is ever downloaded at run time."""

    code = "NP002"


class SkipDocument(NewsprismError):
    """One input cannot be used; ``message`` is the one-line reason shown under ``skipped``."""

    code = "NP100"
