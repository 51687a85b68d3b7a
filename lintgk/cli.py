"""The command line: thin typer commands over the library."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import List

import typer

from lintgk import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="lintgk: 政府信息公开工作年度报告检查工具 / linter for government information disclosure annual reports.",
)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


_LANG = {"current": "zh"}  # the language of lintgk's own messages, once known


def _fail(message: str) -> typer.Exit:
    from lintgk.output.messages import error_line

    print(error_line(message, _LANG["current"]), file=sys.stderr)
    return typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        print(f"lintgk {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """lintgk: 政府信息公开工作年度报告检查工具."""


def _split(values: List[str] | None) -> list[str]:
    return [v.strip().upper() for item in values or [] for v in item.split(",") if v.strip()]


def _load_config(config_file: Path | None, **overrides):
    from lintgk.config import load_config
    from lintgk.engine import rule_set
    from lintgk.errors import LintgkError

    if overrides.get("lang"):
        _LANG["current"] = overrides["lang"]
    try:
        config = load_config(config_file)
        _LANG["current"] = overrides.get("lang") or config.lang
        for key, value in overrides.items():
            if value is None or value == []:
                continue
            if key == "ignore":
                config.ignore = [*config.ignore, *value]
            else:
                setattr(config, key, value)
        rule_set(config)  # validate rules and config before any file is read
    except LintgkError as exc:
        raise _fail(str(exc)) from None
    return config


@app.command()
def check(
    paths: List[Path] = typer.Argument(..., help="Report files or folders (.txt .md .docx .html .pdf)."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="Output format: text, json, sarif or github (annotations)."),
    lang: Lang | None = typer.Option(None, "--lang", help="Message language: zh (default) or en."),
    fail_on: Severity | None = typer.Option(None, "--fail-on", help="Lowest severity that makes the exit code 1 (default: error)."),
    config_file: Path | None = typer.Option(None, "--config", help="Config file (default: lintgk.toml, .lintgk.yaml or [tool.lintgk] in pyproject.toml, searched upwards)."),
    select: List[str] | None = typer.Option(None, "--select", help="Only these rule codes or prefixes (comma-separated), e.g. GK2,GK601."),
    ignore: List[str] | None = typer.Option(None, "--ignore", help="Skip these rule codes or prefixes (comma-separated)."),
    profile: str | None = typer.Option(None, "--profile", help="Force a profile (gov2007, gov2019, gov2021) instead of choosing it from the report year."),
    encoding: str | None = typer.Option(None, "--encoding", help="Read text files in this encoding instead of detecting it."),
    show_passed: bool = typer.Option(False, "--show-passed", help="Also list the checks that held, with their arithmetic."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="One line per finding, no source excerpt."),
    statistics: bool = typer.Option(False, "--statistics", help="Count findings per rule."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report to this file instead of stdout."),
    fix: bool = typer.Option(False, "--fix", help="Apply safe fixes to .txt/.md/.docx files (punctuation, 〇, web furniture), then report what is left."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="With --fix or --diff, also apply suggested fixes (typos, URLs, dates)."),
    diff: bool = typer.Option(False, "--diff", help="Show the fixes as a unified diff instead of writing them; exit 1 if there are any."),
    baseline: Path | None = typer.Option(None, "--baseline", help="Hide findings recorded in this baseline file (default: 'baseline' from the config)."),
    write_baseline: bool = typer.Option(False, "--write-baseline", help="Record every current finding in the baseline file and exit 0."),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="Parallel processes (default: all cores)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Lint every file again instead of reusing results for unchanged files."),
    timeout: float = typer.Option(60.0, "--timeout", min=0.1, help="Give up on one file after this many seconds (it becomes an error)."),
    annotate: bool = typer.Option(False, "--annotate", help="Write each .docx with its findings as Word comments (批注) to NAME.lintgk.docx (or --output); the original is not touched."),
) -> None:
    """Lint reports. Exit 0: clean; 1: findings at or above --fail-on; 2: lintgk could not do its job."""
    from lintgk import baseline as baselines
    from lintgk.errors import LintgkError
    from lintgk.files import collect
    from lintgk.model import SEVERITY_RANK

    config = _load_config(
        config_file,
        lang=lang.value if lang else None,
        fail_on=fail_on.value if fail_on else None,
        select=_split(select),
        ignore=_split(ignore),
        profile=profile,
        encoding=encoding,
    )
    files = collect(paths, config.exclude)
    if not files:
        raise _fail("no report files found in " + ", ".join(map(str, paths)))
    results = _lint(files, config, jobs=jobs, timeout=timeout, use_cache=not no_cache)
    broken = any(r.error for r in results)
    baseline_file = baseline or (Path(config.baseline) if config.baseline else None)
    if write_baseline:
        target = baseline_file or Path(".lintgk-baseline.json")
        count = baselines.write(target, [r for r in results if not r.error])
        from lintgk.output.messages import say

        print(say("baseline", config.lang, n=count, path=target), file=sys.stderr)
        raise typer.Exit(2 if broken else 0)
    try:
        known = baselines.load(baseline_file) if baseline_file else None
    except LintgkError as exc:
        raise _fail(str(exc)) from None
    hidden = baselines.apply(results, known) if known else 0
    if fix or diff:
        results, changed = _fix(files, results, config, unsafe_fixes, diff, known)
        if diff:
            raise typer.Exit(2 if broken else (1 if changed else 0))
    if annotate:
        _annotate(files, results, config.lang, output)
        output = None  # with --annotate, --output named the annotated copy; the report goes to the terminal
    _write(results, output_format, config, output, show_passed=show_passed, quiet=quiet, statistics=statistics,
           baselined=hidden)
    threshold = SEVERITY_RANK[config.fail_on]
    if any(r.error for r in results):
        raise typer.Exit(2)
    if any(SEVERITY_RANK[d.severity] >= threshold for r in results for d in r.diagnostics):
        raise typer.Exit(1)


def _lint(files: list[Path], config, jobs: int | None = None, timeout: float = 60.0, use_cache: bool = True) -> list:
    from lintgk.batch import lint_many

    with _progress(len(files)) as advance:
        results = lint_many(files, config, jobs=jobs, timeout=timeout, use_cache=use_cache, progress=advance)
    from lintgk.output.messages import file_error

    for r in results:
        if r.error:
            print(file_error(r.path, r.error, config.lang), file=sys.stderr)
    return results


@contextmanager
def _progress(total: int):
    """A progress bar on an interactive terminal; nothing when piped or in CI."""
    if total < 20 or os.environ.get("CI") or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("lintgk"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("lint", total=total)
        yield lambda n: bar.advance(task, n)


def _fix(files: list[Path], results: list, config, unsafe: bool, diff_only: bool, known) -> tuple[list, bool]:
    """Apply (or show) fixes; return the results after fixing and whether anything changed."""
    from lintgk import baseline as baselines
    from lintgk.fixer import fix_results
    from lintgk.output.messages import file_error, say

    run = fix_results(files, results, config, unsafe=unsafe, write=not diff_only)
    for error in run.errors:
        print(file_error(error.path, error.reason, config.lang), file=sys.stderr)
    if diff_only:
        _stdout_utf8()
        for outcome in run.outcomes:
            sys.stdout.write(outcome.diff())
    else:
        if known:
            baselines.apply([run.results[i] for i in run.relinted], known)
        applied = sum(o.applied for o in run.outcomes)
        if applied:
            print(say("fixed", config.lang, n=applied), file=sys.stderr)
    return run.results, bool(run.outcomes)


def _annotate(files: list[Path], results: list, lang: str, output: Path | None) -> None:
    """Write the annotated copy of every Word report that could be read."""
    from lintgk.errors import LintgkError
    from lintgk.word.annotate import annotate_file

    words = _ANNOTATE_WORDS[lang]
    docx_files = [(p, r) for p, r in zip(files, results) if p.suffix.lower() == ".docx" and not r.error]
    if output is not None and len(docx_files) > 1 and not output.is_dir():
        raise _fail(words["many"])
    for path, result in zip(files, results):
        if path.suffix.lower() != ".docx":
            print(f"lintgk: {words['skip'].format(path=path)}", file=sys.stderr)
            continue
        if result.error:
            continue
        target = output / (path.stem + ".lintgk.docx") if output is not None and output.is_dir() else output
        try:
            written = annotate_file(path, result.diagnostics, lang, target)
        except (LintgkError, OSError) as exc:
            from lintgk.errors import InputError
            from lintgk.output.messages import file_error

            print(file_error(str(path), exc.reason if isinstance(exc, InputError) else str(exc), lang), file=sys.stderr)
            result.error = str(exc)
            continue
        print(f"lintgk: {words['wrote'].format(path=written, n=len(result.diagnostics))}", file=sys.stderr)


_ANNOTATE_WORDS = {
    "zh": {"wrote": "已写入批注版 {path}（{n} 条批注）", "skip": "{path} 不是 Word .docx 文件，不能加批注",
           "many": "--annotate 处理多个 .docx 时，--output 须是一个文件夹"},
    "en": {"wrote": "wrote {path} with {n} comment(s)", "skip": "{path} is not a Word .docx file; comments are added to .docx only",
           "many": "with --annotate and several .docx files, --output must be a folder"},
}


def _write(results, output_format: OutputFormat, config, output: Path | None, baselined: int = 0, **options) -> None:
    if output_format is OutputFormat.text:
        from rich.console import Console

        from lintgk.output.terminal import render

        if output:
            with output.open("w", encoding="utf-8") as handle:
                render(results, Console(file=handle, no_color=True, width=120, highlight=False), config.lang,
                       baselined=baselined, **options)
        else:
            render(results, Console(highlight=False), config.lang, baselined=baselined, **options)
        return
    if output_format is OutputFormat.json:
        from lintgk.output.json_format import write

        if output:
            with output.open("w", encoding="utf-8") as handle:
                write(results, handle)
        else:
            _stdout_utf8()
            write(results, sys.stdout)
        return
    if output_format is OutputFormat.sarif:
        from lintgk.engine import rule_set
        from lintgk.output.sarif import render

        text = render(results, rule_set(config), config.lang)
    else:
        from lintgk.output.github import render

        text = render(results)
    if not text.endswith("\n"):
        text += "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        _stdout_utf8()
        sys.stdout.write(text)


def _stdout_utf8() -> None:
    try:
        sys.stdout.reconfigure(encoding="utf-8")
    except (AttributeError, ValueError):
        pass


class RulesFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command()
def report(
    paths: List[Path] = typer.Argument(..., help="Report files or folders to survey."),
    html: Path = typer.Option(..., "--html", help="Write a self-contained HTML overview to this file."),
    lang: Lang | None = typer.Option(None, "--lang", help="Language of the page: zh (default) or en."),
    config_file: Path | None = typer.Option(None, "--config", help="Config file (as for check)."),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="Parallel processes (default: all cores)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Lint every file again."),
    timeout: float = typer.Option(60.0, "--timeout", min=0.1, help="Give up on one file after this many seconds."),
) -> None:
    """Survey many reports: one HTML page with each report's status, the commonest defects and a chart."""
    from lintgk.engine import rule_set
    from lintgk.files import collect
    from lintgk.output.html_report import render

    config = _load_config(config_file, lang=lang.value if lang else None)
    files = collect(paths, config.exclude)
    if not files:
        raise _fail("no report files found in " + ", ".join(map(str, paths)))
    results = _lint(files, config, jobs=jobs, timeout=timeout, use_cache=not no_cache)
    html.write_text(render(results, rule_set(config), config.lang), encoding="utf-8")
    from lintgk.output.messages import say

    print(say("overview", config.lang, n=len(results), path=html), file=sys.stderr)
    raise typer.Exit(2 if any(r.error for r in results) else 0)


@app.command("rules")
def list_rules(
    lang: Lang = typer.Option(Lang.zh, "--lang", help="Language of the summaries."),
    output_format: RulesFormat = typer.Option(RulesFormat.text, "--format", "-f", help="text, json, or a markdown table."),
) -> None:
    """List every rule: code, name, severity, profiles, what it checks."""
    from lintgk.errors import LintgkError
    from lintgk.rules import load_rules

    try:
        rules = load_rules()
    except LintgkError as exc:
        raise _fail(str(exc)) from None
    rows = [
        {"code": r.code, "name": r.name, "severity": r.severity, "fixable": r.fixable,
         "profiles": r.profiles or sorted(rules.profiles), "summary": r.summary[lang.value]}
        for r in rules.rules.values()
    ]
    if output_format is RulesFormat.json:
        import json

        _stdout_utf8()
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if output_format is RulesFormat.markdown:
        _stdout_utf8()
        print("| code | name | severity | fix | what it checks |")
        print("|---|---|---|---|---|")
        for r in rules.rules.values():
            print(f"| {r.code} | `{r.name}` | {r.severity} | {'✓' if r.fixable else ''} | "
                  f"{r.summary['zh']} — {r.summary['en']} |")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, header_style="bold")
    for column in ("code", "name", "severity", "profiles"):
        table.add_column(column, no_wrap=True)
    table.add_column("summary", overflow="fold")
    for row in rows:
        table.add_row(row["code"], row["name"] + (" *" if row["fixable"] else ""), row["severity"],
                      ",".join(row["profiles"]), row["summary"])
    console = Console(highlight=False)
    console.print(table)
    console.print("* fixable" if lang is Lang.en else "* 可自动修复", style="dim")


@app.command()
def explain(
    code: str = typer.Argument(..., help="A rule code (GK201) or name (period-full-year)."),
    lang: Lang = typer.Option(Lang.zh, "--lang"),
) -> None:
    """Explain a rule: what it checks, why, the source it cites, and a bad and a good example."""
    from lintgk.errors import LintgkError
    from lintgk.output.explain import render
    from lintgk.rules import load_rules

    try:
        rules = load_rules()
    except LintgkError as exc:
        raise _fail(str(exc)) from None
    wanted = code.strip()
    rule = rules.rules.get(wanted.upper()) or next((r for r in rules.rules.values() if r.name == wanted.lower()), None)
    if rule is None:
        raise _fail(f"unknown rule {code!r}; `lintgk rules` lists them")
    render(rule, rules, lang.value)


@app.command()
def dump(
    path: Path = typer.Argument(..., help="A report file."),
    encoding: str | None = typer.Option(None, "--encoding"),
) -> None:
    """Print the text as lintgk sees it, with line numbers and the structure it found."""
    from lintgk.errors import LintgkError
    from lintgk.output.dump import render
    from lintgk.parse import parse
    from lintgk.readers import read_path

    try:
        doc = read_path(path, encoding)
        render(parse(doc))
    except LintgkError as exc:
        raise _fail(str(exc)) from None


@app.command()
def serve(
    port: int = typer.Option(8765, "--port", min=0, max=65535, help="Port of the local page."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; only change it when asked (the page has no login)."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open the page in the browser (servers, tests)."),
    max_mb: int = typer.Option(20, "--max-mb", min=1, help="Largest upload accepted, in MB."),
    max_files: int = typer.Option(1, "--max-files", min=1, help="Most files accepted in one upload."),
    timeout: float = typer.Option(60.0, "--timeout", min=0.1, help="Give up on one report after this many seconds."),
) -> None:
    """A local page to drop a report on and see its findings (needs: pip install "lintgk[web]")."""
    try:
        from lintgk.web.serve import serve as run
    except ImportError as exc:
        raise _fail(f"lintgk serve needs the web extra: pip install \"lintgk[web]\" ({exc.name} is missing)") from None
    run(host=host, port=port, open_browser=not no_browser, max_mb=max_mb, max_files=max_files, timeout=timeout)


def main() -> None:
    app()
