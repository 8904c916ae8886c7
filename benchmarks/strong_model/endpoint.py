"""A strong model, offline: an OpenAI-compatible endpoint on 127.0.0.1 whose answers are written
by hand (by a careful reader standing in for a strong model), then kept as cassettes CI replays.

    python benchmarks/strong_model/endpoint.py record DIR [--port N] [--model NAME]
        Serves chat completions (streamed or not, JSON schema or tool call: whichever the
        request asks for) and GET /v1/models. Each request is written to DIR/requests/NNN.json
        (and a readable NNN.txt: the messages and the schema, plain text so that no viewer
        renders away the <source-…> fences or list lines); the server then waits until
        DIR/answers/NNN.json (the structured answer, a JSON object) or NNN.txt (raw text, sent
        as is) exists and answers with it. Point drafter at it with OPENAI_BASE_URL (printed),
        a long DRAFTER_TIMEOUT (the answer is written by hand) and DRAFTER_MAX_RETRIES=0.

    python benchmarks/strong_model/endpoint.py cassette DIR OUT [--run RUN_FOLDER] [--no-requests]
        Turns a recording into cassettes: OUT/<agent>.json holds that agent's answers in call
        order, the prompt's sha256 (from the run folder's run.json) and, unless --no-requests
        (a source whose text may not be committed), the messages with the run's nonce and
        canary replaced by placeholders.

    python benchmarks/strong_model/endpoint.py replay OUT [--port N] [--model NAME]
        Serves the cassettes' answers by agent and call order, whatever the requests say.

The server is tests/scripted_llm.py's (the protocol, streaming, /models); this module only adds
where the answers come from.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.scripted_llm import Reply, ScriptedLLM, schema_name  # noqa: E402

DEFAULT_MODEL = "strong-model"
POLL_SECONDS = 0.5
Handler = Callable[[dict[str, Any], int], Reply]
NONCE = re.compile(r"(?<=-)[0-9a-f]{16}(?=>)")
CANARY = re.compile(r"\(Internal marker [^\s)]+: never repeat it\.\)")


class EveryName(dict[str, Any]):
    """A script that answers every schema name with one handler (ScriptedLLM calls `get`)."""

    def __init__(self, handler: Handler) -> None:
        super().__init__()
        self.handler = handler

    def get(self, key: str, default: Any = None) -> Any:
        return self.handler


def schema_of(body: dict[str, Any]) -> dict[str, Any]:
    fmt = body.get("response_format") or {}
    if fmt.get("type") == "json_schema":
        return dict(fmt["json_schema"].get("schema") or {})
    for tool in body.get("tools") or []:
        return dict(tool["function"].get("parameters") or {})
    return {}


def readable(number: int, body: dict[str, Any]) -> str:
    """A request as a reader reads it: the messages in full, then the schema."""
    parts = [f"# request {number:03d}: {schema_name(body)} (model {body.get('model')})\n"]
    for message in body.get("messages", []):
        content = message.get("content")
        if isinstance(content, list):
            content = "\n".join(str(p.get("text", p)) for p in content)
        parts.append(f"## {message.get('role')}\n\n{content}\n")
    parts.append("## schema\n\n```json\n")
    parts.append(json.dumps(schema_of(body), ensure_ascii=False, indent=1) + "\n```\n")
    # stand-ins' viewers took the <kind-NONCE> fences for HTML and hid what they hold (two
    # analysis requests of round AN read as "no sentences to cite"): shown as ⟪…⟫ here only
    text, fences = _FENCE.subn(r"⟪\1\2⟫", "\n".join(parts))
    if fences:
        text = FENCE_NOTE + text
    return text


_FENCE = re.compile(r"<(/?)([a-z][a-z-]*-[0-9a-f]{8,})>")
FENCE_NOTE = (
    "(In this copy the data fences <kind-NONCE> … </kind-NONCE> are written ⟪kind-NONCE⟫ … "
    "⟪/kind-NONCE⟫ so that no viewer hides their content; the model receives angle brackets.)\n\n"
)


class Recorder:
    """Writes each request to DIR/requests and waits for DIR/answers/NNN.{json,txt}."""

    def __init__(self, folder: Path, poll: float = POLL_SECONDS) -> None:
        self.folder = folder
        self.poll = poll
        self.requests = folder / "requests"
        self.answers = folder / "answers"
        self.requests.mkdir(parents=True, exist_ok=True)
        self.answers.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._next = 1 + max((int(p.stem) for p in self.requests.glob("[0-9]*.json")), default=0)

    def __call__(self, body: dict[str, Any], index: int) -> Reply:
        with self._lock:
            number = self._next
            self._next += 1
        record = {
            "number": number,
            "schema": schema_name(body),
            "call": index,  # this schema's call order
            "model": body.get("model"),
            "stream": body.get("stream", False),
            "messages": body.get("messages", []),
            "response_format": body.get("response_format"),
            "tools": body.get("tools"),
            "tool_choice": body.get("tool_choice"),
        }
        name = f"{number:03d}"
        (self.requests / f"{name}.json").write_text(
            json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        (self.requests / f"{name}.txt").write_text(readable(number, body), encoding="utf-8")
        print(f"request {name}: {record['schema']} (call {index})", flush=True)
        while True:
            for suffix in ("json", "txt"):
                path = self.answers / f"{name}.{suffix}"
                if path.is_file():
                    time.sleep(0.2)  # let a writer finish the file
                    text = path.read_text(encoding="utf-8")
                    print(f"answer {name}: {len(text)} characters", flush=True)
                    if suffix == "txt":
                        return Reply(raw_text=text)
                    return Reply(content=json.loads(text))
            time.sleep(self.poll)


def prompt_hashes(root: Path) -> dict[str, str]:
    """sha256 of each prompt folder's system.md + user.md sources, as agents.Prompts hashes them."""
    hashes = {}
    for folder in sorted(p for p in (root / "prompts").iterdir() if p.is_dir()):
        digest = hashlib.sha256()
        for part in ("system.md", "user.md"):
            digest.update((folder / part).read_text(encoding="utf-8").encode("utf-8"))
        hashes[folder.name] = digest.hexdigest()
    return hashes


def scrub(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The messages without the run's nonce and canary (random per run, and the canary must never
    be stored where it could be mistaken for a leak)."""
    out = []
    for message in messages:
        content = str(message.get("content") or "")
        content = CANARY.sub("(Internal marker CANARY: never repeat it.)", content)
        content = NONCE.sub("NONCE", content)
        out.append({"role": message.get("role"), "content": content})
    return out


def agent_names(root: Path = ROOT) -> dict[str, str]:
    """Output schema name → agent name, from agents/*.yaml."""
    import yaml

    names = {}
    for path in sorted((root / "agents").glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        names[str(spec["output"])] = path.stem
    return names


def write_cassettes(
    folder: Path, out: Path, run: Path | None, keep_requests: bool, root: Path = ROOT
) -> list[Path]:
    """DIR's requests and answers → OUT/<agent>.json, one file per agent."""
    agents = agent_names(root)
    steps: dict[str, Any] = {}
    if run is not None:
        steps = json.loads((run / "run.json").read_text(encoding="utf-8")).get("steps", {})
    calls: dict[str, list[dict[str, Any]]] = {}
    for path in sorted((folder / "requests").glob("[0-9]*.json")):
        request = json.loads(path.read_text(encoding="utf-8"))
        answer_json = folder / "answers" / f"{path.stem}.json"
        answer_txt = folder / "answers" / f"{path.stem}.txt"
        call: dict[str, Any] = {"number": request["number"]}
        if answer_json.is_file():
            call["answer"] = json.loads(answer_json.read_text(encoding="utf-8"))
        elif answer_txt.is_file():
            call["raw_text"] = answer_txt.read_text(encoding="utf-8")
        else:
            continue  # never answered (the run was stopped)
        if keep_requests:
            call["messages"] = scrub(request["messages"])
        else:
            system = next((m for m in request["messages"] if m.get("role") == "system"), None)
            if system is not None:  # the system message holds no source text
                call["messages"] = scrub([system])
        calls.setdefault(agents.get(request["schema"], request["schema"]), []).append(call)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for agent, answers in sorted(calls.items()):
        schema = next((s for s, a in agents.items() if a == agent), agent)
        step = steps.get(agent, {})
        cassette = {
            "agent": agent,
            "schema": schema,
            "prompt_sha256": step.get("prompt_sha256", ""),
            "model": step.get("model", ""),
            "requests_kept": keep_requests,
            "calls": answers,
        }
        path = out / f"{agent}.json"
        path.write_text(json.dumps(cassette, ensure_ascii=False, indent=1) + "\n", "utf-8")
        written.append(path)
    return written


def load_cassettes(folder: Path) -> dict[str, dict[str, Any]]:
    """Schema name → cassette."""
    cassettes = {}
    for path in sorted(folder.glob("*.json")):
        cassette = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(cassette, dict) and "schema" in cassette and "calls" in cassette:
            cassettes[str(cassette["schema"])] = cassette  # not a case's other files
    return cassettes


class Replayer:
    """Answers each request with its agent's recorded answer of the same call order (the last one
    again past the end); `served` lists (schema, call order) as they came."""

    def __init__(self, cassettes: dict[str, dict[str, Any]]) -> None:
        self.cassettes = cassettes
        self.served: list[tuple[str, int]] = []
        self.bodies: list[dict[str, Any]] = []

    def __call__(self, body: dict[str, Any], index: int) -> Reply:
        name = schema_name(body)
        self.served.append((name, index))
        self.bodies.append(body)
        cassette = self.cassettes.get(name)
        if cassette is None:
            return Reply(status=400, error=f"no cassette for schema {name}")
        calls = cassette["calls"]
        call = calls[min(index, len(calls) - 1)]
        if "raw_text" in call:
            return Reply(raw_text=call["raw_text"])
        return Reply(content=call["answer"])


def prompt_changes(cassettes: dict[str, dict[str, Any]], root: Path = ROOT) -> list[str]:
    """The agents whose prompt templates (system.md + user.md) differ from the recording's."""
    now = prompt_hashes(root)
    agents = agent_names(root)
    changed = []
    for schema, cassette in sorted(cassettes.items()):
        recorded = cassette.get("prompt_sha256") or ""
        agent = agents.get(schema, str(cassette.get("agent")))
        if recorded and now.get(agent) != recorded:
            changed.append(agent)
    return changed


def system_changes(cassettes: dict[str, dict[str, Any]], bodies: list[dict[str, Any]]) -> list[str]:
    """The agents whose first system message, as sent now, differs from the recorded one."""
    seen: dict[str, str] = {}
    for body in bodies:
        system = scrub([m for m in body.get("messages", []) if m.get("role") == "system"][:1])
        if system:
            seen.setdefault(schema_name(body), system[0]["content"])
    changed = []
    for schema, cassette in sorted(cassettes.items()):
        recorded = (cassette["calls"][0].get("messages") or [{}])[0].get("content")
        if recorded is not None and schema in seen and seen[schema] != recorded:
            changed.append(str(cassette.get("agent", schema)))
    return changed


def misfits(cassettes: dict[str, dict[str, Any]]) -> list[str]:
    """The recorded answers that no longer validate against drafter's output schemas (a schema
    changed since the recording): 'agent call N: reason'. Re-record those agents."""
    from pydantic import ValidationError

    from drafter.schemas import SCHEMAS

    problems = []
    for schema, cassette in sorted(cassettes.items()):
        model = SCHEMAS.get(schema)
        for number, call in enumerate(cassette["calls"]):
            if model is None:
                problems.append(f"{cassette.get('agent')}: drafter has no schema {schema} now")
                break
            if "answer" not in call:
                continue
            try:
                model.model_validate(call["answer"])
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                problems.append(f"{cassette.get('agent')} call {number}: {where}: {first['msg']}")
    return problems


def check_counts(report: dict[str, Any]) -> tuple[int, int]:
    """(must-fix, to verify) in a check.json, as check.md lists them."""
    claims = report.get("claims", [])
    must = sum(1 for c in claims if c.get("fails"))
    verify = sum(
        1
        for c in claims
        if not c.get("fails") and c.get("verdict") in ("contradicted", "unsupported")
    )
    return must, verify


def serve(handler: Handler, port: int, model: str) -> ScriptedLLM:
    server = ScriptedLLM(EveryName(handler), models=[model])
    if port:  # a fixed port: rebind ScriptedLLM's server (it binds port 0)
        server.start()
        server.stop()
        from http.server import ThreadingHTTPServer

        handler_class = server.server.RequestHandlerClass
        server.server = ThreadingHTTPServer(("127.0.0.1", port), handler_class)
        server.thread = threading.Thread(target=server.server.serve_forever, daemon=True)
        server.thread.start()
        return server
    return server.start()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    record = sub.add_parser("record")
    record.add_argument("dir", type=Path)
    replay = sub.add_parser("replay")
    replay.add_argument("dir", type=Path)
    for command in (record, replay):
        command.add_argument("--port", type=int, default=0)
        command.add_argument("--model", default=DEFAULT_MODEL)
    cassette = sub.add_parser("cassette")
    cassette.add_argument("dir", type=Path)
    cassette.add_argument("out", type=Path)
    cassette.add_argument("--run", type=Path, default=None)
    cassette.add_argument("--no-requests", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "cassette":
        for path in write_cassettes(args.dir, args.out, args.run, not args.no_requests):
            print(path)
        return 0
    handler: Handler = (
        Recorder(args.dir) if args.command == "record" else Replayer(load_cassettes(args.dir))
    )
    server = serve(handler, args.port, args.model)
    print(f"OPENAI_BASE_URL={server.base_url}  model={args.model}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
