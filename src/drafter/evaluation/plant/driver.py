"""`plant` (one generated error per kind and section) and `from_edit` (a hand-planted one)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterable, Mapping, Sequence

from .draft import KINDS, WHERE, Planted, PlantError, Unit, apply_change, parse
from .planter import Planter

_CHANGES: dict[str, tuple[str, str]] = {
    "number": ("number_sites", "number_change"),
    "date": ("date_sites", "date_change"),
    "name_swap": ("name_sites", "swap_change"),
    "name_invented": ("name_sites", "invent_change"),
    "quote": ("quote_sites", "quote_change"),
    "hedge": ("hedge_sites", "hedge_change"),
}


def plant(
    markdown: str,
    *,
    source_text: str,
    comment_ids: Sequence[str] = (),
    fetched_urls: Iterable[str] = (),
    seed: int = 0,
    kinds: Sequence[str] = KINDS,
    comments: Mapping[str, str] | None = None,
    glossary: Mapping[str, str] | None = None,
) -> list[Planted]:
    """One planted error per kind and section of the draft (where the kind can be planted there),
    each in its own copy of the draft, chosen by `seed`.

    `source_text` is the article as drafter read it (English); `comments` maps the thread's comment
    ids to their text (reactions are checked against it); `comment_ids` lists every id of the
    thread; `fetched_urls` the URLs the run fetched; `glossary` maps the draft's katakana renderings
    to the source's names, when the run had one."""
    planter = Planter(
        markdown, source_text, comments or {}, comment_ids, fetched_urls, glossary or {}
    )
    draft = planter.draft
    fingerprint = hashlib.sha256(markdown.encode("utf-8")).hexdigest()[:16]
    results: list[Planted] = []
    for kind in kinds:
        if kind not in WHERE:
            raise ValueError(f"unknown kind {kind!r}; known: {', '.join(KINDS)}")
        for section in WHERE[kind]:
            rng = random.Random(f"{seed}/{kind}/{section}/{fingerprint}")
            made = _plant_one(planter, kind, section, rng)
            if made is not None:
                results.append(made)
    assert all(p.markdown != draft.markdown for p in results)
    return results


def _plant_one(planter: Planter, kind: str, section: str, rng: random.Random) -> Planted | None:
    draft = planter.draft
    if kind == "comment_id":
        markers = list(draft.markers)
        rng.shuffle(markers)
        for marker in markers:
            made = planter.new_comment_id(marker, rng)
            if made:
                new, label = made
                return Planted(
                    kind, section, marker.text, new, apply_change(draft, marker, new),
                    f"reaction {marker.text}: id changed to {label}", new, comment_id=new,
                    context=draft.reaction_text(marker.text),
                )  # fmt: skip
        return None
    if kind == "link":
        links = list(draft.links)
        rng.shuffle(links)
        for link in links:
            made = planter.new_url(link, rng)
            if made:
                url, label = made
                return Planted(kind, section, link.text, url, apply_change(draft, link, url),
                               f"{link.text} → {url} ({label})", url)  # fmt: skip
        return None
    find_sites, change = _CHANGES[kind]
    sites: list[tuple[Unit, object]] = []
    for unit in draft.sentences:
        if unit.section == section:
            sites += [(unit, site) for site in getattr(planter, find_sites)(unit)]
    rng.shuffle(sites)
    maker: Callable[[Unit, object, random.Random], tuple[str, str] | None] = getattr(
        planter, change
    )
    for unit, site in sites:
        made = maker(unit, site, rng)
        if made is None or made[0] == unit.text:
            continue
        text, label = made
        return Planted(
            kind, section, unit.text, text, apply_change(draft, unit, text), f"{section}: {label}",
            text, comment_id=unit.comment_id,
        )  # fmt: skip
    return None


def from_edit(markdown: str, find: str, replace: str, *, kind: str, section: str,
              description: str = "") -> Planted:  # fmt: skip
    """A hand-planted error: `find` (which must occur exactly once) replaced by `replace`."""
    count = markdown.count(find) if find else 0
    if count != 1:
        raise PlantError(f"`find` occurs {count} times in draft.md (it must occur exactly once)")
    at = markdown.index(find)
    changed = markdown[:at] + replace + markdown[at + len(find) :]
    old, new = parse(markdown), parse(changed)
    region = (at, at + max(len(replace), 1))
    if kind == "comment_id":
        for marker in new.markers:
            if marker.start < region[1] and region[0] < marker.end + 1:
                before = next((m.text for m in old.markers if m.start == marker.start), "")
                return Planted(kind, section, before, marker.text, changed, description,
                               marker.text, comment_id=marker.text,
                               context=new.reaction_text(marker.text))  # fmt: skip
    if kind == "link":
        for link in new.links:
            if link.start < region[1] and region[0] < link.end:
                before = next((u.text for u in old.links if u.start == link.start), find)
                return Planted(kind, section, before, link.text, changed, description, link.text)
    for unit in new.sentences:
        if unit.start < region[1] and region[0] < unit.end:
            previous = [u for u in old.sentences if u.start < at + len(find) and at < u.end]
            before = previous[0].text if previous else find
            return Planted(kind, section, before, unit.text, changed, description, unit.text,
                           comment_id=unit.comment_id)  # fmt: skip
    return Planted(kind, section, find, replace, changed, description, replace)
