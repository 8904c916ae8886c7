"""What a config file drafter merely found (./drafter.toml) may not do unless the user says so:
send a key to another host or turn the address guard off."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from drafter.config.settings import DEFAULT_BASE_URL, Settings
from drafter.errors import ConfigError

TRUST_ENV = "DRAFTER_TRUST_CONFIG"


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


def refuse_untrusted(
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
