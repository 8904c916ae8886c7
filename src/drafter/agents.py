"""Agent specs (agents/<name>.yaml, data only), their prompts, and the runner that asks the model.

Specs and prompts ship inside the wheel (drafter/_bundled/) and are read from the checkout in an
editable install. A user's --prompts-dir overrides any prompt file it holds.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from drafter.config import Role
from drafter.errors import ConfigError
from drafter.schemas import SCHEMAS

T = TypeVar("T", bound=BaseModel)

INPUTS = ("article", "comments")
"""What a spec may read besides other agents' artifacts: the run's two inputs. Which agents
exist is the section registry's (drafter.sections) to say: this module is the generic loader
below it (the sections' stages import it), so `reads` is checked against the names the
registry passes to `load_specs` rather than a Literal typed out here."""


class AgentSpec(BaseModel):
    """One agent: what it is for, its prompt folder, schema, model role and what it reads."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    description: str
    prompt: str = Field(description="folder under prompts/ holding system.md and user.md")
    output: str = Field(description="name of the output schema in drafter.schemas")
    role: Role
    temperature: float = Field(ge=0.0, le=2.0)
    max_tokens: int = Field(gt=0, le=64000)
    reads: tuple[str, ...]

    @field_validator("output")
    @classmethod
    def _known_schema(cls, value: str) -> str:
        if value not in SCHEMAS:
            raise ValueError(f"unknown output schema {value!r}; known: {', '.join(SCHEMAS)}")
        return value

    def upstream(self) -> tuple[str, ...]:
        """The other agents whose artifacts this one reads: its dependencies."""
        return tuple(name for name in self.reads if name not in INPUTS)


def bundled_dir(name: str) -> Path:
    """drafter/_bundled/<name> in a wheel; <checkout>/<name> in an editable install."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_bundled" / name, here.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise ConfigError(f"drafter's bundled {name}/ folder is missing; reinstall drafter.")


def load_spec(name: str, agents_dir: Path | None = None) -> AgentSpec:
    """One agent spec, e.g. the fact-check judge, which is not part of the drafting DAG."""
    path = (agents_dir or bundled_dir("agents")) / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return AgentSpec.model_validate({"name": name, **data})
    except FileNotFoundError as exc:
        raise ConfigError(f"Agent spec missing: {path}") from exc
    except (yaml.YAMLError, TypeError) as exc:
        raise ConfigError(f"Agent spec {path} is not a YAML mapping: {exc}") from exc
    except ValidationError as exc:
        raise ConfigError(f"Agent spec {path} is invalid:\n{exc}") from exc


def load_specs(
    agents_dir: Path | None = None, *, names: Sequence[str], others: Sequence[str] = ()
) -> dict[str, AgentSpec]:
    """The drafting agents `names` (drafter.sections: one per section); their `reads` make the
    DAG. Every other spec in the folder must be one of `others` (the judge): a spec drafter
    would not run is an error rather than silently ignored."""
    folder = agents_dir or bundled_dir("agents")
    unknown = sorted(p for p in folder.glob("*.y*ml") if p.stem not in (*names, *others))
    if unknown:
        raise ConfigError(
            f"Agent spec {unknown[0]} is no section of the draft: drafter runs "
            f"{', '.join(names)} (and {', '.join(others) or 'no other agent'}).",
            hint="Register its section in drafter.sections (a module and one REGISTRY line), "
            "or remove the spec.",
        )
    specs = {name: load_spec(name, agents_dir) for name in names}
    for spec in specs.values():
        bad = [r for r in spec.reads if r not in (*INPUTS, *names)]
        if bad:
            raise ConfigError(
                f"Agent spec {folder / spec.name}.yaml reads {', '.join(bad)}, which is neither "
                f"an input ({', '.join(INPUTS)}) nor an agent ({', '.join(names)})."
            )
    _check_acyclic(specs)
    return specs


def _check_acyclic(specs: dict[str, AgentSpec]) -> None:
    done: set[str] = set()
    while len(done) < len(specs):
        ready = [n for n, s in specs.items() if n not in done and set(s.upstream()) <= done]
        if not ready:
            raise ConfigError(
                f"Agent specs read each other in a cycle: {sorted(set(specs) - done)}"
            )
        done.update(ready)


class Prompts:
    """Renders prompts/<folder>/{system,user}.md with Jinja2 StrictUndefined."""

    def __init__(self, override_dir: Path | None = None) -> None:
        import jinja2

        if override_dir is not None and not override_dir.is_dir():
            raise ConfigError(f"--prompts-dir is not a folder: {override_dir}")
        roots = [p for p in (override_dir, bundled_dir("prompts")) if p is not None]
        self._roots = roots
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(p) for p in roots]),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def render(self, folder: str, variables: dict[str, Any]) -> tuple[str, str, str]:
        """(system, user, sha256 of both template sources)."""
        import jinja2

        rendered: list[str] = []
        digest = hashlib.sha256()
        for part in ("system.md", "user.md"):
            name = f"{folder}/{part}"
            try:
                template = self._env.get_template(name)
                rendered.append(template.render(**variables).strip() + "\n")
            except jinja2.TemplateNotFound as exc:
                raise ConfigError(f"Prompt file missing: {name} (looked in {self._roots})") from exc
            except jinja2.UndefinedError as exc:
                raise ConfigError(f"Prompt {name} uses an undefined variable: {exc}") from exc
            except jinja2.TemplateError as exc:
                raise ConfigError(f"Prompt {name} is not a valid template: {exc}") from exc
            source, _, _ = self._env.loader.get_source(self._env, name)  # type: ignore[union-attr]
            digest.update(source.encode("utf-8"))
        return rendered[0], rendered[1], digest.hexdigest()

    def render_file(self, name: str, variables: dict[str, Any]) -> str:
        """One shared template at the top of the prompts folder, e.g. editor_request.md."""
        import jinja2

        try:
            return self._env.get_template(name).render(**variables).strip() + "\n"
        except jinja2.TemplateNotFound as exc:
            raise ConfigError(f"Prompt file missing: {name} (looked in {self._roots})") from exc
        except jinja2.TemplateError as exc:
            raise ConfigError(f"Prompt {name} is not a valid template: {exc}") from exc


def fence_text(text: str, nonce: str) -> str:
    """Defuse anything in `text` that looks like one of the run's delimiters."""
    cleaned = text.replace(nonce, "[removed]")
    return re.sub(r"<(/?)([a-z][a-z-]*)-([0-9a-f]{6,})>", r"‹\1\2-\3›", cleaned, flags=re.I)


def schema_instruction(schema: type[BaseModel]) -> str:
    """The output schema as text, for json_mode only: it sends no schema (and OpenAI's JSON mode
    wants the word JSON in the messages). json_schema and function calling send the schema
    beside the messages, so no prompt repeats it."""
    text = json.dumps(schema.model_json_schema(), ensure_ascii=False, separators=(",", ":"))
    return f"\nAnswer with one JSON object that follows this JSON schema:\n{text}\n"


def new_nonce() -> str:
    return secrets.token_hex(8)


def fence(kind: str, text: str, nonce: str) -> str:
    """Wrap untrusted `text` in a block only this run can close (spotlighting).

    Anything in the text that looks like one of our delimiters is defused, so data can never
    close its block and pose as instructions.
    """
    cleaned = fence_text(text, nonce)
    return f"<{kind}-{nonce}>\n{cleaned}\n</{kind}-{nonce}>"


@dataclass
class CallRecord:
    """What run.json keeps about one agent's LLM call."""

    agent: str
    role: str
    model: str = ""
    method: str = ""
    prompt_sha256: str = ""
    messages_sha256: str = ""
    attempts: int = 0
    usage: dict[str, int] = field(default_factory=dict)
    cost_usd: float = 0.0
    cached: int = 0
    seconds: float = 0.0


class Agent:
    """An agent bound to its prompts, the run's models and the run's nonce."""

    def __init__(
        self,
        spec: AgentSpec,
        prompts: Prompts,
        models: Any,
        nonce: str,
        lang: str,
        allowed_urls: set[str] | None = None,
        request: str | None = None,
    ) -> None:
        from drafter.guard import OutputGuard, canary_for

        self.spec = spec
        self.prompts = prompts
        self.models = models
        self.nonce = nonce
        self.lang = lang
        self.request = request  # an editor's instruction for a regeneration (drafter review)
        self.record = CallRecord(agent=spec.name, role=spec.role)
        self.canary = canary_for(nonce)
        self.guard = OutputGuard(self.canary, allowed_urls)

    def fence(self, kind: str, text: str) -> str:
        return fence(kind, text, self.nonce)

    async def ask(self, variables: dict[str, Any], check: Callable[[T], list[str]]) -> T:
        from drafter.llm import as_messages, structured_call

        schema = SCHEMAS[self.spec.output]
        context = {"lang": self.lang, "nonce": self.nonce, **variables}
        system, user, prompt_hash = self.prompts.render(self.spec.prompt, context)
        if self.request:
            user += "\n" + self.prompts.render_file(
                "editor_request.md",
                {"nonce": self.nonce, "request": fence_text(self.request, self.nonce)},
            )
        if self.models.method(self.spec.role) == "json_mode":
            system += schema_instruction(schema)
        # The canary: if it ever shows up in an answer, the model is leaking its instructions
        # or obeying the data; the guard rejects that answer, and artifacts never show it.
        system += f"\n(Internal marker {self.canary}: never repeat it.)\n"
        started = time.monotonic()
        self.record.prompt_sha256 = prompt_hash
        self.record.messages_sha256 = hashlib.sha256(
            json.dumps([system, user], ensure_ascii=False).encode("utf-8")
        ).hexdigest()
        result = await structured_call(
            self.models,
            agent=self.spec.name,
            role=self.spec.role,
            messages=as_messages(system, user),
            schema=schema,
            check=lambda answer: (
                self.guard.problems(answer) + cast(Callable[[BaseModel], list[str]], check)(answer)
            ),
            temperature=self.spec.temperature,
            max_tokens=self.spec.max_tokens,
            reask_fence=lambda text: self.fence("previous-answer", text),
            volatile=(self.nonce, self.canary),
        )
        # An agent may ask more than once (the books agent does): the record adds them up.
        self.record.model = result.model
        self.record.method = result.method
        self.record.attempts += result.attempts
        usage = result.usage.as_dict()
        self.record.usage = {
            k: self.record.usage.get(k, 0) + usage.get(k, 0) for k in {*self.record.usage, *usage}
        }
        self.record.cost_usd = round(self.record.cost_usd + result.cost, 6)
        self.record.cached += result.cached
        self.record.seconds = round(self.record.seconds + time.monotonic() - started, 3)
        parsed: T = result.parsed
        return parsed
