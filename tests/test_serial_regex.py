"""``regex`` patterns matched with ``concurrent=False`` (lintgk.serial_regex): each method gives what the
pattern's own gives, for the arguments lintgk passes, positionally or by name."""
from __future__ import annotations

import pickle
import signal
import time

import pytest
import regex

from lintgk.lazy_regex import lazy_compile
from lintgk.parse.patterns import rx
from lintgk.serial_regex import SerialPattern, serial_methods

TEXT = "2023年共收到申请12件，办结11件。\n上年结转3件，结转下年度1件。"
PATTERN = r"(?P<n>\d+)件"


def _spans(found):
    return [m.span() for m in found]


@pytest.mark.parametrize("make", [lambda p: SerialPattern(regex.compile(p)), lazy_compile, rx])
def test_each_method_answers_as_the_pattern_does(make):
    serial, own = make(PATTERN), regex.compile(PATTERN)
    assert serial.pattern == own.pattern and serial.groupindex == own.groupindex and serial.flags == own.flags
    for args in [(TEXT,), (TEXT, 5), (TEXT, 5, 30), (TEXT, None, 20)]:
        assert (serial.search(*args) or None) and serial.search(*args).span() == own.search(*args).span()
        assert _spans(serial.finditer(*args)) == _spans(own.finditer(*args))
        assert serial.findall(*args) == own.findall(*args)
    assert serial.match("12件") and serial.match(TEXT) is None and serial.match(TEXT, 10).span() == (10, 13)
    assert serial.fullmatch("7件") and serial.fullmatch(TEXT, 10, 13) and serial.fullmatch(TEXT) is None
    assert serial.findall(TEXT, overlapped=True) == own.findall(TEXT, overlapped=True)
    assert _spans(serial.finditer(TEXT, overlapped=True)) == _spans(own.finditer(TEXT, overlapped=True))
    assert serial.sub("N件", TEXT) == own.sub("N件", TEXT)
    assert serial.sub("N件", TEXT, count=1) == own.sub("N件", TEXT, count=1) == serial.sub("N件", TEXT, 1)
    assert serial.sub(lambda m: m.group("n"), TEXT, 0, 10) == own.sub(lambda m: m.group("n"), TEXT, 0, 10)
    assert serial.subn("N件", TEXT) == own.subn("N件", TEXT)
    assert serial.subf("<{n}>", TEXT) == own.subf("<{n}>", TEXT)
    assert serial.subfn("<{n}>", TEXT, 2) == own.subfn("<{n}>", TEXT, 2)
    assert serial.split(TEXT) == own.split(TEXT) and serial.split(TEXT, maxsplit=1) == own.split(TEXT, maxsplit=1)
    assert list(serial.splititer(TEXT)) == list(own.splititer(TEXT))  # (regex 2026.11.19 hangs with a maxsplit)
    assert _spans(iter(serial.scanner(TEXT).search, None)) == _spans(iter(own.scanner(TEXT).search, None))


def test_the_methods_keep_the_gil():
    """Each passes concurrent=False: regex then never lets go of the GIL (its own default does on a str)."""
    calls = []

    class Recording:
        def __getattr__(self, name):
            return lambda *args: calls.append((name, args))

    for name, method in serial_methods(Recording()).items():
        method("text", *(("text",) if name.startswith("sub") else ()))
    assert {name for name, _ in calls} == set(serial_methods(Recording()))
    for name, args in calls:
        assert args[-1] is False, name  # concurrent, the last passed


def test_a_serial_pattern_pickles_and_a_time_limit_still_stops_it():
    copy = pickle.loads(pickle.dumps(rx(PATTERN)))
    assert isinstance(copy, SerialPattern) and copy.findall(TEXT) == ["12", "11", "3", "1"]
    if not hasattr(signal, "setitimer"):
        return

    def expire(*_):
        raise TimeoutError

    slow = SerialPattern(regex.compile(r"(?:\d|\d\d|\d\d\d)+[a-z]{5}"))  # tries ever more ways on a run of digits
    previous = signal.signal(signal.SIGALRM, expire)
    start = time.monotonic()
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        with pytest.raises(TimeoutError):
            slow.search("1" * 3000)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - start < 30
