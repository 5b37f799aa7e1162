"""Particles chosen by the last sound of a place name, so spoken replies never say "(으)로"."""

from __future__ import annotations

import pytest

from donghaeng.geo import names


@pytest.mark.parametrize("word, expected", [
    ("망원동", "망원동으로"), ("봉천로", "봉천로로"), ("서울", "서울로"), ("신림역", "신림역으로"), ("마포구", "마포구로"),
])
def test_toward_picks_ro_after_a_vowel_or_rieul(word: str, expected: str) -> None:
    assert names.toward(word) == expected


@pytest.mark.parametrize("word, topic, copula", [("경로당", "경로당은", "경로당이에요"), ("보건소", "보건소는", "보건소예요")])
def test_topic_and_copula_follow_the_final_consonant(word: str, topic: str, copula: str) -> None:
    assert (names.topic(word), names.copula(word)) == (topic, copula)
