"""The skill seam: one Protocol with one method.

A skill declares the intents it serves and answers a SkillRequest with a SkillResponse.
It may ask for a missing slot (STATE_NEED_SLOT) or for confirmation (STATE_CONFIRM);
the dialogue manager keeps the state and calls it again with the answer.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from donghaeng.models import SkillRequest, SkillResponse


@runtime_checkable
class Skill(Protocol):
    intents: tuple[str, ...]

    def handle(self, request: SkillRequest) -> SkillResponse: ...
