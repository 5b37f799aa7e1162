"""Masking of personal data before text reaches logs, the store or analytics.

Covers 주민등록번호, phone numbers, card numbers, e-mail addresses and the detailed part
of street/lot addresses (building numbers, 동/호). Place names a service needs (구, 동,
station) are kept, so the control tower still sees where problems are.
"""

from __future__ import annotations

import re

_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # 주민등록번호 / 외국인등록번호: 6 digits, dash or space, 7 digits.
    (re.compile(r"\b\d{6}\s*[-–]\s*[1-8]\d{6}\b"), "[주민번호]"),
    (re.compile(r"(?<!\d)\d{6}[1-8]\d{6}(?!\d)"), "[주민번호]"),
    # Card numbers: 4x4 digits.
    (re.compile(r"(?<!\d)\d{4}[- ]?\d{4}[- ]?\d{4}[- ]?\d{4}(?!\d)"), "[카드번호]"),
    # Mobile and landline numbers (010-1234-5678, 02-123-4567, 01012345678).
    (re.compile(r"(?<!\d)0\d{1,2}[- .)]?\d{3,4}[- .]?\d{4}(?!\d)"), "[전화번호]"),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"), "[이메일]"),
    # Apartment unit: 101동 1203호 / 1203호.
    (re.compile(r"\d{1,4}\s*동\s*\d{1,5}\s*호"), "[상세주소]"),
    (re.compile(r"\d{2,5}\s*호(?!선)"), "[상세주소]"),
    # Road-name address number: 세종대로 110, 월드컵로12길 34-5.
    (re.compile(r"([가-힣\d]+(?:로|길))\s*\d{1,4}(?:-\d{1,4})?(?:번길\s*\d{1,4})?(?![\d번호])"), r"\1 [번지]"),
    # Lot address: 123-45번지, 산 12번지.
    (re.compile(r"(?:산\s*)?\d{1,5}(?:-\d{1,5})?\s*번지"), "[번지]"),
)


def mask_pii(text: str) -> str:
    """Return ``text`` with personal data replaced by bracketed labels."""
    masked = text
    for pattern, replacement in _RULES:
        masked = pattern.sub(replacement, masked)
    return masked
