"""The run's steps as an asyncio DAG: each agent's step starts when the steps it reads have
finished, and is written to the run folder (run.json and steps/) as it starts, fails, is
blocked or finishes; a step already in the folder is reused."""

from __future__ import annotations

import asyncio
from typing import Any

from pydantic import BaseModel

from drafter import crashpoints, sections
from drafter.agents import Agent, AgentSpec, Prompts
from drafter.errors import DrafterError, RunError
from drafter.files import utc_now
from drafter.guard import redact
from drafter.llm import ChatModels
from drafter.pipeline.preload import _Preload
from drafter.progress import Progress
from drafter.run.folder import RunFolder
from drafter.run.meta import ErrorInfo, StepRecord
from drafter.stages import RunContext, StepInputs


class UpstreamFailed(Exception):
    """A step could not start because a step it reads did not finish."""


OFF_PATH_DELAY = 0.05  # seconds; a step off the longest chain has at least one call of slack


def _off_longest_path(specs: dict[str, AgentSpec]) -> set[str]:
    """The steps on no longest chain of model calls (by count) through the agents' graph."""
    depth: dict[str, int] = {}
    height: dict[str, int] = {}

    def depth_of(name: str) -> int:
        if name not in depth:
            depth[name] = 1 + max(
                (depth_of(u) for u in specs[name].upstream() if u in specs), default=-1
            )
        return depth[name]

    def height_of(name: str) -> int:
        if name not in height:
            below = [n for n, spec in specs.items() if name in spec.upstream()]
            height[name] = 1 + max((height_of(n) for n in below), default=-1)
        return height[name]

    longest = max((depth_of(n) + height_of(n) for n in specs), default=0)
    return {n for n in specs if depth_of(n) + height_of(n) < longest}


class _Runner:
    def __init__(
        self,
        folder: RunFolder,
        specs: dict[str, AgentSpec],
        prompts: Prompts,
        models: ChatModels,
        progress: Progress,
        context: RunContext,
    ) -> None:
        self.folder, self.specs, self.prompts = folder, specs, prompts
        self.models, self.progress, self.context = models, progress, context
        self.failure: DrafterError | None = None
        self.tasks: dict[str, asyncio.Task[BaseModel]] = {}
        self.preload = _Preload()

    async def run_all(self, base: dict[str, Any]) -> dict[str, BaseModel]:
        self.preload.base = base
        self.off_path = _off_longest_path(self.specs)
        for name in self.specs:
            self.tasks[name] = asyncio.create_task(self._step(name, base))
        results = await asyncio.gather(*self.tasks.values(), return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException) and not isinstance(
                result, UpstreamFailed | DrafterError
            ):
                raise result
        return {n: r for n, r in zip(self.tasks, results, strict=True) if isinstance(r, BaseModel)}

    async def _step(self, name: str, base: dict[str, Any]) -> BaseModel:
        spec = self.specs[name]
        section = sections.get(name)
        available = await self._upstream(name, spec, base)
        done: BaseModel | None = self.folder.load_step(name, section.artifact)
        if done is not None:
            self.progress.finished(name, 0.0, 0, reused=True)
            return done
        if name in self.off_path:
            # Its siblings on the longest chain of calls build and send their requests first:
            # every step readied by one answer would otherwise prepare its request before any
            # goes out, and that time adds to the run's wall time only on the longest chain.
            await asyncio.sleep(OFF_PATH_DELAY)
        agent = self._agent(name, spec)
        started_at = utc_now()
        self.progress.started(name)
        self._record(name, {"status": "running", "started_at": started_at})
        try:
            inputs = StepInputs(name, self.context, available)
            output: BaseModel = await section.stage(agent, inputs)
        except DrafterError as exc:
            self._failed(name, agent, started_at, exc)
            raise
        self._completed(name, agent, started_at, output)
        return output

    async def _upstream(self, name: str, spec: AgentSpec, base: dict[str, Any]) -> dict[str, Any]:
        """What the step reads: the inputs, then each upstream step's artifact once it is done.
        A step it reads that failed or was blocked blocks this one."""
        available: dict[str, Any] = {k: v for k, v in base.items() if k in spec.reads}
        for upstream in spec.upstream():
            try:
                available[upstream] = await self.tasks[upstream]
            except (DrafterError, UpstreamFailed) as exc:
                self._record(name, {"status": "blocked", "waiting_on": upstream})
                raise UpstreamFailed(upstream) from exc
        return available

    def _agent(self, name: str, spec: AgentSpec) -> Agent:
        return Agent(
            spec,
            self.prompts,
            self.models,
            self._nonce(),
            self.context.lang,
            allowed_urls=self.context.fetched_urls,
            request=self.context.requests.get(name),
        )

    def _failed(self, name: str, agent: Agent, started_at: str, exc: DrafterError) -> None:
        self._record(
            name,
            {
                **vars(agent.record),
                "status": "failed",
                "started_at": started_at,
                "error": _error_details(exc),
            },
        )
        self.progress.failed(name, exc.message)
        if self.failure is None:
            self.failure = exc

    def _completed(self, name: str, agent: Agent, started_at: str, output: BaseModel) -> None:
        call = {
            **vars(agent.record),
            "status": "completed",
            "started_at": started_at,
            "finished_at": utc_now(),
        }
        self.folder.save_step(name, output, call)
        crashpoints.reached(f"saved:{name}")
        self._record(name, call)
        if agent.record.attempts > agent.record.cached:  # the model was asked: time to spare
            # a moment later: the steps this answer unblocks send their requests first
            asyncio.get_running_loop().call_later(0.15, self.preload.start)
        self.preload.warm(output)
        self.progress.finished(
            name, agent.record.seconds, agent.record.usage.get("total_tokens", 0), reused=False
        )

    def _nonce(self) -> str:
        nonce = self.folder.run.nonce
        if not nonce:
            raise RunError(
                f"{self.folder.path} has no nonce in run.json; it cannot be resumed. "
                "Start a new run."
            )
        return nonce

    def _record(self, name: str, entry: dict[str, Any]) -> None:
        self.folder.run.set_step(name, StepRecord.record(entry))
        self.folder.save_meta()


def _error_details(exc: DrafterError) -> ErrorInfo:
    details: dict[str, Any] = {"type": type(exc).__name__, "message": redact(exc.message)}
    if hasattr(exc, "details"):
        details.update(exc.details())
    return ErrorInfo.record({k: redact(v) if isinstance(v, str) else v for k, v in details.items()})
