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
_KEYS = {"select", "extend-select", "ignore", "severity", "rule-dirs", "profile", "fail-on", "min-severity", "lang",
         "encoding", "exclude", "per-file-ignores", "baseline", "reports-only", "bodies"}


@dataclass
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rule_dirs: list[str] = field(default_factory=list)
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


def _read_toml(path: Path) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None


def _read(path: Path) -> dict | None:
    """The lintgk section of a config file, or None when the file does not configure lintgk."""
    if path.suffix in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path}: invalid YAML ({exc})") from None
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: expected a mapping of settings")
        return data
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("lintgk")
    return data


def _strings(path: Path, key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of strings")
    return [v.strip().upper() if key in ("select", "ignore") else v for v in value]


def from_mapping(data: dict, path: Path) -> Config:
    unknown = set(data) - _KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(_KEYS))})")
    config = Config(source=str(path))
    for key in ("select", "ignore", "exclude"):
        if key in data:
            setattr(config, key, _strings(path, key, data[key]))
    if "extend-select" in data and config.select:  # an empty select already means every rule
        config.select = [*config.select, *_strings(path, "select", data["extend-select"])]
    elif "extend-select" in data:
        _strings(path, "select", data["extend-select"])
    if "rule-dirs" in data:
        config.rule_dirs = [str((path.parent / p).resolve()) for p in _strings(path, "rule-dirs", data["rule-dirs"])]
    per_file = data.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise ConfigError(f"{path}: 'per-file-ignores' maps file globs to lists of rule codes")
    config.per_file_ignores = {str(k): _strings(path, "ignore", v) for k, v in per_file.items()}
    if "baseline" in data:
        if not isinstance(data["baseline"], str):
            raise ConfigError(f"{path}: 'baseline' must be a file name")
        config.baseline = str((path.parent / data["baseline"]).resolve())
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
    for key in ("profile", "encoding"):
        if key in data:
            if not isinstance(data[key], str):
                raise ConfigError(f"{path}: '{key}' must be a string")
            setattr(config, key, data[key])
    return config


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
