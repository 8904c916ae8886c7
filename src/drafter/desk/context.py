"""What every route of the desk shares: the settings, the archive, the CSRF token, the templates
and the desk's language and time zone, in one `Desk` object the app keeps in `app.state.desk`.
A route receives it as the `DeskDep` parameter; nothing is held in closures."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import jinja2
from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from drafter.app.drafts import NoDraftError, section_agents
from drafter.config import Settings
from drafter.desk import i18n
from drafter.errors import DrafterError
from drafter.leaks import redact_value
from drafter.render import is_web_url, section_keys
from drafter.run.archive import Archive, sentence_key

HERE = Path(__file__).resolve().parent


def _fragment(markdown: str) -> Markup:
    from drafter.publish.html import render_fragment

    return Markup(render_fragment(markdown))  # markdown-it with raw HTML off, then nh3


def templates_for(settings: Settings, zone: str) -> jinja2.Environment:
    """The desk's Jinja2 environment: autoescape, a missing variable fails loudly."""
    templates = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    templates.globals.update(
        web_url=is_web_url,
        agents=section_agents(),
        fragment=_fragment,
        norm=sentence_key,
        wp_configured=bool(settings.wp_url),
    )
    templates.filters["when"] = lambda value: i18n.when(value, zone)
    return templates


@dataclass
class Desk:
    settings: Settings
    archive: Archive
    token: str
    zone: str
    templates: jinja2.Environment
    allowed_hosts: set[str] = field(default_factory=set)
    import_dirs: list[Path] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        settings: Settings,
        archive: Archive,
        token: str,
        allowed_hosts: set[str],
        import_dirs: list[Path],
    ) -> Desk:
        from drafter.config import cache_root
        from drafter.vectors import keep_vectors

        keep_vectors(cache_root(settings))  # the first re-check of a run encodes only what changed
        zone = i18n.zone_name(settings.timezone, settings.lang)
        templates = templates_for(settings, zone)
        return cls(settings, archive, token, zone, templates, allowed_hosts, import_dirs)

    def ui_lang(self, draft_lang: str | None = None) -> str:
        lang = self.settings.desk_lang or draft_lang or self.settings.lang
        return lang if lang in i18n.TABLES else "ja"

    def render(self, name: str, lang: str, **context: Any) -> str:
        # Every error path ends here: a message, hint or stop reason may quote a model server
        # that echoed the API key (some gateways do), so each is redacted like the CLI's.
        for name_ in ("message", "hint", "error"):
            if isinstance(context.get(name_), str | dict):
                context[name_] = redact_value(context[name_])
        context.setdefault("lang", lang)
        return self.templates.get_template(name).render(
            t=i18n.strings(lang), ui=lang, csrf=self.token, zone=self.zone, **context
        )

    def page(
        self, name: str, status: int = 200, lang: str | None = None, **context: Any
    ) -> HTMLResponse:
        return HTMLResponse(
            self.render(name, lang or self.ui_lang(), **context), status_code=status
        )

    def message_of(self, exc: DrafterError, lang: str) -> str:
        """An error in the desk's language when the desk knows it, else as raised."""
        key = getattr(exc, "key", "")
        table = i18n.strings(lang)["errors"]
        if key and key in table:
            params = {k.rstrip("_"): v for k, v in getattr(exc, "params", {}).items()}
            try:
                return str(table[key]).format(**params)
            except (KeyError, IndexError):
                pass
        return exc.message + (f" {exc.hint}" if exc.hint else "")

    def known_message(self, exc: DrafterError) -> str:
        """A problem the desk knows, in the desk's language; the command to run as it is."""
        if isinstance(exc, NoDraftError):
            return str(i18n.strings(self.ui_lang())["no_draft"]) + " " + (exc.hint or "")
        return exc.message + " " + (exc.hint or "")

    def run_dir(self, run: int) -> Path:
        try:
            path = self.archive.run(run).path
        except DrafterError as exc:
            raise HTTPException(
                404, i18n.strings(self.ui_lang())["not_found_run"].format(run=run)
            ) from (exc)
        if not path.is_dir():
            raise HTTPException(404, i18n.strings(self.ui_lang())["no_folder"].format(path=path))
        return path

    def known_section(self, key: str) -> None:
        if key not in section_keys():
            raise HTTPException(
                404, i18n.strings(self.ui_lang())["not_found_section"].format(key=key)
            )


def the_desk(request: Request) -> Desk:
    desk: Desk = request.app.state.desk
    return desk


DeskDep = Annotated[Desk, Depends(the_desk)]


def form_who(value: str | None) -> str | None:
    return (value or "").strip() or None
