"""Every failure a user can meet, each with a message that says what to do next.

Only the CLI turns these into exit codes and text; everything else raises them.
"""

from __future__ import annotations

from typing import Any


class DrafterError(Exception):
    """Root of drafter's errors. `exit_code` is what the CLI exits with."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class ConfigError(DrafterError):
    """Bad or missing configuration: flags, env vars, config file, agent specs, prompts."""

    exit_code = 2


class MissingCredentialsError(ConfigError):
    """Neither an API key nor a base URL: no model can be reached."""


class SourceError(DrafterError):
    """The news article could not be fetched or read."""

    exit_code = 3


class FetchError(SourceError):
    """HTTP-level failure fetching the article."""


class RetryableFetchError(FetchError):
    """429 or a 5xx: worth another try, after `retry_after` seconds when the server said so."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class BotWallError(FetchError):
    """401/403: the site refuses scripts. We never try to get around it."""


class ExtractionError(SourceError):
    """The page was fetched but holds too little article text (paywall, script-only page)."""


class SourceTooLargeError(SourceError):
    """A source file is past the size cap that fetched pages have: no article is that big."""


class SourceLanguageError(SourceError):
    """The source is already in Japanese: drafter drafts from foreign-language news."""


class CommentsError(DrafterError):
    """The comments input is missing, malformed or empty."""

    exit_code = 3


class LLMError(DrafterError):
    """The model could not produce a usable answer."""

    exit_code = 4

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        agent: str | None = None,
        raw_reply: str | None = None,
        attempts: int = 0,
        usage: dict[str, int] | None = None,
    ) -> None:
        super().__init__(message, hint=hint)
        self.agent = agent
        self.raw_reply = raw_reply
        self.attempts = attempts
        self.usage = usage or {}

    def details(self) -> dict[str, Any]:
        return {
            "type": type(self).__name__,
            "message": self.message,
            "agent": self.agent,
            "attempts": self.attempts,
            "raw_reply": self.raw_reply,
        }


class TruncatedOutputError(LLMError):
    """finish_reason == "length": the answer was cut off."""


class ContentFilteredError(LLMError):
    """finish_reason == "content_filter": the provider withheld the answer."""


class RefusalError(LLMError):
    """The model declined to answer."""


class InvalidOutputError(LLMError):
    """The answer did not fit the schema or the domain rules, even after one re-ask."""


class LLMTransportError(LLMError):
    """The model server could not be reached, or answered with an error, after retries."""


class EndpointError(LLMTransportError):
    """The base URL answers, but not as an OpenAI-compatible API (a web page, another API, a
    path without /v1). Never retried: the setting has to change."""


class ModelNotFoundError(LLMTransportError):
    """The server does not serve the model asked for. Never retried."""


class StalledStreamError(LLMTransportError):
    """A streamed answer started, then went silent for longer than idle_timeout. Not retried:
    the request was being answered, and sending it again would start it over."""


class RunError(DrafterError):
    """A run folder is missing, unreadable or cannot be resumed."""

    exit_code = 5
