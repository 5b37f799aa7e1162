"""Measuring the NLU on labelled utterances: accuracy, F1, slots, emergencies, errors.

The figures follow the taxonomy's comparison rules so that they mean the same thing here as
in the hidden evaluation: free-text slot values are compared with spaces removed (and, for
stations, without a trailing 역), integers as integers, enumerated ids exactly.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Protocol

from donghaeng.models import NluResult

FREE_TEXT_SLOTS = frozenset({"place", "station", "stop", "route", "receipt", "topic", "direction"})
EMERGENCY = "safety.emergency"


class Understands(Protocol):
    def understand(self, text: str, context: Any = None) -> NluResult: ...


def load_records(path: Path | str) -> list[dict[str, Any]]:
    """Records of a dev.jsonl-format file (one JSON object per non-empty line)."""
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def slot_pairs(slots: dict[str, Any]) -> set[tuple[str, str]]:
    """Slots as comparable (name, value) pairs under the taxonomy's rules."""
    pairs = set()
    for name, value in (slots or {}).items():
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            text = str(value)
            if name in FREE_TEXT_SLOTS:
                text = text.replace(" ", "")
                if name in ("station", "direction") and text.endswith("역") and len(text) > 1:
                    text = text[:-1]
            pairs.add((name, text))
        else:
            pairs.add((name, str(int(value))))
    return pairs


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def evaluate(engine: Understands, records: list[dict[str, Any]]) -> dict[str, Any]:
    """Run every record through the engine and summarise (see the module docstring)."""
    gold_count: Counter[str] = Counter()
    pred_count: Counter[str] = Counter()
    correct_count: Counter[str] = Counter()
    tag_total: Counter[str] = Counter()
    tag_correct: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    slot_tp = slot_fp = slot_fn = 0
    errors: list[dict[str, Any]] = []
    for record in records:
        result = engine.understand(record["text"])
        gold, pred = record["intent"], result.intent
        gold_count[gold] += 1
        pred_count[pred] += 1
        ok = gold == pred
        correct_count[gold] += ok
        for tag in record.get("tags", []):
            tag_total[tag] += 1
            tag_correct[tag] += ok
        if not ok:
            confusion[(gold, pred)] += 1
        gold_pairs, pred_pairs = slot_pairs(record.get("slots", {})), slot_pairs(result.slots)
        slot_tp += len(gold_pairs & pred_pairs)
        slot_fp += len(pred_pairs - gold_pairs)
        slot_fn += len(gold_pairs - pred_pairs)
        if not ok or gold_pairs != pred_pairs:
            errors.append({"id": record.get("id"), "text": record["text"], "gold": gold, "pred": pred,
                           "gold_slots": record.get("slots", {}), "pred_slots": result.slots,
                           "source": result.source, "confidence": result.confidence,
                           "tags": record.get("tags", [])})
    per_intent = {}
    for intent in sorted(set(gold_count) | set(pred_count)):
        precision = correct_count[intent] / pred_count[intent] if pred_count[intent] else 0.0
        recall = correct_count[intent] / gold_count[intent] if gold_count[intent] else 0.0
        per_intent[intent] = {"n": gold_count[intent], "correct": correct_count[intent],
                              "precision": round(precision, 4), "recall": round(recall, 4),
                              "f1": round(_f1(precision, recall), 4)}
    gold_intents = [i for i in per_intent if gold_count[i]]
    macro_f1 = sum(per_intent[i]["f1"] for i in gold_intents) / len(gold_intents) if gold_intents else 0.0
    slot_precision = slot_tp / (slot_tp + slot_fp) if slot_tp + slot_fp else 1.0
    slot_recall = slot_tp / (slot_tp + slot_fn) if slot_tp + slot_fn else 1.0
    total = len(records)
    return {
        "n": total,
        "accuracy": round(sum(correct_count.values()) / total, 4) if total else 0.0,
        "macro_f1": round(macro_f1, 4),
        "slot_f1": round(_f1(slot_precision, slot_recall), 4),
        "slot_precision": round(slot_precision, 4),
        "slot_recall": round(slot_recall, 4),
        "emergency_recall": per_intent.get(EMERGENCY, {}).get("recall", 0.0),
        "emergency_precision": per_intent.get(EMERGENCY, {}).get("precision", 0.0),
        "per_intent": per_intent,
        "per_tag": {tag: {"n": tag_total[tag], "accuracy": round(tag_correct[tag] / tag_total[tag], 4)}
                    for tag in sorted(tag_total)},
        "confusion": [{"gold": g, "pred": p, "count": c} for (g, p), c in confusion.most_common()],
        "errors": errors,
    }


def format_report(report: dict[str, Any]) -> str:
    """A plain-text report for the terminal: headline figures, tables, confusions, errors."""
    lines = [
        f"utterances        {report['n']}",
        f"intent accuracy   {report['accuracy']:.1%}",
        f"macro F1          {report['macro_f1']:.3f}",
        f"slot F1           {report['slot_f1']:.3f}  (P {report['slot_precision']:.3f} R {report['slot_recall']:.3f})",
        f"emergency         recall {report['emergency_recall']:.1%}  precision {report['emergency_precision']:.1%}",
        "",
        f"{'intent':<26}{'n':>4}{'ok':>5}{'prec':>7}{'rec':>7}{'f1':>7}",
    ]
    for intent, row in report["per_intent"].items():
        lines.append(f"{intent:<26}{row['n']:>4}{row['correct']:>5}{row['precision']:>7.2f}"
                     f"{row['recall']:>7.2f}{row['f1']:>7.2f}")
    lines += ["", f"{'tag':<26}{'n':>4}{'acc':>8}"]
    for tag, row in report["per_tag"].items():
        lines.append(f"{tag:<26}{row['n']:>4}{row['accuracy']:>8.1%}")
    if report["confusion"]:
        lines += ["", "confusions (gold -> predicted)"]
        lines += [f"  {c['gold']} -> {c['pred']}: {c['count']}" for c in report["confusion"]]
    if report["errors"]:
        lines += ["", "errors"]
        for error in report["errors"]:
            mark = "intent" if error["gold"] != error["pred"] else "slots"
            lines.append(f"  [{mark}] {error['id']} {error['text']}")
            lines.append(f"      gold {error['gold']} {json.dumps(error['gold_slots'], ensure_ascii=False)}")
            lines.append(f"      got  {error['pred']} {json.dumps(error['pred_slots'], ensure_ascii=False)}"
                         f"  ({error['source']}, {error['confidence']:.2f})")
    return "\n".join(lines)
