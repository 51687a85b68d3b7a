"""JUnit XML, for CI systems that show test reports (GitLab ``reports: junit``, Jenkins, Azure Pipelines).

One <testsuite> per file; one <testcase> per finding, with a <failure> carrying the message (a file
without findings has one passing test case, so that it is counted); an unreadable file is a test case
with an <error>. Warnings and infos fail too: the CI's test view is where a reviewer reads them, while
the exit code (--fail-on) decides whether the job fails.
"""
from __future__ import annotations

from xml.etree import ElementTree as ET

from lintgk.model import FileResult
from lintgk.output.escape import printable
from lintgk.output.paths import display_path


def document(results: list[FileResult]) -> ET.Element:
    root = ET.Element("testsuites", name="lintgk")
    total = failures = errors = 0
    for result in results:
        path = printable(display_path(result.path))  # XML 1.0 allows no control characters
        suite = ET.SubElement(root, "testsuite", name=path, file=path)
        cases = 0
        if result.error:
            case = ET.SubElement(suite, "testcase", name="read", classname=path)
            ET.SubElement(case, "error", message=printable(result.error), type="unreadable").text = printable(result.error)
            cases, suite_errors, suite_failures = 1, 1, 0
        else:
            suite_errors = 0
            suite_failures = len(result.diagnostics)
            for d in result.diagnostics:
                case = ET.SubElement(suite, "testcase", name=f"{d.rule} {d.name} line {d.line}, column {d.column}",
                                     classname=path)
                message = printable(d.message)
                failure = ET.SubElement(case, "failure", message=message, type=d.severity)
                failure.text = f"{path}:{d.line}:{d.column}: {d.severity}[{d.rule}] {message} ({printable(d.where)})"
                cases += 1
            if not result.diagnostics:
                ET.SubElement(suite, "testcase", name="lintgk", classname=path)
                cases = 1
        suite.set("tests", str(cases))
        suite.set("failures", str(suite_failures))
        suite.set("errors", str(suite_errors))
        total, failures, errors = total + cases, failures + suite_failures, errors + suite_errors
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    return root


def render(results: list[FileResult]) -> str:
    root = document(results)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
