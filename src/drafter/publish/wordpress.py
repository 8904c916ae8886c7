"""Post a draft to WordPress through its REST API, with an Application Password.

The post is created with `status: "draft"`, always: drafter never publishes. Tags and the
category are looked up by name (`/wp/v2/tags?search=`) and created when missing. The site is
the user's own configuration (`wp_url`, `wp_user`, and the password in the environment variable
named by `wp_password_env`), so loopback and private addresses are allowed; plain http only for
local hosts, since the password goes with every request.

Sites with "plain" permalinks have no `/wp-json/` path: the API is then reached as
`/?rest_route=/wp/v2/…`, found by probing `/wp-json/` first. No redirect is followed (a POST
turned into a GET by a redirect would silently list posts instead of creating one).
"""

from __future__ import annotations

import base64
import html
import ipaddress
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypedDict
from urllib.parse import urlencode, urlsplit

import httpx2

from drafter.config import Settings
from drafter.errors import ConfigError, DrafterError
from drafter.publish.html import excerpt, parse_article, render_fragment
from drafter.publish.wxr import html_title, post_slug

LOCAL_SUFFIXES = (".localhost", ".local", ".test", ".internal", ".lan", ".home.arpa")
PASSWORD_HINT = (
    "Create one in WordPress under Users > Profile > Application Passwords (the account's "
    "normal password does not work here)."
)


class PublishError(DrafterError):
    """WordPress could not be reached, refused the request, or answered something unusable."""


@dataclass(frozen=True)
class WordPressConfig:
    url: str
    user: str
    password: str = field(repr=False)
    password_env: str = "DRAFTER_WP_APP_PASSWORD"


class PostedDraft(TypedDict):
    """What `post_draft` returns (a plain dict, so it can be stored as JSON)."""

    id: int
    status: str
    edit_url: str
    link: str | None
    categories: list[int]
    tags: list[int]


def _is_local_host(host: str) -> bool:
    """Loopback, private or link-local addresses, `localhost`, single-label intranet names and
    the reserved local suffixes: where plain http keeps the password off the internet."""
    host = host.strip("[]").lower().rstrip(".")
    try:
        return not ipaddress.ip_address(host).is_global
    except ValueError:
        return host == "localhost" or host.endswith(LOCAL_SUFFIXES) or "." not in host


def config_from_settings(
    settings: Settings, env: Mapping[str, str] | None = None
) -> WordPressConfig:
    """The site, user and Application Password; ConfigError naming what is missing."""
    env = os.environ if env is None else env
    missing = []
    if not settings.wp_url:
        missing.append("the site: wp_url in drafter.toml or DRAFTER_WP_URL")
    if not settings.wp_user:
        missing.append("the user: wp_user in drafter.toml or DRAFTER_WP_USER")
    password = env.get(settings.wp_password_env, "")
    if not password.strip():
        missing.append(
            f"the Application Password: environment variable {settings.wp_password_env}"
            + (
                " (named by wp_password_env)"
                if settings.wp_password_env != "DRAFTER_WP_APP_PASSWORD"
                else ""
            )
        )
    if missing:
        raise ConfigError(
            "Posting to WordPress needs " + "; ".join(missing) + ".",
            hint="Example:\n  export DRAFTER_WP_URL=https://blog.example.com\n"
            "  export DRAFTER_WP_USER=editor\n"
            f"  export {settings.wp_password_env}='abcd efgh ijkl mnop qrst uvwx'\n"
            + PASSWORD_HINT,
        )
    url = (settings.wp_url or "").strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(
            f"wp_url must be the site's http(s) address, like https://blog.example.com: {url!r}"
        )
    if parts.scheme == "http" and not _is_local_host(parts.hostname):
        raise ConfigError(
            f"wp_url is plain http ({url}): the Application Password would cross the network "
            "unencrypted, and WordPress only accepts Application Passwords over HTTPS.",
            hint="Use the https:// address of the site (http is allowed for localhost and "
            "private addresses only).",
        )
    if parts.query or parts.fragment:
        raise ConfigError(f"wp_url must be the site's address without ?query or #fragment: {url}")
    return WordPressConfig(
        url=url,
        user=str(settings.wp_user),
        password=password.strip(),
        password_env=settings.wp_password_env,
    )


class WordPressClient:
    """The few REST calls drafter needs, with errors a user can act on."""

    def __init__(
        self,
        config: WordPressConfig,
        *,
        timeout: float = 30.0,
        transport: httpx2.BaseTransport | None = None,
    ) -> None:
        from drafter.sources.http import USER_AGENT

        self.config = config
        self.plain_permalinks = False
        self._client = httpx2.Client(
            auth=(config.user, config.password),
            timeout=httpx2.Timeout(timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            follow_redirects=False,
            transport=transport,
        )
        basic = base64.b64encode(f"{config.user}:{config.password}".encode()).decode("ascii")
        self._secrets = sorted(
            {s for s in (config.password, config.password.replace(" ", ""), basic) if s},
            key=len,
            reverse=True,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> WordPressClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- plumbing ----

    def scrub(self, text: str) -> str:
        """`text` without the password (in clear or in a Basic header)."""
        for secret in self._secrets:
            text = text.replace(secret, "[redacted password]")
        return text

    def _error(self, message: str, hint: str | None = None) -> PublishError:
        return PublishError(self.scrub(message), hint=self.scrub(hint) if hint else None)

    def url(self, route: str, params: Mapping[str, Any] | None = None) -> str:
        query = dict(params or {})
        if self.plain_permalinks:
            return f"{self.config.url}/?" + urlencode({"rest_route": route, **query})
        return f"{self.config.url}/wp-json{route}" + (f"?{urlencode(query)}" if query else "")

    def _send(
        self, method: str, route: str, params: Mapping[str, Any] | None, body: Any
    ) -> httpx2.Response:
        url = self.url(route, params)
        try:
            return self._client.request(method, url, json=body)
        except httpx2.TimeoutException as exc:
            raise self._error(
                f"Timed out talking to WordPress at {self.config.url} ({method} {route}).",
                hint="Check that the site is up, or raise fetch_timeout.",
            ) from exc
        except httpx2.HTTPError as exc:
            raise self._error(
                f"Could not reach WordPress at {self.config.url}: {exc}",
                hint="Check wp_url (DRAFTER_WP_URL) and your network.",
            ) from exc

    @staticmethod
    def _wp_error(response: httpx2.Response) -> tuple[str, str, Any]:
        """WordPress's error JSON: (code, message, data), empty when the body is not one."""
        try:
            payload = response.json()
        except ValueError:
            return "", "", None
        if not isinstance(payload, dict):
            return "", "", None
        message = html.unescape(str(payload.get("message") or ""))
        return str(payload.get("code") or ""), " ".join(message.split())[:300], payload.get("data")

    def _json(self, response: httpx2.Response, method: str, route: str) -> Any:
        try:
            return response.json()
        except ValueError:
            kind = response.headers.get("content-type", "?").split(";")[0]
            start = " ".join(response.text[:80].split())
            raise self._error(
                f"WordPress answered {method} {route} with something that is not JSON "
                f"(HTTP {response.status_code}, {kind}, starting {start!r}).",
                hint="Check that wp_url is the WordPress site's address and that no plugin "
                "blocks or rewrites the REST API; PHP notices printed before the JSON also "
                "cause this (turn WP_DEBUG_DISPLAY off).",
            ) from None

    def _raise_for(self, response: httpx2.Response, method: str, route: str, doing: str) -> None:
        status = response.status_code
        if status < 300:
            return
        code, message, _ = self._wp_error(response)
        said = f" ({code}: {message})" if code or message else ""
        if 300 <= status < 400:
            target = response.headers.get("location", "?")
            raise self._error(
                f"WordPress at {self.config.url} redirects {method} {route} to {target}.",
                hint="Set wp_url (DRAFTER_WP_URL) to the site's address as WordPress itself "
                "uses it (https://, with or without www.), so no redirect is needed.",
            )
        if status == 401:
            hint = (
                f"Check wp_user (DRAFTER_WP_USER, now {self.config.user!r}) and the Application "
                f"Password in ${self.config.password_env}. {PASSWORD_HINT}"
            )
            if code in ("rest_not_logged_in", "rest_forbidden", ""):
                hint += (
                    " If both are right, the web server may be dropping the Authorization "
                    "header (Apache with CGI/FastCGI needs it passed through), or Application "
                    "Passwords are off (they need HTTPS, or WP_ENVIRONMENT_TYPE=local)."
                )
            raise self._error(
                f"WordPress refused the credentials while {doing} (HTTP 401{said}).", hint=hint
            )
        if status == 403:
            raise self._error(
                f"WordPress does not allow user {self.config.user!r} to go on {doing} "
                f"(HTTP 403{said}).",
                hint="Creating posts needs the Author role or higher; creating tags or "
                "categories that do not exist yet needs Editor or higher (or create them in "
                "WordPress first). A security plugin may also be blocking the REST API.",
            )
        raise self._error(
            f"WordPress answered HTTP {status} while {doing} ({method} {route}){said}.",
            hint="Server errors (5xx) are worth a retry later; the site's error log says more."
            if status >= 500
            else None,
        )

    def call(
        self,
        method: str,
        route: str,
        doing: str,
        *,
        params: Mapping[str, Any] | None = None,
        body: Any = None,
        accept: Callable[[httpx2.Response], bool] | None = None,
    ) -> Any:
        response = self._send(method, route, params, body)
        if accept is None or not accept(response):
            self._raise_for(response, method, route, doing)
        return self._json(response, method, route)

    # ---- the API ----

    def discover(self) -> None:
        """Find the API: `/wp-json/`, else `/?rest_route=/` (plain permalinks)."""
        first = self._send("GET", "/", None, None)
        if first.status_code == 404 or (first.status_code == 200 and not _looks_like_index(first)):
            self.plain_permalinks = True
            second = self._send("GET", "/", None, None)
            if second.status_code == 200 and _looks_like_index(second):
                self._require_v2(second)
                return
            if second.status_code in (401, 403):
                self._raise_for(second, "GET", "/", "reading the REST API index")
            raise self._error(
                f"No WordPress REST API at {self.config.url}: /wp-json/ answered HTTP "
                f"{first.status_code} and /?rest_route=/ answered HTTP {second.status_code}.",
                hint="Check that wp_url (DRAFTER_WP_URL) is the WordPress site's address "
                "(including a subfolder such as /blog), and that the REST API is not disabled "
                "by a plugin. Pretty permalinks (Settings > Permalinks) enable /wp-json/.",
            )
        self._raise_for(first, "GET", "/", "reading the REST API index")
        self._require_v2(first)

    def _require_v2(self, response: httpx2.Response) -> None:
        index = self._json(response, "GET", "/")
        namespaces = index.get("namespaces") if isinstance(index, dict) else None
        if isinstance(namespaces, list) and "wp/v2" not in namespaces:
            raise self._error(
                f"The REST API at {self.config.url} does not offer wp/v2 (posts, tags): "
                "a plugin may have removed it.",
            )

    def check_login(self) -> dict[str, Any]:
        """GET /wp/v2/users/me: proves the credentials reached WordPress and were accepted."""
        me = self.call("GET", "/wp/v2/users/me", "checking the login", params={"context": "edit"})
        return me if isinstance(me, dict) else {}

    def term_id(self, taxonomy: str, name: str) -> int:
        """The id of the tag or category called `name`, creating it when missing."""
        route = f"/wp/v2/{taxonomy}"
        what = "tag" if taxonomy == "tags" else "category"
        found = self.call(
            "GET",
            route,
            f"looking up the {what} {name!r}",
            params={"search": name, "per_page": 100, "_fields": "id,name"},
        )
        wanted = name.casefold()
        for term in found if isinstance(found, list) else []:
            if (
                isinstance(term, dict)
                and html.unescape(str(term.get("name", ""))).casefold() == wanted
            ):
                return int(term["id"])

        def exists(response: httpx2.Response) -> bool:
            return response.status_code == 400 and self._wp_error(response)[0] == "term_exists"

        created = self.call(
            "POST", route, f"creating the {what} {name!r}", body={"name": name}, accept=exists
        )
        if isinstance(created, dict) and created.get("code") == "term_exists":
            data = created.get("data")
            if isinstance(data, dict) and "term_id" in data:
                return int(data["term_id"])
        if not isinstance(created, dict) or "id" not in created:
            raise self._error(f"WordPress did not return an id for the new {what} {name!r}.")
        return int(created["id"])

    def create_draft(self, fields: dict[str, Any]) -> dict[str, Any]:
        post = self.call(
            "POST", "/wp/v2/posts", "creating the draft", body={**fields, "status": "draft"}
        )
        if not isinstance(post, dict) or "id" not in post:
            raise self._error("WordPress did not return an id for the new draft.")
        return post

    def edit_url(self, post_id: int) -> str:
        return f"{self.config.url}/wp-admin/post.php?post={post_id}&action=edit"


def _looks_like_index(response: httpx2.Response) -> bool:
    try:
        index = response.json()
    except ValueError:
        return False
    return isinstance(index, dict) and ("namespaces" in index or "routes" in index)


def draft_fields(markdown: str) -> tuple[dict[str, Any], str | None, list[str]]:
    """(post fields, category, tags) for the REST API from a draft's Markdown."""
    article = parse_article(markdown)
    fields: dict[str, Any] = {
        "title": html_title(article.title or "draft"),
        "content": render_fragment(article.body),
        "excerpt": html.escape(excerpt(article.body), quote=False),
        "status": "draft",
    }
    slug = post_slug(article.source_url)
    if slug:
        fields["slug"] = slug
    return fields, article.category, article.tags


def post_draft(
    settings: Settings,
    markdown: str,
    *,
    env: Mapping[str, str] | None = None,
    transport: httpx2.BaseTransport | None = None,
) -> PostedDraft:
    """Create the draft on the configured WordPress site; never publishes."""
    config = config_from_settings(settings, env)
    fields, category, tags = draft_fields(markdown)
    with WordPressClient(config, timeout=settings.fetch_timeout, transport=transport) as client:
        client.discover()
        client.check_login()
        category_ids = [client.term_id("categories", category)] if category else []
        tag_ids = [client.term_id("tags", tag) for tag in tags]
        if category_ids:
            fields["categories"] = category_ids
        if tag_ids:
            fields["tags"] = tag_ids
        post = client.create_draft(fields)
        post_id = int(post["id"])
        link = post.get("link")
        return {
            "id": post_id,
            "status": str(post.get("status", "")),
            "edit_url": client.edit_url(post_id),
            "link": str(link) if link else None,
            "categories": category_ids,
            "tags": tag_ids,
        }
