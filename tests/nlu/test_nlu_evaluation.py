"""The evaluation report, and the dev-set accuracy target when the shared set is present."""

from __future__ import annotations

import pytest

from donghaeng.models import NluResult
from pathlib import Path

from donghaeng.nlu.evaluation import evaluate, format_report, load_records, slot_pairs

# The shared evaluation material sits next to the repository: <repo>/../shared.
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


class FixedAnswers:
    """A stand-in engine that answers from a table, to test the arithmetic alone."""

    def __init__(self, answers: dict[str, tuple[str, dict]]):
        self.answers = answers

    def understand(self, text: str, context=None) -> NluResult:
        intent, slots = self.answers[text]
        return NluResult(intent, slots, 0.9, text)


def test_slot_values_compare_like_the_taxonomy_says() -> None:
    assert slot_pairs({"station": "강남역"}) == slot_pairs({"station": "강남"})
    assert slot_pairs({"topic": "전입 신고"}) == slot_pairs({"topic": "전입신고"})
    assert slot_pairs({"age": 71}) == {("age", "71")}
    assert slot_pairs({"place": "영등포역"}) != slot_pairs({"place": "영등포"})


def test_report_counts_accuracy_f1_slots_tags_and_emergencies() -> None:
    records = [
        {"id": "a", "text": "t1", "intent": "app.open", "slots": {"app": "gov24"}, "tags": ["polite"]},
        {"id": "b", "text": "t2", "intent": "safety.emergency", "slots": {"kind": "fire"}, "tags": ["banmal"]},
        {"id": "c", "text": "t3", "intent": "meta.greet", "slots": {}, "tags": ["polite"]},
        {"id": "d", "text": "t4", "intent": "unknown", "slots": {}, "tags": ["banmal"]},
    ]
    engine = FixedAnswers({
        "t1": ("app.open", {"app": "gov24"}),
        "t2": ("safety.emergency", {"kind": "medical"}),
        "t3": ("meta.greet", {}),
        "t4": ("safety.emergency", {"kind": "crime"}),
    })
    report = evaluate(engine, records)
    assert report["accuracy"] == 0.75
    assert report["emergency_recall"] == 1.0
    assert report["emergency_precision"] == 0.5
    assert report["slot_f1"] == pytest.approx(0.4, abs=1e-3)
    assert report["per_tag"]["banmal"] == {"n": 2, "accuracy": 0.5}
    assert report["confusion"] == [{"gold": "unknown", "pred": "safety.emergency", "count": 1}]
    assert [e["id"] for e in report["errors"]] == ["b", "d"]
    text = format_report(report)
    assert "intent accuracy   75.0%" in text and "unknown -> safety.emergency: 1" in text


DEV = SHARED / "eval" / "dev.jsonl"


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval/dev.jsonl is not present next to the repository")
def test_dev_set_meets_the_targets(engine) -> None:
    report = evaluate(engine, load_records(DEV))
    assert report["accuracy"] >= 0.97, format_report(report)
    assert report["slot_f1"] >= 0.93, format_report(report)
    assert report["emergency_recall"] == 1.0
    assert report["emergency_precision"] >= 0.9
