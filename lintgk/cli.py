"""The command line: thin typer commands over the library."""
from __future__ import annotations

import os
import sys
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import List

import typer

from lintgk import __version__
from lintgk.model import FileResult

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
    gitlab = "gitlab"
    junit = "junit"


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


def _timeout_value(value: float | None) -> float | None:
    """--timeout: a finite number of seconds, at least 0.1 (inf, nan or a negative one is refused in one line)."""
    from lintgk.limits import timeout_problem

    problem = timeout_problem(value)
    if problem:
        raise _fail(problem)
    return value


def _shown(path: str) -> str:
    """A file name in a message line: control characters and bytes that are not UTF-8 escaped."""
    from lintgk.output.escape import printable

    return printable(path)


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
            elif key == "extend_select":
                if config.select:  # an empty select already means every rule
                    config.select = [*config.select, *value]
            else:
                setattr(config, key, value)
        rule_set(config)  # validate rules and config before any file is read
    except LintgkError as exc:
        raise _fail(str(exc)) from None
    return config


@app.command()
def check(
    paths: List[Path] = typer.Argument(..., readable=False, help="Report files or folders (.txt .md .docx .html .pdf); - reads a report from standard input."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "--output-format", "-f", help="Output format: text, json, sarif, github (annotations), gitlab (Code Quality) or junit."),
    lang: Lang | None = typer.Option(None, "--lang", help="Message language: zh (default) or en."),
    fail_on: Severity | None = typer.Option(None, "--fail-on", help="Lowest severity that makes the exit code 1 (default: error)."),
    min_severity: Severity | None = typer.Option(None, "--min-severity", help="Lowest severity shown and counted; findings below it are dropped (default: info, i.e. all)."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when there are findings (2 still means lintgk could not do its job)."),
    config_file: Path | None = typer.Option(None, "--config", help="Config file (default: lintgk.toml, .lintgk.yaml or [tool.lintgk] in pyproject.toml, searched upwards)."),
    select: List[str] | None = typer.Option(None, "--select", help="Only these rule codes or prefixes (comma-separated), e.g. GK2,GK601."),
    extend_select: List[str] | None = typer.Option(None, "--extend-select", help="Add these codes or prefixes to the config's select."),
    ignore: List[str] | None = typer.Option(None, "--ignore", help="Skip these rule codes or prefixes (comma-separated)."),
    document: str | None = typer.Option(None, "--document", help="The document type (default: annual-report); the profile is chosen among its profiles by the report year."),
    profile: str | None = typer.Option(None, "--profile", help="Force a profile (gov2007, gov2019, gov2021) instead of choosing it from the report year."),
    encoding: str | None = typer.Option(None, "--encoding", help="Read text files in this encoding instead of detecting it."),
    stdin_filename: str | None = typer.Option(None, "--stdin-filename", help="With - as the path: the report's name, for messages, per-file-ignores and its format (.txt .md .html …)."),
    force_exclude: bool = typer.Option(False, "--force-exclude", help="Apply the config's exclude to files named on the command line too (as pre-commit names them)."),
    show_passed: bool = typer.Option(False, "--show-passed", help="Also list the checks that held, with their arithmetic (in text and JSON)."),
    show_fixes: bool = typer.Option(False, "--show-fixes", help="List the fixes applied (with --fix), or the findings --fix would fix."),
    report_unused_suppressions: bool = typer.Option(False, "--report-unused-suppressions", help="List suppression comments that silenced nothing; they count as warnings for --fail-on."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="One line per finding, no source excerpt."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say which files were skipped as not being annual reports, and why."),
    statistics: bool = typer.Option(False, "--statistics", help="Count findings per rule."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report to this file instead of stdout."),
    fix: bool = typer.Option(False, "--fix", help="Apply safe fixes to .txt/.md/.docx files (punctuation, 〇, web furniture), then report what is left."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="With --fix or --diff, also apply suggested fixes (typos, URLs, dates)."),
    diff: bool = typer.Option(False, "--diff", help="Show the fixes as a unified diff instead of writing them; exit 1 if there are any."),
    watch: bool = typer.Option(False, "--watch", "-w", help="Lint again whenever a file named (or in a folder named) changes; Ctrl-C stops."),
    baseline: Path | None = typer.Option(None, "--baseline", help="Hide findings recorded in this baseline file (default: 'baseline' from the config)."),
    write_baseline: bool = typer.Option(False, "--write-baseline", help="Record every current finding in the baseline file and exit 0."),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="Parallel processes (default: all cores)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Lint every file again instead of reusing results for unchanged files."),
    cache_dir: Path | None = typer.Option(None, "--cache-dir", envvar="LINTGK_CACHE_DIR", help="Where to keep the cache (default: .lintgk_cache in the current folder)."),
    timeout: float = typer.Option(60.0, "--timeout", callback=_timeout_value, help="Give up on one file after this many seconds (it becomes an error)."),
    annotate: bool = typer.Option(False, "--annotate", help="Write each .docx with its findings as Word comments (批注) to NAME.lintgk.docx (or --output); the original is not touched."),
    previous: Path | None = typer.Option(None, "--previous", help="Last year's report of the same body: compare with it (carry-over, jumps, copied text: GK7xx)."),
) -> None:
    """Lint reports. Exit 0: clean; 1: findings at or above --fail-on; 2: lintgk could not do its job."""
    config = _load_config(
        config_file,
        lang=lang.value if lang else None,
        fail_on=fail_on.value if fail_on else None,
        min_severity=min_severity.value if min_severity else None,
        select=_split(select),
        extend_select=_split(extend_select),
        ignore=_split(ignore),
        document=document,
        profile=profile,
        encoding=encoding,
    )
    from_stdin = any(str(p) == "-" for p in paths)
    if from_stdin and len(paths) > 1:
        raise _fail("- (standard input) cannot be combined with other paths")
    if stdin_filename and not from_stdin:
        raise _fail("--stdin-filename names the report read from standard input; pass - as the path")
    if watch and (from_stdin or fix or diff or write_baseline):
        raise _fail("--watch lints files as they change; it cannot be combined with -, --fix, --diff or --write-baseline")
    run = _Run(
        config=config, output_format=output_format, exit_zero=exit_zero, force_exclude=force_exclude,
        stdin_filename=stdin_filename, show_passed=show_passed, show_fixes=show_fixes,
        report_unused=report_unused_suppressions, quiet=quiet, verbose=verbose, statistics=statistics,
        output=output, fix=fix, unsafe_fixes=unsafe_fixes, diff=diff, baseline=baseline,
        write_baseline=write_baseline, jobs=jobs, use_cache=not no_cache, timeout=timeout, annotate=annotate,
        previous=previous,
        cache_dir=cache_dir,
    )
    run.check_outputs()  # before the lint: a path that cannot be written fails at once
    if previous is not None and (from_stdin or not previous.is_file()):
        raise _fail(f"--previous names last year's report file: {previous}" if not from_stdin
                    else "--previous cannot be combined with - (standard input)")
    if from_stdin:
        raise typer.Exit(run.stdin())
    if watch:
        _watch(paths, run)
    raise typer.Exit(run.files(paths))


@dataclass
class _Run:
    """One `lintgk check`: lint, filter, fix, write, and the exit code; run again by --watch."""

    config: object
    output_format: OutputFormat
    exit_zero: bool = False
    force_exclude: bool = False
    stdin_filename: str | None = None
    show_passed: bool = False
    show_fixes: bool = False
    report_unused: bool = False
    quiet: bool = False
    verbose: bool = False
    statistics: bool = False
    output: Path | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    baseline: Path | None = None
    write_baseline: bool = False
    jobs: int | None = None
    use_cache: bool = True
    timeout: float = 60.0
    annotate: bool = False
    cache_dir: Path | None = None
    previous: Path | None = None

    def baseline_file(self) -> Path | None:
        return self.baseline or (Path(self.config.baseline) if self.config.baseline else None)

    def check_outputs(self) -> None:
        from lintgk.output_path import OutputPathError, ensure_writable

        try:
            if self.output is not None and not self.annotate:  # --annotate's --output may be a folder
                ensure_writable(self.output, "--output", streams_ok=True)
            if self.write_baseline:
                ensure_writable(self.baseline_file() or Path(".lintgk-baseline.json"), "--baseline")
        except OutputPathError as exc:
            raise _fail(exc.line(self.config.lang)) from None

    def collect(self, paths: list[Path]) -> list[Path]:
        from lintgk.files import collect

        return collect(paths, self.config.exclude, self.config.root, self.force_exclude)

    def files(self, paths: list[Path]) -> int:
        files = self.collect(paths)
        if not files:
            if self.force_exclude and all(p.exists() for p in paths):
                print("lintgk: warning: every path named is excluded by the config (--force-exclude); nothing to lint",
                      file=sys.stderr)
                return 0
            raise _fail("no report files found in " + ", ".join(map(str, paths)))
        if self._streams():
            return self._stream_json(files)
        results = _lint(files, self.config, jobs=self.jobs, timeout=self.timeout, use_cache=self.use_cache,
                        cache_dir=self.cache_dir)
        files, results = self._drop_skipped(files, results)
        _check_across(results, self.config, self._last_year())
        return self._finish(files, results)

    def _last_year(self) -> list | None:
        """--previous: last year's report, linted for its summary."""
        if self.previous is None:
            return None
        return _lint([self.previous], self.config, jobs=1, timeout=self.timeout, use_cache=self.use_cache,
                     cache_dir=self.cache_dir)

    def _streams(self) -> bool:
        """JSON is written file by file as results come, unless every result is needed first (fixes,
        a new baseline, Word comments)."""
        return self.output_format is OutputFormat.json and not (
            self.fix or self.diff or self.write_baseline or self.annotate or self.show_fixes)

    def _stream_json(self, files: list[Path]) -> int:
        """Lint and write each file's result in order as it comes; keep only the counts and the exit code."""
        from lintgk import baseline as baselines
        from lintgk.across.streamed import across_applies, with_findings_across
        from lintgk.batch import iter_lint, job_count
        from lintgk.model import SEVERITY_RANK
        from lintgk.output.json_format import JsonWriter
        from lintgk.output.messages import file_error

        config = self.config
        known = _known_findings(self.baseline_file())
        remaining = Counter(known) if known else None
        threshold = SEVERITY_RANK[config.fail_on]
        broken = failing = False
        unused = 0
        self.skipped = 0
        if self.output is None:
            _stdout_utf8()
        # a survey's lines are about 10 KB each: a large buffer writes them in few system calls
        with (self.output.open("w", encoding="utf-8", buffering=1 << 20) if self.output else _unclosed(sys.stdout)) \
                as stream, _progress(len(files)) as advance:
            writer = JsonWriter(stream, passed=self.show_passed)
            results = iter_lint(files, config, jobs=self.jobs, timeout=self.timeout, use_cache=self.use_cache,
                                progress=advance, cache_dir=self.cache_dir)
            if across_applies(config, len(files), self.previous is not None):
                results = with_findings_across(results, config, self._last_year(),
                                               _stage_cache(config, self.use_cache, self.cache_dir),
                                               jobs=job_count(self.jobs))
            for result in results:
                if result.error:
                    print(file_error(result.path, result.error, config.lang), file=sys.stderr)
                    broken = True
                _, kept = self._drop_skipped([result.path], [result], count=True)  # the path is not kept: no Path made
                if not kept:
                    continue
                self._below_threshold(kept)
                if remaining is not None:
                    baselines.apply_one(result, remaining)
                writer.add(result)
                failing = failing or any(result.count(s) for s, rank in SEVERITY_RANK.items() if rank >= threshold)
                if self.report_unused:
                    unused += _list_unused_suppressions(kept)
            writer.close()
        if broken:
            return 2
        if self.exit_zero:
            return 0
        return 1 if failing or (unused and threshold <= SEVERITY_RANK["warning"]) else 0

    def stdin(self) -> int:
        """`-`: the report comes on standard input, named by --stdin-filename (default: stdin.txt)."""
        from lintgk.batch import FileTimeout, _time_limit, _timed_out
        from lintgk.engine import lint_read
        from lintgk.errors import InputError
        from lintgk.files import relative_to, spec
        from lintgk.readers import MAX_BYTES, read_bytes

        name = self.stdin_filename or "-"
        suffix = Path(name).suffix.lower() or ".txt"
        if self.force_exclude and self.stdin_filename and self.config.exclude and \
                spec(self.config.exclude).match_file(relative_to(Path(name), self.config.root)):
            return 0
        data = sys.stdin.buffer.read(MAX_BYTES + 1)  # read_bytes refuses more; never read an endless pipe whole
        if self.fix or self.diff:
            return self._fix_stdin(data, name, suffix)
        try:
            with _time_limit(self.timeout):
                result = lint_read(read_bytes(data, name, suffix, self.config.encoding), self.config,
                                   self.config.reports_only)
        except InputError as exc:
            result = FileResult(path=name, error=exc.reason)
        except FileTimeout:
            result = _timed_out(name, self.timeout)
        if result.error:
            from lintgk.output.messages import file_error

            print(file_error(name, result.error, self.config.lang), file=sys.stderr)
        _, results = self._drop_skipped([Path(name)], [result])
        return self._finish([], results)

    def _fix_stdin(self, data: bytes, name: str, suffix: str) -> int:
        """As ruff does: the fixed text on stdout (or the diff with --diff), what is left on stderr."""
        from lintgk.engine import lint_read
        from lintgk.errors import InputError
        from lintgk.fixer import FIXABLE_SUFFIXES, FixOutcome, fix_text
        from lintgk.readers import read_bytes
        from lintgk.readers.encoding import decode

        if suffix not in FIXABLE_SUFFIXES:
            raise _fail(f"fixes are applied to .txt and .md reports only, not {suffix}")
        try:
            before, _ = decode(data, name, self.config.encoding)
        except InputError as exc:
            raise _fail(f"{name}: {exc.reason}") from None
        from lintgk.batch import FileTimeout, _time_limit, _timed_out

        try:
            with _time_limit(self.timeout):
                after, applied, skipped = fix_text(before, name, self.config, self.unsafe_fixes)
        except FileTimeout:
            raise _fail(f"{name}: {_timed_out(name, self.timeout).error}") from None
        _stdout_utf8()
        if self.diff:
            sys.stdout.write(FixOutcome(name, before, after, applied, skipped).diff())
            return 1 if after != before else 0
        sys.stdout.write(after)
        sys.stdout.flush()
        result = lint_read(read_bytes(after.encode("utf-8"), name, suffix), self.config, self.config.reports_only)
        _, results = self._drop_skipped([Path(name)], [result])
        self.output_format, self.output = OutputFormat.text, None
        return self._finish([], results, stream=sys.stderr)

    def _drop_skipped(self, files: list[Path], results: list, count: bool = False) -> tuple[list[Path], list]:
        kept_files, kept = [], []
        if not count:
            self.skipped = 0
        for path, result in zip(files, results):
            if result.skipped:
                self.skipped += 1
                if self.verbose:
                    print(f"lintgk: skipped {_shown(result.path)}: {result.skipped}", file=sys.stderr)
                continue
            kept_files.append(path)
            kept.append(result)
        return kept_files, kept

    def _below_threshold(self, results: list) -> None:
        from lintgk.model import SEVERITY_RANK

        lowest = SEVERITY_RANK[self.config.min_severity]
        if lowest == min(SEVERITY_RANK.values()):
            return  # nothing is below: a result's findings need not even be decoded (lintgk.stored)
        for r in results:
            r.diagnostics = [d for d in r.diagnostics if SEVERITY_RANK[d.severity] >= lowest]

    def _finish(self, files: list[Path], results: list, stream=None) -> int:
        from lintgk import baseline as baselines
        from lintgk.errors import LintgkError
        from lintgk.model import SEVERITY_RANK

        config = self.config
        self._below_threshold(results)
        broken = any(r.error for r in results)
        baseline_file = self.baseline_file()
        if self.write_baseline:
            target = baseline_file or Path(".lintgk-baseline.json")
            try:
                count = baselines.write(target, [r for r in results if not r.error])
            except LintgkError as exc:
                raise _fail(str(exc)) from None
            from lintgk.output.messages import say

            print(say("baseline", config.lang, n=count, path=target), file=sys.stderr)
            return 2 if broken else 0
        known = _known_findings(baseline_file)
        hidden = baselines.apply(results, known) if known else 0
        if (self.fix or self.diff) and files:
            before = list(results)
            results, run = _fix(files, results, config, self.unsafe_fixes, self.diff, known, self.timeout)
            if self.diff:
                return 2 if broken else (1 if run.outcomes else 0)
            self._below_threshold(results)
            if self.show_fixes:
                _show_fixes_applied(before, run, self.unsafe_fixes)
        elif self.show_fixes:
            _show_fixable(results)
        output = self.output
        if self.annotate and files:
            _annotate(files, results, config.lang, output)
            output = None  # with --annotate, --output named the annotated copy; the report goes to the terminal
        try:
            _write(results, self.output_format, config, output, show_passed=self.show_passed, quiet=self.quiet,
                   statistics=self.statistics, baselined=hidden, skipped=getattr(self, "skipped", 0), stream=stream)
        except OSError as exc:
            if output is None:
                raise
            from lintgk.output_path import write_error

            raise _fail(write_error(output, "--output", exc).line(config.lang)) from None
        unused = _list_unused_suppressions(results) if self.report_unused else 0
        if broken or any(r.error for r in results):  # --annotate can fail for a file too
            return 2
        if self.exit_zero:
            return 0
        threshold = SEVERITY_RANK[config.fail_on]
        if any(SEVERITY_RANK[d.severity] >= threshold for r in results for d in r.diagnostics):
            return 1
        if unused and threshold <= SEVERITY_RANK["warning"]:
            return 1
        return 0


def _known_findings(baseline_file: Path | None) -> Counter | None:
    """The findings a baseline holds (None without one); a baseline that cannot be read is one line, exit 2."""
    from lintgk import baseline as baselines
    from lintgk.errors import LintgkError

    if baseline_file is None:
        return None
    try:
        return baselines.load(baseline_file)
    except LintgkError as exc:
        raise _fail(str(exc)) from None


def _stage_cache(config, use_cache: bool, cache_dir):
    """The cache that keeps the second stage's findings: the result cache's folder (none where the batch
    runs without one: --no-cache, or a folder that is a symbolic link, of which the batch already warned)."""
    from lintgk.cache import Cache, cache_folder

    folder = cache_folder(cache_dir)
    return Cache(config, folder=folder) if use_cache and not folder.is_symlink() else None


def _check_across(results: list, config, previous: list | None = None) -> None:
    """The second stage (GK7xx): one body's consecutive years, and near copies across bodies."""
    from lintgk.across import check_across
    from lintgk.across.streamed import across_applies
    from lintgk.model import finding_order

    if not across_applies(config, len(results), previous is not None):
        return
    check_across(results, config, previous)
    for r in results:
        r.diagnostics.sort(key=finding_order)


def _list_unused_suppressions(results: list) -> int:
    count = 0
    for r in results:
        for line, code in r.unused_suppressions:
            what = "every rule" if code == "*" else code
            print(f"{_shown(r.path)}:{line}: unused suppression: {what} silenced nothing here; remove it "
                  f"(未使用的抑制注释)", file=sys.stderr)
            count += 1
    return count


def _fixable(diagnostics, unsafe: bool):
    return [d for d in diagnostics if d.fix and (d.fix.safe or unsafe)]


def _show_fixable(results: list) -> None:
    from collections import Counter

    safe = Counter((d.rule, d.name) for r in results for d in _fixable(r.diagnostics, False))
    unsafe = Counter((d.rule, d.name) for r in results for d in r.diagnostics if d.fix and not d.fix.safe)
    if not safe and not unsafe:
        return
    print(f"lintgk: {sum(safe.values())} finding(s) fixable with --fix, {sum(unsafe.values())} more with "
          "--fix --unsafe-fixes:", file=sys.stderr)
    for (code, name), n in sorted((safe + unsafe).items()):
        print(f"  {n:>4} × {code} {name}" + ("" if (code, name) in safe else " (unsafe)"), file=sys.stderr)


def _show_fixes_applied(before: list, run, unsafe: bool) -> None:
    """ruff's --show-fixes: per file changed, how many findings of each rule were fixed."""
    from collections import Counter

    changed = {o.path for o in run.outcomes}
    if not changed:
        print("lintgk: no fixes applied", file=sys.stderr)
        return
    print("lintgk: fixed:", file=sys.stderr)
    for r in before:
        if r.path not in changed:
            continue
        print(f"  {_shown(r.path)}:", file=sys.stderr)
        for (code, name), n in sorted(Counter((d.rule, d.name) for d in _fixable(r.diagnostics, unsafe)).items()):
            print(f"    {n:>4} × {code} {name}", file=sys.stderr)


def _watch(paths: list[Path], run: _Run) -> None:
    """--watch: lint, then poll the files' modification times and lint again on a change; Ctrl-C exits 0."""
    from lintgk.watch import poll

    def once() -> None:
        try:
            run.files(paths)
        except typer.Exit:
            pass
        sys.stdout.flush()
        print("lintgk: watching for changes (Ctrl-C to stop)", file=sys.stderr, flush=True)

    try:
        once()
        for _ in poll(lambda: run.collect(paths)):
            print("lintgk: a file changed; linting again", file=sys.stderr, flush=True)
            once()
    except KeyboardInterrupt:
        raise typer.Exit(0) from None


def _lint(files: list[Path], config, jobs: int | None = None, timeout: float = 60.0, use_cache: bool = True,
          cache_dir: Path | None = None) -> list:
    from lintgk.batch import lint_many

    with _progress(len(files)) as advance:
        results = lint_many(files, config, jobs=jobs, timeout=timeout, use_cache=use_cache, progress=advance,
                            cache_dir=cache_dir)
    from lintgk.output.messages import file_error

    for r in results:
        if r.error:
            print(file_error(r.path, r.error, config.lang), file=sys.stderr)
    return results


@contextmanager
def _unclosed(stream):
    yield stream
    stream.flush()


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


def _fix(files: list[Path], results: list, config, unsafe: bool, diff_only: bool, known,
         timeout: float | None = None) -> tuple[list, object]:
    """Apply (or show) fixes; return the results after fixing and the fix run (its outcomes: what changed)."""
    from lintgk import baseline as baselines
    from lintgk.fixer import fix_results
    from lintgk.output.messages import file_error, say

    run = fix_results(files, results, config, unsafe=unsafe, write=not diff_only, timeout=timeout)
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
    return run.results, run


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
            print(f"lintgk: {words['skip'].format(path=_shown(str(path)))}", file=sys.stderr)
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
        print(f"lintgk: {words['wrote'].format(path=_shown(str(written)), n=len(result.diagnostics))}", file=sys.stderr)


_ANNOTATE_WORDS = {
    "zh": {"wrote": "已写入批注版 {path}（{n} 条批注）", "skip": "{path} 不是 Word .docx 文件，不能加批注",
           "many": "--annotate 处理多个 .docx 时，--output 须是一个文件夹"},
    "en": {"wrote": "wrote {path} with {n} comment(s)", "skip": "{path} is not a Word .docx file; comments are added to .docx only",
           "many": "with --annotate and several .docx files, --output must be a folder"},
}


def _write(results, output_format: OutputFormat, config, output: Path | None, baselined: int = 0, skipped: int = 0,
           stream=None, **options) -> None:
    if output_format is OutputFormat.text:
        from rich.console import Console

        from lintgk.output.terminal import render

        if output:
            with output.open("w", encoding="utf-8") as handle:
                render(results, Console(file=handle, no_color=True, width=120, highlight=False), config.lang,
                       baselined=baselined, skipped=skipped, **options)
        else:
            render(results, Console(highlight=False, stderr=stream is sys.stderr), config.lang, baselined=baselined,
                   skipped=skipped, **options)
        return
    if output_format is OutputFormat.json:
        from lintgk.output.json_format import write

        if output:
            with output.open("w", encoding="utf-8") as handle:
                write(results, handle, passed=options.get("show_passed", False))
        else:
            _stdout_utf8()
            write(results, sys.stdout, passed=options.get("show_passed", False))
        return
    if output_format is OutputFormat.sarif:
        from lintgk.engine import rule_set
        from lintgk.output.sarif import render

        text = render(results, rule_set(config), config.lang)
    elif output_format is OutputFormat.gitlab:
        from lintgk.output.gitlab import render

        text = render(results)
    elif output_format is OutputFormat.junit:
        from lintgk.output.junit import render

        text = render(results)
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
    try:  # a file name in bytes that are not UTF-8 (in a diff header) goes out as those bytes, not a crash
        sys.stdout.reconfigure(encoding="utf-8", errors="surrogateescape")
    except (AttributeError, ValueError):
        pass


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

    config = _load_config(config_file, lang=lang.value if lang else None, fail_on=fail_on.value if fail_on else None)
    from lintgk.output_path import OutputPathError, ensure_writable, write_error

    try:
        ensure_writable(html, "--html", streams_ok=True)
    except OutputPathError as exc:
        raise _fail(exc.line(config.lang)) from None
    files = collect(paths, config.exclude, config.root)  # a page lintgk wrote is not among them (own_outputs)
    target = html.resolve()
    if any(f.resolve() == target for f in files):  # never overwrite a report
        raise _fail(f"--html {html} " + ("是要检查的报告之一，请另给一个文件名" if config.lang == "zh"
                                         else "is one of the reports surveyed; name another file"))
    if not files:
        raise _fail("no report files found in " + ", ".join(map(str, paths)))
    counts = Counter()
    surveyed = _surveyed(files, config, counts, jobs=jobs, timeout=timeout, use_cache=not no_cache, cache_dir=cache_dir)
    page = render(surveyed, rule_set(config), config.lang, config.fail_on)
    try:
        html.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise _fail(write_error(html, "--html", exc).line(config.lang)) from None
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

    known = _known_findings(Path(config.baseline) if config.baseline else None)
    remaining = Counter(known) if known else None
    lowest = SEVERITY_RANK[config.min_severity]
    with _progress(len(files)) as advance:
        results = iter_lint(files, config, progress=advance, **lint_options)
        if across_applies(config, len(files), False):
            results = with_findings_across(results, config, cache=_stage_cache(
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
        raise _fail(f"cannot remove the cache {str(folder)!r}: {exc.strerror or exc}") from None
    print(f"lintgk: {'removed' if removed else 'no cache at'} {folder}", file=sys.stderr)


def _config_rules(config_file: Path | None):
    """The built-in rules plus the house rules of the config's rule-dirs, as `check` sees them."""
    from lintgk.config import load_config
    from lintgk.errors import LintgkError
    from lintgk.rules import load_rules

    try:
        return load_rules(tuple(load_config(config_file).rule_dirs))
    except LintgkError as exc:
        raise _fail(str(exc)) from None


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
    config_file: Path | None = typer.Option(None, "--config", help="Config file whose rule-dirs add house rules (default: the one `check` would find)."),
    where: bool = typer.Option(False, "--where", help="Print where the rule lives instead: its YAML file, its check kind's function and its cases."),
) -> None:
    """Explain a rule: what it checks, why, the source it cites, and a bad and a good example."""
    from lintgk.output.explain import render

    rules = _config_rules(config_file)
    wanted = code.strip()
    rule = rules.rules.get(wanted.upper()) or next((r for r in rules.rules.values() if r.name == wanted.lower()), None)
    if rule is None:
        raise _fail(f"unknown rule {code!r}; `lintgk rules` lists them")
    if where:
        from lintgk.docs import where as locate

        _stdout_utf8()
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
        raise _fail(str(exc)) from None


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
        raise _fail(f"lintgk serve needs the web extra: pip install \"lintgk[web]\" ({exc.name} is missing)") from None
    run(host=host, port=port, open_browser=not no_browser, max_mb=max_mb, max_files=max_files, timeout=timeout)


# `lintgk check FILE…` with common options, as pre-commit and editors run it, is parsed here: typer's
# parameter coercion imports pydantic (about a third of a one-file check). Anything else, including any
# value this parser does not accept, goes to typer, which gives the usual help and errors.
_FAST_FLAGS = {"--quiet": "quiet", "-q": "quiet", "--no-cache": "no_cache", "--force-exclude": "force_exclude",
               "--exit-zero": "exit_zero", "--show-passed": "show_passed", "--statistics": "statistics",
               "--verbose": "verbose", "-v": "verbose", "--report-unused-suppressions": "report_unused_suppressions"}
_FAST_VALUES = {"--format": "output_format", "--output-format": "output_format", "-f": "output_format",
                "--lang": "lang", "--fail-on": "fail_on", "--min-severity": "min_severity", "--output": "output",
                "-o": "output", "--config": "config_file", "--select": "select", "--extend-select": "extend_select",
                "--ignore": "ignore", "--profile": "profile", "--encoding": "encoding", "--jobs": "jobs", "-j": "jobs",
                "--timeout": "timeout", "--cache-dir": "cache_dir"}
_FAST_TYPES = {"output_format": OutputFormat, "lang": Lang, "fail_on": Severity, "min_severity": Severity,
               "output": Path, "config_file": Path, "cache_dir": Path, "jobs": int, "timeout": float}
_FAST_LISTS = {"select", "extend_select", "ignore"}


def _fast_check_arguments(argv: list[str]) -> dict | None:
    """The keyword arguments of check() for a plain command line, or None to let typer parse it."""
    import inspect

    if not argv or argv[0] != "check":
        return None
    values = {name: p.default.default for name, p in inspect.signature(check).parameters.items()}
    values["paths"] = []
    rest = argv[1:]
    i = 0
    while i < len(rest):
        arg = rest[i]
        name, _, inline = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if arg in _FAST_FLAGS:
            values[_FAST_FLAGS[arg]] = True
        elif name in _FAST_VALUES and (inline or i + 1 < len(rest)):
            key = _FAST_VALUES[name]
            raw = inline if inline else rest[i + 1]
            i += 0 if inline else 1
            try:
                value = _FAST_TYPES.get(key, str)(raw)
            except ValueError:
                return None
            if (key == "jobs" and value < 1) or (key == "timeout" and not 0.1 <= value < float("inf")):
                return None
            if key in _FAST_LISTS:
                value = [*(values[key] or []), value]
            values[key] = value
        elif arg.startswith("-") or not arg:
            return None  # "-" (stdin), --fix, --watch, --help, an unknown option: typer's
        else:
            values["paths"].append(Path(arg))
        i += 1
    return values if values["paths"] else None


def main() -> None:
    arguments = _fast_check_arguments(sys.argv[1:])
    if arguments is None:
        app()
        return
    try:
        check(**arguments)
    except typer.Exit as done:
        sys.exit(done.exit_code)
