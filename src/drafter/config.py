"""Settings, resolved in this order of precedence: flags, DRAFTER_* env vars, TOML file, defaults.

OPENAI_API_KEY and OPENAI_BASE_URL are honoured. API keys are only ever read from the environment
(the config file names the variable), so a config file can be shared without leaking a key.

A config file is trusted when the user chose it (--config, DRAFTER_CONFIG) or it is their own
(~/.config/drafter/config.toml). ./drafter.toml is whatever the folder drafter was started in
holds (a cloned repository, an unpacked archive): it may not send a key to another host or turn
the address guard off unless the user says so (--config ./drafter.toml, DRAFTER_TRUST_CONFIG=1).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from drafter.errors import ConfigError, MissingCredentialsError

Role = Literal["writer", "translator", "judge"]
ROLES: tuple[Role, ...] = ("writer", "translator", "judge")
StructuredMethod = Literal["auto", "json_schema", "function_calling", "json_mode"]
Lang = Literal["ja", "en"]

DEFAULT_MODEL = "gpt-4.1-mini"
DEFAULT_BASE_URL = "https://api.openai.com/v1"  # where the OpenAI client sends a key by default
TRUST_ENV = "DRAFTER_TRUST_CONFIG"
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


class ModelConfig(BaseModel):
    """Everything needed to create the chat model of one role."""

    model_config = ConfigDict(frozen=True)

    role: Role
    model: str
    base_url: str | None
    api_key: SecretStr
    structured_output: StructuredMethod
    timeout: float
    max_retries: int
    idle_timeout: float = 120.0
    stream: bool = True


_ENV_KEYS: dict[str, str] = {
    "DRAFTER_MODEL": "model",
    "DRAFTER_BASE_URL": "base_url",
    "DRAFTER_API_KEY_ENV": "api_key_env",
    "DRAFTER_STRUCTURED_OUTPUT": "structured_output",
    "DRAFTER_TIMEOUT": "timeout",
    "DRAFTER_IDLE_TIMEOUT": "idle_timeout",
    "DRAFTER_STREAM": "stream",
    "DRAFTER_MAX_RETRIES": "max_retries",
    "DRAFTER_RETRY_AFTER_CAP": "retry_after_cap",
    "DRAFTER_FETCH_TIMEOUT": "fetch_timeout",
    "DRAFTER_ALLOW_PRIVATE_HOSTS": "allow_private_hosts",
    "DRAFTER_CACHE_DIR": "cache_dir",
    "DRAFTER_FETCH_CACHE": "fetch_cache",
    "DRAFTER_ARCHIVE": "archive",
    "DRAFTER_WP_URL": "wp_url",
    "DRAFTER_WP_USER": "wp_user",
    "DRAFTER_LLM_CACHE": "llm_cache",
    "DRAFTER_HN_API_BASE": "hn_api_base",
    "DRAFTER_NDL_BASE": "ndl_base",
    "DRAFTER_GOOGLE_BOOKS_BASE": "google_books_base",
    "DRAFTER_OPENLIBRARY_BASE": "openlibrary_base",
    "DRAFTER_CATALOG_INTERVAL": "catalog_interval",
    "DRAFTER_BOOKS_WANTED": "books_wanted",
    "DRAFTER_MAX_COST": "max_cost",
    "DRAFTER_MAX_TOKENS": "max_run_tokens",
    "DRAFTER_RPM": "rpm",
    "DRAFTER_TPM": "tpm",
    "DRAFTER_LANG": "lang",
    "DRAFTER_PROMPTS_DIR": "prompts_dir",
    "DRAFTER_SIGN_OFF": "sign_off",
    "DRAFTER_CATEGORY": "category",
    "DRAFTER_DESK_LANG": "desk_lang",
    "DRAFTER_TIMEZONE": "timezone",
}
_ROLE_ENV_KEYS = ("model", "base_url", "structured_output", "api_key_env")


@dataclass(frozen=True)
class ConfigFile:
    """The TOML file settings were read from, and how it was found."""

    path: Path
    found: Literal["--config", "DRAFTER_CONFIG", "working directory", "user config"]

    @property
    def trusted(self) -> bool:
        """Chosen by the user or their own; not merely present where drafter was started."""
        return self.found != "working directory"

    def describe(self) -> str:
        return f"config: {self.path} ({self.found})"


def find_config_file(explicit: Path | None, env: Mapping[str, str]) -> ConfigFile | None:
    """The config file to read: --config, DRAFTER_CONFIG, ./drafter.toml, then the user's one."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"Config file not found: {explicit}")
        return ConfigFile(explicit, "--config")
    if env.get("DRAFTER_CONFIG"):
        path = Path(env["DRAFTER_CONFIG"])
        if not path.is_file():
            raise ConfigError(f"DRAFTER_CONFIG points at a missing file: {path}")
        return ConfigFile(path, "DRAFTER_CONFIG")
    if Path("drafter.toml").is_file():
        return ConfigFile(Path("drafter.toml"), "working directory")
    xdg = Path(env.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    if (user := xdg / "drafter" / "config.toml").is_file():
        return ConfigFile(user, "user config")
    return None


def _read_toml(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"Cannot read config file {path}: {exc}") from exc


def _env_layer(env: Mapping[str, str]) -> dict[str, Any]:
    layer: dict[str, Any] = {key: env[name] for name, key in _ENV_KEYS.items() if env.get(name)}
    roles: dict[str, dict[str, str]] = {}
    for role in ROLES:
        for key in _ROLE_ENV_KEYS:
            value = env.get(f"DRAFTER_{role.upper()}_{key.upper()}")
            if value:
                roles.setdefault(role, {})[key] = value
    if roles:
        layer["roles"] = roles
    return layer


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if value is None:
            continue
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_settings(
    flags: Mapping[str, Any] | None = None,
    *,
    config_path: Path | None = None,
    env: Mapping[str, str] | None = None,
    announce: Callable[[str], None] | None = None,
) -> Settings:
    """Settings from defaults < TOML file < DRAFTER_* env < flags (None flags are ignored).
    `announce` is told which config file was read, if any."""
    env = os.environ if env is None else env
    found = find_config_file(config_path, env)
    if found is not None and announce is not None:
        announce(found.describe())
    from_file = _read_toml(found.path if found else None)
    above = _merge(_env_layer(env), flags or {})
    try:
        settings = Settings.model_validate(_merge(from_file, above))
    except ValidationError as exc:
        raise ConfigError(
            "Invalid settings: " + "; ".join(_setting_problem(error) for error in exc.errors()),
            hint="Settings come from flags, DRAFTER_* environment variables and the TOML file "
            "(--config, $DRAFTER_CONFIG, ./drafter.toml, ~/.config/drafter/config.toml).",
        ) from exc
    from drafter.leaks import remember_settings

    remember_settings(settings)  # every configured key variable is redacted, whatever its name
    if found is not None and not found.trusted and env.get(TRUST_ENV) != "1":
        _refuse_untrusted(found.path, from_file, above, env)
    return settings


def _host(url: Any) -> str:
    """scheme://host:port of a URL, lower-case; "" when it has none."""
    try:
        parts = urlsplit(str(url).strip())
        port = parts.port
    except ValueError:
        return str(url)
    if not parts.hostname:
        return str(url)
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    shown = "" if port in (None, default) else f":{port}"
    return f"{parts.scheme.lower()}://{parts.hostname}{shown}"


def _untrusted_settings(
    from_file: Mapping[str, Any], above: Mapping[str, Any], env: Mapping[str, str]
) -> list[str]:
    """The settings of an untrusted file that would send a key elsewhere or open the address
    guard, and that no flag or env var overrides."""

    def kept(key: str, role: str | None = None) -> bool:
        layer = from_file if role is None else _object(_object(from_file.get("roles")).get(role))
        upper = above if role is None else _object(_object(above.get("roles")).get(role))
        return layer.get(key) is not None and upper.get(key) is None

    trusted_base = _host(above.get("base_url") or env.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL)
    found: list[str] = []
    if kept("allow_private_hosts") and from_file["allow_private_hosts"] not in (False, "false"):
        found.append(f"allow_private_hosts = {from_file['allow_private_hosts']!r}")
    if kept("base_url") and _host(from_file["base_url"]) != trusted_base:
        found.append(f"base_url = {from_file['base_url']!r}")
    defaults = Settings()
    for key, default in (
        ("api_key_env", defaults.api_key_env),
        ("google_books_key_env", defaults.google_books_key_env),
        ("wp_password_env", defaults.wp_password_env),
    ):
        if kept(key) and from_file[key] != default:
            found.append(f"{key} = {from_file[key]!r}")
    if kept("google_books_base") and _host(from_file["google_books_base"]) != _host(
        defaults.google_books_base
    ):
        found.append(f"google_books_base = {from_file['google_books_base']!r}")
    if kept("wp_url"):
        found.append(f"wp_url = {from_file['wp_url']!r}")
    for role in _object(from_file.get("roles")):
        settings = _object(_object(from_file.get("roles")).get(role))
        if kept("base_url", role) and _host(settings["base_url"]) != trusted_base:
            found.append(f"[roles.{role}] base_url = {settings['base_url']!r}")
        if kept("api_key_env", role):
            found.append(f"[roles.{role}] api_key_env = {settings['api_key_env']!r}")
    return found


def _object(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _refuse_untrusted(
    path: Path, from_file: Mapping[str, Any], above: Mapping[str, Any], env: Mapping[str, str]
) -> None:
    found = _untrusted_settings(from_file, above, env)
    if found:
        raise ConfigError(
            f"{path.resolve()} was found in the working directory and sets {'; '.join(found)}: "
            "drafter does not let a file it merely found send a key to another host or turn "
            "the address guard off.",
            hint=f"If you trust this file, name it: --config {path} (or DRAFTER_CONFIG), or set "
            f"{TRUST_ENV}=1; or put the setting in "
            "~/.config/drafter/config.toml, your own config.",
        )


def _setting_problem(error: Any) -> str:
    """One pydantic error as a line a user can act on, without pydantic's URL and type tags."""
    name = ".".join(str(part) for part in error.get("loc", ())) or "settings"
    message = str(error.get("msg", "invalid"))
    expected = error.get("ctx", {}).get("expected")
    if error.get("type") == "literal_error" and expected:
        message = f"choose {expected}"
    elif error.get("type") == "extra_forbidden":
        message = "not a setting drafter knows"
    value = error.get("input")
    shown = "" if isinstance(value, dict) else f" (got {value!r})"
    return f"{name}: {message}{shown}"


def resolve_base_url(settings: Settings, role: Role, env: Mapping[str, str]) -> str | None:
    override = settings.roles.get(role, RoleSettings())
    return override.base_url or settings.base_url or env.get("OPENAI_BASE_URL") or None


def model_config_for(
    settings: Settings, role: Role, env: Mapping[str, str] | None = None
) -> ModelConfig:
    """The resolved model settings of one role; raises MissingCredentialsError if unreachable."""
    env = os.environ if env is None else env
    override = settings.roles.get(role, RoleSettings())
    base_url = resolve_base_url(settings, role, env)
    key_env = override.api_key_env or settings.api_key_env
    api_key = env.get(key_env) or env.get("DRAFTER_API_KEY") or ""
    if not api_key and not base_url:
        raise MissingCredentialsError(
            f"No model is configured for the {role} role: set {key_env} (e.g. OPENAI_API_KEY) "
            "for OpenAI, or OPENAI_BASE_URL for any OpenAI-compatible server.",
            hint=(
                "Example with a local server (Ollama, vLLM, llama.cpp):\n"
                "  export OPENAI_BASE_URL=http://localhost:11434/v1\n"
                "  drafter run SOURCE --comments thread.json --model llama3.1"
            ),
        )
    return ModelConfig(
        role=role,
        model=override.model or settings.model,
        base_url=base_url,
        api_key=SecretStr(api_key or LOCAL_KEY_PLACEHOLDER),
        structured_output=override.structured_output or settings.structured_output,
        timeout=override.timeout or settings.timeout,
        idle_timeout=override.idle_timeout or settings.idle_timeout,
        stream=override.stream if override.stream is not None else settings.stream,
        max_retries=override.max_retries
        if override.max_retries is not None
        else settings.max_retries,
    )


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
