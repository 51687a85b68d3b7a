"""A result as bytes: what a cache entry keeps, what a worker sends back, what the spool of a streamed run holds.

Five compact JSON texts, one a line (JSON escapes every newline inside a string):

    meta      {"profile", "body", "year", "error", "skipped", "unused", "order"}: "order" has each finding's
              line, column, rule, severity and place in the core (to count and merge them undecoded)
    core      {"profile", "body", "year", "error", "diagnostics"}: the JSON output's line without its path
    passed    the checks that held
    summary   what the checks across reports need
    lines     the report's text

A ``StoredResult`` is read back from them without decoding anything but ``meta``: its diagnostics,
passed checks, summary and lines are decoded on first use, and while its diagnostics were never decoded
(so never changed) the JSON writer writes its stored line as it is. A run answered from the cache thus
costs a read and a write per file, not a decode and an encode.
"""
from __future__ import annotations

import json

from lintgk.model import SEVERITIES, Diagnostic, Edit, FileResult, Fix, Passed
from lintgk.output.escape import json_escape_surrogates

_PIECES = 5
_LAZY = {"diagnostics": 1, "passed": 2, "summary": 3, "lines": 4}  # field -> its piece


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


_LIST = ',"diagnostics":['  # where the core's findings begin (a JSON string escapes its quotes: never inside one)


def encoded_finding(d: Diagnostic) -> list:
    """A finding as the core holds it, with what orders and counts it: [line, column, rule, severity, JSON]."""
    return [d.line, d.column, d.rule, d.severity, _compact(d.to_json())]


def _core(head: str, findings: list[list]) -> tuple[str, list[list]]:
    """The core piece from its head (the JSON object up to its findings) and its encoded findings, with each
    finding's [line, column, rule, severity, start, end] in it: enough to merge more in without decoding it."""
    parts, order, at = [head, _LIST], [], len(head) + len(_LIST)
    for n, (line, column, rule, severity, text) in enumerate(findings):
        if n:
            parts.append(",")
            at += 1
        parts.append(text)
        order.append([line, column, rule, severity, at, at + len(text)])
        at += len(text)
    parts.append("]}")
    return "".join(parts), order


def encode(result: FileResult) -> bytes:
    """``result`` as the five pieces; UnicodeEncodeError for text that is not UTF-8 even with surrogateescape."""
    head = _compact({"profile": result.profile, "body": result.body, "year": result.year, "error": result.error})
    core, order = _core(head[:-1], [encoded_finding(d) for d in result.diagnostics])
    meta = {"profile": result.profile, "body": result.body, "year": result.year, "error": result.error,
            "skipped": result.skipped, "unused": result.unused_suppressions, "order": order}
    passed = [{"rule": p.rule, "line": p.line, "detail": p.detail} for p in result.passed]
    pieces = (_compact(meta), core, _compact(passed), _compact(result.summary), _compact(result.lines))
    return "\n".join(pieces).encode("utf-8", "surrogateescape")


def diagnostics_from_json(items: list[dict]) -> list[Diagnostic]:
    diagnostics = []
    for d in items:
        fix = d.get("fix")
        if fix:
            fix = Fix(fix["description"], [Edit(**e) for e in fix["edits"]], fix.get("safe", False))
        diagnostics.append(Diagnostic(**{**d, "fix": fix}))
    return diagnostics


class _Stored:
    """A field of a StoredResult: decoded from its piece on first read, then held by the instance (whose
    own attribute, once set, comes first)."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, result, owner=None):
        if result is None:
            return self
        value = result.__dict__[self.name] = result._decoded(self.name)
        return value


class StoredResult(FileResult):
    """A FileResult whose big fields are decoded from its stored pieces on first use."""

    diagnostics = _Stored()
    passed = _Stored()
    summary = _Stored()
    lines = _Stored()

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> "StoredResult":
        """ValueError when ``data`` is not five pieces with a readable meta (a damaged entry)."""
        pieces = data.split(b"\n")
        if len(pieces) != _PIECES:
            raise ValueError("not a stored result")
        meta = json.loads(pieces[0].decode("utf-8", "surrogateescape"))
        self = cls.__new__(cls)
        self.path = path
        self.profile, self.body, self.year = meta["profile"], meta["body"], meta["year"]
        self.error, self.skipped = meta["error"], meta["skipped"]
        self.unused_suppressions = [tuple(u) for u in meta["unused"]]
        self._counts = dict.fromkeys(SEVERITIES, 0)
        for finding in meta["order"]:
            self._counts[finding[3]] += 1
        self._pieces = pieces
        self._meta = meta  # for merging findings in without reading the meta again
        return self

    def _decoded(self, name: str):
        value = json.loads(self._pieces[_LAZY[name]].decode("utf-8", "surrogateescape"))
        if name == "diagnostics":
            return diagnostics_from_json(value["diagnostics"])
        if name == "passed":
            return [Passed(**p) for p in value]
        return value

    def count(self, severity: str) -> int:
        if "diagnostics" in self.__dict__ or "_counts" not in self.__dict__:
            return super().count(severity)
        return self._counts[severity]

    def stored_bytes(self) -> bytes | None:
        """The pieces as stored, while nothing that goes into them was decoded (and so maybe changed)."""
        if "_pieces" not in self.__dict__ or "diagnostics" in self.__dict__:
            return None
        meta = self.__dict__.pop("_merged_meta", None)  # findings merged in since: the meta encoded again
        if meta is not None:
            self._pieces[0] = _compact(meta).encode("utf-8", "surrogateescape")
        return b"\n".join(self._pieces)

    def add_findings(self, found: list[list]) -> None:
        """Merge encoded findings (``encoded_finding``) into the stored ones as ``finding_order`` sorts them
        (the stored ones first among equals), without decoding the result: it is still written out as stored."""
        core = self._pieces[1].decode("utf-8", "surrogateescape")
        meta = self.__dict__.get("_merged_meta") or self._meta
        stored = [[*o[:4], core[o[4]:o[5]]] for o in meta["order"]]
        merged = sorted([*stored, *found], key=lambda f: (f[0], f[1], f[2]))
        core, meta["order"] = _core(core[:core.index(_LIST)], merged)
        for finding in found:
            self._counts[finding[3]] += 1
        self._merged_meta = meta  # encoded only if the stored bytes are asked for again
        self._pieces[1] = core.encode("utf-8", "surrogateescape")

    def json_line(self, passed: bool, path: str) -> str | None:
        """The JSON output's line of this result (``path`` as the writer shows it, lone surrogates escaped
        as the writer's ``_compact`` does), or None once its diagnostics were decoded: the writer then
        encodes the result afresh."""
        if "_pieces" not in self.__dict__ or "diagnostics" in self.__dict__:
            return None
        pieces = self._pieces
        try:  # strict UTF-8 decodes only text without lone surrogates: nothing to escape in it
            core, held = pieces[1].decode("utf-8"), pieces[2].decode("utf-8") if passed else ""
        except UnicodeDecodeError:
            core = json_escape_surrogates(pieces[1].decode("utf-8", "surrogateescape"))
            held = json_escape_surrogates(pieces[2].decode("utf-8", "surrogateescape")) if passed else ""
        tail = {}
        if self.skipped:
            tail["skipped"] = self.skipped
        if self.unused_suppressions:
            tail["unused_suppressions"] = [{"line": line, "code": code} for line, code in self.unused_suppressions]
        ends = json_escape_surrogates(_compact(tail)[1:-1]) if tail else ""
        return "".join(('{"path":', json_escape_surrogates(_compact(path)), ",", core[1:-1],
                        ',"passed":' + held if passed else "", "," + ends if tail else "", "}"))

    def __reduce_ex__(self, protocol):  # pickled as its stored bytes while they are still what it holds
        stored = self.stored_bytes()
        if stored is None:
            return super().__reduce_ex__(protocol)
        return StoredResult.from_bytes, (self.path, stored)

    def __eq__(self, other):  # as a FileResult: the same fields, decoded or not
        if not isinstance(other, FileResult):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in FileResult.__dataclass_fields__)

    __hash__ = None

