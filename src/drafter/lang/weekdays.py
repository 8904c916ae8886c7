"""Weekdays in the source resolved to calendar dates against the article's date (its dateline).

A wire story says "on Tuesday", a Japanese lead 3日: code resolves each weekday the source names
for the lead and background agents (`[S2] on Tuesday → 3日（火）`). The rule (news usage: a bare
weekday means a day within a week of the dateline):

- `last Tuesday`: the most recent Tuesday strictly before the dateline (1–7 days back; a day or
  two back, the table also offers the one a week before); `next Tuesday`: the first Tuesday
  strictly after it (1–7 days ahead); `Tuesday next week` (`last week`): in that calendar week;
- a bare weekday in a clause about the future (`will`, `would`, `should`, `may`, `is due to`,
  `is set to`, `is expected to`, `plans to`, `agreed to`, `scheduled for`, `upcoming`): the
  next such weekday on or after the dateline (0–6 days ahead: a Wednesday story's "the debate
  will play out Wednesday night" is that same day);
- any other bare weekday (reported events, the wire default): the most recent such weekday on
  or before the dateline (0–6 days back). Six days back, the table also offers the dateline's
  next day, for a page dated a day behind the place of the event (a US-dated story on a Madrid
  match that ended at 2 a.m. "on Wednesday").

The tense is read from the words between the weekday and the start of its clause, nearest first
("said on Tuesday it will…": `said` decides, past; "said it will decide on Friday": `will`
decides, future; a participle after `be`/`to` is passive, not past: "will be allowed … on
Sunday"); a weekday that owns a noun ("Wednesday's rate increase") names an event: past, coming
after "ahead of"/"before", and either (as "unread" below) when the clause goes on in the future
("Friday's report will show …" may preview it or weigh it); a weekday that opens its clause ("On
Friday, the cabinet will…") is read from the words after it. Named days (Black Friday) and
habits (every Monday, on Mondays) are not dates. Other languages' weekdays (`foreign_words`)
are named in English first, their tense unread ("unread": the most recent such day, or the
coming one). "Yesterday" and "tomorrow" (and their words in French, Spanish, Italian,
Portuguese, German and Dutch where they mean nothing else) are the dateline's day before and
after, outside a quotation (a speaker's yesterday is the day before the speech). Without a known
date nothing is resolved. `weekday_left_as_weekday` finds Japanese text that still names a
resolved weekday (火曜日) for a check to report; the lead is not re-asked for a style slip."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from typing import Literal, Protocol

from drafter.lang.tense_words import (
    AGENDA,
    DAY_LABEL,
    EXPECTED,
    FUTURE_BEFORE_TO,
    FUTURE_WORDS,
    GERMAN_FIRST_NAME,
    LOWER_WEEKDAYS,
    OUTLOOK,
    PASSIVE,
    PAST_WORDS,
    PRESENT_BE,
    REPORT_NOUNS,
    SIGHTED,
    WAS,
    weekday_words,
)
from drafter.lang.text import in_quotes

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
JA_WEEKDAYS = "月火水木金土日"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip

# "unread": a weekday of a source in another language, whose tense words are not read, or one
# that owns a noun the clause then speaks of in the future ("Friday's report will show …")
Tense = Literal["past", "future", "last", "next", "unread", "next_week", "last_week"]
Day = date  # inside WeekdayDate, `date` is the field

_MENTION = re.compile(  # ("Wednesday next week": in the next calendar week)
    r"\b(?:(?P<modifier>last|next|this|coming)\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")\b"
    r"(?:\s+(?P<week>next|last)\s+week\b)?",
    re.IGNORECASE,
)
# Named days, shows and habits that are not dates of this week: "Black Friday", "Fox News
# Sunday", "every Monday".
_NAMED_DAYS = re.compile(
    r"\b(?:black|super|good|ash|bloody|cyber|holy|palm|easter|maundy|shrove|giving|every|each|"
    r"news)\s+$",
    re.I,
)
# "on a Sunday morning", "a chilly Tuesday in December 1999", "one Friday", "that Monday": some
# such day, or one the sentence places in another time, not a day of the dateline's week; after
# "a" with a word between, only one that describes the day ("a lazy Sunday"; "posted a picture
# Tuesday evening" is this Tuesday, the picture's)
_SOME_DAY = re.compile(
    r"\b(?:a|an|one|that|same)\s+$|\b(?:one|that)\s+[a-z]+\s+$|\b(?:a|an)\s+(?:[a-z]+(?:y|ful|ous|ic|al|ive|ble|ed|ing|ish|less|est)|cold|warm|hot|"
    r"fine|wet|dry|grey|gray|dark|bright|quiet|busy|long|late|sad|bad|good|great|big|black|"
    r"blue|single|certain|typical|normal|recent|fresh)\s+$",
    re.I,
)
# a calendar date right after the weekday ("Saturday, May 18", "Tuesday (Nov. 19)", "Friday,
# December 6th")
_DATE_AFTER = re.compile(
    rf"^,?\s*\(?(?:{'|'.join(m[:3] for m in MONTHS)})[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    # or the day and month in another language's order ("mardi 5 mai", "Dienstag, 5. Mai")
    r"|^\s*,?\s*\(?\d{1,2}(?:er|\.|º|°)?\s+[^\W\d_]{3,}"
    # or in figures ("Tuesday, 12/15/15": an email of a year before the story)
    r"|^,?\s*\(?\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"
)
# a weekday that names a recurring thing, not a day ("end Saturday publication", "the Sunday
# editions", "Friday prayers")
_RECURRING_AFTER = re.compile(
    r"^\s+(?:publication|editions?|print(?:ing)?|deliver(?:y|ies)|prayers|school|papers)\b", re.I
)
# a weekday in a name: "$2,500 to Saturday Academy", "the Sunday Times"
_NAME_AFTER = re.compile(
    r"^\s+(?:Academy|Schools|Times|Telegraph|Mail|Post|Herald|Express|Review|Magazine|"
    r"Club|Market|Show|Edition|League|Service|Project|Foundation)\b"
)
# a schedule of days ("open 3 to 9 p.m. Monday through Thursday, … and 1 to 8 p.m. Sunday"):
# every weekday of the sentence is a day of the week it repeats on, not a date
_DAY_RANGE = re.compile(
    rf"\b(?:{'|'.join(WEEKDAYS)})s?\s*(?:through|thru|to|-|–)\s*(?:{'|'.join(WEEKDAYS)})\b",
    re.IGNORECASE,
)
# "building tomorrow's leaders": the future in general, not the day after the dateline
_FIGURATIVE_TOMORROW = re.compile(
    r"^['’]s\s+(?:leaders?|world|workforce|generations?|jobs|economy|technolog\w*|cities|"
    r"children|scientists|engineers|innovators|talent|problems|challenges)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;:()\u2014\u2013]|\s-\s")
_TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll")


@dataclass(frozen=True)
class WeekdayDate:
    """One weekday the source names, and the date it stands for."""

    sentence_id: str
    phrase: str  # as the source writes it: "on Tuesday", "last Friday"
    date: date
    tense: Tense

    def ja(self, dateline: Day) -> str:
        """Japanese news style: 3日（火）; 2月28日（土） in another month; with the year in another
        year."""
        day = f"{self.date.day}日（{JA_WEEKDAYS[self.date.weekday()]}）"
        if self.date.year != dateline.year:
            return f"{self.date.year}年{self.date.month}月{day}"
        if self.date.month != dateline.month:
            return f"{self.date.month}月{day}"
        return day

    def en(self) -> str:
        return f"{WEEKDAYS[self.date.weekday()]}, {self.date:%B} {self.date.day}"


def dateline_of(article_date: str | None) -> date | None:
    """The article's date from Article.date (ISO 8601, date or date-time); None when unknown or
    unreadable: then no weekday is resolved, rather than against a wrong day."""
    if not article_date:
        return None
    text = article_date.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            return None


def resolve(day: int, dateline: date, tense: Tense) -> date:
    """The date of weekday `day` (0 = Monday) relative to `dateline`, by the module's rule."""
    back = (dateline.weekday() - day) % 7
    if tense in ("next_week", "last_week"):
        monday = dateline - timedelta(days=dateline.weekday())
        return monday + timedelta(days=day + (7 if tense == "next_week" else -7))
    if tense in ("past", "unread"):
        return dateline - timedelta(days=back)
    if tense == "last":
        return dateline - timedelta(days=back or 7)
    ahead = (day - dateline.weekday()) % 7
    if tense == "next":
        return dateline + timedelta(days=ahead or 7)
    return dateline + timedelta(days=ahead)


def _tokens(text: str) -> list[str]:
    """Lower-cased words; "she'll", "they'll" give "'ll", the future they say."""
    words = [t.lower() for t in _TOKEN.findall(text.replace("\u2019", "'"))]
    return ["'ll" if w.endswith("'ll") else w for w in words]


def _tense_of(tokens: list[str]) -> Tense | None:
    """The first tense marker among `tokens` (nearest to the weekday first)."""
    of_seen = False
    for n, token in enumerate(tokens):
        of_seen = of_seen or token in ("of", "about")
        if of_seen and token in REPORT_NOUNS:
            return "past"
        if token in FUTURE_WORDS or token in OUTLOOK:
            return "future"
        if token in EXPECTED and n + 1 < len(tokens) and tokens[n + 1] in PRESENT_BE:
            return "future"  # "are expected Sunday" (not "were expected Sunday")
        if token == "could" and n > 0 and tokens[n - 1] == "be":
            return "future"  # "could be affected … Saturday" (not "could not play Saturday")
        if token == "seen" and _expected(tokens, n):
            return "future"  # "ECB seen extending bond-buying in decision Thursday": expected
        if token == "to" and n + 1 < len(tokens) and tokens[n + 1] in FUTURE_BEFORE_TO:
            if n + 2 < len(tokens) and tokens[n + 2] in ("had", "'d"):
                # "Russia had vowed to strike back for an attack Friday": a plan told from
                # before the dateline is about a day already come (the attack of the 22nd)
                return "past"
            return "future"  # reading backwards: "expected to …" arrives as "to", "expected"
        if token in PAST_WORDS or (len(token) > 4 and token.endswith("ed")):
            if n + 1 < len(tokens) and tokens[n + 1] in PASSIVE:
                continue
            return "past"
    return None


# "Wednesday's rate increase should be understood …": a weekday that owns a noun names an event,
# and what the clause then says of it ("should", "will") is no time of that event; the event is
# coming only when said so before it ("ahead of Wednesday's vote")
_POSSESSIVE = re.compile(r"^['\u2019]s\b")
_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|before|until|till|awaiting|upcoming|await)\s+$", re.I)


def _expected(tokens: list[str], n: int) -> bool:
    """Whether "seen" at `n` (tokens read backwards) is the wire's "expected": "Fed seen raising
    rates", "seen as likely to", not "was seen leaving" (a sighting)."""
    after = tokens[n - 1] if n > 0 else ""
    before = tokens[n + 1] if n + 1 < len(tokens) else ""
    sighting = after in SIGHTED  # "a man seen running from the scene Tuesday"
    return (after.endswith("ing") or after in ("as", "to")) and before not in WAS and not sighting


def _clause_tense(sentence: str, start: int, end: int) -> Tense:
    before = _CLAUSE_END.split(sentence[:start])[-1]
    backwards = list(reversed(_tokens(before)))
    tense = _tense_of(backwards)
    if tense is None and _POSSESSIVE.match(sentence[end:]):
        if _AHEAD_OF.search(before):
            # "Ahead of Wednesday's vote, markets are calm": coming; "…, markets were calm" in a
            # Thursday story: the day before
            rest = _CLAUSE_END.split(sentence[end:], maxsplit=1)[-1]
            return "past" if _tense_of(_forward_pairs(_tokens(rest))) == "past" else "future"
        # "Friday's jobs report is expected to show …" (a preview) or "Wednesday's rate increase
        # should be understood …" (a past event weighed): the words after cannot tell, so the
        # most recent such day, and the table offers the coming one too
        after = _CLAUSE_END.split(sentence[end:], maxsplit=1)[0]
        return "unread" if _tense_of(_forward_pairs(_tokens(after))) == "future" else "past"
    if tense is None:
        # no verb before it: "On Friday, the cabinet will…", "the statement on Thursday will…"
        after = sentence[end:]
        rest = _CLAUSE_END.split(after.lstrip(" ,"), maxsplit=1)
        forward = _tokens(rest[0] if rest[0].strip() else after)
        tense = _tense_of(_forward_pairs(forward))
    return tense or "past"


def _forward_pairs(tokens: list[str]) -> list[str]:
    """Forward order, with "expected to" turned into the backward form `_tense_of` reads."""
    out: list[str] = []
    for n, token in enumerate(tokens):
        if token in FUTURE_BEFORE_TO and n + 1 < len(tokens) and tokens[n + 1] == "to":
            out += ["to", token]
        else:
            out.append(token)
    return out


class Numbered(Protocol):
    """A numbered source sentence (drafter.models.SourceSentence)."""

    @property
    def id(self) -> str: ...

    @property
    def text(self) -> str: ...


def weekday_dates(
    sentences: Sequence[Numbered], dateline: date | None, language: str | None = None
) -> list[WeekdayDate]:
    """Every weekday the source names, resolved against the dateline, in reading order (one
    entry per sentence and phrase). A source in another language has its weekdays named in
    English first; its tense words are not read, so each is the most recent such day."""
    if dateline is None:
        return []
    found: list[WeekdayDate] = []
    foreign = language not in (None, "en")
    next_day = _next_day(language)
    agenda = False  # after a newsletter's "Today: …" or "Tomorrow: …", "Friday: …" is ahead
    for sentence in sentences:
        text = _named_in_english(sentence.text, language) if foreign else sentence.text
        agenda = agenda or bool(AGENDA.match(text))
        schedule = _DAY_RANGE.search(text) is not None
        for match in _MENTION.finditer(text):
            before = text[: match.start()]
            if schedule or _NAMED_DAYS.search(before) or _SOME_DAY.search(before):
                continue
            after = text[match.end() :]
            if _NAME_AFTER.match(after) or _RECURRING_AFTER.match(after):
                continue  # "Saturday Academy", "the Sunday editions": a name, a recurring thing
            if _DATE_AFTER.match(after):
                continue  # "on Saturday, May 18": the source gives the date itself
            day = WEEKDAYS.index(match.group("day").capitalize())
            tense = _mention_tense(match, text, foreign=foreign, agenda=agenda)
            phrase = _phrase(text, match.start(), match.group(0))
            entry = WeekdayDate(sentence.id, phrase, resolve(day, dateline, tense), tense)
            if entry not in found:
                found.append(entry)
        for match in next_day.finditer(sentence.text) if next_day else ():
            if (
                _A_NAME_OF_IT.search(sentence.text[: match.start()])
                or (
                    match.group(0)[:1].isupper()
                    and re.search(r"\w[,;]?\s+$", sentence.text[: match.start()])
                )
                or _FIGURATIVE_TOMORROW.match(sentence.text[match.end() :])
                or in_quotes(sentence.text, match.start())
            ):
                continue  # "The World of Tomorrow", "a Tomorrow Party": a name, not a day
            # "said in a statement yesterday" (British papers): the day before the dateline
            back = match.group("back") is not None
            when = dateline + timedelta(days=-1 if back else 1)
            entry = WeekdayDate(sentence.id, match.group(0), when, "past" if back else "future")
            if entry not in found:
                found.append(entry)
    return found


def _mention_tense(match: re.Match[str], text: str, *, foreign: bool, agenda: bool) -> Tense:
    """A weekday mention's tense: unread in another language, else its modifier ("last", "next
    week"), an agenda's label after "Today:" ("Friday: …"), else its clause."""
    modifier = (match.group("modifier") or "").lower()
    if foreign:
        return "unread"
    if match.group("week"):
        return "next_week" if match.group("week").lower() == "next" else "last_week"
    if modifier == "last":
        return "last"
    if modifier in ("next", "coming"):
        return "next"
    if agenda and match.start() == 0 and DAY_LABEL.match(text):
        return "future"
    return _clause_tense(text, match.start(), match.end())


# yesterday and tomorrow, by the source's language, where the word means nothing else (German
# "morgen" is also "morning", Spanish "mañana" too; French "hier" is German "here"): not "the day
# before yesterday"
_NEXT_DAY_WORDS = {
    "en": ("yesterday", "tomorrow"), "fr": ("hier", "demain"), "es": ("ayer", ""),
    "it": ("ieri", "domani"), "pt": ("ontem", "amanhã"), "de": ("gestern", ""),
    "nl": ("gisteren", ""),
}  # fmt: skip
_A_NAME_OF_IT = re.compile(r"\b(?:of|the)\s+$|[\"“‘]$", re.IGNORECASE)


def _next_day(language: str | None) -> re.Pattern[str] | None:
    back, ahead = _NEXT_DAY_WORDS.get(language or "en", ("", ""))
    if not back:
        return None
    return re.compile(
        rf"(?<!before )(?<![^\W\d_])(?:(?P<back>{back})" + (f"|{ahead}" if ahead else "") + ")"
        r"(?![^\W\d_])",
        re.IGNORECASE,
    )


def _named_in_english(text: str, language: str | None) -> str:
    """The text with the weekdays of its language named in English ("am Dienstag": "am
    Tuesday"), which is what `_MENTION` reads."""
    names = weekday_words(language)
    if not names:
        return text
    text = unicodedata.normalize("NFKC", text)
    for english, found in zip(WEEKDAYS, names, strict=True):
        if found is not None:
            text = found.sub(partial(_weekday_or_name, english=english, language=language), text)
    return text


def _weekday_or_name(match: re.Match[str], *, english: str, language: str | None) -> str:
    text, word = match.string, match.group(0)
    if language in LOWER_WEEKDAYS and word[:1].isupper():
        before = text[: match.start()].rstrip()
        opens = not before or before[-1] in '.!?¡¿:«“"—'
        if not opens and re.match(r"\s+[A-ZÁÉÍÓÚÑ]", text[match.end() :]):
            return word
    if language == "de" and GERMAN_FIRST_NAME.search(text[: match.start()]):
        return word  # "MDR (Engin Haupt, Alisa Sonntag)": German capitalises its weekdays
    return f" {english} "


def _phrase(text: str, start: int, mention: str) -> str:
    """The mention with the preposition before it, as the source writes it ("on Tuesday")."""
    before = re.search(r"\b(on|by|since|until|from|before|after)\s+$", text[:start], re.I)
    return f"{before.group(1)} {mention}" if before else mention


def weekday_table(entries: list[WeekdayDate], dateline: date | None, lang: str) -> str:
    """The table the agents get: one line per resolved weekday (and its `_alternatives`)."""
    if dateline is None or not entries:
        return ""
    return "\n".join(
        f"- [{e.sentence_id}] {e.phrase} → {_shown(e, e.date, dateline, lang)}"
        + "".join(
            f"; or {_shown(e, d, dateline, lang)} if {why}" for d, why in _alternatives(e, dateline)
        )
        for e in entries
    )


def _shown(entry: WeekdayDate, day: date, dateline: date, lang: str) -> str:
    shown = WeekdayDate(entry.sentence_id, entry.phrase, day, entry.tense)
    return f"{shown.ja(dateline) if lang == 'ja' else shown.en()} ({day.isoformat()})"


def _alternatives(entry: WeekdayDate, dateline: date) -> list[tuple[date, str]]:
    """Six days back, the dateline's next day seen from a later time zone (a US-dated page on a
    Madrid match that ended at 2 a.m. on Wednesday); a weekday of a language whose tense is not
    read, the coming one; "last Monday" a day or two back, the one a week before (on a Tuesday
    it often is: round CP's lead table gave "Last Monday" the same day as "Monday")."""
    back = (dateline - entry.date).days
    if entry.tense == "past" and back == 6:
        return [(dateline + timedelta(days=1), "the source shows the page's date is a day "
                 "behind the place where it happened")]  # fmt: skip
    ahead = resolve(entry.date.weekday(), dateline, "future")
    if entry.tense == "unread" and ahead != entry.date:
        return [(ahead, "the sentence speaks of what is still to come")]
    if entry.tense == "last" and back <= 2:
        return [(entry.date - timedelta(days=7), "“last” means the week before, as the "
                 "context may show (an event the source dates otherwise)")]  # fmt: skip
    return []


_JA_WEEKDAY = re.compile(r"(?<![日][（(])([月火水木金土日])曜日?")


def weekday_left_as_weekday(text: str, entries: list[WeekdayDate], dateline: date) -> str | None:
    """Japanese text that names a resolved weekday as a weekday (火曜日) instead of its date:
    the fix to ask for (3日), or None. 3日（火） is the date, and passes."""
    for match in _JA_WEEKDAY.finditer(text):
        for entry in entries:
            if JA_WEEKDAYS[entry.date.weekday()] == match.group(1):
                return f"write the date {entry.ja(dateline)} instead of {match.group(0)}"
    return None
