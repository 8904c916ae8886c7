"""The people a claim's source sentences name: who a sentence is really about when the claim
names someone else (claims/names.py lists such a swap with them)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.lang.name_tables import KNOWN_FORMS

if TYPE_CHECKING:
    from drafter.models import SourceSentence

_PERSON_EN = re.compile(r"\b([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


ORG_WORDS = re.compile(
    r"\b(?:Facility|Team|University|Agency|Group|Company|Inc|Corp|Ministry|Department|"
    r"Council|Party|Bank|Fund|Association|Commission|Court|Office|Institute|Center|Centre|"
    r"Service|Force|Union|Organi[sz]ation|Committee|Board|Authority|Administration|Network|"
    r"Post|Times|News|Street|Road|Square|House|Embassy|Airport|Port|River|Sea|Ocean|Island|"
    r"Islands|Republic|Kingdom|States|Nations|Exchange|Index|Average|Composite|Reserve|"
    r"Treasury|Congress|Senate|Parliament|Assembly|Government|Police|Army|Navy|Guard|"
    r"Airlines?|Airways|Motors|Holdings|Partners|Capital|Energy|Technologies|Systems|Labs?|"
    r"Foundation|Society|Club|League|Cup|Prize|Award|Act|Law|Bill|Plan|Program|Programme|"
    r"Convention|Treaty|Accords?|Agreement|Pact|Protocol|Declaration|Charter|"
    r"Project|Mission|Station|Telescope|Space|Corporation|Corp|Co|Ltd|LLC|Steel|Securities|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b"
)


NOT_A_NAME = re.compile(
    r"^(?:Former|National|Never|New|Deputy|Acting|Senior|Chief|Vice|General|Top|Then|Both|"
    r"Some|Many|Most|Other|Several|Democratic|Republican|Federal|State|American|British|"
    r"European|Chinese|Russian|Foreign|Special|Prime|Secretary|President|Ambassador|Minister|"
    r"Director|Chairman|Chairwoman|Speaker|Governor|Senator|Representative|Judge|Justice|Air|"
    # a word no name starts with, capitalised at a sentence's start or in a slogan ("And
    # Louisiana, …", "Meth. We're On It")
    r"And|Or|So|Yet|If|When|While|After|Before|Since|For|From|With|At|As|Of|To|"
    r"I|I'm|We|We're|You|You're|They|They're|He|He's|She|She's|It|It's|This|That|Our|My)$"
)


def _lower_word(word: str, article: str) -> bool:
    """Whether the article writes the word in lower case and never capitalises it after a
    word of the same sentence (Will, as in "actor Will Smith", stays a possible name)."""
    return bool(
        re.search(rf"(?<![^\W\d_]){re.escape(word.lower())}(?![^\W\d_])", article)
    ) and not re.search(rf"(?<=[^\W\d_,;] ){re.escape(word)}(?![^\W\d_])", article)


def _title_case(text: str) -> bool:
    """Whether the text reads as a headline: no closing full stop, and most of five or more
    words capitalised."""
    if re.search(r"[.!?][\"'”’)]*\s*$", text):
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    small = {"a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "at", "by", "with"}
    capitalised = [w[0].isupper() for w in words if w.lower() not in small]
    return len(words) >= 5 and sum(capitalised) >= 0.8 * len(capitalised)


_ROLE = re.compile(
    r"Democrats?|Republicans?|Independent|Senator|Governor|Representative|Congressman|"
    r"Congresswoman|Lawmaker|Mayor|Minister|Secretary|Spokesman|Spokeswoman|Spokesperson"
)


# an adjective first, a plural of a thing or a people last: no one's name
_NOT_A_PERSON = re.compile(
    r"^\w+ous\b|(?:ers|ings|ples|ments|ions|ities)$"
    # "South Taranaki", "Upper Manhattan": a region; "Thank God", "Dark Knight", "Holy Week",
    # "the First World War": a phrase or a title, no one's first name
    r"|^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|"
    r"Inner|Outer|Mount|Lake|Cape|Port|Fort|Thank|Dark|Holy|Dear|Happy|Merry|Good|Great|"
    r"First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\s"
)


def window_people(
    window: list[SourceSentence], accounted: set[str], article: str = ""
) -> list[str]:
    """Two-word capitalised names of people in the anchored source sentences that the claim
    does not mention: who the sentence is really about when the claim names someone else.
    Organisations, places and dates are left out (a claim names only some of them), and a
    pair a sentence opens with a word the article writes in lower case, never capitalised
    within a sentence ("Auf Videoaufnahmen…": German capitalises its nouns)."""
    people: list[str] = []
    for sentence in window:
        if _title_case(sentence.text):
            continue  # a headline ("Cells That 'Taste' Danger Set Off Immune Responses")
        for match in _PERSON_EN.finditer(sentence.text):
            name = f"{match.group(1)} {match.group(2)}"
            if ORG_WORDS.search(name):
                continue
            lowered = name.casefold()
            if any(p in accounted or lowered in a for p in lowered.split() for a in accounted):
                continue
            if match.group(1) in ("The", "A", "An") or (
                match.start() == 0 and match.group(1) in ("In", "On", "But")
            ):
                continue  # "The Klingon Hamlet", "The Leader": a title or a role, not a person
            opens = not sentence.text[: match.start()].strip(" \"'“”„‘’‚«»‹›(")
            if opens and _lower_word(match.group(1), article):
                continue
            if NOT_A_NAME.match(match.group(1)) or _NOT_A_PERSON.search(name):
                continue  # "Former National (Security…)", "Never Trumpers", "Indigenous
                # Peoples", "Policy Shortcomings": not a person
            if _ROLE.fullmatch(match.group(2)):
                continue  # "Mark Warner, a Virginia Democrat": a role, its person named apart
            if lowered in KNOWN_FORMS or max(len(w) for w in lowered.split()) < 3:
                continue  # "Tel Aviv", "New York": a place; "El Al": an airline
            if name not in people:
                people.append(name)
    return people
