"""The intent classifier as a model: training, its cache file, and how the cascade uses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from donghaeng.nlu.classifier import IntentClassifier, read_examples
from donghaeng.nlu.normalize import NormalizationRules, normalize

SENTENCES = """\
app.open:
  - 따릉이 앱 켜 줘
  - 복지로 열어 줘
  - 서울지갑 좀 띄워 봐
weather.forecast:
  - 내일 비 와요
  - 오늘 날씨 어때
  - 밖에 추워요
"""
MORE = '{"id": "x-1", "text": "정부24 켜 줘", "intent": "app.open", "slots": {}, "tags": []}\n'


@pytest.fixture()
def training(tmp_path: Path) -> list[Path]:
    (tmp_path / "training.yaml").write_text(SENTENCES, encoding="utf-8")
    (tmp_path / "set.jsonl").write_text(MORE, encoding="utf-8")
    return [tmp_path / "training.yaml", tmp_path / "set.jsonl"]


def _normalize(text: str):
    return normalize(text, NormalizationRules())


def test_sentences_are_read_from_yaml_lists_and_json_lines(training: list[Path]) -> None:
    examples = read_examples(training)
    assert ("app.open", "정부24 켜 줘") in examples
    assert sum(intent == "weather.forecast" for intent, _ in examples) == 3


def test_a_trained_model_is_read_back_from_its_cache_file(training: list[Path], tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    trained = IntentClassifier.load(training, _normalize, cache_dir=cache, fingerprint="first")
    files = list(cache.glob("intent-classifier-*.npz"))
    assert len(files) == 1
    read = IntentClassifier.read(files[0], None)
    assert read is not None and read.labels == trained.labels
    utterance = _normalize("모레 비 오나")
    assert read.predict(utterance).intent == trained.predict(utterance).intent == "weather.forecast"
    assert read.predict(utterance).probability == pytest.approx(trained.predict(utterance).probability, abs=1e-5)


def test_changed_data_trains_a_new_model_and_drops_the_old_file(training: list[Path], tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    IntentClassifier.load(training, _normalize, cache_dir=cache, fingerprint="before")
    old = list(cache.glob("intent-classifier-*.npz"))
    IntentClassifier.load(training, _normalize, cache_dir=cache, fingerprint="after")
    new = list(cache.glob("intent-classifier-*.npz"))
    assert len(old) == len(new) == 1 and old != new


def test_an_unreadable_cache_file_is_retrained_not_fatal(training: list[Path], tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    IntentClassifier.load(training, _normalize, cache_dir=cache, fingerprint="broken")
    [path] = cache.glob("intent-classifier-*.npz")
    path.write_bytes(b"not a model")
    assert IntentClassifier.read(path, None) is None
    model = IntentClassifier.load(training, _normalize, cache_dir=cache, fingerprint="broken again")
    assert model.predict(_normalize("서울지갑 열어")).intent == "app.open"


# -- the classifier inside the cascade ---------------------------------------------------------


@pytest.mark.parametrize("text", [
    "소방서 앞 골목에 차들을 세워 놔서 소방차가 못 나간대요 단속 좀 해 주세요",
    "지난주에 자전거 도둑맞았는데 어느 파출소에 가서 신고해요",
])
def test_an_alarm_word_the_classifier_reads_as_something_else_raises_no_alarm(engine, text: str) -> None:
    assert engine.understand(text).intent != "safety.emergency"


@pytest.mark.parametrize(("text", "kind"), [
    ("할아버지가 밥 드시다가 갑자기 숨을 못 쉬세요 빨리요", "medical"),
    ("부엌에서 불이 나서 연기가 꽉 찼어요 빨리 와 주세요", "fire"),
])
def test_an_emergency_is_answered_first_with_its_kind(engine, text: str, kind: str) -> None:
    result = engine.understand(text)
    assert (result.intent, result.slots.get("kind")) == ("safety.emergency", kind)


def test_an_old_story_is_explained_away_for_the_classifier_too(engine) -> None:
    assessment = engine.emergency.assess(normalize("옛날에 우리 집에 불이 났을 때 다들 놀랐었지", engine.normalization))
    assert assessment.alarm is None and assessment.dismissed
    quiet = engine.emergency.assess(normalize("내일 날씨 어때", engine.normalization))
    assert quiet.alarm is None and not quiet.dismissed


def test_an_app_that_is_not_ours_is_no_app_request(engine) -> None:
    assert engine.understand("유튜브 앱 켜 줘").intent == "unknown"


# -- names described, not said (slot_models.py) -----------------------------------------------


@pytest.mark.parametrize(("text", "slot", "value"), [
    ("걸으면 포인트 쌓아 주는 서울시 건강 앱 좀 켜 줘", "app", "sonmok_doctor"),
    ("밤길에 위험할 때 흔들면 신고 들어가는 앱 열어 줘", "app", "ansimi"),
    ("매달 통장으로 들어오는 노인 연금 어떻게 신청해요", "benefit", "basic_pension"),
    ("겨울에 보일러 기름값 보태 주는 거 신청은 어디서 해요", "benefit", "energy_voucher"),
    ("윗집에서 밤마다 쿵쿵 뛰어서 잠을 못 자요 민원 넣어 주세요", "category", "noise"),
])
def test_a_described_name_fills_its_slot(engine, text: str, slot: str, value: str) -> None:
    assert engine.understand(text).slots.get(slot) == value


def test_slot_models_fill_a_missing_name_and_replace_a_found_one_only_when_very_sure(tmp_path: Path) -> None:
    from donghaeng.nlu.classifier import Prediction
    from donghaeng.nlu.slot_models import SlotModels

    class Fixed:
        def __init__(self, value: str, probability: float):
            self.prediction = Prediction(((value, probability), ("other", 1 - probability)))

        def predict(self, utterance):
            return self.prediction

    utterance = _normalize("아무 말")
    fairly_sure = SlotModels({"category": Fixed("noise", 0.8)})
    assert fairly_sure.complete("complaint.file", {}, utterance) == {"category": "noise"}
    assert fairly_sure.complete("complaint.file", {"category": "trash"}, utterance) == {"category": "trash"}
    assert fairly_sure.complete("weather.forecast", {}, utterance) == {}
    assert SlotModels({"category": Fixed("other", 0.99)}).complete("complaint.file", {"category": "trash"}, utterance) \
        == {"category": "trash"}  # the catch-all never replaces a named problem
    very_sure = SlotModels({"category": Fixed("noise", 0.95)})
    assert very_sure.complete("complaint.file", {"category": "trash", "place": "망원동"}, utterance) == \
        {"category": "noise", "place": "망원동"}
    unsure = SlotModels({"category": Fixed("noise", 0.5)})
    assert unsure.complete("complaint.file", {}, utterance) == {}


@pytest.mark.parametrize(("text", "age"), [
    ("우리 어머니 여든셋이시거든요 기초연금 되나요", 83),
    ("예순여섯 넘으면 교통카드 공짜지요", 66),
    ("아버지 칠십칠센데 장기요양 되남", 77),
    ("내가 일흔둘이면 기초연금 받나", 72),
    ("팔순 넘은 우리 엄마 돌봄 서비스 되나요", 80),
    ("올해 팔십 삼 인데 지하철 공짜 되나", 83),
])
def test_an_age_said_in_more_ways_is_read(engine, text: str, age: int) -> None:
    result = engine.understand(text)
    assert (result.intent, result.slots.get("age")) == ("welfare.eligibility", age)
