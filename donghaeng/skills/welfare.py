"""welfare.info and welfare.eligibility, from the curated benefit catalogue.

Eligibility asks only what the benefit's rule needs, one short question at a time (age, then
household), and answers with the official figure for the year it holds for. It never says
"you will receive it": every answer ends with how to apply and who makes the final decision.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, select

from donghaeng.catalog.knowledge import Benefit
from donghaeng.geo import names
from donghaeng.models import STATE_NEED_SLOT, SkillRequest, SkillResponse
from donghaeng.phrasebook import Phrasebook
from donghaeng.store.catalog_tables import CatalogWelfareServiceRow

DOCUMENT_WORDS = ("서류", "준비물", "가져가", "필요한")
APPLY_WORDS = ("신청", "어디", "어떻게", "방법", "발급", "만들")


def won_text(amount: int) -> str:
    """2280000 -> "228만 원", 3648000 -> "364만 8천 원", 765444 -> "76만 5,444원"."""
    man, rest = divmod(int(amount), 10000)
    if not rest:
        return f"{man:,}만 원"
    if rest % 1000 == 0:
        return f"{man:,}만 {rest // 1000}천 원"
    return f"{man:,}만 {rest:,}원"


def parse_age(value: Any) -> int | None:
    match = re.search(r"\d+", str(value or ""))
    return int(match.group()) if match else None


def load_services(engine: Engine) -> dict[str, dict[str, str]]:
    """The 복지서비스정보 rows by service id: 복지로 page and 대표문의 for the benefits we link."""
    with engine.connect() as conn:
        rows = conn.execute(select(CatalogWelfareServiceRow.service_id, CatalogWelfareServiceRow.name,
                                   CatalogWelfareServiceRow.url, CatalogWelfareServiceRow.contact)).all()
    return {r.service_id: {"name": r.name, "url": r.url, "contact": r.contact} for r in rows}


class _BenefitSkill:
    def __init__(self, benefits: dict[str, Benefit], phrasebook: Phrasebook,
                 services: dict[str, dict[str, str]] | None = None):
        self.benefits, self.say, self.services = benefits, phrasebook.say, services or {}

    def _benefit(self, request: SkillRequest) -> Benefit | SkillResponse:
        benefit = self.benefits.get(str(request.slots.get("benefit") or ""))
        if benefit is None:
            return SkillResponse(self.say("welfare.ask_benefit"), state=STATE_NEED_SLOT, ask_slot="benefit")
        return benefit

    def _actions(self, benefit: Benefit) -> tuple[dict[str, Any], ...]:
        actions: list[dict[str, Any]] = [{"type": "call", "number": benefit.phone}]
        service = self.services.get(benefit.service_id or "")
        if service and service["url"].startswith("http") and not service["url"].endswith("..."):
            actions.append({"type": "open_url", "url": service["url"], "label": "복지로"})
        return tuple(actions)

    def _source(self, benefit: Benefit) -> dict[str, Any]:
        service = self.services.get(benefit.service_id or "")
        return {"benefit": benefit.id, "service_id": benefit.service_id,
                "service_name": service["name"] if service else None,
                "rule_year": benefit.rule.get("year"), "source": benefit.rule.get("source")}


class WelfareInfoSkill(_BenefitSkill):
    intents = ("welfare.info",)

    def handle(self, request: SkillRequest) -> SkillResponse:
        benefit = self._benefit(request)
        if isinstance(benefit, SkillResponse):
            return benefit
        contact = self.say("welfare.contact", label=benefit.phone_label, phone=benefit.phone)
        if any(w in request.text for w in DOCUMENT_WORDS) and benefit.documents:
            body = [benefit.documents, benefit.apply]
        elif any(w in request.text for w in APPLY_WORDS):
            body = [benefit.apply]
        else:
            body = [benefit.what, benefit.apply]
        text = " ".join([*body, contact])
        return SkillResponse(text, actions=self._actions(benefit), data=self._source(benefit),
                             simple_text=" ".join(body[:1] + [contact]))


class WelfareEligibilitySkill(_BenefitSkill):
    intents = ("welfare.eligibility",)

    def handle(self, request: SkillRequest) -> SkillResponse:
        benefit = self._benefit(request)
        if isinstance(benefit, SkillResponse):
            return benefit
        rule = benefit.rule
        min_age = rule.get("min_age")
        age = parse_age(request.slots.get("age"))
        needs = list(rule.get("needs", []))
        if "age" in needs and age is None:
            return SkillResponse(self.say("welfare.ask_age"), state=STATE_NEED_SLOT, ask_slot="age")
        too_young = age is not None and min_age is not None and age < min_age and not rule.get("under_age_ok")
        household = str(request.slots.get("household") or "")
        if "household" in needs and not too_young and household not in ("single", "couple"):
            return SkillResponse(self.say("welfare.ask_household"), state=STATE_NEED_SLOT, ask_slot="household")
        verdict = self._verdict(benefit, age, household, too_young)
        closing = self.say("welfare.apply_and_decide", apply=benefit.apply,
                           decider=rule.get("decider", "행정복지센터"))
        data = {"eligibility_answered": benefit.id, **self._source(benefit),
                "age": age, "household": household or None, "age_ok": not too_young}
        return SkillResponse(f"{verdict} {closing}", actions=self._actions(benefit), data=data, simple_text=verdict)

    def _verdict(self, benefit: Benefit, age: int | None, household: str, too_young: bool) -> str:
        rule = benefit.rule
        min_age, year = rule.get("min_age"), rule.get("year")
        if too_young:
            return self.say("welfare.age_short", benefit_topic=names.topic(benefit.name), min_age=min_age)
        income = rule.get("income") or {}
        rest = ""
        if household in income:
            rest = self.say("welfare.income_rule", year=year, household=self.say(f"welfare.households.{household}"),
                            amount=won_text(income[household]))
            if rule.get("income_note"):
                rest = f"{rest} {rule['income_note']}"
        elif rule.get("income_text") or rule.get("age_text"):
            rest = self.say("welfare.text_rule", year=year,
                            text_copula=names.copula(str(rule.get("age_text") or rule.get("income_text"))))
        if household == "single" and rule.get("single_note"):
            rest = f"{rest} {rule['single_note']}".strip()
        if age is not None and min_age is not None and age >= min_age and rest:
            return self.say("welfare.age_ok_and", age=age, rest=rest)
        if age is not None and min_age is not None:
            key = "welfare.age_ok" if age >= min_age else "welfare.age_under_ok"
            return f"{self.say(key, age=age, min_age=min_age)} {rest}".strip()
        return rest
