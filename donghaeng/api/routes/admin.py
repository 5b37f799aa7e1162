"""The AI control tower: HTML pages under ``/admin`` and the JSON API under ``/v1/admin``."""

from __future__ import annotations

from fastapi import APIRouter

from donghaeng.admin.account_pages import router as account_router
from donghaeng.admin.api import router as api_router
from donghaeng.admin.pages import router as pages_router

router = APIRouter()
router.include_router(account_router)
router.include_router(pages_router)
router.include_router(api_router)
