"""lintgk: a linter for Chinese government information disclosure annual reports."""
from __future__ import annotations

__version__ = "0.1.0"
# Where the project is published; rule help links in SARIF point into it.
HOMEPAGE = "https://github.com/lintgk/lintgk"

__all__ = ["HOMEPAGE", "__version__", "lint_path"]

# before lintgk's first dataclass: their generated functions compiled once, then kept (lintgk.dataclass_code)
from lintgk.dataclass_code import install as _install_dataclass_code  # noqa: E402

_install_dataclass_code()


def __getattr__(name: str):
    # Keep `import lintgk` (and so `lintgk --version`) cheap: load the pipeline on first use.
    if name == "lint_path":
        from lintgk.engine import lint_path

        return lint_path
    raise AttributeError(name)
