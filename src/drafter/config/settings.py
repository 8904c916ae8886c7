"""The settings drafter runs with: every field, its default and its bounds (`Settings`, with
per-role overrides in `RoleSettings`), and where the caches and the run archive live by default.
How they are read (flags, env, TOML file) is `sources.py`."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Role = Literal["writer", "translator", "judge"]
ROLES: tuple[Role, ...] = ("writer", "translator", "judge")
StructuredMethod = Literal["auto", "json_schema", "function_calling", "json_mode"]
Lang = Literal["ja", "en"]

DEFAULT_MODEL = "gpt-4.1-mini"
DEFAULT_BASE_URL = "https://api.openai.com/v1"  # where the OpenAI client sends a key by default
LOCAL_KEY_PLACEHOLDER = "not-needed"


class RoleSettings(BaseModel):
    """Overrides for one model role; unset fields inherit the top-level settings."""

    model_config = ConfigDict(extra="forbid")

    model: str | None = None
    base_url: str | None = None
    api_key_env: str | None = None
    structured_output: StructuredMethod | None = None
    timeout: float | None = Field(default=None, gt=0)
    idle_timeout: float | None = Field(default=None, gt=0)
    stream: bool | None = None
    max_retries: int | None = Field(default=None, ge=0, le=10)


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    model: str = DEFAULT_MODEL
    base_url: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    structured_output: StructuredMethod = "auto"
    timeout: float = Field(
        default=120.0,
        gt=0,
        description="seconds for a model's answer to start (connecting, reading the prompt, the "
        "first token); with stream = false, the longest wait for any part of the answer",
    )
    idle_timeout: float = Field(
        default=120.0,
        gt=0,
        description="seconds without a token, once a streamed answer has started, before drafter "
        "gives up (not retried); an answer may take any time while tokens keep coming",
    )
    stream: bool = Field(
        default=True,
        description="stream model answers, so a slow model is timed on silence, not on length; "
        "false for a server that cannot stream",
    )
    max_retries: int = Field(default=2, ge=0, le=10, description="transport retries per request")
    retry_after_cap: float = Field(
        default=30.0, ge=0, description="longest Retry-After (s) drafter waits; longer fails fast"
    )
    fetch_timeout: float = Field(default=30.0, gt=0, description="seconds for the whole fetch")
    allow_private_hosts: bool = Field(
        default=False, description="fetch from loopback/private addresses (tests, intranet)"
    )
    cache_dir: Path | None = Field(
        default=None, description="fetch cache folder; default $XDG_CACHE_HOME/drafter"
    )
    archive: Path | None = Field(
        default=None,
        description="SQLite archive of runs for `drafter review`; default "
        "$XDG_DATA_HOME/drafter/archive.sqlite",
    )
    wp_url: str | None = Field(
        default=None, description="WordPress site URL for `drafter export --format wp`"
    )
    wp_user: str | None = Field(default=None, description="WordPress user name")
    wp_password_env: str = Field(
        default="DRAFTER_WP_APP_PASSWORD",
        description="env var holding the WordPress Application Password (never in config)",
    )
    fetch_cache: bool = Field(default=True, description="reuse fetched pages and API answers")
    llm_cache: bool = Field(default=True, description="reuse model answers across runs")
    hn_api_base: str = Field(
        default="https://hn.algolia.com/api/v1", description="Hacker News Algolia API base URL"
    )
    reddit_more_limit: int = Field(
        default=32, ge=0, le=500, description="Reddit 'load more' requests per thread (PRAW)"
    )
    books_wanted: int = Field(default=2, ge=0, le=5, description="catalog-verified books")
    books_rounds: int = Field(
        default=2, ge=0, le=5, description="extra rounds of candidates when every candidate failed"
    )
    ndl_base: str = Field(
        default="https://ndlsearch.ndl.go.jp/api/opensearch",
        description="NDL Search OpenSearch endpoint (Japanese books)",
    )
    google_books_base: str = Field(
        default="https://www.googleapis.com/books/v1/volumes", description="Google Books API"
    )
    google_books_key_env: str = Field(
        default="GOOGLE_BOOKS_API_KEY", description="env var holding an optional API key"
    )
    openlibrary_base: str = Field(
        default="https://openlibrary.org/search.json", description="Open Library search API"
    )
    catalog_interval: float = Field(
        default=1.0, ge=0, description="seconds between two requests to the same catalog"
    )
    catalog_retries: int = Field(default=2, ge=0, le=5, description="retries on 429/5xx")
    book_links: dict[str, str] = Field(
        default_factory=dict,
        description="store name → URL template with {isbn13}/{isbn10}, e.g. an affiliate link",
    )
    max_cost: float | None = Field(
        default=None, gt=0, description="USD cap per run (--max-cost); needs prices"
    )
    max_run_tokens: int | None = Field(
        default=None, gt=0, description="token cap per run (--max-tokens)"
    )
    prices: dict[str, Any] = Field(
        default_factory=dict, description='USD per 1M tokens: [prices."model"] input/output'
    )
    rpm: int | None = Field(
        default=None, gt=0, description="requests per minute per model (provider's limit)"
    )
    tpm: int | None = Field(
        default=None, gt=0, description="tokens per minute per model (provider's limit)"
    )
    rate_limits: dict[str, Any] = Field(
        default_factory=dict, description='per model: [rate_limits."model"] rpm/tpm'
    )
    lang: Lang = "ja"
    prompts_dir: Path | None = None
    sign_off: str | None = None
    category: str | None = Field(
        default=None,
        min_length=1,
        max_length=40,
        description="the category line under the title; default ニュース (News in English)",
    )
    desk_lang: Lang | None = Field(
        default=None, description="language of the review desk, ja or en (default: lang)"
    )
    timezone: str | None = Field(
        default=None,
        description="IANA time zone for times on the review desk, e.g. Asia/Tokyo (default: "
        "Asia/Tokyo when lang = ja, else UTC)",
    )
    roles: dict[Role, RoleSettings] = Field(default_factory=dict)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        """A zone name the time-zone database knows (Asia/Tokyo, UTC), checked on load."""
        if value is None:
            return None
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value.strip())
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError("not a time zone name; use one like Asia/Tokyo or UTC") from exc
        return value.strip()


def cache_root(settings: Settings, env: Mapping[str, str] | None = None) -> Path:
    """Where drafter keeps caches: cache_dir, else $XDG_CACHE_HOME/drafter, else ~/.cache."""
    env = os.environ if env is None else env
    if settings.cache_dir is not None:
        return settings.cache_dir
    return Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "drafter"


def archive_path(settings: Settings, env: Mapping[str, str] | None = None) -> Path:
    """The run archive: `archive`, else $XDG_DATA_HOME/drafter/archive.sqlite (~/.local/share)."""
    env = os.environ if env is None else env
    if settings.archive is not None:
        return settings.archive
    base = env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "drafter" / "archive.sqlite"
