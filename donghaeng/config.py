"""One Settings class (env prefix DONGHAENG_), built by the CLI or create_app, never at import."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from donghaeng.connectors.police import DEFAULT_DATASET as DEFAULT_POLICE_DATASET

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
DEFAULT_DATA_DIR = REPO_DIR / "data"
DEFAULT_VAR_DIR = REPO_DIR / "var"

# A development-only admin password: refused when production mode is on.
DEV_ADMIN_PASSWORD = "donghaeng-dev"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DONGHAENG_", env_file=None, extra="ignore")

    database_url: str | None = None
    data_dir: Path = DEFAULT_DATA_DIR
    var_dir: Path = DEFAULT_VAR_DIR
    host: str = "127.0.0.1"
    port: int = 8000

    production: bool = False
    admin_user: str = "admin"
    admin_password: str | None = None
    secret_key: str | None = None

    # Optional live connectors; without a key the product says live data is unavailable.
    seoul_api_key: str | None = None
    kma_api_key: str | None = None
    # 공공데이터포털 (data.go.kr) key: the bus arrival service and the police office list take this one.
    data_go_kr_api_key: str | None = None
    # api.odcloud.kr path of 경찰청 경찰관서 위치 주소 현황; the uddi changes with each published version.
    police_offices_dataset: str = DEFAULT_POLICE_DATASET
    http_timeout_s: float = 4.0

    # Optional LLM (OpenAI-compatible), off by default.
    llm_base_url: str | None = None
    llm_api_key: str | None = None
    llm_model: str = "gpt-4o-mini"

    stt_engine: str = "whisper"
    # Whisper decoding: beam 5 took CER on the 135 real clips from 9.9 % (beam 1) to 8.3 %, for 25 %
    # more decoding time; float32 weights gave 8.1 % for another 25 % (see README, Speech).
    whisper_beam_size: int = 5
    whisper_compute_type: str = "int8"
    # Weight of Kiwi's Korean language model when choosing among the beam's candidates
    # (stt/rescoring.py): CER 8.2 % → 7.2 % on the real clips. 0 takes Whisper's top candidate.
    whisper_lm_weight: float = Field(default=0.3, ge=0)
    tts_engine: str = "espeak"
    session_idle_minutes: int = 30
    max_text_chars: int = 2000
    max_audio_bytes: int = 20 * 1024 * 1024
    max_audio_seconds: float = 60.0

    load_data_on_start: bool = True
    warm_models: bool = False
    # With warm_models: also load the speech engines at start (seconds, ~600 MB).
    warm_speech: bool = True
    extra_origins: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _refuse_default_secrets_in_production(self) -> "Settings":
        if self.production:
            if not self.admin_password or self.admin_password == DEV_ADMIN_PASSWORD:
                raise ValueError("production mode needs DONGHAENG_ADMIN_PASSWORD (not the development default)")
            if not self.secret_key:
                raise ValueError("production mode needs DONGHAENG_SECRET_KEY")
        return self

    @property
    def cache_dir(self) -> Path:
        """Models trained from our own data at the first start, kept until that data changes."""
        return self.var_dir / "cache"

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.var_dir / 'donghaeng.sqlite3').as_posix()}"

    @property
    def effective_admin_password(self) -> str:
        return self.admin_password or DEV_ADMIN_PASSWORD

    @property
    def effective_secret_key(self) -> str:
        return self.secret_key or "donghaeng-development-secret-key-not-for-production"
