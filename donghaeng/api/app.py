"""create_app: the FastAPI application, built from Settings (never at import time)."""

from __future__ import annotations

import importlib
from contextlib import asynccontextmanager
from typing import AsyncIterator

from fastapi import FastAPI

from donghaeng import __version__
from donghaeng.api.errors import install_error_handlers
from donghaeng.audio.cache import ReplyAudioCache
from donghaeng.api.metrics import Metrics
from donghaeng.assistant import Assistant
from donghaeng.config import Settings


# Route modules, each exposing `router`: the text API, voice, the citizen page, the control
# tower and the data attribution page.
ROUTES = ("turns", "complaints", "health", "audio", "about", "admin", "pages")


def create_app(settings: Settings | None = None, assistant: Assistant | None = None) -> FastAPI:
    settings = settings or Settings()
    assistant = assistant or Assistant(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        assistant.prepare_store()
        if settings.warm_models:
            assistant.warm()
        yield
        assistant.engine.dispose()

    app = FastAPI(title="donghaeng (동행) citizen AI agent", version=__version__, lifespan=lifespan)
    app.state.assistant = assistant
    app.state.settings = settings
    app.state.metrics = Metrics(assistant.sessions)
    app.state.reply_audio_cache = ReplyAudioCache()
    install_error_handlers(app)
    for name in ROUTES:
        app.include_router(importlib.import_module(f"donghaeng.api.routes.{name}").router)
    return app
