"""Quantities in a source that is not written in English: its figures read by its language.

German, French, Spanish, Italian, Portuguese, Dutch, Indonesian, Russian, Ukrainian and Turkish
write 1,5 for 1.5 and 40.000 (or 40 000) for 40,000, and name their own scales, months, units
and bounds ("1,5 Millionen", "12. September", "mehr als 40.000", "11 bin 37"): each sentence
is rewritten into the English forms the English reader knows ("1.5 million", "12 September",
"more than 40000").
Korean and Chinese write figures the Japanese way (3억 원, 10万人, 2018년 8월 25일, 约3成) and are
read by the Japanese reader after the same rewriting. Any other language is read as English,
whose digits most scripts share.

Read with the English reader, "R$ 2.500,00" had been 2.5 dollars and "19,99 euro" 1,999 euros,
so a faithful 「19.99ユーロ」 was a wrong figure.
"""

from __future__ import annotations

import re
import unicodedata

from drafter.lang.quantities.centuries import centuries_as_english
from drafter.lang.quantities.chinese import chinese_numerals
from drafter.lang.quantities.english import en_quantities
from drafter.lang.quantities.foreign_words import (
    AFTER_NUMBER,
    AGE,
    BEFORE_NUMBER,
    BETWEEN,
    CHINESE,
    COMPOUND_JOIN,
    COMPOUND_UNITS,
    DECADE_WORDS,
    DECADES,
    EN_MONTHS,
    FOLD_NUMBERS,
    HALF,
    HALF_NUMBERS,
    KOREAN_BOUNDS,
    KOREAN_NATIVE,
    KOREAN_SPANS,
    KOREAN_UNITS,
    MONTHS,
    MULTIPLE_VERBS,
    NUMBER_WORDS,
    ONE,
    ORDINAL_ENDINGS,
    ORDINAL_STEMS,
    RANGE,
    UNIT_ONLY_NUMBERS,
)
from drafter.lang.quantities.german import german_figures
from drafter.lang.quantities.grouping import DECIMAL_COMMA, NORDIC, grouped_numbers
from drafter.lang.quantities.japanese import full_year, ja_quantities
from drafter.lang.quantities.quantity import Quantity
from drafter.lang.quantities.turkish import turkish_figures
from drafter.lang.quantities.written import writes_number

CJK_FIGURES = frozenset({"ko", "zh"})


# The languages whose figures, months and common words the check reads, and on which its
# cross-lingual matching was measured. In another (Czech, Polish…) a number word ("obou":
# both), a month ("prosinec") or an opening word ("Ale": but) is unread, and a faithful
# translation scores low against its original: what only those readings would call wrong is
# listed, never must-fix. Danish, Norwegian, Swedish figures are read, the rest not: listed.
READ_LANGUAGES = frozenset({"en", "ja", "ko", "zh", *NUMBER_WORDS}) - frozenset(NORDIC)


def reads(language: str | None) -> bool:
    """Whether the check reads text in `language` (None: not told, read as English)."""
    return language is None or language in READ_LANGUAGES


def source_quantities(sentence: str, language: str | None) -> list[Quantity]:
    """The quantities of a source sentence written in `language` (an ISO 639-1 code)."""
    if language in CJK_FIGURES:
        return ja_quantities(_as_japanese(sentence, language))
    if language in DECIMAL_COMMA:
        return en_quantities(as_english(sentence, language))
    return en_quantities(sentence)


def _key(word: str) -> str:
    """A word in lower case as the tables spell it: Turkish İ lowers to i and a combining dot
    ("İKİ" had been "i̇ki̇", which no table holds, and the check stopped with an error)."""
    return word.lower().replace("i\u0307", "i")


def _decades(match: re.Match[str]) -> str:
    second = f" and the 19{match['t2']}s" if match.groupdict().get("t2") else ""
    return f"the {match.groupdict().get('c') or 19}{match['t']}s{second}"


def _compound_numerals(text: str, language: str) -> str:
    """Tens and units as one numeral: "Sessenta e cinco dólares" is 65 dollars, not 5 (a
    reader's 「65ドル」 was a must-fix), "fünfundsechzig" and "sessantacinque" 65 too."""
    units = COMPOUND_UNITS.get(language)
    if not units:
        return text
    tens = {w: v for w, v in NUMBER_WORDS[language].items() if v in range(20, 100, 10)}
    if language in ("de", "it"):  # one word: fünfundsechzig, sessantacinque (ventuno, trentotto)
        ten_stems = {(w if language == "de" else w[:-1]): v for w, v in tens.items()}
        if language == "de":
            pattern = rf"({'|'.join(units)})und({'|'.join(ten_stems)})"
        else:
            pattern = rf"({'|'.join(ten_stems)})[ia]?({'|'.join(units)})"
        found = re.compile(rf"(?<![^\W\d_]){pattern}(?![^\W\d_])", re.IGNORECASE)

        def joined(m: re.Match[str]) -> str:
            unit, ten = (m[1], m[2]) if language == "de" else (m[2], m[1])
            return str(ten_stems[_key(ten)] + units[_key(unit)])

        return found.sub(joined, text)
    pattern = (
        rf"(?<![^\W\d_])({'|'.join(tens)})(?:{COMPOUND_JOIN[language]})({'|'.join(units)})"
        r"(?![^\W\d_])"
    )
    return re.sub(
        pattern,
        lambda m: str(tens[_key(m[1])] + units[_key(m[2])]),
        text,
        flags=re.IGNORECASE,
    )


def _ordinal_minutes(text: str, language: str) -> str:
    """A match minute as an ordinal in words, "in der siebten Spielminute" (round DD): 7."""
    stems = ORDINAL_STEMS.get(language, {})
    if not stems:
        return text
    pattern = "|".join(sorted(stems, key=len, reverse=True))
    return re.sub(
        rf"(?<![^\W\d_])({pattern}){ORDINAL_ENDINGS[language]}\s+(?=(?:Spiel)?[Mm]inute)",
        lambda m: f"{stems[_key(m[1])]} ",
        text,
        flags=re.IGNORECASE,
    )


def ordinal_values(text: str, language: str | None) -> list[float]:
    """The ordinals `text` writes in words in `language`, first to tenth ("il settimo inning":
    7): a translation's 「7回」 renders one, where the reader finds no figure."""
    stems = ORDINAL_STEMS.get(language or "", {})
    if not stems:
        return []
    pattern = "|".join(sorted(stems, key=len, reverse=True))
    ending = ORDINAL_ENDINGS[language or ""]
    found = re.finditer(rf"(?<![^\W\d_])({pattern}){ending}(?![^\W\d_])", text, re.IGNORECASE)
    return [float(stems[_key(m[1])]) for m in found]


# a thousand alone, as a reader's "mil vezes melhor" (「1000倍マシ」): no figure ("dos mil euros")
_THOUSAND = {"es": {"mil": 1000}, "pt": {"mil": 1000}, "it": {"mille": 1000}, "fr": {"mille": 1000}}


def cardinal_values(text: str, language: str | None) -> list[float]:
    """The numbers `text` writes in words in `language`, wherever they stand ("ne riaprono
    dieci": 10, with no unit after it for a figure to be read)."""
    words = {**NUMBER_WORDS.get(language or "", {}), **_THOUSAND.get(language or "", {})}
    return _valued(text, words)


def _valued(text: str, words: dict[str, int]) -> list[float]:
    """The values of the words of `text` that `words` holds."""
    return [float(words[w]) for w in re.findall(r"[^\W\d_]+", _key(text)) if w in words]


# Czech and Polish numbers in words, with their case forms ("před dvěma lety", "od prawie
# sześciu lat", "po pięćdziesiątce"): no language profile reads these comments, but a reader's
# number in words is one the translation may write in digits
_WEST_SLAVIC = {
    2: "dva dvě dvou dvěma dwa dwie dwóch dwoma", 3: "tři tří třem třemi trzy trzech trzema",
    4: "čtyři čtyř čtyřmi cztery czterech", 5: "pět pěti pięć pięciu",
    6: "šest šesti sześć sześciu", 7: "sedm sedmi siedem siedmiu", 8: "osm osmi osiem ośmiu",
    9: "devět devíti dziewięć dziewięciu", 10: "deset deseti dziesięć dziesięciu",
    12: "dvanáct dvanácti dwanaście dwunastu", 14: "čtrnáct čtrnácti czternaście czternastu",
    15: "patnáct patnácti piętnaście piętnastu", 20: "dvacet dvaceti dwadzieścia dwudziestu",
    30: "třicet třiceti trzydzieści trzydziestu", 50: "padesát padesáti pięćdziesiąt "
    "pięćdziesięciu pięćdziesiątka pięćdziesiątce pięćdziesiątkę", 100: "sto",
    1000: "tisíc tysiąc",
}  # fmt: skip
_WEST_SLAVIC_WORDS = {word: n for n, words in _WEST_SLAVIC.items() for word in words.split()}


def west_slavic_values(text: str) -> list[float]:
    """The numbers a Czech or Polish text writes in words (「14日間で5試合」 for "pět zápasů za
    čtrnáct dní")."""
    return _valued(text, _WEST_SLAVIC_WORDS)


def writes_figure(text: str, values: list[float], language: str | None) -> bool:
    """`writes_number` (in digits) for a text in `language`: "1,5 Milliarden" writes 1.5, not
    15; 3억 writes 3 ten-thousands squared, never 3 billion."""
    if language in CJK_FIGURES:
        return writes_number(text, values, words=False, scale=10_000)
    if language in DECIMAL_COMMA:
        text = as_english(text, language)
    return writes_number(text, values, words=False)


def as_english(sentence: str, language: str) -> str:
    """The sentence with its figures, dates, units and bounds in English forms."""
    text = centuries_as_english(unicodedata.normalize("NFKC", sentence), language)
    if language == "tr":
        text = turkish_figures(text)
    if language == "de":
        text = german_figures(text)
    text = _numeric_dates(text)
    text = grouped_numbers(text, language)
    text = _multiples(text, language)
    text = _words_as_figures(text, language)
    months = MONTHS.get(language)
    if months:
        text = _month_names(text, months)
    # the minute of a match as an ordinal: "in der 72. Minute", "73. dakikadan", "in der 72.‘"
    text = re.sub(r"(?<![\d.,])(\d{1,3})\.\s*(?=(?:Spiel)?[Mm]inute|dakika)", r"\1 ", text)
    text = _ordinal_minutes(text, language)  # … and in words, "in der siebten Spielminute"
    text = re.sub(r"(?<![\d.,])(\d{1,3})\.?[‘’'](?![\w’'])", r"\1 minutes", text)
    after = AFTER_NUMBER.get(language, {})
    for words, english in after.items():
        # after the number, or after its scale (1,5 млн рублей: 1.5 million rubles), or
        # joined to it in a compound (ein 30-Minuten-Takt: a 30-minute interval)
        pattern = (
            rf"(?<=\d)((?:\s+(?:thousand|million|billion|trillion))?)(?:\s*|-)(?:{words})"
            r"(?![^\W\d_])"
        )
        text = re.sub(pattern, rf"\1 {english}", text, flags=re.IGNORECASE)
    if language in RANGE:
        opening, joining = RANGE[language]
        text = re.sub(
            rf"(?<![^\W\d_])(?:(?:{opening})\s+)?(\d[\d.]*)\s+(?:{joining})\s+(?=\d)",
            r"\1 to ",
            text,
            flags=re.IGNORECASE,
        )
    for words, english in BEFORE_NUMBER.get(language, {}).items():
        pattern = rf"(?<![^\W\d_])(?:{words})(?=\s*\d)"
        text = re.sub(pattern, english, text, flags=re.IGNORECASE)
    if language in ("ru", "uk", "pl"):
        text = re.sub(r"(\d+)-(?:летн|річн|letni)\w*", r"\1-year-old", text)  # 53-летняя
    if language in ("es", "pt", "it"):
        # a match report's minute: "(0-1, min 6)", "(3-3, min, 38)", "en el minuto 16"
        text = re.sub(r"(?<![^\W\d_])(?:min\.?,?|minuto)\s*(\d{1,3})(?!\d)", r"\1 minutes", text)
    # "1 Jahr" became "1 years": the check quotes this text in its reasons
    return _ONE_UNIT.sub(r"\1", text)


_ONE_UNIT = re.compile(r"(?<![\d.,])(1 (?:year|month|week|day|hour|minute|second))s\b")


_SPAN_ADJECTIVE = {"jährig": "year", "monatig": "month", "wöchig": "week", "tägig": "day",
                   "stündig": "hour"}  # fmt: skip


def _span_adjectives(text: str) -> str:
    """German spans as adjectives: "eine weitere vierjährige Amtszeit" is a 4-year term,
    "Dreijährige Ausbildung" a 3-year one (「4年の任期」 had been a figure the source lacks,
    round CO); "ein 24-stündiger Streik" a 24-hour strike."""
    words = NUMBER_WORDS["de"]
    pattern = "|".join(sorted(words, key=len, reverse=True))

    def span(m: re.Match[str]) -> str:
        value = m[1] if m[1].isdigit() else str(words[_key(m[1])])
        unit = _SPAN_ADJECTIVE[_key(m[2])]
        # "der 51-Jährige", "ein 27-jähriger Norweger": an age too (「51歳」, round DA)
        return f"{value}-{unit}" + (f" ({value}-year-old)" if unit == "year" else "")

    return re.sub(
        rf"(?<![^\W\d_])({pattern}|\d+)-?({'|'.join(_SPAN_ADJECTIVE)})\w*",
        span,
        text,
        flags=re.IGNORECASE,
    )


def _multiples(text: str, language: str) -> str:
    """Multiples as English writes them: "um das drei- bis Fünffache" is threefold to
    fivefold, "verdoppelt" doubled (Hamburg's air freight: 「3倍から5倍」 had gone unfound)."""
    if language == "de":
        text = _span_adjectives(text)
        text = re.sub(
            r"(?<![^\W\d_])(zwei|drei|vier|fünf|zehn)(?:fach(?:e[nrs]?)?(?![^\W\d_])|-(?=\s+bis\s))",
            lambda m: f"{FOLD_NUMBERS[_key(m[1])]}fold",
            text,
            flags=re.IGNORECASE,
        )
        text = re.sub(r"(?<![^\W\d_])(\w+fold)\s+bis\s+", r"\1 to ", text)
    for words, english in MULTIPLE_VERBS.get(language, {}).items():
        text = re.sub(rf"(?<![^\W\d_])(?:{words})", english, text, flags=re.IGNORECASE)
    # "una decina di anni fa", "une dizaine d'années": about 10 years, the "of" dropped as
    # English drops it (「10年ほど前」 had been a figure the source lacks, round CM)
    return re.sub(r"\b(about \d+|a dozen)\s+(?:di|de|d['’]|du|des)\s*", r"\1 ", text)


def _aged(match: re.Match[str]) -> str:
    years = next(n for k, n in match.groupdict().items() if k.startswith("n") and n)
    return f"{match.group(0)} ({years}-year-old)"


def _words_as_figures(text: str, language: str) -> str:
    """Numerals in words as digits, a decade as "the 1960s", an age as "53-year-old", and
    the indefinite article before a scale or a unit as one ("eine Milliarde": 1 Milliarde)."""
    age = AGE.get(language)
    if age:  # before "53 Jahre" is read as a span of years
        text = re.sub(age, _aged, text, flags=re.IGNORECASE)
    decade = DECADES.get(language)
    if decade:  # (and a second one joined to it: "anni ’80 e ’90", not the year 1990)
        pattern = rf"{decade}(?:\s*(?:e|y|et|en|i|-|/)\s*['’]?(?P<t2>\d0)\b)?"
        text = re.sub(pattern, _decades, text, flags=re.IGNORECASE)
    # (an Italian decade only after "anni": "sessanta euro" is 60 euros)
    after = r"(?<=anni\s)" if language == "it" else r"(?<![^\W\d_])"
    for stem, tens in DECADE_WORDS.get(language, {}).items():
        text = re.sub(rf"{after}{stem}\w*", f"the 19{tens}s", text, flags=re.IGNORECASE)
    words = NUMBER_WORDS.get(language, {})
    text = _compound_numerals(text, language)
    if words:
        pattern = "|".join(sorted(words, key=len, reverse=True))
        text = re.sub(
            rf"(?<![^\W\d_])({pattern})(?![^\W\d_])(?=(?:\s+|-)[^\W\d_])",  # Zwei-Stunden-Takt
            lambda m: str(words[_key(m.group(1))]),
            text,
            flags=re.IGNORECASE,
        )
    for word, value in HALF_NUMBERS.items():  # zweieinhalb Monate: 2.5
        text = re.sub(rf"(?<![^\W\d_]){word}(?![^\W\d_])", f"{value:g}", text, flags=re.IGNORECASE)
    units = "|".join(AFTER_NUMBER.get(language, {}))
    between = BETWEEN.get(language)
    if between and units:  # 2 первых недели: 2 недели
        text = re.sub(
            rf"(?<=\d)\s+(?:{between})(?=\s+(?:{units})(?![^\W\d_]))", "", text, flags=re.IGNORECASE
        )
    half = HALF.get(language)
    if half and units:  # dois meses e meio: 2 months and a half
        text = re.sub(
            rf"(?<=\d)(\s+(?:{units}))\s+(?:{half})(?![^\W\d_])",
            r"\1 and a half",
            text,
            flags=re.IGNORECASE,
        )
    for word, value in UNIT_ONLY_NUMBERS.get(language, {}).items() if units else ():
        text = re.sub(  # "da sei anni": 6 years ("sei" is also "you are")
            rf"(?<![^\W\d_]){word}\s+(?=(?:{units})(?![^\W\d_]))", f"{value} ", text, flags=re.I
        )
    one = ONE.get(language)
    if one and units:
        text = re.sub(
            rf"(?<![^\W\d_])(?:{one})\s+(?=(?:{units})(?![^\W\d_]))",
            "1 ",
            text,
            flags=re.IGNORECASE,
        )
    return text


def _numeric_dates(text: str) -> str:
    """05.10.2018, 5/10/2018: day first, as these languages write it ("October 5, 2018"); and
    with dots, a two-digit year (Der Postillon's "Erstveröffentlichung: 4.4.18": 2018)."""

    def date(match: re.Match[str]) -> str:
        day, month, year = int(match["d"]), int(match["m"]), match["y"]
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return match.group(0)
        return f"{EN_MONTHS[month - 1]} {day}, {full_year(year)}"

    text = re.sub(
        r"(?<![\d.,/])(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>(?:19|20)\d\d)(?![\d])",
        date,
        text,
    )
    # not a section's number (Kapitel 4.4.18.2) nor a version (v1.2.10)
    return re.sub(
        r"(?<![\d.,/\w])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d\d)(?![\d]|\.\d)", date, text
    )


def _month_names(text: str, months: tuple[str, ...]) -> str:
    """12. September 2018, 5 de outubro de 2018, 12 сентября 2018 года → 12 September 2018; a
    run of days (12. bis 13. September) → September 12 to 13; a month named alone ("bis Mai",
    "em outubro") → in May, as English writes a month. Months are marked while the names are
    read (German "September" is the English word) and spelled in English at the end."""
    for n, names in enumerate(months):
        text = re.sub(
            # (and "entre le 3 et le 5 janvier", "del 1º al 3 de", round CU)
            rf"(?<![\d.])(\d{{1,2}})(?:er|º|°|o(?=\s))?\.?\s*(?:-|–|bis|au|al|a|e|y|und|et|и|по|до|"
            rf"hasta(?:\s+el)?|até(?:\s+ao)?)\s*(?:(?:le|el|il|lo|o)\s+)?(\d{{1,2}})"
            rf"(?:\.|º|°)?\s*(?:de\s+)?(?:{names})(?![^\W\d_])(?:\s+de(?=\s+\d))?",
            f"\ue000{n}\ue000 \\1 to \\2",
            text,
            flags=re.IGNORECASE,
        )
        text = re.sub(
            rf"(?<=\d)(?:\.|º|°|er)?\s*(?:de\s+)?(?:{names})(?![^\W\d_])(?:\s+de(?=\s+\d))?",
            f" \ue000{n}\ue000",
            text,
            flags=re.IGNORECASE,
        )
        text = re.sub(
            rf"(?<![^\W\d_])(?:{names})(?![^\W\d_])",
            f"in \ue000{n}\ue000",
            text,
            flags=re.IGNORECASE,
        )
    text = re.sub("\ue000(\\d+)\ue000", lambda m: EN_MONTHS[int(m.group(1))], text)
    return re.sub(r"(\d{4})\s+(?:года|г\.|року|р\.)", r"\1", text)


def _as_japanese(sentence: str, language: str) -> str:
    text = unicodedata.normalize("NFKC", sentence)
    if language == "zh":
        text = chinese_numerals(text)
        text = re.sub(r"(?<=\d)成", "割", text)  # 约3成: about 30%
        # "31 万注册": a space between half-width digits and the scale, as mixed text is set
        text = re.sub(r"(?<=\d)\s+(?=[万亿億兆])", "", text)
        text = re.sub(r"(?<=\d)[號号](?!\d)", "日", text)  # 10號: the 10th
        for chinese, japanese in CHINESE:
            text = text.replace(chinese, japanese)
        return text
    return _korean(text)


def _korean(text: str) -> str:
    native = "|".join(sorted(KOREAN_NATIVE, key=len, reverse=True))
    # 두 달 (two months), 세 명 (three people): native numerals before a counter
    text = re.sub(
        rf"(?<![가-힣])({native})\s+(?=달|명|번|살|시간|가지|개|곳|차례)",
        lambda m: f"{KOREAN_NATIVE[m.group(1)]}",
        text,
    )
    text = re.sub(r"(?<=\d)\s*달(?![가-힣])", "か月", text)
    for word, japanese in KOREAN_SPANS:  # 일주일만에: in a week
        text = text.replace(word, japanese)
    text = re.sub(r"약\s*(?=\d)", "約", text)
    text = re.sub(r"((?:제|법)\s*)(\d+)\s*조", r"\1\2条", text)  # 헌법 84조: Article 84
    for korean, japanese in KOREAN_UNITS:
        text = re.sub(rf"(?<=[\d万億兆千])\s*{korean}", japanese, text)
    # "한 시간 반쯤" (an hour and a half, round CY), "2년 반": the half joins the figure
    text = re.sub(
        r"(\d+)(時間|年|か月|週間|日|分)\s*반(?=쯤|정도|가량|동안|만에|이|의|[^가-힣]|$)",
        r"\1.5\2",
        text,
    )
    # Korean spacing parts a figure at each scale ("1억 5,700만 달러", "3만 5천 명"): one figure
    text = re.sub(r"(?<=\d[億兆万])\s+(?=\d)", "", text)
    for korean, japanese in KOREAN_BOUNDS:
        text = re.sub(
            rf"(?<=[\d人年月日歳個件台回%万億兆千ドル円ウォン])\s*{korean}", japanese, text
        )
    return text
