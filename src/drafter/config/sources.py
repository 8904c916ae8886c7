"""Where settings come from, in this order of precedence: flags, DRAFTER_* env vars, the TOML
file (--config, DRAFTER_CONFIG, ./drafter.toml, the user's own), defaults."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from drafter.config.settings import ROLES, Settings
from drafter.config.trust import TRUST_ENV, refuse_untrusted
from drafter.errors import ConfigError

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
        refuse_untrusted(found.path, from_file, above, env)
    return settings


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
