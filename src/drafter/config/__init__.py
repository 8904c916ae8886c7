"""Settings, resolved in this order of precedence: flags, DRAFTER_* env vars, TOML file, defaults.

OPENAI_API_KEY and OPENAI_BASE_URL are honoured. API keys are only ever read from the environment
(the config file names the variable), so a config file can be shared without leaking a key.

A config file is trusted when the user chose it (--config, DRAFTER_CONFIG) or it is their own
(~/.config/drafter/config.toml). ./drafter.toml is whatever the folder drafter was started in
holds (a cloned repository, an unpacked archive): it may not send a key to another host or turn
the address guard off unless the user says so (--config ./drafter.toml, DRAFTER_TRUST_CONFIG=1).

`settings.py` the fields and defaults (and the cache and archive paths), `sources.py` the file,
env and flag layers and their precedence, `trust.py` what a found file may not do, `roles.py`
the model configuration of each role. Every name is importable from `drafter.config`.
"""

from __future__ import annotations

from drafter.config.roles import ModelConfig, model_config_for, resolve_base_url
from drafter.config.settings import (
    DEFAULT_BASE_URL,
    DEFAULT_MODEL,
    LOCAL_KEY_PLACEHOLDER,
    ROLES,
    Lang,
    Role,
    RoleSettings,
    Settings,
    StructuredMethod,
    archive_path,
    cache_root,
)
from drafter.config.sources import ConfigFile, find_config_file, load_settings
from drafter.config.trust import TRUST_ENV

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MODEL",
    "LOCAL_KEY_PLACEHOLDER",
    "ROLES",
    "TRUST_ENV",
    "ConfigFile",
    "Lang",
    "ModelConfig",
    "Role",
    "RoleSettings",
    "Settings",
    "StructuredMethod",
    "archive_path",
    "cache_root",
    "find_config_file",
    "load_settings",
    "model_config_for",
    "resolve_base_url",
]
