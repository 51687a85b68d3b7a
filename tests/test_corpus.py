"""lintgk on real published reports, held to hand annotations (tests/corpus/README.md)."""
from __future__ import annotations

import pytest

from corpus_score import CORPUS, READABLE, annotations, corpus_reports, score_corpus, summary

PRECISION, RECALL = 0.95, 0.90


def test_corpus_is_annotated():
    unannotated = [p.name for p in CORPUS.iterdir()
                   if p.suffix.lower() in READABLE and not p.with_suffix(".yaml").is_file() and p.name != "README.md"]
    assert not unannotated, f"reports without a sidecar: {unannotated}"
    for report in corpus_reports():
        meta = annotations(report)
        assert meta.get("source"), f"{report.name}: no source"
        assert "defects" in meta, f"{report.name}: no defects list (an empty list for a clean report)"


@pytest.mark.slow
def test_corpus_precision_and_recall(capsys):
    score = score_corpus()
    with capsys.disabled():
        print("\n" + summary(score))
    assert not score.unreadable
    assert score.precision >= PRECISION, summary(score)
    assert score.recall >= RECALL, summary(score)
