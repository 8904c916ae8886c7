"""The model of each role (writer, translator, judge): the top-level settings with the role's
overrides on top, and the key from the environment variable the settings name."""

from __future__ import annotations

import os
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, SecretStr

from drafter.config.settings import (
    LOCAL_KEY_PLACEHOLDER,
    Role,
    RoleSettings,
    Settings,
    StructuredMethod,
)
from drafter.errors import MissingCredentialsError


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
