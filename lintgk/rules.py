"""Rules and profiles, declared as YAML data under ``rules/``.

A rule names a check kind and gives its code, name, severity, messages (zh/en),
rationale with the source it cites, examples and parameters. A profile selects the
rules for one report template and may override their parameters.
"""
from __future__ import annotations

import marshal
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lintgk import beside_bytecode
from lintgk.errors import RuleFileError
from lintgk.lazy_regex import lazy_compile
from lintgk.model import SEVERITIES
from lintgk.parsed_files import ParsedFiles

if TYPE_CHECKING:
    from lintgk.cache import ParsedRuleFiles

CODE = lazy_compile(r"^GK[1-7]\d{2}$")
NAME = lazy_compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_RULE_KEYS = {"code", "name", "kind", "severity", "summary", "message", "variants", "rationale", "source", "examples", "params", "profiles", "documents", "fixable",
              "fix", "passed", "supersedes"}
_REQUIRED = ("code", "name", "kind", "severity", "summary", "message", "rationale", "source", "examples")
_PROFILE_KEYS = {"name", "document", "description", "years", "params"}
_DOCUMENT_KEYS = {"name", "description", "forms"}
DEFAULT_DOCUMENT = "annual-report"
MAX_FILE_BYTES = 1_000_000  # a rule file is a few kilobytes


@dataclass
class Rule:
    code: str
    name: str
    kind: str
    severity: str
    summary: dict[str, str]
    message: dict[str, str]
    rationale: dict[str, str]
    source: str
    examples: dict[str, str]
    params: dict[str, Any] = field(default_factory=dict)
    variants: dict[str, dict[str, str]] = field(default_factory=dict)
    profiles: list[str] | None = None  # None: every profile of its document types
    fixable: bool = False
    documents: list[str] = field(default_factory=lambda: [DEFAULT_DOCUMENT])  # the document types it checks
    path: str = ""
    fix: dict[str, str] | None = None  # the description of the fix a finding carries ({fields} and {replacement})
    passed: dict[str, str] | None = None  # the detail of a check that held ({fields} of emit.passed)
    # codes whose findings on a line this rule reports are left out: the line is to go (GK606's page furniture),
    # so its half-width colon or typo is no finding of its own
    supersedes: tuple[str, ...] = ()

    def text(self, lang: str, variant: str | None = None) -> str:
        texts = self.variants.get(variant, self.message) if variant else self.message
        return self.wording(texts, lang)

    @staticmethod
    def wording(texts: dict[str, str], lang: str) -> str:
        return texts.get(lang) or texts["zh"]


@dataclass
class Profile:
    name: str
    description: dict[str, str]
    years: tuple[int, int]
    params: dict[str, dict[str, Any]]
    document: str = DEFAULT_DOCUMENT  # the document type whose template this profile is
    path: str = ""


@dataclass
class DocumentType:
    """What kind of document is checked (annual-report); above its profiles, which are its templates by year."""

    name: str
    description: dict[str, str]
    forms: list[str] = field(default_factory=list)  # the official forms its reports hold (rules/forms/)


@dataclass
class RuleSet:
    rules: dict[str, Rule]
    profiles: dict[str, Profile]
    documents: dict[str, DocumentType] = field(default_factory=dict)
    # (code, profile name) → the rule's params with the profile's overrides, as the kind's params dataclass
    typed: dict[tuple[str, str], Any] = field(default_factory=dict)
    # what is worked out from the rules once, not for every report (the engine's steps for a profile and
    # configuration, the template's part names)
    derived: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def profile_for_year(self, year: int | None, document: str | None = None) -> Profile:
        """The profile for a report of this year, among the document type's profiles (all, without one)."""
        ordered = self.derived.get(("profiles by year", document))
        if ordered is None:  # asked for every report
            ordered = self.derived[("profiles by year", document)] = sorted(
                (p for p in self.profiles.values() if document is None or p.document == document),
                key=lambda p: p.years[0])
        if not ordered:
            raise RuleFileError(f"no profiles for document type {document!r}")
        if year is not None:
            for profile in ordered:
                if profile.years[0] <= year <= profile.years[1]:
                    return profile
            if year < ordered[0].years[0]:
                return ordered[0]
        return ordered[-1]

    def params_for(self, rule: Rule, profile: Profile) -> Any:
        """What the rule's kind receives: its params dataclass (validated at load), or a dict for a kind
        that declares none."""
        typed = self.typed.get((rule.code, profile.name))
        return typed if typed is not None else {**rule.params, **profile.params.get(rule.code, {})}

    def applies(self, rule: Rule, profile: Profile) -> bool:
        return profile.document in rule.documents and (rule.profiles is None or profile.name in rule.profiles)


def builtin_rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleFileError(f"built-in rules not found next to {here}")


_parsed_files: ParsedRuleFiles | None = None  # where the command runs with the cache


def keep_parsed_rule_files(store: ParsedRuleFiles) -> None:
    """Read the rule files through ``store`` (lintgk.cache.ParsedRuleFiles): a file unchanged since a run
    parsed it is not parsed again, and PyYAML is not even imported when none changed."""
    global _parsed_files
    _parsed_files = store


class BuiltinRuleFiles(ParsedFiles):
    """lintgk's own rule files as parsed, kept beside its bytecode (lintgk.beside_bytecode) for a command that
    runs without the cache: they change only when lintgk does."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path or beside_bytecode.path_of("rule-files")
        super().__init__(beside_bytecode.read(self.path))

    def keeps(self, parsed: Any) -> bool:
        try:
            return marshal.loads(marshal.dumps(parsed)) == parsed
        except ValueError:  # a date: not plain data
            return False

    def write(self) -> None:
        beside_bytecode.write(self.path, self.files)


_builtin_files: BuiltinRuleFiles | None = None  # made when first needed


def _kept_files(builtin: bool) -> ParsedFiles | None:
    """Where a rule file's parse is kept: the cache, or for lintgk's own files without it, beside the bytecode."""
    global _builtin_files
    if _parsed_files is not None or not builtin:
        return _parsed_files
    if _builtin_files is None:
        _builtin_files = BuiltinRuleFiles()
    return _builtin_files


def save_parsed_rule_files() -> None:
    for store in (_parsed_files, _builtin_files):
        if store is not None:
            store.save()


def _load_yaml(path: Path, builtin: bool = False) -> Any:
    """A rule, profile, document type or form file (``builtin``: lintgk's own): safe YAML, aliases bounded
    (lintgk.safe_yaml), one-line errors."""
    try:
        info = path.stat()
        if info.st_size > MAX_FILE_BYTES:
            raise RuleFileError(f"{path}: larger than {MAX_FILE_BYTES // 1_000_000} MB, not a rule file")
        kept = _kept_files(builtin)
        if kept is not None:
            known, parsed = kept.get(path, info)
            if known:
                return parsed
        from lintgk import safe_yaml

        parsed = safe_yaml.load(path.read_text(encoding="utf-8"), str(path))
        if kept is not None:
            kept.put(path, info, parsed)
        return parsed
    except ValueError as exc:  # UnicodeDecodeError is one too
        if isinstance(exc, UnicodeDecodeError):
            raise RuleFileError(f"{path}: cannot read (not UTF-8: {exc.reason} at byte {exc.start})") from None
        raise RuleFileError(str(exc)) from None
    except OSError as exc:
        raise RuleFileError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _bilingual(path: Path, data: dict, key: str) -> dict[str, str]:
    value = data.get(key)
    if not isinstance(value, dict) or not isinstance(value.get("zh"), str) or not isinstance(value.get("en"), str):
        raise RuleFileError(f"{path}: '{key}' needs 'zh' and 'en' texts")
    return value


def parse_rule(path: Path, data: Any, kinds: dict) -> Rule:
    _mapping(path, data, "rule", _RULE_KEYS)
    missing = [k for k in _REQUIRED if k not in data]
    if missing:
        raise RuleFileError(f"{path}: missing {', '.join(missing)}")
    code, name, kind, severity = (str(data[k]) for k in ("code", "name", "kind", "severity"))
    if not CODE.match(code):
        raise RuleFileError(f"{path}: code {code!r} is not of the form GK1xx–GK7xx")
    if not NAME.match(name):
        raise RuleFileError(f"{path}: name {name!r} must be kebab-case")
    if kind not in kinds:
        raise RuleFileError(f"{path}: unknown check kind {kind!r}")
    if severity not in SEVERITIES:
        raise RuleFileError(f"{path}: severity must be one of {', '.join(SEVERITIES)}")
    examples = data["examples"]
    if not isinstance(examples, dict) or not {"bad", "good"} <= set(examples):
        raise RuleFileError(f"{path}: 'examples' needs 'bad' and 'good'")
    variants = data.get("variants") or {}
    for variant in variants:
        _bilingual(path, variants, variant)
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise RuleFileError(f"{path}: 'params' must be a mapping")
    message = _bilingual(path, data, "message")
    optional = {key: _bilingual(path, data, key) for key in ("fix", "passed") if key in data}
    for key, texts in (("message", message), *((f"variants.{v}", t) for v, t in variants.items()), *optional.items()):
        for lang in ("zh", "en"):
            _message_fields(path, code, f"{key}.{lang}", texts[lang])
    profiles = data.get("profiles")
    if profiles is not None and not (isinstance(profiles, list) and all(isinstance(p, str) for p in profiles)):
        raise RuleFileError(f"{path}: 'profiles' must be a list of profile names")
    documents = data.get("documents", [DEFAULT_DOCUMENT])
    if not (isinstance(documents, list) and documents and all(isinstance(d, str) for d in documents)):
        raise RuleFileError(f"{path}: 'documents' must be a list of document type names")
    supersedes = data.get("supersedes", [])
    if not (isinstance(supersedes, list) and all(isinstance(c, str) and CODE.match(c) for c in supersedes)):
        raise RuleFileError(f"{path}: 'supersedes' must be a list of rule codes (GK601)")
    return Rule(
        code=code,
        name=name,
        kind=kind,
        severity=severity,
        summary=_bilingual(path, data, "summary"),
        message=message,
        rationale=_bilingual(path, data, "rationale"),
        source=str(data["source"]),
        examples={k: str(v) for k, v in examples.items()},
        params=params,
        variants=variants,
        profiles=profiles,
        fixable=bool(data.get("fixable", False)),
        path=str(path),
        documents=documents,
        fix=optional.get("fix"),
        passed=optional.get("passed"),
        supersedes=tuple(supersedes),
    )


def _message_fields(path: Path, code: str, key: str, text: str) -> set[str]:
    """The {fields} a message fills in from the finding's data; a positional {} or {0}, an attribute or
    index ({a.b}, {a[0]}) or an unbalanced brace is an error in the rule file."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise RuleFileError(f"{path}: rule {code}: {key}: {exc} (write {{{{ and }}}} for a literal brace)") from None
    names = set()
    for _, name, spec, _ in parsed:
        if name is None:
            continue
        if name == "" or name.isdigit():
            raise RuleFileError(f"{path}: rule {code}: {key}: positional field {{{name}}}; name the field, e.g. {{total}}")
        if not name.isidentifier():
            raise RuleFileError(f"{path}: rule {code}: {key}: field {{{name}}} must be a plain name")
        if spec and "{" in spec:
            raise RuleFileError(f"{path}: rule {code}: {key}: nested field in {{{name}:{spec}}}")
        names.add(name)
    return names


def _rule_fields(rule: Rule) -> dict[str, set[str]]:
    """The fields each of the rule's messages uses, by YAML key (message.zh, variants.short.en …)."""
    texts = {"message": rule.message, **{f"variants.{v}": t for v, t in rule.variants.items()}}
    return {f"{key}.{lang}": _message_fields(Path(rule.path), rule.code, f"{key}.{lang}", t[lang])
            for key, t in texts.items() for lang in ("zh", "en")}


def _check_fields(rules: dict[str, Rule], builtin: set[str], params_types: dict[str, type]) -> None:
    """A rule from a rule folder may use the fields the built-in rules of its kind use, and those its own
    params name (a params dataclass's ``data_fields()``, e.g. the terms of a form identity); any other
    field names data the kind does not give and would be printed as {field}."""
    from lintgk.checks.params import ParamError, build

    vocabulary: dict[str, set[str]] = {}
    for code in builtin:
        for names in _rule_fields(rules[code]).values():
            vocabulary.setdefault(rules[code].kind, set()).update(names)
    for rule in rules.values():
        known = vocabulary.get(rule.kind)
        if rule.code in builtin or known is None:
            continue
        cls = params_types.get(rule.kind)
        if cls is not None and hasattr(cls, "data_fields"):
            try:
                known = known | set(build(cls, rule.params).data_fields())
            except ParamError:
                pass  # reported with the file and key by _typed_params
        for key, names in _rule_fields(rule).items():
            unknown = sorted(names - known)
            if unknown:
                raise RuleFileError(f"{rule.path}: rule {rule.code}: {key}: unknown field {{{unknown[0]}}} "
                                    f"(kind {rule.kind} gives: {', '.join(sorted(known))})")


def _typed_params(rules: dict[str, Rule], profiles: dict[str, Profile], params_types: dict[str, type],
                  builtin: set[str]) -> dict:
    """Each rule's params, with each profile's overrides, as its kind's dataclass; a key, type or regular
    expression that does not fit is an error naming the file it came from. The regular expressions of
    lintgk's own rules (``builtin``) with its own profiles are compiled when a check first uses them."""
    from lintgk.checks.params import ParamError, build

    typed: dict[tuple[str, str], Any] = {}
    own_profiles = {name for name, profile in profiles.items()
                    if Path(profile.path).parent.parent == builtin_rules_dir()}
    for rule in rules.values():
        cls = params_types.get(rule.kind)
        if cls is None:
            continue
        try:
            base = build(cls, rule.params, check_patterns=rule.code not in builtin)
        except ParamError as exc:
            raise RuleFileError(f"{rule.path}: rule {rule.code}: {exc}") from None
        for profile in profiles.values():
            override = profile.params.get(rule.code, {})
            if not override:  # most profiles leave a rule as it is: one build serves them all
                typed[(rule.code, profile.name)] = base
                continue
            own = rule.code in builtin and profile.name in own_profiles
            try:
                typed[(rule.code, profile.name)] = build(cls, {**rule.params, **override}, check_patterns=not own)
            except ParamError as exc:
                source = profile.path if exc.key.split(".")[0].split("[")[0] in override else rule.path
                raise RuleFileError(f"{source}: rule {rule.code}: {exc}") from None
    return typed


def _mapping(path: Path, data: Any, what: str, keys: set[str]) -> dict:
    """A rule, profile or document type file: one mapping of known keys."""
    if not isinstance(data, dict):
        raise RuleFileError(f"{path}: a {what} file holds one mapping")
    unknown = set(data) - keys
    if unknown:
        raise RuleFileError(f"{path}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    return data


def parse_profile(path: Path, data: Any) -> Profile:
    _mapping(path, data, "profile", _PROFILE_KEYS)
    years = data.get("years")
    if not (isinstance(years, list) and len(years) == 2 and all(isinstance(y, int) for y in years)):
        raise RuleFileError(f"{path}: 'years' must be [first, last]")
    params = data.get("params") or {}
    if not isinstance(params, dict) or not all(isinstance(v, dict) for v in params.values()):
        raise RuleFileError(f"{path}: 'params' maps rule codes to parameter mappings")
    document = data.get("document", DEFAULT_DOCUMENT)
    if not isinstance(document, str):
        raise RuleFileError(f"{path}: 'document' must be a document type's name")
    return Profile(str(data.get("name") or path.stem), _bilingual(path, data, "description"), (years[0], years[1]), params,
                   document, str(path))


def parse_document_type(path: Path, data: Any) -> DocumentType:
    _mapping(path, data, "document type", _DOCUMENT_KEYS)
    forms = data.get("forms") or []
    if not (isinstance(forms, list) and all(isinstance(f, str) for f in forms)):
        raise RuleFileError(f"{path}: 'forms' must be a list of form names")
    for form in forms:
        if not (builtin_rules_dir() / "forms" / f"{form}.yaml").is_file():
            raise RuleFileError(f"{path}: unknown form {form!r} (no rules/forms/{form}.yaml)")
    return DocumentType(str(data.get("name") or path.stem), _bilingual(path, data, "description"), forms)


@lru_cache(maxsize=8)
def load_rules(extra_dirs: tuple[str, ...] = ()) -> RuleSet:
    from lintgk.checks.registry import PARAMS, all_kinds

    kinds = all_kinds()
    builtin: set[str] = set()
    rules: dict[str, Rule] = {}
    profiles: dict[str, Profile] = {}
    documents: dict[str, DocumentType] = {}
    builtin_dir = builtin_rules_dir()  # once: it resolves a path on disk
    for folder in (builtin_dir, *map(Path, extra_dirs)):
        if not folder.is_dir():
            raise RuleFileError(f"{folder}: rule folder not found")
        builtin_folder = folder == builtin_dir
        for path in sorted(folder.glob("*.y*ml")):
            rule = parse_rule(path, _load_yaml(path, builtin_folder), kinds)
            if rule.code in rules and rules[rule.code].path != rule.path:
                raise RuleFileError(f"{path}: code {rule.code} is already used by {rules[rule.code].path}")
            rules[rule.code] = rule
            if builtin_folder:
                builtin.add(rule.code)
        for path in sorted((folder / "profiles").glob("*.y*ml")):
            profile = parse_profile(path, _load_yaml(path, builtin_folder))
            profiles[profile.name] = profile
        for path in sorted((folder / "documents").glob("*.y*ml")):
            document = parse_document_type(path, _load_yaml(path, builtin_folder))
            documents[document.name] = document
    if not profiles:
        raise RuleFileError("no profiles found under rules/profiles/")
    for profile in profiles.values():
        if profile.document not in documents:
            raise RuleFileError(f"profile {profile.name}: unknown document type {profile.document!r} "
                                f"(known: {', '.join(sorted(documents))})")
        for code in profile.params:
            if code not in rules:
                raise RuleFileError(f"profile {profile.name}: params for unknown rule {code}")
    for rule in rules.values():
        for name in rule.documents:
            if name not in documents:
                raise RuleFileError(f"{rule.path}: unknown document type {name!r}")
        for name in rule.profiles or ():
            if name not in profiles:
                raise RuleFileError(f"{rule.path}: unknown profile {name!r}")
    _check_fields(rules, builtin, PARAMS)
    typed = _typed_params(rules, profiles, PARAMS, builtin)
    save_parsed_rule_files()  # only files that held: a rule that does not fit stopped before this
    return RuleSet(dict(sorted(rules.items())), profiles, documents, typed)


def template_part_names(rules: RuleSet) -> tuple[str, ...]:
    """The numbered part titles a template fixes (「一、总体情况」…), as its national-parts rule lists them.

    The parser uses them to recognise those parts where a page ran them into the text without a gap.
    """
    names = rules.derived.get("part names")
    if names is None:
        found: list[str] = []
        for rule in rules.rules.values():
            if rule.kind == "national-parts":
                found.extend(str(p["name"]) for p in rule.params.get("parts", []) if isinstance(p, dict) and "name" in p)
        names = rules.derived["part names"] = tuple(found)
    return names


def template_part_patterns(rules: RuleSet) -> str:
    """The patterns of the parts a report must have in whatever words (the 2007 Regulation's, as its
    required-parts rule's profiles list them), as one alternation; "" when there are none.

    The parser uses them to recognise those parts run into a page's text where its numbering is off.
    """
    joined = rules.derived.get("part patterns")
    if joined is None:
        found: dict[str, None] = {}  # each pattern once, in the order the profiles give them
        for rule in rules.rules.values():
            if rule.kind != "required-parts":
                continue
            for profile in rules.profiles.values():
                items = profile.params.get(rule.code, {}).get("items", []) if rules.applies(rule, profile) else []
                for item in items:
                    if isinstance(item, dict) and item.get("required", True):
                        found.update(dict.fromkeys(str(p) for p in item.get("patterns", [])))
        joined = rules.derived["part patterns"] = "|".join(f"(?:{p})" for p in found)
    return joined
