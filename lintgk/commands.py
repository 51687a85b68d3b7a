"""The typer commands: every command's options, help and errors. What `check` runs is lintgk.cli's
run_check, whose signature holds the options' defaults; lintgk.cli.main imports this module only for a
command line its own parser leaves to typer."""
from __future__ import annotations

import inspect
import sys
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import List

import typer

from lintgk.cli import (Lang, OutputFormat, Severity, command_config, fail, known_findings, progress, run_check,
                        stage_cache, stdout_utf8, version_line)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="lintgk: 政府信息公开工作年度报告检查工具 / linter for government information disclosure annual reports.",
)
_CHECK = {name: p.default for name, p in inspect.signature(run_check).parameters.items()}  # check's defaults


def _timeout_value(value: float | None) -> float | None:
    """--timeout: a finite number of seconds, at least 0.1 (inf, nan or a negative one is refused in one line)."""
    from lintgk.limits import timeout_problem

    problem = timeout_problem(value)
    if problem:
        raise fail(problem)
    return value


def _version(value: bool) -> None:
    if value:
        print(version_line())
        raise typer.Exit(0)


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """lintgk: 政府信息公开工作年度报告检查工具."""


@app.command()
def check(
    paths: List[Path] = typer.Argument(..., readable=False, help="Report files or folders (.txt .md .docx .doc .wps .html .mhtml .pdf); - reads a report from standard input."),
    output_format: OutputFormat = typer.Option(_CHECK["output_format"], "--format", "--output-format", "-f", help="Output format: text, json, sarif, github (annotations), gitlab (Code Quality) or junit."),
    lang: Lang | None = typer.Option(_CHECK["lang"], "--lang", help="Message language: zh (default) or en."),
    fail_on: Severity | None = typer.Option(_CHECK["fail_on"], "--fail-on", help="Lowest severity that makes the exit code 1 (default: error)."),
    min_severity: Severity | None = typer.Option(_CHECK["min_severity"], "--min-severity", help="Lowest severity shown and counted; findings below it are dropped (default: info, i.e. all)."),
    exit_zero: bool = typer.Option(_CHECK["exit_zero"], "--exit-zero", help="Exit 0 even when there are findings (2 still means lintgk could not do its job)."),
    config_file: Path | None = typer.Option(_CHECK["config_file"], "--config", help="Config file (default: lintgk.toml, .lintgk.yaml or [tool.lintgk] in pyproject.toml, searched upwards)."),
    select: List[str] | None = typer.Option(_CHECK["select"], "--select", help="Only these rule codes or prefixes (comma-separated), e.g. GK2,GK601."),
    extend_select: List[str] | None = typer.Option(_CHECK["extend_select"], "--extend-select", help="Add these codes or prefixes to the config's select."),
    ignore: List[str] | None = typer.Option(_CHECK["ignore"], "--ignore", help="Skip these rule codes or prefixes (comma-separated)."),
    document: str | None = typer.Option(_CHECK["document"], "--document", help="The document type (default: annual-report); the profile is chosen among its profiles by the report year."),
    profile: str | None = typer.Option(_CHECK["profile"], "--profile", help="Force a profile (gov2007, gov2019, gov2021) instead of choosing it from the report year."),
    encoding: str | None = typer.Option(_CHECK["encoding"], "--encoding", help="Read text files in this encoding instead of detecting it."),
    stdin_filename: str | None = typer.Option(_CHECK["stdin_filename"], "--stdin-filename", help="With - as the path: the report's name, for messages, per-file-ignores and its format (.txt .md .html …)."),
    force_exclude: bool = typer.Option(_CHECK["force_exclude"], "--force-exclude", help="Apply the config's exclude to files named on the command line too (as pre-commit names them)."),
    show_passed: bool = typer.Option(_CHECK["show_passed"], "--show-passed", help="Also list the checks that held, with their arithmetic (in text and JSON)."),
    show_fixes: bool = typer.Option(_CHECK["show_fixes"], "--show-fixes", help="List the fixes applied (with --fix), or the findings --fix would fix."),
    report_unused_suppressions: bool = typer.Option(_CHECK["report_unused_suppressions"], "--report-unused-suppressions", help="List suppression comments that silenced nothing; they count as warnings for --fail-on."),
    quiet: bool = typer.Option(_CHECK["quiet"], "--quiet", "-q", help="One line per finding, no source excerpt."),
    verbose: bool = typer.Option(_CHECK["verbose"], "--verbose", "-v", help="Say which files were skipped as not being annual reports, and why."),
    statistics: bool = typer.Option(_CHECK["statistics"], "--statistics", help="Count findings per rule."),
    output: Path | None = typer.Option(_CHECK["output"], "--output", "-o", help="Write the report to this file instead of stdout."),
    fix: bool = typer.Option(_CHECK["fix"], "--fix", help="Apply safe fixes to .txt/.md/.docx files (punctuation, 〇, web furniture), then report what is left."),
    unsafe_fixes: bool = typer.Option(_CHECK["unsafe_fixes"], "--unsafe-fixes", help="With --fix or --diff, also apply suggested fixes (typos, URLs, dates)."),
    diff: bool = typer.Option(_CHECK["diff"], "--diff", help="Show the fixes as a unified diff instead of writing them; exit 1 if there are any."),
    watch: bool = typer.Option(_CHECK["watch"], "--watch", "-w", help="Lint again whenever a file named (or in a folder named) changes; Ctrl-C stops."),
    baseline: Path | None = typer.Option(_CHECK["baseline"], "--baseline", help="Hide findings recorded in this baseline file (default: 'baseline' from the config)."),
    write_baseline: bool = typer.Option(_CHECK["write_baseline"], "--write-baseline", help="Record every current finding in the baseline file and exit 0."),
    jobs: int | None = typer.Option(_CHECK["jobs"], "--jobs", "-j", min=1, help="Parallel processes (default: all cores)."),
    no_cache: bool = typer.Option(_CHECK["no_cache"], "--no-cache", help="Lint every file again instead of reusing results for unchanged files."),
    cache_dir: Path | None = typer.Option(_CHECK["cache_dir"], "--cache-dir", envvar="LINTGK_CACHE_DIR", help="Where to keep the cache (default: .lintgk_cache in the current folder)."),
    timeout: float = typer.Option(_CHECK["timeout"], "--timeout", callback=_timeout_value, help="Give up on one file after this many seconds (it becomes an error)."),
    annotate: bool = typer.Option(_CHECK["annotate"], "--annotate", help="Write each .docx with its findings as Word comments (批注) to NAME.lintgk.docx (or --output); the original is not touched."),
    previous: Path | None = typer.Option(_CHECK["previous"], "--previous", help="Last year's report of the same body: compare with it (carry-over, jumps, copied text: GK7xx)."),
) -> None:
    """Lint reports. Exit 0: clean; 1: findings at or above --fail-on; 2: lintgk could not do its job."""
    raise typer.Exit(run_check(**locals()))  # every option, by name, as run_check takes it


class RulesFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command()
def report(
    paths: List[Path] = typer.Argument(..., readable=False, help="Report files or folders to survey."),
    html: Path = typer.Option(..., "--html", help="Write a self-contained HTML overview to this file."),
    lang: Lang | None = typer.Option(None, "--lang", help="Language of the page: zh (default) or en."),
    fail_on: Severity | None = typer.Option(None, "--fail-on", help="Lowest severity that fails a report on the page, as for check (default: error)."),
    config_file: Path | None = typer.Option(None, "--config", help="Config file (as for check)."),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="Parallel processes (default: all cores)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Lint every file again."),
    cache_dir: Path | None = typer.Option(None, "--cache-dir", envvar="LINTGK_CACHE_DIR", help="Where to keep the cache (as for check)."),
    timeout: float = typer.Option(60.0, "--timeout", callback=_timeout_value, help="Give up on one file after this many seconds."),
) -> None:
    """Survey many reports: one HTML page to sort, filter and search, with each report's findings, its body's
    years and the pairs of similar reports."""
    from lintgk.engine import rule_set
    from lintgk.files import collect
    from lintgk.output.html_report import render

    config = command_config(config_file, use_cache=not no_cache, cache_dir=cache_dir, lang=lang.value if lang else None,
                            fail_on=fail_on.value if fail_on else None)
    from lintgk.output_path import OutputPathError, ensure_writable, write_error

    try:
        ensure_writable(html, "--html", streams_ok=True)
    except OutputPathError as exc:
        raise fail(exc.line(config.lang)) from None
    files = collect(paths, config.exclude, config.root)  # a page lintgk wrote is not among them (own_outputs)
    target = html.resolve()
    if any(f.resolve() == target for f in files):  # never overwrite a report
        raise fail(f"--html {html} " + ("是要检查的报告之一，请另给一个文件名" if config.lang == "zh"
                                         else "is one of the reports surveyed; name another file"))
    if not files:
        raise fail("no report files found in " + ", ".join(map(str, paths)))
    counts = Counter()
    surveyed = _surveyed(files, config, counts, jobs=jobs, timeout=timeout, use_cache=not no_cache, cache_dir=cache_dir)
    page = render(surveyed, rule_set(config), config.lang, config.fail_on)
    try:
        html.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise fail(write_error(html, "--html", exc).line(config.lang)) from None
    from lintgk.output.messages import say

    print(say("overview", config.lang, n=counts["reports"], path=html), file=sys.stderr)
    raise typer.Exit(2 if counts["broken"] else 0)


def _surveyed(files: list[Path], config, counts: Counter, **lint_options):
    """The reports' results one by one, in order, as `check` would judge them: the checks across reports
    added, and the findings the config's min-severity and baseline hide taken out (so the survey's badges
    agree with check's exit). Only the page's summaries are kept, not the results."""
    from lintgk import baseline as baselines
    from lintgk.across.streamed import across_applies, with_findings_across
    from lintgk.batch import iter_lint, job_count
    from lintgk.model import SEVERITY_RANK
    from lintgk.output.messages import file_error

    known = known_findings(Path(config.baseline) if config.baseline else None)
    remaining = Counter(known) if known else None
    lowest = SEVERITY_RANK[config.min_severity]
    with progress(len(files)) as advance:
        results = iter_lint(files, config, progress=advance, **lint_options)
        if across_applies(config, len(files), False):
            results = with_findings_across(results, config, cache=stage_cache(
                config, lint_options.get("use_cache", True), lint_options.get("cache_dir")),
                jobs=job_count(lint_options.get("jobs")))
        for r in results:
            if r.error:
                print(file_error(r.path, r.error, config.lang), file=sys.stderr)
                counts["broken"] += 1
            if r.skipped:
                continue
            r.diagnostics = [d for d in r.diagnostics if SEVERITY_RANK[d.severity] >= lowest]
            if remaining is not None:
                baselines.apply_one(r, remaining)
            counts["reports"] += 1
            yield r


@app.command()
def clean(
    cache_dir: Path | None = typer.Option(None, "--cache-dir", envvar="LINTGK_CACHE_DIR", help="The cache folder to remove (default: .lintgk_cache in the current folder)."),
) -> None:
    """Remove the cache of results (.lintgk_cache, or --cache-dir), as `ruff clean` does."""
    from lintgk.cache import cache_folder, clean as remove

    folder = cache_folder(cache_dir)
    try:
        removed = remove(folder)
    except OSError as exc:
        raise fail(f"cannot remove the cache {str(folder)!r}: {exc.strerror or exc}") from None
    print(f"lintgk: {'removed' if removed else 'no cache at'} {folder}", file=sys.stderr)


def _config_rules(config_file: Path | None):
    """The built-in rules plus the house rules of the config's rule-dirs, as `check` sees them."""
    from lintgk.config import load_config
    from lintgk.errors import LintgkError
    from lintgk.rules import load_rules

    try:
        return load_rules(tuple(load_config(config_file).rule_dirs))
    except LintgkError as exc:
        raise fail(str(exc)) from None


@app.command("rules")
def list_rules(
    lang: Lang = typer.Option(Lang.zh, "--lang", help="Language of the summaries."),
    output_format: RulesFormat = typer.Option(RulesFormat.text, "--format", "-f", help="text, json, or a markdown table."),
    config_file: Path | None = typer.Option(None, "--config", help="Config file whose rule-dirs add house rules (default: the one `check` would find)."),
) -> None:
    """List every rule: code, name, severity, profiles, what it checks."""
    rules = _config_rules(config_file)
    rows = [
        {"code": r.code, "name": r.name, "severity": r.severity, "fixable": r.fixable,
         "profiles": r.profiles or sorted(rules.profiles), "summary": r.summary[lang.value]}
        for r in rules.rules.values()
    ]
    if output_format is RulesFormat.json:
        import json

        stdout_utf8()
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if output_format is RulesFormat.markdown:
        stdout_utf8()
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
    config_file: Path | None = typer.Option(None, "--config", help="Config file whose rule-dirs add house rules (default: the one `check` would find)."),
    where: bool = typer.Option(False, "--where", help="Print where the rule lives instead: its YAML file, its check kind's function and its cases."),
) -> None:
    """Explain a rule: what it checks, why, the source it cites, and a bad and a good example."""
    from lintgk.output.explain import render

    rules = _config_rules(config_file)
    wanted = code.strip()
    rule = rules.rules.get(wanted.upper()) or next((r for r in rules.rules.values() if r.name == wanted.lower()), None)
    if rule is None:
        raise fail(f"unknown rule {code!r}; `lintgk rules` lists them")
    if where:
        from lintgk.docs import where as locate

        stdout_utf8()
        found = locate(rule)
        print(f"yaml:  {found['yaml']}\ncheck: {found['check']} ({found['source']})\ncases: {found['cases'] or '-'}")
        return
    render(rule, rules, lang.value)


@app.command()
def dump(
    path: Path = typer.Argument(..., readable=False, help="A report file."),
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
        raise fail(str(exc)) from None


@app.command()
def serve(
    port: int = typer.Option(8765, "--port", min=0, max=65535, help="Port of the local page."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; only change it when asked (the page has no login)."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open the page in the browser (servers, tests)."),
    max_mb: int = typer.Option(20, "--max-mb", min=1, help="Largest upload accepted, in MB."),
    max_files: int = typer.Option(1, "--max-files", min=1, help="Most files accepted in one upload."),
    timeout: float = typer.Option(60.0, "--timeout", callback=_timeout_value, help="Give up on one report after this many seconds."),
) -> None:
    """A local page to drop a report on and see its findings (needs: pip install "lintgk[web]")."""
    try:
        from lintgk.web.serve import serve as run
    except ImportError as exc:
        raise fail(f"lintgk serve needs the web extra: pip install \"lintgk[web]\" ({exc.name} is missing)") from None
    run(host=host, port=port, open_browser=not no_browser, max_mb=max_mb, max_files=max_files, timeout=timeout)

