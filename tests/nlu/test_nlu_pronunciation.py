"""Names are compared as they are said, so a recogniser's phonetic spelling matches them."""

from __future__ import annotations

import pytest

from donghaeng.nlu.hangul import pronounced_jamo, respelled


def said(text: str, word_starts: tuple[int, ...] = ()) -> str:
    return "".join(pronounced_jamo(text, word_starts))


@pytest.mark.parametrize("written, heard", [
    ("관악구", "과낙구"),      # liaison
    ("왕십리", "왕심니"),      # ㅂ before ㄹ: nasalised, ㄹ said ㄴ
    ("청량리", "청냥리"),      # ㄹ said ㄴ after ㅇ
    ("독립문", "동닙문"),
    ("선릉", "설릉"),          # ㄴ and ㄹ together said ㄹㄹ
    ("구의", "구이"),          # 의 said 이
    ("공중화장실", "공중와장실"),  # ㅎ dropped after a sonorant
    ("읽어", "일거"),          # a double final split before a vowel
])
def test_phonetic_spelling_of_a_name_sounds_the_same(written, heard):
    assert said(written) == said(heard)


@pytest.mark.parametrize("one, other", [("소제", "소화제"), ("다들어", "떠들어"), ("책", "채")])
def test_words_that_only_look_alike_stay_apart(one, other):
    assert said(one) != said(other)


def test_sounds_do_not_change_across_a_word_boundary():
    # 현수막 민원: a recogniser writes a word it knows as spelled, so 막 stays 막 before 민원
    assert said("현수막민원", (0, 3)).startswith(said("현수막"))
    assert not said("현수막민원").startswith(said("현수막"))


def test_one_entry_per_character_keeps_positions():
    assert len(pronounced_jamo("서울 강남구 3번")) == len("서울 강남구 3번")


@pytest.mark.parametrize("written, heard", [
    ("관악구", "과낙꾸"), ("독립문", "동님문"), ("공중화장실", "공중와장실"), ("장안일동", "장아닐동"), ("좋아", "조아"),
    ("복지로", "복찌로"), ("소화기", "소와기"),
])
def test_respelling_writes_a_name_as_it_sounds(written, heard):
    assert respelled(written) == heard


def test_name_written_as_it_sounds_is_found_exactly(engine):
    result = engine.understand("남대문시장 왔는데 공중와장실이 어디 있나요")
    assert (result.intent, result.slots.get("facility")) == ("facility.nearby", "public_toilet"), result


def test_sound_alike_name_is_reported_with_its_real_spelling(engine):
    assert engine.understand("동님문역 무더위쉼터 어디 있어요").slots.get("place") == "독립문역"
