"""Cost and token caps: the run stops cleanly *before* a call that could exceed them.

Every model call reserves its worst case before it is sent: its input (estimated from the
messages: a Japanese character counts as one token, other text as one per four characters) plus
the agent's whole `max_tokens` of output. The reservation is replaced by the real usage from the
response. So a cap is never exceeded, and a run that stops is resumable: finished steps are kept
and a resume with a higher cap goes on. Spending recorded in run.json counts toward the cap.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from drafter.errors import ConfigError, DrafterError


class ModelPrice(BaseModel):
    """US dollars per million tokens."""

    input: float = Field(ge=0)
    output: float = Field(ge=0)


# Published list prices (USD per 1M tokens, checked 2025); override or extend in config under
# [prices."model-name"]. A cap on cost needs a price for every model the run uses.
DEFAULT_PRICES: dict[str, ModelPrice] = {
    "gpt-4.1": ModelPrice(input=2.00, output=8.00),
    "gpt-4.1-mini": ModelPrice(input=0.40, output=1.60),
    "gpt-4.1-nano": ModelPrice(input=0.10, output=0.40),
    "gpt-4o": ModelPrice(input=2.50, output=10.00),
    "gpt-4o-mini": ModelPrice(input=0.15, output=0.60),
}


class BudgetExceededError(DrafterError):
    """The next call could exceed --max-cost or --max-tokens: stopped before it, resumable."""

    exit_code = 7


def estimate_tokens(texts: Iterable[str]) -> int:
    japanese = other = 0
    for text in texts:
        for char in text:
            if "\u3040" <= char <= "\u30ff" or "\u4e00" <= char <= "\u9fff":
                japanese += 1
            else:
                other += 1
    return japanese + other // 4 + 1


@dataclass
class Reservation:
    model: str
    tokens: int
    cost: float


class Budget:
    def __init__(
        self,
        *,
        max_cost: float | None,
        max_tokens: int | None,
        prices: Mapping[str, ModelPrice],
    ) -> None:
        self.max_cost = max_cost
        self.max_tokens = max_tokens
        self.prices = dict(prices)
        self.spent_cost = 0.0
        self.spent_tokens = 0
        self._reserved_cost = 0.0
        self._reserved_tokens = 0
        self._lock = threading.Lock()

    def require_prices(self, models: Iterable[str]) -> None:
        if self.max_cost is None:
            return
        missing = sorted({m for m in models if self.price(m) is None})
        if missing:
            raise ConfigError(
                f"--max-cost needs a price for {', '.join(missing)}.",
                hint='Add it to the config file, e.g.\n  [prices."my-model"]\n'
                "  input = 0.40   # USD per million input tokens\n  output = 1.60",
            )

    def price(self, model: str) -> ModelPrice | None:
        if model in self.prices:
            return self.prices[model]
        # Dated snapshots ("gpt-4.1-mini-2025-04-14") cost what their family costs.
        family = max((name for name in self.prices if model.startswith(name + "-")), key=len,
                     default=None)  # fmt: skip
        return self.prices[family] if family else None

    def cost(self, model: str, input_tokens: int, output_tokens: int) -> float:
        price = self.price(model)
        if price is None:
            return 0.0
        return (input_tokens * price.input + output_tokens * price.output) / 1_000_000

    def add_spent(self, model: str, usage: Mapping[str, Any]) -> None:
        """Spending recorded earlier (a resumed run's finished steps)."""
        with self._lock:
            self.spent_tokens += int(usage.get("total_tokens", 0) or 0)
            self.spent_cost += self.cost(
                model,
                int(usage.get("input_tokens", 0) or 0),
                int(usage.get("output_tokens", 0) or 0),
            )

    def reserve(self, agent: str, model: str, input_estimate: int, max_output: int) -> Reservation:
        worst = Reservation(
            model, input_estimate + max_output, self.cost(model, input_estimate, max_output)
        )
        with self._lock:
            if self.max_tokens is not None:
                used = self.spent_tokens + self._reserved_tokens
                if used + worst.tokens > self.max_tokens:
                    raise BudgetExceededError(
                        f"Stopped before the {agent} call: it could use up to {worst.tokens:,} "
                        f"tokens and the run has used {used:,} of its {self.max_tokens:,} "
                        "(--max-tokens).",
                        hint="Finished steps are kept. Resume with a higher --max-tokens.",
                    )
            if self.max_cost is not None:
                used_cost = self.spent_cost + self._reserved_cost
                if used_cost + worst.cost > self.max_cost:
                    raise BudgetExceededError(
                        f"Stopped before the {agent} call: it could cost up to "
                        f"${worst.cost:.4f} and the run has spent ${used_cost:.4f} of its "
                        f"${self.max_cost:.4f} (--max-cost).",
                        hint="Finished steps are kept. Resume with a higher --max-cost.",
                    )
            self._reserved_tokens += worst.tokens
            self._reserved_cost += worst.cost
        return worst

    def settle(self, reservation: Reservation, usage: Mapping[str, Any]) -> float:
        """Replace a reservation by what the call really used; returns its cost."""
        input_tokens = int(usage.get("input_tokens", 0) or 0)
        output_tokens = int(usage.get("output_tokens", 0) or 0)
        spent = self.cost(reservation.model, input_tokens, output_tokens)
        with self._lock:
            self._reserved_tokens -= reservation.tokens
            self._reserved_cost -= reservation.cost
            self.spent_tokens += int(usage.get("total_tokens", 0) or 0) or (
                input_tokens + output_tokens
            )
            self.spent_cost += spent
        return spent

    def release(self, reservation: Reservation) -> None:
        """A call that failed before any usage came back."""
        with self._lock:
            self._reserved_tokens -= reservation.tokens
            self._reserved_cost -= reservation.cost
