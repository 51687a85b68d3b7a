"""Configuration: ``[tool.lintgk]`` in pyproject.toml, ``lintgk.toml`` or ``.lintgk.yaml``.

Found by walking up from the current directory (the first file that configures lintgk
wins), or named with ``--config``. Paths in it are relative to the file.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lintgk.errors import ConfigError
from lintgk.model import SEVERITIES

CONFIG_NAMES = ("lintgk.toml", ".lintgk.yaml", ".lintgk.yml", "pyproject.toml")
_KEYS = {"select", "extend-select", "ignore", "severity", "rule-dirs", "document", "profile", "fail-on", "min-severity", "lang",
         "encoding", "exclude", "per-file-ignores", "baseline", "reports-only", "bodies"}


@dataclass
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rule_dirs: list[str] = field(default_factory=list)
    document: str = "annual-report"  # the document type; the profile is chosen among its profiles
    profile: str | None = None
    fail_on: str = "error"
    min_severity: str = "info"  # findings below it are neither shown nor counted (Vale's MinAlertLevel)
    reports_only: bool = True  # the CLI skips files that are clearly not annual reports (lintgk.recognize)
    lang: str = "zh"
    encoding: str | None = None
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    baseline: str | None = None
    bodies: dict[str, list[str]] = field(default_factory=dict)  # one body's name -> the other names it goes by
    source: str | None = None

    def enabled(self, code: str) -> bool:
        if self.select and not any(code.startswith(s) for s in self.select):
            return False
        return not any(code.startswith(s) for s in self.ignore)

    @property
    def root(self) -> Path:
        """The folder that config globs are relative to: the config file's, or the working directory."""
        return Path(self.source).resolve().parent if self.source else Path.cwd().resolve()

    def ignored_in(self, path: str) -> list[str]:
        """Codes ignored for this file by ``per-file-ignores``: .gitignore-syntax patterns (like ``exclude``),
        matched against the path relative to the config file's folder."""
        if not self.per_file_ignores:
            return []
        from lintgk.files import relative_to, spec

        name = relative_to(Path(path), self.root)
        return [code for pattern, codes in self.per_file_ignores.items()
                if spec([pattern]).match_file(name) for code in codes]


def _text(path: Path) -> str:
    """The file's text, or a one-line ConfigError naming it: unreadable, or not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}); save the config file as UTF-8") from None


def _read_toml(path: Path) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        return tomllib.loads(_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({' '.join(str(exc).split())})") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML (nested too deeply)") from None


def _read(path: Path) -> dict | None:
    """The lintgk section of a config file, or None when the file does not configure lintgk."""
    if path.suffix in (".yaml", ".yml"):
        from lintgk import safe_yaml

        try:
            data = safe_yaml.load(_text(path), str(path))
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: expected a mapping of settings, not {_kind(data)}")
        return data
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: 'tool' must be a table, not {_kind(tool)}")
        section = tool.get("lintgk")
        if section is not None and not isinstance(section, dict):
            raise ConfigError(f"{path}: [tool.lintgk] must be a table of settings, not {_kind(section)}")
        return section
    return data


def _kind(value: Any) -> str:
    """How a TOML/YAML value reads to a user: 'an array of tables', 'an integer'."""
    if isinstance(value, list):
        return "an array of tables" if value and all(isinstance(v, dict) for v in value) else "an array"
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _patterns(path: Path, key: str, patterns: list[str]) -> None:
    """Compile .gitignore-style patterns now, so that a bad one is a config error, not a crash later."""
    import pathspec

    for pattern in patterns:
        try:
            pathspec.GitIgnoreSpec.from_lines([pattern]).match_file("x")
        except Exception as exc:  # pathspec raises ValueError, re.error and others for a bad pattern
            raise ConfigError(f"{path}: '{key}' has an invalid pattern {pattern!r} ({exc})") from None


def _strings(path: Path, key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of strings")
    return [v.strip().upper() if key in ("select", "ignore", "per-file-ignores") else v for v in value]


def from_mapping(data: dict, path: Path) -> Config:
    unknown = set(data) - _KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(map(str, unknown)))} (known: {', '.join(sorted(_KEYS))})")
    config = Config(source=str(path))
    for key in ("select", "ignore", "exclude"):
        if key in data:
            setattr(config, key, _strings(path, key, data[key]))
    _patterns(path, "exclude", config.exclude)
    if "extend-select" in data and config.select:  # an empty select already means every rule
        config.select = [*config.select, *_strings(path, "select", data["extend-select"])]
    elif "extend-select" in data:
        _strings(path, "select", data["extend-select"])
    if "rule-dirs" in data:
        config.rule_dirs = [_beside(path, "rule-dirs", p) for p in _strings(path, "rule-dirs", data["rule-dirs"])]
    per_file = data.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise ConfigError(f"{path}: 'per-file-ignores' maps file globs to lists of rule codes")
    config.per_file_ignores = {str(k): _strings(path, "per-file-ignores", v) for k, v in per_file.items()}
    _patterns(path, "per-file-ignores", list(config.per_file_ignores))
    if "baseline" in data:
        if not isinstance(data["baseline"], str):
            raise ConfigError(f"{path}: 'baseline' must be a file name")
        config.baseline = _beside(path, "baseline", data["baseline"])
    bodies = data.get("bodies", {})
    if not isinstance(bodies, dict):
        raise ConfigError(f"{path}: 'bodies' maps a body's name to the other names it goes by")
    config.bodies = {str(k): _strings(path, "bodies", v) for k, v in bodies.items()}
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(f"{path}: 'severity' maps rule codes to error/warning/info")
    for code, level in severity.items():
        if level not in SEVERITIES:
            raise ConfigError(f"{path}: severity of {code} must be one of {', '.join(SEVERITIES)}, not {level!r}")
    config.severity = {str(k).upper(): v for k, v in severity.items()}
    if "reports-only" in data:
        if not isinstance(data["reports-only"], bool):
            raise ConfigError(f"{path}: 'reports-only' must be true or false")
        config.reports_only = data["reports-only"]
    for key, allowed in (("fail-on", SEVERITIES), ("min-severity", SEVERITIES), ("lang", ("zh", "en"))):
        if key in data:
            if data[key] not in allowed:
                raise ConfigError(f"{path}: '{key}' must be one of {', '.join(allowed)}")
            setattr(config, key.replace("-", "_"), data[key])
    for key in ("document", "profile", "encoding"):
        if key in data:
            if not isinstance(data[key], str):
                raise ConfigError(f"{path}: '{key}' must be a string")
            setattr(config, key, data[key])
    if config.encoding is not None:
        import codecs

        try:
            codecs.lookup(config.encoding)
        except LookupError:
            raise ConfigError(f"{path}: 'encoding' names no known encoding: {config.encoding!r}") from None
    return config


def _beside(path: Path, key: str, name: str) -> str:
    """A path from the config, relative to the config file's folder."""
    try:
        return str((path.parent / name).resolve())
    except (ValueError, OSError) as exc:
        raise ConfigError(f"{path}: '{key}' is not a usable path: {name!r} ({exc})") from None


def load_config(explicit: Path | None = None, start: Path | None = None) -> Config:
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        data = _read(explicit)
        return from_mapping(data or {}, explicit)
    folder = (start or Path.cwd()).resolve()
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                data = _read(candidate)
                if data is not None:
                    return from_mapping(data, candidate)
    return Config()
