"""Choosing among Whisper's candidates with Kiwi's Korean language model."""

from __future__ import annotations

import pytest

from donghaeng.stt import clear_stt_cache, create_stt
from donghaeng.stt.rescoring import Hypothesis, KiwiRescorer


class _FixedScores:
    """A stand-in for Kiwi that scores sentences from a table."""

    def __init__(self, scores: dict[str, float]):
        self.scores = scores

    def analyze(self, text: str, top_n: int = 1) -> list[tuple[list[object], float]]:
        return [([], self.scores[text])]


def test_language_model_overrides_a_small_acoustic_lead() -> None:
    kiwi = _FixedScores({"경노당 어디예요": -40.0, "경로당 어디예요": -20.0})
    rescorer = KiwiRescorer(weight=0.3, kiwi=lambda: kiwi)
    acoustic_first = Hypothesis("경노당 어디예요", log_prob=-3.0, tokens=6)
    fluent = Hypothesis("경로당 어디예요", log_prob=-4.0, tokens=6)
    assert rescorer.best([acoustic_first, fluent]) is fluent


def test_a_large_acoustic_lead_is_kept() -> None:
    kiwi = _FixedScores({"a": -40.0, "b": -20.0})
    rescorer = KiwiRescorer(weight=0.3, kiwi=lambda: kiwi)
    heard = Hypothesis("a", log_prob=-1.0, tokens=3)
    assert rescorer.best([heard, Hypothesis("b", log_prob=-9.0, tokens=3)]) is heard


def test_weight_zero_keeps_whispers_own_choice() -> None:
    rescorer = KiwiRescorer(weight=0.0, kiwi=lambda: pytest.fail("Kiwi is not needed at weight 0"))
    first = Hypothesis("첫째", -5.0, 2)
    assert rescorer.best([first, Hypothesis("둘째", -1.0, 2)]) is first


def test_no_candidates_and_negative_weight_are_refused() -> None:
    with pytest.raises(ValueError):
        KiwiRescorer(weight=0.3, kiwi=lambda: None).best([])
    with pytest.raises(ValueError):
        KiwiRescorer(weight=-1.0)


@pytest.mark.parametrize("fluent, misheard", [
    ("버스 정류장이 어디에 있나요", "버스 정녀장이 어디에 인나요"),
    ("따릉이 대여소가 근처에 있어요", "따릉이 대녀소가 근처에 이써요"),
    ("할머니께서 경로당에 가셨어요", "할머니께서 경노당에 가셨어요"),
])
def test_kiwi_scores_well_formed_korean_above_a_mishearing(fluent: str, misheard: str) -> None:
    rescorer = KiwiRescorer(weight=1.0)
    assert rescorer.language_score(fluent) > rescorer.language_score(misheard)
    assert rescorer.language_score("  ") == 0.0


@pytest.mark.slow
def test_whisper_rescores_by_default_and_weight_zero_turns_it_off(stt_settings) -> None:
    clear_stt_cache()
    try:
        assert isinstance(create_stt("whisper", stt_settings).rescorer, KiwiRescorer)
        clear_stt_cache()
        plain = create_stt("whisper", stt_settings.model_copy(update={"whisper_lm_weight": 0.0}))
        assert plain.rescorer is None
    finally:
        clear_stt_cache()
