"""The command line's entry, and what `lintgk check` runs.

``main`` parses a plain `lintgk check FILE…` itself, as pre-commit and editors run it, and imports the typer
commands (lintgk.commands: every command's options, help and errors) only for anything else: importing typer
alone was an eighth of a one-file check, its parameter coercion (which imports pydantic) a third."""
from __future__ import annotations

import os
import sys
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from lintgk.model import FileResult


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


def fail(message: str) -> SystemExit:
    """The exit for trouble: the message in one line on stderr, exit code 2 (raise what it returns)."""
    from lintgk.output.messages import error_line

    print(error_line(message, _LANG["current"]), file=sys.stderr)
    return SystemExit(2)


def _shown(path: str) -> str:
    """A file name in a message line: control characters and bytes that are not UTF-8 escaped."""
    from lintgk.output.escape import printable

    return printable(path)


def _split(values: list[str] | None) -> list[str]:
    return [v.strip().upper() for item in values or [] for v in item.split(",") if v.strip()]


def command_config(config_file: Path | None, use_cache: bool = False, cache_dir: Path | None = None, **overrides):
    """The config a command runs with: the file found (or named), the command line's overrides, and the rules
    loaded and checked against it (their files as parsed kept in the cache folder, with the cache); a problem
    is one line and exit 2."""
    from lintgk import cache
    from lintgk.config import load_config
    from lintgk.engine import rule_set
    from lintgk.errors import LintgkError

    cache.new_command()
    folder = cache.cache_folder(cache_dir) if use_cache else None
    if folder is not None and folder.is_symlink():  # the batch says so in one line and runs without the cache
        folder = None
    if folder is not None:
        from lintgk.rules import keep_parsed_rule_files

        keep_parsed_rule_files(cache.ParsedRuleFiles(folder))

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
        if folder is None or not cache.checked_before(folder, config):
            rule_set(config)  # validate rules and config before any file is read
            if folder is not None:
                cache.mark_checked(folder, config)
    except LintgkError as exc:
        raise fail(str(exc)) from None
    return config


def run_check(
    paths: list[Path],
    output_format: OutputFormat = OutputFormat.text,
    lang: Lang | None = None,
    fail_on: Severity | None = None,
    min_severity: Severity | None = None,
    exit_zero: bool = False,
    config_file: Path | None = None,
    select: list[str] | None = None,
    extend_select: list[str] | None = None,
    ignore: list[str] | None = None,
    document: str | None = None,
    profile: str | None = None,
    encoding: str | None = None,
    stdin_filename: str | None = None,
    force_exclude: bool = False,
    show_passed: bool = False,
    show_fixes: bool = False,
    report_unused_suppressions: bool = False,
    quiet: bool = False,
    verbose: bool = False,
    statistics: bool = False,
    output: Path | None = None,
    fix: bool = False,
    unsafe_fixes: bool = False,
    diff: bool = False,
    watch: bool = False,
    baseline: Path | None = None,
    write_baseline: bool = False,
    jobs: int | None = None,
    no_cache: bool = False,
    cache_dir: Path | None = None,
    timeout: float = 60.0,
    annotate: bool = False,
    previous: Path | None = None,
) -> int:
    """`lintgk check`: lint, report and the exit code (0 clean, 1 findings at or above --fail-on, 2 trouble)."""
    config = command_config(
        config_file,
        use_cache=not no_cache,
        cache_dir=cache_dir,
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
        raise fail("- (standard input) cannot be combined with other paths")
    if stdin_filename and not from_stdin:
        raise fail("--stdin-filename names the report read from standard input; pass - as the path")
    if watch and (from_stdin or fix or diff or write_baseline):
        raise fail("--watch lints files as they change; it cannot be combined with -, --fix, --diff or --write-baseline")
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
        raise fail(f"--previous names last year's report file: {previous}" if not from_stdin
                   else "--previous cannot be combined with - (standard input)")
    if from_stdin:
        return run.stdin()
    if watch:
        _watch(paths, run)
    return run.files(paths)


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
            raise fail(exc.line(self.config.lang)) from None

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
            raise fail("no report files found in " + ", ".join(map(str, paths)))
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
        known = known_findings(self.baseline_file())
        remaining = Counter(known) if known else None
        threshold = SEVERITY_RANK[config.fail_on]
        broken = failing = False
        unused = 0
        self.skipped = 0
        if self.output is None:
            stdout_utf8()
        # a survey's lines are about 10 KB each: a large buffer writes them in few system calls
        with (self.output.open("w", encoding="utf-8", buffering=1 << 20) if self.output else _unclosed(sys.stdout)) \
                as stream, progress(len(files)) as advance:
            writer = JsonWriter(stream, passed=self.show_passed)
            across = across_applies(config, len(files), self.previous is not None)
            stage = stage_cache(config, self.use_cache, self.cache_dir) if across else None
            # the second stage spools a result from the cache as a reference to its entry: only that is read now
            results = iter_lint(files, config, jobs=self.jobs, timeout=self.timeout, use_cache=self.use_cache,
                                progress=advance, cache_dir=self.cache_dir, references=stage is not None)
            if across:
                results = with_findings_across(results, config, self._last_year(), stage, jobs=job_count(self.jobs))
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
                    unused += _list_unused_suppressions(kept, config.lang)
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
            raise fail(f"fixes are applied to .txt and .md reports only, not {suffix}")
        try:
            before, _ = decode(data, name, self.config.encoding)
        except InputError as exc:
            raise fail(f"{name}: {exc.reason}") from None
        from lintgk.batch import FileTimeout, _time_limit, _timed_out

        try:
            with _time_limit(self.timeout):
                after, applied, skipped = fix_text(before, name, self.config, self.unsafe_fixes)
        except FileTimeout:
            raise fail(f"{name}: {_timed_out(name, self.timeout).error}") from None
        stdout_utf8()
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
                    from lintgk.output.messages import skipped_line

                    print(skipped_line(result.path, result.skipped, self.config.lang), file=sys.stderr)
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
                raise fail(str(exc)) from None
            from lintgk.output.messages import say

            print(say("baseline", config.lang, n=count, path=target), file=sys.stderr)
            return 2 if broken else 0
        known = known_findings(baseline_file)
        hidden = baselines.apply(results, known) if known else 0
        if (self.fix or self.diff) and files:
            before = list(results)
            results, run = _fix(files, results, config, self.unsafe_fixes, self.diff, known, self.timeout)
            if self.diff:
                return 2 if broken else (1 if run.outcomes else 0)
            self._below_threshold(results)
            if self.show_fixes:
                _show_fixes_applied(before, run, self.unsafe_fixes, config.lang)
        elif self.show_fixes:
            _show_fixable(results, config.lang)
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

            raise fail(write_error(output, "--output", exc).line(config.lang)) from None
        unused = _list_unused_suppressions(results, config.lang) if self.report_unused else 0
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


def known_findings(baseline_file: Path | None) -> Counter | None:
    """The findings a baseline holds (None without one); a baseline that cannot be read is one line, exit 2."""
    from lintgk import baseline as baselines
    from lintgk.errors import LintgkError

    if baseline_file is None:
        return None
    try:
        return baselines.load(baseline_file)
    except LintgkError as exc:
        raise fail(str(exc)) from None


def stage_cache(config, use_cache: bool, cache_dir):
    """The cache that keeps the results the second stage passes on: the result cache's folder (none where the
    batch runs without one: --no-cache, or a folder that is a symbolic link, of which the batch already warned)."""
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


def _list_unused_suppressions(results: list, lang: str) -> int:
    from lintgk.output.escape import printable
    from lintgk.output.messages import WORDS

    words = WORDS[lang]
    count = 0
    for r in results:
        for line, code in r.unused_suppressions:
            what = words["every rule"] if code == "*" else code
            print(printable(words["unused"].format(path=r.path, line=line, what=what)), file=sys.stderr)
            count += 1
    return count


def _fixable(diagnostics, unsafe: bool):
    return [d for d in diagnostics if d.fix and (d.fix.safe or unsafe)]


def _show_fixable(results: list, lang: str) -> None:
    from collections import Counter

    from lintgk.output.messages import WORDS, say

    safe = Counter((d.rule, d.name) for r in results for d in _fixable(r.diagnostics, False))
    unsafe = Counter((d.rule, d.name) for r in results for d in r.diagnostics if d.fix and not d.fix.safe)
    if not safe and not unsafe:
        return
    print(say("fixable", lang, safe=sum(safe.values()), unsafe=sum(unsafe.values())), file=sys.stderr)
    for (code, name), n in sorted((safe + unsafe).items()):
        print(f"  {n:>4} × {code} {name}" + ("" if (code, name) in safe else WORDS[lang]["unsafe"]), file=sys.stderr)


def _show_fixes_applied(before: list, run, unsafe: bool, lang: str) -> None:
    """ruff's --show-fixes: per file changed, how many findings of each rule were fixed."""
    from collections import Counter

    from lintgk.output.messages import say

    changed = {o.path for o in run.outcomes}
    if not changed:
        print(say("no fixes", lang), file=sys.stderr)
        return
    print(say("fixes applied", lang), file=sys.stderr)
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
        except SystemExit:
            pass  # a file that cannot be read, or no file left: watch on
        sys.stdout.flush()
        print("lintgk: watching for changes (Ctrl-C to stop)", file=sys.stderr, flush=True)

    try:
        once()
        for _ in poll(lambda: run.collect(paths)):
            print("lintgk: a file changed; linting again", file=sys.stderr, flush=True)
            once()
    except KeyboardInterrupt:
        raise SystemExit(0) from None


def _lint(files: list[Path], config, jobs: int | None = None, timeout: float = 60.0, use_cache: bool = True,
          cache_dir: Path | None = None) -> list:
    from lintgk.batch import lint_many

    with progress(len(files)) as advance:
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
def progress(total: int):
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
        stdout_utf8()
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
        raise fail(words["many"])
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
            stdout_utf8()
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
        stdout_utf8()
        sys.stdout.write(text)


def stdout_utf8() -> None:
    try:  # a file name in bytes that are not UTF-8 (in a diff header) goes out as those bytes, not a crash
        sys.stdout.reconfigure(encoding="utf-8", errors="surrogateescape")
    except (AttributeError, ValueError):
        pass


# `lintgk check FILE…` with common options, as pre-commit and editors run it, is parsed here: typer's import
# and its parameter coercion (which imports pydantic) were about a third of a one-file check. Anything else,
# including any value this parser does not accept, goes to typer, which gives the usual help and errors.
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
    """The keyword arguments of run_check() for a plain command line, or None to let typer parse it."""
    import inspect

    if not argv or argv[0] != "check":
        return None
    values = {name: p.default for name, p in inspect.signature(run_check).parameters.items()}
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


def version_line() -> str:
    from lintgk import __version__

    return f"lintgk {__version__}"


def _never_fail_on_encoding() -> None:
    """Text the console's encoding cannot hold (a rare ideograph such as 𠀀, an emoji in a report: GBK, a Windows
    console's code page when output is redirected, has neither) is written as an escape, not a crash halfway
    through the output; everything else keeps the console's own encoding."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream.errors == "strict":
                stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):  # replaced by a caller with a stream of its own
            pass


def main() -> None:
    _never_fail_on_encoding()
    if sys.argv[1:] == ["--version"]:  # as editors and hook runners probe it: without typer
        print(version_line())
        return
    arguments = _fast_check_arguments(sys.argv[1:])
    if arguments is None:
        from lintgk.commands import app

        app()
        return
    sys.exit(run_check(**arguments))
