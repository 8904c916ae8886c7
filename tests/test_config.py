from __future__ import annotations

from pathlib import Path

import pytest

from drafter.config import load_settings, model_config_for
from drafter.errors import ConfigError, MissingCredentialsError

TOML = """
model = "file-model"
timeout = 30
structured_output = "function_calling"
[roles.translator]
model = "file-translator"
"""


def test_precedence_is_flags_then_env_then_file_then_defaults(tmp_path: Path) -> None:
    path = tmp_path / "drafter.toml"
    path.write_text(TOML, encoding="utf-8")
    env = {"DRAFTER_MODEL": "env-model", "OPENAI_API_KEY": "k"}

    settings = load_settings({"timeout": 5.0}, config_path=path, env=env)

    assert settings.model == "env-model"  # env beats file
    assert settings.timeout == 5.0  # flag beats file
    assert settings.structured_output == "function_calling"  # file beats default
    assert settings.max_retries == 2  # default
    writer = model_config_for(settings, "writer", env)
    translator = model_config_for(settings, "translator", env)
    assert (writer.model, translator.model) == ("env-model", "file-translator")
    assert writer.timeout == 5.0 and writer.api_key.get_secret_value() == "k"


def test_role_env_and_openai_base_url(tmp_path: Path) -> None:
    env = {"OPENAI_BASE_URL": "http://127.0.0.1:8080/v1", "DRAFTER_TRANSLATOR_MODEL": "small"}
    settings = load_settings(env=env)
    cfg = model_config_for(settings, "translator", env)
    assert cfg.base_url == "http://127.0.0.1:8080/v1"
    assert cfg.model == "small"
    assert cfg.api_key.get_secret_value() == "not-needed"  # local servers need no key


def test_missing_credentials_and_bad_values(tmp_path: Path) -> None:
    with pytest.raises(MissingCredentialsError, match="OPENAI_BASE_URL"):
        model_config_for(load_settings(env={}), "writer", {})
    with pytest.raises(ConfigError, match="timeout"):
        load_settings({"timeout": -1}, env={})
    bad = tmp_path / "bad.toml"
    bad.write_text("unknown_key = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown_key"):
        load_settings(config_path=bad, env={})
