"""What a page appends to its article that is no part of it: a subscription notice addressed to
the reader ("Tu suscripción se está usando en otro dispositivo…", El País), which the extractor
took for the story's last paragraphs and the prompts numbered as source sentences."""

from __future__ import annotations

import re

# the reader addressed about their subscription, account or device, in the languages of the
# sources drafter reads (second person: an article about subscriptions says "subscribers")
_NOTICE = re.compile(
    r"(?i)\b(?:tu|su|your|votre|ton|ihr|dein|il\s+tuo|la\s+tua|sua|seu|je|uw)\s+"
    r"(?:suscripci[oó]n|subscription|abonnement|abo|abbonamento|assinatura|cuenta|account|"
    r"compte|konto|conta|contraseña|password|mot\s+de\s+passe|dispositivo|device|appareil)\b"
    r"|\b(?:otro|este|another|this|autre|cet|anderen|altro|outro)\s+(?:dispositivo|device|"
    r"appareil|gerät)\b"
    r"|\b(?:subscribe\s+now|suscr[ií]bete|abonnez-vous|jetzt\s+abonnieren|abbonati|assine\s+já|"
    r"already\s+a\s+subscriber|ya\s+eres\s+suscriptor|déjà\s+abonné|bereits\s+abonnent)\b"
    # a newsletter's promotion ("Newsletter: Sport inside" / "Jeden Montag die Topstorys der
    # Woche", Luxemburger Wort, round DB)
    r"|^newsletter\b|\bnewsletter:|\b(?:jeden|jede|every|chaque|cada|ogni)\s+(?:montag|"
    r"dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|morgen|woche|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|morning|week|lundi|matin|semaine)\b.{0,40}"
    r"\b(?:topstorys|top\s+stories|news|nachrichten|infos|actualités|noticias|notizie)\b"
)
_TAIL = 15  # a notice is among the page's last lines
_SHARE = 0.5  # … and most of the lines from where it starts address the reader so


def without_subscription_notice(lines: list[str]) -> list[str]:
    """`lines` without a trailing subscription notice: from the first of the last lines that
    addresses the reader about a subscription, an account or a device, when at least two
    lines and half of those from there on do."""
    start = max(0, len(lines) - _TAIL)
    marks = [bool(_NOTICE.search(line)) for line in lines[start:]]
    for at, marked in enumerate(marks):
        hits = sum(marks[at:])
        if marked and hits >= 2 and hits >= _SHARE * len(marks[at:]):
            return lines[: start + at]
    return lines
