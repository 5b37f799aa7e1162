"""The curated knowledge files: every benefit of the taxonomy, cited figures, FAQ topics."""

from __future__ import annotations

from pathlib import Path

from donghaeng.catalog.knowledge import load_attractions, load_benefits, load_faq

BENEFITS = {"basic_pension", "senior_jobs", "long_term_care", "energy_voucher", "livelihood_aid", "medical_aid",
            "housing_benefit", "disability_pension", "senior_care", "dementia_support", "transport_discount"}


def test_all_eleven_benefits_with_year_and_source(data_dir: Path) -> None:
    benefits = load_benefits(data_dir / "knowledge")
    assert set(benefits) == BENEFITS
    for benefit in benefits.values():
        assert benefit.rule["year"] == 2025 and benefit.rule["source"] and benefit.rule["decider"]
        assert benefit.apply and benefit.phone


def test_basic_pension_figures_are_the_official_2025_ones(data_dir: Path) -> None:
    rule = load_benefits(data_dir / "knowledge")["basic_pension"].rule
    assert rule["min_age"] == 65
    assert rule["income"] == {"single": 2_280_000, "couple": 3_648_000}


def test_faq_covers_the_common_how_tos(data_dir: Path) -> None:
    titles = " ".join(e.title for e in load_faq(data_dir / "knowledge"))
    for topic in ("등본", "인감", "전입신고", "대형폐기물", "재산세", "여권", "주민등록증"):
        assert topic in titles


def test_attractions_lie_in_seoul(data_dir: Path) -> None:
    for item in load_attractions(data_dir / "knowledge"):
        assert 37.41 <= item.lat <= 37.72 and 126.76 <= item.lon <= 127.19, item.name
