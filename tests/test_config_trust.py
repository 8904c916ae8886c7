"""A drafter.toml in the folder drafter was started in is not the user's word: it may not send a
key to another host or open the address guard without consent (--config, DRAFTER_CONFIG,
DRAFTER_TRUST_CONFIG=1); the user's own ~/.config/drafter/config.toml may. Every command that
reads settings says which file it read."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.config import load_settings
from drafter.errors import ConfigError
from tests.helpers import FIXTURES, draft
from tests.scripted_llm import ScriptedLLM, load_script


@pytest.fixture
def attacker() -> Iterator[ScriptedLLM]:
    """A second OpenAI-compatible server, standing in for the host a hostile file names."""
    server = ScriptedLLM(load_script(str(FIXTURES / "replies.json"))).start()
    yield server
    server.stop()


def reached(server: ScriptedLLM) -> int:
    return len(server.requests) + server.listings


def test_a_found_file_cannot_send_the_key_to_another_host(
    llm_env: ScriptedLLM, attacker: ScriptedLLM, tmp_path: Path
) -> None:
    local = tmp_path / "drafter.toml"  # the tests run in tmp_path: "the folder the user is in"
    local.write_text(f'[roles.writer]\nbase_url = "{attacker.base_url}"\n', encoding="utf-8")

    refused = draft(tmp_path)

    assert refused.exit_code == 2, refused.output
    error = " ".join(refused.stderr.split())
    assert str(local.resolve()) in error and "[roles.writer] base_url" in error
    assert "--config" in error and "DRAFTER_TRUST_CONFIG=1" in error
    assert "Traceback" not in refused.output
    assert reached(attacker) == 0 and reached(llm_env) == 0  # refused before any request
    # Named on the command line it is the user's choice, and is followed.
    chosen = draft(tmp_path, "--config", str(local))
    assert chosen.exit_code == 0, chosen.output
    assert reached(attacker) > 0
    assert f"config: {local} (--config)" in chosen.stderr


@pytest.mark.parametrize(
    ("toml", "named"),
    [
        ('base_url = "https://llm.evil.example/v1"', "base_url"),
        ("allow_private_hosts = true", "allow_private_hosts"),
        ('api_key_env = "AWS_SECRET_ACCESS_KEY"', "api_key_env"),
        ('[roles.judge]\napi_key_env = "GITHUB_TOKEN"', "[roles.judge] api_key_env"),
        ('[roles.translator]\nbase_url = "http://localhost:11434/v1"', "[roles.translator]"),
        ('google_books_base = "https://books.evil.example/v1/volumes"', "google_books_base"),
        ('google_books_key_env = "OPENAI_API_KEY"', "google_books_key_env"),
        ('wp_url = "https://blog.evil.example"', "wp_url"),
        ('wp_password_env = "OPENAI_API_KEY"', "wp_password_env"),
    ],
)
def test_each_setting_that_sends_a_key_or_opens_the_guard_needs_consent(
    tmp_path: Path, toml: str, named: str
) -> None:
    (tmp_path / "drafter.toml").write_text(toml + "\n", encoding="utf-8")
    env = {"OPENAI_API_KEY": "sk-test-not-a-real-key", "XDG_CONFIG_HOME": str(tmp_path / "x")}
    with pytest.raises(ConfigError) as refused:
        load_settings({}, env=env)
    assert named in refused.value.message and "drafter.toml" in refused.value.message
    assert "\n" not in refused.value.message
    # Consent: the env var, the file named explicitly or through DRAFTER_CONFIG.
    load_settings({}, env={**env, "DRAFTER_TRUST_CONFIG": "1"})
    load_settings({}, config_path=Path("drafter.toml"), env=env)
    load_settings({}, env={**env, "DRAFTER_CONFIG": "drafter.toml"})
    # The user's own config file is theirs to trust.
    user = tmp_path / "x" / "drafter"
    user.mkdir(parents=True)
    (tmp_path / "drafter.toml").rename(user / "config.toml")
    lines: list[str] = []
    load_settings({}, env=env, announce=lines.append)
    assert lines == [f"config: {user / 'config.toml'} (user config)"]


def test_harmless_or_overridden_settings_in_a_found_file_are_read(tmp_path: Path) -> None:
    env = {"OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "XDG_CONFIG_HOME": str(tmp_path / "x")}
    (tmp_path / "drafter.toml").write_text(
        'model = "qwen2.5:14b"\ntimeout = 90\nbase_url = "http://127.0.0.1:9/v1/"\n'
        "allow_private_hosts = false\n"
        '[roles.writer]\nbase_url = "http://127.0.0.1:9/v1"\n',
        encoding="utf-8",
    )
    settings = load_settings({}, env=env)  # the same host the environment already names
    assert (settings.model, settings.timeout) == ("qwen2.5:14b", 90.0)
    (tmp_path / "drafter.toml").write_text(
        'allow_private_hosts = true\n[roles.judge]\nbase_url = "https://elsewhere.example/v1"\n',
        encoding="utf-8",
    )
    overridden = {
        **env,
        "DRAFTER_ALLOW_PRIVATE_HOSTS": "1",
        "DRAFTER_JUDGE_BASE_URL": "http://127.0.0.1:9/v1",
    }
    assert load_settings({}, env=overridden).allow_private_hosts  # the user's env decides


def test_commands_say_which_config_file_they_read(tmp_path: Path) -> None:
    (tmp_path / "drafter.toml").write_text("fetch_timeout = 12\n", encoding="utf-8")
    source = tmp_path / "story.txt"
    source.write_text(
        "Dock workers at Kelmar extended their strike by two weeks. " * 10, encoding="utf-8"
    )
    runner = CliRunner()
    results: list[Any] = [
        runner.invoke(app, ["fetch", str(source)]),
        runner.invoke(app, ["comments", str(FIXTURES / "comments.json")]),
        runner.invoke(app, ["cache"]),
    ]
    for result in results:
        assert result.exit_code == 0, result.output
        said = [line for line in result.stderr.splitlines() if line.startswith("config:")]
        assert said == ["config: drafter.toml (working directory)"]
    os.remove(tmp_path / "drafter.toml")
    quiet = runner.invoke(app, ["fetch", str(source)])
    assert "config:" not in quiet.stderr
