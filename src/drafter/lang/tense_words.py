"""The English words that tell a weekday's tense (weekdays.py reads them nearest the weekday
first): the future's (will, is due to, a forecast's risk), the past's, and the nouns that make
a day a reported event's; and where a weekday's word is a name, not a day. Data, and the
patterns of another language's weekday words (`weekday_words`)."""

import re
from functools import lru_cache

from drafter.lang.quantities.foreign import CJK_FIGURES
from drafter.lang.quantities.foreign_words import WEEKDAYS as FOREIGN_WEEKDAYS

# fmt: off
# Words that make a clause about the future, and the past-tense verbs that outrank them when
# nearer to the weekday. Checked on lower-cased tokens, nearest to the weekday first.
FUTURE_WORDS = {"will", "'ll", "shall", "won't", "would", "should", "may", "might", "upcoming",
                "scheduled", "slated",
                # a fixture in the present tense: "The Gophers play Saturday", "Host Phoenix
                # on Friday" (sport pages' UP NEXT)
                "play", "plays", "host", "hosts", "visit", "visits", "face", "faces",
                "travel", "travels",
                # a schedule in the present tense: "The tournament, which begins Thursday in São
                # Paulo" (news tells past events in the past tense)
                "begins", "starts", "opens", "kicks", "resumes", "ends", "closes", "launches",
                "premieres", "airs", "debuts", "expires", "arrives", "departs", "concludes",
                "convenes", "reconvenes", "meets", "wraps"}  # fmt: skip
PASSIVE = {"be", "been", "being", "to", "get", "gets"}  # "will be allowed": not a past verb
# a forecast's words: "a Level 3 risk of severe weather … on Saturday", "storms are expected
# Sunday", "could be affected by storms Saturday" (a weather page dated Friday)
OUTLOOK = {"risk", "chance", "chances", "threat", "odds", "outlook"}
EXPECTED = {"expected", "forecast", "predicted", "anticipated"}
PRESENT_BE = {"is", "are", "be", "'s", "'re"}
# "… planned to bring both sides together on Thursday": the infinitive is the coming act.
FUTURE_BEFORE_TO = {"due", "set", "expected", "scheduled", "slated", "plans", "plan", "planned",
                    "going", "poised", "aims", "aimed", "intends", "intended", "hopes", "hoped",
                    "agreed", "agrees", "promised", "pledged", "vowed", "wants", "likely",
                    "wanted", "threatened", "threatens"}  # fmt: skip
PAST_WORDS = {"said", "told", "was", "were", "had", "did", "met", "began", "fell", "rose",
              "took", "made", "held", "came", "went", "saw", "gave", "left", "won", "lost",
              "hit", "struck", "paid", "sold", "bought", "sent", "put", "cut", "set"}  # fmt: skip

# "reports … of an explosion on Sunday morning", "footage of Monday's crash": the day is the
# reported event's, whatever the clause goes on to plan ("would also investigate reports …")
REPORT_NOUNS = {"report", "reports", "news", "footage", "video", "videos", "images", "photos",
                "accounts", "account", "evidence", "signs", "sightings", "claims",
                "witnesses"}  # fmt: skip

SIGHTED = {"running", "leaving", "fleeing", "entering", "walking", "driving", "speeding",
           "carrying", "standing", "sitting", "wearing", "holding", "arriving"}  # fmt: skip

WAS = {"was", "were", "been", "had"}  # "was seen leaving": a sighting; "is seen as": expected
# fmt: on

# the languages that write their weekdays in lower case: a capital inside a sentence, before
# another capitalised word, is a person's name ("el alcalde de Lubrín, Domingo José Ramos")
LOWER_WEEKDAYS = frozenset({"es", "pt", "it", "fr", "nl"})

# a capitalised word right before a German weekday that is no article, preposition or
# determiner: a first name ("Alisa Sonntag"), not "Am Sonntag", "Jeden Montag"
GERMAN_FIRST_NAME = re.compile(
    r"(?<![\w.])(?!(?:Am|Vom|Zum|Bis|Seit|Ab|Jeden|Diesen|Letzten|Kommenden|Nächsten|Vergangenen|"
    r"Diese[mnrs]?|Der|Die|Das|Den|Dem|Des|Ein|Eine[mnrs]?|Kein|Jede[mnrs]?|Am)\s)"
    r"[A-ZÄÖÜ][a-zäöüß]{2,}\s+$"
)

# a newsletter's agenda ("Today: …", "Tomorrow: …") and a weekday labelling one of its days
AGENDA = re.compile(r"(?:Today|Tomorrow|This week|Coming up)\s*:", re.IGNORECASE)
DAY_LABEL = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*:")


@lru_cache(maxsize=64)
def weekday_words(language: str | None) -> tuple[re.Pattern[str] | None, ...]:
    """Each weekday's words in `language`, Monday first, as a pattern (None where the tables
    give none; empty for a language without tables): whole words, but anywhere in a script
    without spaces (화요일, 星期二)."""
    before, after = ("", "") if language in CJK_FIGURES else (r"(?<![^\W\d_])", r"(?![^\W\d_])")
    words = FOREIGN_WEEKDAYS.get(language or "", ())
    return tuple(re.compile(rf"{before}(?:{w}){after}", re.I) if w else None for w in words)
