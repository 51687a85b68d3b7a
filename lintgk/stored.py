"""A result as bytes: what a cache entry keeps, what a worker sends back, what the spool of a streamed run holds.

Six compact JSON texts, one a line (JSON escapes every newline inside a string):

    meta      {"profile", "body", "year", "error", "skipped", "unused", "counts"}: "counts" has the findings
              of each severity; "escaped" is there when the core or the passed checks hold lone surrogates
    order     each finding's line, column, rule, severity and place (in bytes) in the core, to merge
              findings in without decoding the core
    core      {"profile", "body", "year", "error", "diagnostics"}: the JSON output's line without its path
    passed    the checks that held
    summary   what the checks across reports need
    lines     the report's text

A ``StoredResult`` is read back from them without decoding anything but ``meta``: its diagnostics,
passed checks, summary and lines are decoded on first use, and while its diagnostics were never decoded
(so never changed) the JSON writer writes its stored line as it is, in bytes. A run answered from the
cache thus costs a read and a write per file, not a decode and an encode.
"""
from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from collections.abc import Callable
from operator import itemgetter

from lintgk import json_bytes
from lintgk.model import SEVERITIES, Diagnostic, Edit, FileResult, Fix, Passed
from lintgk.output.escape import json_escape_surrogates

_PIECES = 6
_META, _ORDER, _CORE, _PASSED, _SUMMARY, _LINES = range(_PIECES)
HEAD_PIECES = _SUMMARY  # the pieces the JSON output writes of a result (lintgk.across.kept keeps them merged)
_LAZY = {"diagnostics": _CORE, "passed": _PASSED, "summary": _SUMMARY, "lines": _LINES}  # field -> its piece


def _compact_encoder():
    """json.dumps(value, ensure_ascii=False, separators=(",", ":")), made once: json.dumps with options builds
    an encoder for every call, half the cost of encoding a finding (a result has dozens)."""
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    try:
        from json.encoder import c_make_encoder, encode_basestring

        # no markers (check_circular): a result holds no cycles, and markers kept across calls would keep an
        # object's id after an encoding failed
        encode = c_make_encoder(None, encoder.default, encode_basestring, None, ":", ",", False, False, True)
    except (ImportError, TypeError):  # json's private C encoder: absent (None), or called otherwise in this Python
        return encoder.encode
    return lambda value: "".join(encode(value, 0))


_compact = _compact_encoder()


def _utf8(text: str) -> tuple[bytes, bool]:
    """``text`` in UTF-8, and whether it held lone surrogates (kept as the bytes they stand for)."""
    try:
        return text.encode("utf-8"), False
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape"), True


def _lone_surrogates(data: bytes) -> bool:
    """Whether ``data`` (UTF-8 with surrogateescape) holds lone surrogates, i.e. is not strict UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


_finding_key = itemgetter(0, 1, 2)  # line, column, rule: how findings are ordered in the core
_LIST = b',"diagnostics":['  # where the core's findings begin (a JSON string escapes its quotes: never inside one)


def encoded_finding(d: Diagnostic) -> list:
    """A finding as the core holds it, with what orders and counts it: [line, column, rule, severity, JSON]."""
    item = d.to_json()
    text = json_bytes.dumps(item) if json_bytes.plain(item["data"]) else None  # in UTF-8, or else as text
    return [d.line, d.column, d.rule, d.severity, _compact(item) if text is None else text]


# Put between findings encoded in one call, and found again in the list's JSON (as a string between commas).
_BETWEEN = "\0lintgk:next\0"
_BETWEEN_JSON = b"," + _compact(_BETWEEN).encode() + b","


def findings_json(diagnostics: list[Diagnostic]) -> tuple[list[bytes], bool]:
    """Each finding's JSON in UTF-8 (as ``encoded_finding`` gives it), and whether any held lone
    surrogates. One encoder call for the report, not one a finding (whose fixed cost was most of it): the
    list is encoded with a mark between findings and cut at the marks. Should a finding hold the mark
    itself, the cut gives too many pieces and each is encoded on its own."""
    if not diagnostics:
        return [], False
    found = [d.to_json() for d in diagnostics]
    items = [_BETWEEN] * (2 * len(found) - 1)
    items[::2] = found
    data, surrogates = _list_json(items, found)
    pieces = data[1:-1].split(_BETWEEN_JSON)
    if len(pieces) == len(found):
        return pieces, surrogates
    pieces, surrogates = [], False
    for item in found:
        piece, held = _utf8(_compact(item))
        pieces.append(piece)
        surrogates = surrogates or held
    return pieces, surrogates


def _list_json(items: list, found: list[dict]) -> tuple[bytes, bool]:
    """``items`` (the findings ``found`` and the marks between them) in UTF-8, and whether they held lone
    surrogates: by orjson (lintgk.json_bytes) when it writes them as the standard library would. A
    finding's own fields are str, int, bool or None (to_json); only its data can hold other kinds."""
    if json_bytes.AVAILABLE and all(json_bytes.plain(item["data"]) for item in found):
        data = json_bytes.dumps(items)
        if data is not None:  # else refused: lone surrogates, or an int beyond 64 bits
            return data, False
    return _utf8(_compact(items))


def _core(head: bytes, findings: list[tuple]) -> tuple[bytes, list[list]]:
    """The core piece from its head (the JSON object up to its findings) and its findings (line, column,
    rule, severity, JSON in bytes), with each finding's [line, column, rule, severity, start, end] in it:
    enough to merge more in without decoding it."""
    parts, order, at = [head, _LIST], [], len(head) + len(_LIST)
    for n, (line, column, rule, severity, text) in enumerate(findings):
        if n:
            parts.append(b",")
            at += 1
        parts.append(text)
        order.append([line, column, rule, severity, at, at + len(text)])
        at += len(text)
    parts.append(b"]}")
    return b"".join(parts), order


def encode(result: FileResult) -> bytes:
    """``result`` as the six pieces; UnicodeEncodeError for text that is not UTF-8 even with surrogateescape."""
    head, escaped = _utf8(_compact({"profile": result.profile, "body": result.body, "year": result.year,
                                    "error": result.error})[:-1])
    texts, surrogates = findings_json(result.diagnostics)
    escaped = escaped or surrogates
    findings = [(d.line, d.column, d.rule, d.severity, text) for d, text in zip(result.diagnostics, texts)]
    core, order = _core(head, findings)
    passed, surrogates = _utf8(_compact([{"rule": p.rule, "line": p.line, "detail": p.detail} for p in result.passed]))
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        counts[finding[3]] += 1
    meta = {"profile": result.profile, "body": result.body, "year": result.year, "error": result.error,
            "skipped": result.skipped, "unused": result.unused_suppressions, "counts": counts}
    if escaped or surrogates:
        meta["escaped"] = True
    lines = json_bytes.strings(result.lines)  # most of a result's bytes, and never anything but str
    if lines is None:
        lines = _compact(result.lines).encode("utf-8", "surrogateescape")
    summary = json_bytes.dumps_checked(result.summary)
    if summary is None:
        summary = _compact(result.summary).encode("utf-8", "surrogateescape")
    rest = b"\n".join((summary, lines))
    return b"\n".join((_compact(meta).encode("utf-8", "surrogateescape"), _compact(order).encode(), core, passed,
                       rest))


def stage_digest(data: bytes) -> str:
    """A digest of a stored result, all six pieces: what the second stage reads of it (its meta, summary and
    text) and what it keeps of it in the cache with its findings across reports merged in (its head: its own
    findings, the checks that held; lintgk.across.kept). Kept in the cache entry's key, so that a run answered
    from the cache need not hash every report again."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def head_end(data: bytes) -> int:
    """Where the head of stored bytes ends: the newline after its first ``HEAD_PIECES`` pieces (meta, order,
    core, passed: all that the JSON output writes of a result); the summary and text follow."""
    at = -1
    for _ in range(HEAD_PIECES):
        at = data.index(b"\n", at + 1)
    return at


def stored_head(result: FileResult) -> bytes | None:
    """The head of ``result``'s stored form (``head_end``), findings merged in since it was read included;
    None for a result that cannot be stored (text not UTF-8 even with surrogateescape)."""
    try:
        data = stored_form(result)
    except UnicodeEncodeError:
        return None
    return data[:head_end(data)]


def stored_form(result: FileResult) -> bytes:
    """``result``'s stored bytes: as read, while nothing in them was decoded, else encoded (UnicodeEncodeError
    for text that is not UTF-8 even with surrogateescape)."""
    data = result.stored_bytes() if isinstance(result, StoredResult) else None
    return encode(result) if data is None else data


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


def _six_pieces(data: bytes) -> bool:
    """Whether ``data`` holds exactly ``_PIECES - 1`` newlines: found by ``index`` (memchr), where ``count``
    looks at every byte (ten times the cost on an entry of 30 KB, read for every result from the cache)."""
    at = -1
    try:
        for _ in range(_PIECES - 1):
            at = data.index(b"\n", at + 1)
    except ValueError:
        return False
    return data.find(b"\n", at + 1) < 0


class StoredResult(FileResult):
    """A FileResult whose big fields are decoded from its stored pieces on first use."""

    diagnostics = _Stored()
    passed = _Stored()
    summary = _Stored()
    lines = _Stored()
    # the key line of its cache entry when the result was answered from the cache: a streamed run's spool
    # then holds a reference to the entry (lintgk.across.streamed) instead of a copy
    cached_key: bytes | None = None
    cached_entry: str | None = None  # the entry's file, then
    stage_digest: str | None = None  # the entry's stage_digest, when it came from the cache
    # what the second stage holds of it (lintgk.across.held.record), made by the worker that linted it
    stage_record: tuple | None = None

    @classmethod
    def from_bytes(cls, path: str, data: bytes, check: bool = False) -> "StoredResult":
        """ValueError when the meta is not readable, or (``check``: bytes read from a cache entry) when
        ``data`` is not six pieces. Only the meta is read: the pieces are split apart when one is used (a
        result the spool only refers to never is)."""
        if check and not _six_pieces(data):
            raise ValueError("not a stored result")
        meta = json_bytes.loads(data[:data.index(b"\n")])
        self = cls.__new__(cls)
        self.path = path
        self.profile, self.body, self.year = meta["profile"], meta["body"], meta["year"]
        self.error, self.skipped = meta["error"], meta["skipped"]
        self.unused_suppressions = [tuple(u) for u in meta["unused"]]
        self._counts = meta["counts"]
        self._data = data
        self._meta = meta  # for merging findings in without reading the meta again
        return self

    def _piece(self, index: int) -> bytes:
        """One piece, cut out of the stored bytes when first used (the text, most of them, often never is)."""
        pieces = self.__dict__.get("_pieces")
        if pieces is None:
            pieces = self._pieces = [None] * _PIECES
        piece = pieces[index]
        if piece is None:
            data, start = self._data, 0
            for _ in range(index):
                start = data.index(b"\n", start) + 1
            end = data.find(b"\n", start)
            piece = pieces[index] = data[start:end if end >= 0 else len(data)]
        return piece

    def _decoded(self, name: str):
        value = json_bytes.loads(self._piece(_LAZY[name]))
        if name == "diagnostics":
            return diagnostics_from_json(value["diagnostics"])
        if name == "passed":
            return [Passed(**p) for p in value]
        return value

    def count(self, severity: str) -> int:
        if "diagnostics" in self.__dict__ or "_counts" not in self.__dict__:
            return super().count(severity)
        return self._counts[severity]

    def as_stored(self) -> bool:
        """Whether nothing that goes into the pieces was decoded (and so maybe changed) since they were read."""
        return "_data" in self.__dict__ and "diagnostics" not in self.__dict__

    def stored_bytes(self) -> bytes | None:
        """The pieces as stored, while nothing that goes into them was decoded (and so maybe changed)."""
        if not self.as_stored():
            return None
        if self.__dict__.pop("_merged", False):  # findings merged in since: the meta and order encoded again
            self._pieces[_META] = _compact(self._meta).encode("utf-8", "surrogateescape")
            self._pieces[_ORDER] = _compact(self._order()).encode()
            self._data = b"\n".join([self._piece(index) for index in range(_PIECES)])
        return self._data

    def _order(self) -> list[list]:
        order = self.__dict__.get("_order_list")
        if order is None:
            merged = self.__dict__.pop("_spliced", None)
            if merged is not None:  # findings merged in: the order is worked out when first asked for
                old_core, old_order, added = merged
                stored = [(*o[:4], old_core[o[4]:o[5]]) for o in old_order]
                order = _core(old_core[:old_core.index(_LIST)], sorted([*stored, *added], key=_finding_key))[1]
            else:
                order = json_bytes.loads(self._piece(_ORDER))
            self._order_list = order
        return order

    def add_findings(self, found: list[list]) -> None:
        """Merge encoded findings (``encoded_finding``, the JSON in text or in UTF-8) into the stored ones as
        ``finding_order`` sorts them (the stored ones first among equals), without decoding the result: it is
        still written out as stored. Each one is spliced into the core where a binary search of the order puts
        it; the order itself is worked out again only if the stored bytes are asked for (a run's JSON output
        never asks)."""
        core, order = self._piece(_CORE), self._order()
        added = []
        for line, column, rule, severity, text in found:
            text, surrogates = (text, _lone_surrogates(text)) if isinstance(text, bytes) else _utf8(text)
            if surrogates:
                self._meta["escaped"] = True
            added.append((line, column, rule, severity, text))
            self._counts[severity] += 1
        added.sort(key=_finding_key)  # stable: among equals, in the order given
        pieces, done, count = [], 0, len(order)
        end, empty = len(core) - 2, not order  # the list's end, before its "]}"
        for finding in added:
            at = bisect_right(order, finding[:3], key=_finding_key)
            if at < count:
                place, piece = order[at][4], finding[4] + b","
            else:
                place, piece = end, finding[4] if empty else b"," + finding[4]
                empty = False
            pieces.append(core[done:place])
            pieces.append(piece)
            done = place
        pieces.append(core[done:])
        self._pieces[_CORE] = b"".join(pieces)
        self._spliced, self._order_list = (core, order, added), None
        self.stage_digest = None  # of the bytes as they were
        self._merged = True  # the meta and order are encoded again only if the stored bytes are asked for

    def json_line(self, passed: bool, path: str) -> bytes | None:
        """The JSON output's line of this result in UTF-8 (``path`` as the writer shows it, lone surrogates
        escaped as the writer's ``_compact`` does), or None once its diagnostics were decoded: the writer
        then encodes the result afresh."""
        if not self.as_stored():
            return None
        core, held = self._piece(_CORE), self._piece(_PASSED) if passed else b""
        if self._meta.get("escaped"):  # lone surrogates, kept as the bytes they stand for: escaped as JSON
            core, held = (json_escape_surrogates(piece.decode("utf-8", "surrogateescape")).encode()
                          for piece in (core, held))
        tail = {}
        if self.skipped:
            tail["skipped"] = self.skipped
        if self.unused_suppressions:
            tail["unused_suppressions"] = [{"line": line, "code": code} for line, code in self.unused_suppressions]
        ends = json_escape_surrogates(_compact(tail)[1:-1]).encode() if tail else b""
        return b"".join((b'{"path":', json_escape_surrogates(_compact(path)).encode(), b",", core[1:-1],
                         b',"passed":' + held if passed else b"", b"," + ends if tail else b"", b"}"))

    def __reduce_ex__(self, protocol):  # pickled as its stored bytes while they are still what it holds
        stored = self.stored_bytes()
        if stored is None:
            return super().__reduce_ex__(protocol)
        # what the second stage holds of it (lintgk.across.held) and its digest, made by the worker
        state = {name: self.__dict__[name] for name in ("stage_record", "stage_digest") if name in self.__dict__}
        return StoredResult.from_bytes, (self.path, stored), state or None

    def __eq__(self, other):  # as a FileResult: the same fields, decoded or not
        if not isinstance(other, FileResult):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in FileResult.__dataclass_fields__)

    __hash__ = None


class HeadedResult(StoredResult):
    """A stored result made from its head alone (``head_end``: what the JSON output writes, kept in the cache
    with its findings across reports merged in); its summary and text are those of the result ``whole`` gives,
    got only if they are asked for (a baseline's fingerprints read the text; the output never does)."""

    @classmethod
    def from_head(cls, path: str, head: bytes, whole: Callable[[], FileResult]) -> "HeadedResult":
        self = cls.from_bytes(path, head)
        self._whole = whole
        return self

    def _piece(self, index: int) -> bytes:
        if index >= HEAD_PIECES:
            self._completed()
        return super()._piece(index)

    def stored_bytes(self) -> bytes | None:
        if self.as_stored():
            self._completed()
        return super().stored_bytes()

    def _completed(self) -> None:
        """The whole result's summary and text put after the head (the pieces cut so far stay as they are)."""
        whole = self.__dict__.pop("_whole", None)
        if whole is None:
            return
        result = whole()
        try:
            data = stored_form(result)
        except UnicodeEncodeError:  # replaced since by a file whose text is not UTF-8: its fields as they are
            self.__dict__.update(summary=result.summary, lines=result.lines)
            return
        self._data = b"\n".join((self._data, data[head_end(data) + 1:]))
