"""Errors that stop lintgk from doing its job for one input or for the whole run (exit 2)."""
from __future__ import annotations


class LintgkError(Exception):
    """Base class: the message is one line, meant for the user as is."""


class InputError(LintgkError):
    """A file could not be read as a report (missing, binary, undecodable, unsupported)."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class ConfigError(LintgkError):
    """The configuration is malformed or names something that does not exist."""


class RuleFileError(LintgkError):
    """A rule or profile YAML file is malformed."""
