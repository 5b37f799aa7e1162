import pytest

from donghaeng.privacy import mask_pii


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("제 번호는 010-1234-5678이에요", "1234-5678", "제 번호는"),
        ("01098765432로 연락 주세요", "98765432", "연락"),
        ("주민번호 900101-1234567 알려드려요", "1234567", "주민번호"),
        ("카드 1234 5678 9012 3456 분실", "9012", "분실"),
        ("마포구 월드컵로12길 34-5 101동 1203호 앞", "1203", "마포구 월드컵로12길"),
        ("망원동 123-4번지 쓰레기", "123-4", "망원동"),
        ("메일은 kim@example.com 이에요", "kim@example.com", "메일은"),
    ],
)
def test_personal_data_is_masked_but_place_names_stay(text: str, hidden: str, kept: str) -> None:
    masked = mask_pii(text)
    assert hidden not in masked
    assert kept in masked


@pytest.mark.parametrize("text", ["472번 버스 언제 와요", "2호선 시청역", "120에 전화해 줘", "접수번호 2026-000123"])
def test_service_numbers_are_not_mistaken_for_personal_data(text: str) -> None:
    assert mask_pii(text) == text
