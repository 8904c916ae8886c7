"""Which language a source is written in, told offline from the scripts of its letters.

The scripts decide: kana marks Japanese (which drafter does not draft from), kanji without kana
Chinese, hangul Korean; within the Latin script, the share of each language's commonest words
(English, German, French, Spanish, Italian, Portuguese, Dutch, Indonesian, Turkish). A declared
language (front matter, the page's `lang`, trafilatura's guess) only names the language where
the letters and words cannot, within the script they show, and never overrides them: site
templates often carry a wrong `lang` (a German blog tagged `en`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

SAMPLE_CHARS = 100_000
MIN_LETTERS = 20  # fewer letters say nothing reliable about the language
# A kanji, kana or hangul character carries about as much as three Latin letters (translated
# news runs 2.5-3 times longer in English than in Chinese, Japanese or Korean).
DENSE_WEIGHT = 3
DENSE_LANGUAGES = frozenset({"ja", "zh", "ko"})
KANA_SHARE = 0.1  # Japanese prose is a third or more kana; Chinese has none

_SCRIPT_BY_NAME = {  # first word of a letter's Unicode name
    "LATIN": "latin",
    "CJK": "han",
    "IDEOGRAPHIC": "han",  # 々 〆
    "HIRAGANA": "kana",
    "KATAKANA": "kana",
    "HANGUL": "hangul",
    "CYRILLIC": "cyrillic",
    "GREEK": "greek",
    "ARABIC": "arabic",
    "HEBREW": "hebrew",
    "THAI": "thai",
    "DEVANAGARI": "devanagari",
}
_GROUP = {"han": "cjk", "kana": "cjk"}
_DENSE_GROUPS = ("cjk", "hangul")
_LANGUAGE_OF_GROUP = {"hangul": "ko", "greek": "el", "hebrew": "he", "thai": "th"}
_GROUP_OF_LANGUAGE = {
    **dict.fromkeys(("ja", "zh"), "cjk"),
    "ko": "hangul",
    **dict.fromkeys(("ru", "uk", "be", "bg", "mk", "kk", "ky", "mn", "tg"), "cyrillic"),
    "el": "greek",
    **dict.fromkeys(("ar", "fa", "ur", "ps"), "arabic"),
    **dict.fromkeys(("he", "yi"), "hebrew"),
    "th": "thai",
    **dict.fromkeys(("hi", "mr", "ne"), "devanagari"),
}
# The commonest short words of the Latin-script languages a news source is most often written
# in, and of its readers' comments (pronouns, "wenn", "porque"): the language whose words make
# up the largest share of the text names it.
# fmt: off
_LATIN_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "from",
        "with", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "it",
        "its", "this", "that", "these", "those", "he", "she", "they", "we", "said", "says",
        "will", "would", "not", "which", "who", "after", "than", "more", "about",
    }),
    "de": frozenset({
        "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "dem", "den", "des",
        "mit", "auf", "sich", "auch", "für", "von", "zu", "im", "wird", "werden", "sind", "wie",
        "bei", "nach", "aus", "noch", "oder", "aber", "wurde", "hat", "haben", "dass", "zum",
        # and a reader's ("Wenn drei Monate später jemand behauptet …"), none an English word
        "ich", "wir", "mir", "mich", "uns", "wenn", "weil", "dann", "schon", "nur", "doch",
        "nie", "immer", "etwas", "jemand", "kein", "keine", "kann", "muss", "gibt", "hätte",
        "wäre", "sie", "einem", "einer", "vom",
    }),
    "fr": frozenset({
        "le", "la", "les", "des", "du", "un", "une", "et", "est", "dans", "pour", "que", "qui",
        "sur", "pas", "par", "avec", "au", "aux", "ce", "cette", "sont", "ont", "il", "elle",
        "ne", "plus", "mais", "été", "leur", "selon", "comme",
        # (not the elided "j'", "c'", "qu'": English initials, "J. J. Abrams", read as them)
        "je", "tu", "nous", "vous", "ça", "très", "rien", "quand", "tout",
        "fait", "faut", "bien", "moi", "même", "encore", "déjà", "peut", "être",
    }),
    "es": frozenset({
        "el", "la", "los", "las", "del", "y", "en", "que", "un", "una", "por", "con", "para",
        "es", "se", "lo", "su", "sus", "al", "como", "más", "pero", "fue", "ha", "han", "este",
        "esta", "según", "también", "entre", "sobre",
        "yo", "muy", "porque", "pues", "eso", "esto", "hay", "tiene", "ya", "sí", "creo",
        "así", "todo", "todos", "cuando", "donde",
    }),
    "it": frozenset({
        "il", "lo", "la", "gli", "le", "di", "del", "della", "dei", "delle", "che", "e", "è",
        "un", "una", "per", "con", "non", "sono", "nel", "nella", "alla", "anche", "più",
        "come", "ma", "questo", "questa", "ha", "hanno", "stato", "dal", "dalla",
        "io", "cosa", "perché", "sempre", "poi", "molto", "tutto", "tutti", "già", "proprio",
        "fatto", "essere", "ci",
    }),
    "pt": frozenset({
        "o", "os", "a", "as", "do", "da", "dos", "das", "de", "e", "em", "no", "na", "nos",
        "nas", "um", "uma", "que", "para", "com", "não", "por", "foi", "são", "ao", "à", "pelo",
        "pela", "mais", "como", "mas", "seu", "sua", "também", "está",
        "eu", "você", "isso", "isto", "muito", "porque", "já", "tem", "aqui", "só", "ainda",
        "bem",
    }),
    "nl": frozenset({
        "de", "het", "een", "en", "van", "is", "niet", "dat", "die", "op", "te", "met", "voor",
        "zijn", "er", "aan", "ook", "bij", "naar", "wordt", "werd", "heeft", "hebben", "maar",
        "dit", "deze", "uit", "nog", "om",
        # and a reader's ("Vier jaar erbij dus tot 2029. Dan zit hij er…"), none an English or
        # a German word
        "ik", "jij", "je", "hij", "zij", "wij", "dus", "tot", "dan", "wel", "geen", "wat",
        "toch", "nou", "veel", "zou", "moet", "kan", "mijn", "hun", "waarom", "gewoon",
    }),
    "id": frozenset({
        "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "tidak", "ada",
        "dalam", "akan", "pada", "juga", "karena", "oleh", "atau", "sudah", "bisa", "mereka",
        "kami", "kita", "saat", "setelah", "tersebut", "adalah", "menjadi",
        # and a reader's everyday Indonesian ("pemerintah cuma nanggung RM1,662 juta"), none an
        # English word
        "kalau", "kalo", "tapi", "nggak", "gak", "enggak", "aja", "saja", "banget", "udah",
        "sih", "dong", "sama", "buat", "cuma", "bukan", "masih", "jadi", "harus", "lebih",
        "belum", "orang", "kayak", "gitu", "emang", "lagi", "sini", "mah", "katanya", "hampir",
        "pakai", "pemerintah", "hanya", "semua", "kenapa", "gimana", "ribu", "juta", "miliar",
    }),
    # languages told here but not read (no number words, months or units): Hindi in Latin
    # letters, as Indian readers write it ("Debut Test mein 3 aur 1, dono baar": both times,
    # 2), and Tagalog
    "hi": frozenset({
        "hai", "hain", "ka", "ki", "ko", "mein", "aur", "nahi", "nahin", "kya", "bhi", "tha",
        "thi", "se", "pe", "koi", "kuch", "kisi", "yaar", "toh", "ho", "hota", "hoga", "raha",
        "rahe", "gaya", "diya", "liya", "wala", "wale", "bhai", "sab", "bahut", "kyun", "kaun",
        "jab", "agar", "lekin", "abhi", "apne", "unka", "iska", "uska",
    }),
    # Turkish (an Anadolu story had its figures read as English: "11 bin 37" as 11 and 37),
    # none of them an English, German or Romance word
    "tr": frozenset({
        "ve", "bir", "bu", "ile", "için", "olarak", "olan", "daha", "çok", "gibi", "ise", "ama",
        "ancak", "sonra", "kadar", "göre", "olduğunu", "değil", "var", "yok", "ben", "sen",
        "biz", "şu", "ki", "bile", "hem", "veya", "tüm", "bütün", "yüzde", "ayı", "yılı",
        "yılında", "ilk", "artık", "şimdi", "neden", "nasıl", "çünkü", "zaten", "hiç", "bence",
        "abi", "kardeşim", "şey", "olur", "oldu", "ediyor", "etti", "bin", "milyon", "milyar",
    }),
    # Polish (a Rzeczpospolita reader's "wojna zaczęła się w marcu": March, 「3月」), none of
    # them an English, German, Romance or Turkish word
    "pl": frozenset({
        "się", "nie", "że", "jest", "jak", "ale", "już", "przez", "czy", "był", "była", "było",
        "są", "dla", "też", "tylko", "może", "który", "która", "które", "oraz", "jednak", "gdy",
        "tego", "jej", "ich", "mnie", "jego", "ze", "tak", "w", "z", "bo", "jeszcze", "bardzo",
        "można", "będzie", "został", "została", "po", "od", "za", "aby", "żeby", "teraz",
    }),
    "tl": frozenset({
        "ang", "ng", "sa", "mga", "ay", "hindi", "ko", "mo", "siya", "niya", "ito", "yung",
        "lang", "naman", "talaga", "po", "din", "rin", "kasi", "kung", "wala", "nga", "natin",
        "namin", "ako", "ikaw", "tayo", "sila",
    }),
}
# fmt: on
LATIN_SHARE = 0.12  # at least this share of the text's words are the language's common words


@lru_cache(maxsize=8192)
def _script(char: str) -> str:
    words = [w for w in re.split(r"[ -]", unicodedata.name(char, "")) if w]
    words = [w for w in words if w not in ("HALFWIDTH", "FULLWIDTH")]
    return _SCRIPT_BY_NAME.get(words[0], "other") if words else "other"


def script_counts(text: str) -> Counter[str]:
    """Letters of `text` (its first SAMPLE_CHARS characters) per script."""
    return Counter(_script(char) for char in text[:SAMPLE_CHARS] if char.isalpha())


def _dominant_group(counts: Counter[str]) -> str:
    groups: Counter[str] = Counter()
    for script, count in counts.items():
        group = _GROUP.get(script, script)
        groups[group] += count * (DENSE_WEIGHT if group in _DENSE_GROUPS else 1)
    return groups.most_common(1)[0][0]


def language_code(declared: str | None) -> str | None:
    """`en-US`, `EN`, `zh_Hant` → `en`, `en`, `zh`; None for anything that is not a code."""
    match = re.match(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$", declared or "")
    return match.group(1).lower() if match else None


def detect_language(text: str, declared: str | None = None) -> str | None:
    """ISO 639-1 code of the language `text` is written in, or None when it cannot be told."""
    counts = script_counts(text)
    code = language_code(declared)
    if sum(counts.values()) < MIN_LETTERS:
        return code
    group = _dominant_group(counts)
    if group == "cjk":
        japanese = counts["kana"] >= KANA_SHARE * (counts["kana"] + counts["han"])
        return "ja" if japanese else "zh"
    if group == "latin":
        if _vietnamese(text):
            return "vi"
        # a template's `lang="en"` on a German page: the words decide, the tag only when
        # they cannot (a language without a profile here)
        tagged = code if code and _GROUP_OF_LANGUAGE.get(code, "latin") == group else None
        return latin_language(text) or (None if _tag_unfounded(text, tagged) else tagged)
    if code and _GROUP_OF_LANGUAGE.get(code, "latin") == group:
        return code
    if group == "cyrillic":
        return _cyrillic_language(text)
    return _LANGUAGE_OF_GROUP.get(group)


# letters only Ukrainian, only Russian (and Belarusian, with its ў) writes of the Cyrillic
# languages read here: a Ukrainian reader's "за три роки" was read as English, its three years
# unread (round CZ). Counted, since a Russian text may name Київ
_UKRAINIAN, _RUSSIAN = frozenset("іїєґ"), frozenset("ыэё")


def writes_capitals(language: str | None) -> bool:
    """Whether a language's script tells names by capital letters (Latin, Cyrillic, Greek; not
    Korean, Chinese, Japanese, Arabic, Hebrew, Thai or Devanagari). Unknown: assumed it does."""
    return _GROUP_OF_LANGUAGE.get(language_code(language) or "", "latin") in (
        "latin",
        "cyrillic",
        "greek",
    )


def _cyrillic_language(text: str) -> str | None:
    """Russian, Ukrainian or Belarusian, told by the letters only it writes; None for another
    (Bulgarian, Serbian, Macedonian) or a text too short to show them."""
    lowered = text.casefold()
    ukrainian = sum(1 for c in lowered if c in _UKRAINIAN)
    russian = sum(1 for c in lowered if c in _RUSSIAN)
    if "ў" in lowered and ukrainian:
        return "be"
    if ukrainian != russian:
        return "uk" if ukrainian > russian else "ru"
    return None


# letters of Latin-script languages without a profile here (Czech ř ě ů, Polish ł ą ś,
# Hungarian ő, Turkish ğ ş ı, Romanian ș ț ă, Croatian đ, Baltic ė ū, Nordic å ø æ, West
# African ɔ ɛ ŋ as Krio writes them, Welsh ŵ ŷ): a text
# this dense with them is in one of those, whatever short words it shares with a profiled
# language ("4:1 na Ville a vyřazení…" has Portuguese's "a" and "na")
_UNPROFILED_LETTERS = frozenset("řěůťďňľĺŕłąęśźżćńőűğşıțșăđčšžėųūģķļņāēīåøæþðơưɔɛŋɲŵŷ")
UNPROFILED_SHARE = 0.01


# the scripts whose languages have readings here; Devanagari, Arabic, Greek, Hebrew, Thai… not
_READ_SCRIPTS = frozenset(("latin", "han", "kana", "hangul", "cyrillic"))


# a profiled language whose own letters are in the set above: Turkish ğ ş ı
_OWN_LETTERS = {"tr": frozenset("ğşı"), "pl": frozenset("łąęśźżćń")}


def unprofiled(text: str, own: frozenset[str] = frozenset()) -> bool:
    """Whether the text is dense with letters of a language without a profile (two or more,
    and 1% of its letters): of a Latin-script one ("Souček" in an English sentence is not) or
    of a script none is read in ("Motera stadium में 1 लाख लोग": the lakh is not read). `own`:
    letters not to count (a profiled language's own)."""
    sample = text[:SAMPLE_CHARS].lower()
    letters = sum(1 for c in sample if c.isalpha())
    found = sum(1 for c in sample if c in _UNPROFILED_LETTERS and c not in own)
    found += sum(n for script, n in script_counts(sample).items() if script not in _READ_SCRIPTS)
    return found >= 2 and found >= UNPROFILED_SHARE * letters


def latin_language(text: str) -> str | None:
    """The Latin-script language whose common words make up the largest share of `text`, or
    None when none reaches LATIN_SHARE, or the text is written in letters of a language
    without a profile."""
    sample = text[:SAMPLE_CHARS].lower()
    words = re.findall(r"[^\W\d_]+", sample)
    if len(words) < 10:
        return None
    shares = _shares(words)
    best = max(shares, key=lambda code: shares[code])
    if unprofiled(sample):
        # letters of a language without a profile tell against any, unless they are one
        # profiled language's own (Turkish ğ ş ı), which then needs only half the share of
        # common words: Turkish joins to its words what others write apart ("Afyon'dan
        # geçen biri olarak": 3 of 30 words in a reader's comment)
        for code, own in _OWN_LETTERS.items():
            if not unprofiled(sample, own) and shares[code] >= LATIN_SHARE / 2:
                return code
        return None
    return best if shares[best] >= LATIN_SHARE else None


TAG_WORDS = 40  # a text this long shows its language's common words…
TAG_SHARE = 0.01  # …at least this share of them (a box score's "Tolivert 25 points." has 1.7%)


# letters with a dot below or a hook above, and ơ ư: Vietnamese writes them, no other language
# read here does (a VnExpress reader's "100.000 dân" is 100,000 people, round DC)
_VIETNAMESE = frozenset("ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹơư")
VIETNAMESE_SHARE = 0.02


def _vietnamese(text: str) -> bool:
    """Whether a Latin-script text is Vietnamese: 2% of its letters, and three or more, are its
    own (an English story naming Nguyễn Phú Trọng is not)."""
    sample = text[:SAMPLE_CHARS].lower()
    letters = sum(1 for c in sample if c.isalpha())
    found = sum(1 for c in sample if c in _VIETNAMESE)
    return found >= 3 and found >= VIETNAMESE_SHARE * letters


def _tag_unfounded(text: str, tagged: str | None) -> bool:
    """Whether a declared language with a profile here is belied by the words: a text of
    TAG_WORDS words or more with almost none of its common words (an isiZulu or Swahili story
    on a site whose template says `lang="en"`, round DC: none of 262 words) is in a language
    without a profile."""
    if tagged not in _LATIN_WORDS:
        return False
    words = re.findall(r"[^\W\d_]+", text[:SAMPLE_CHARS].lower())
    return len(words) >= TAG_WORDS and _shares(words)[tagged] < TAG_SHARE


def _shares(words: list[str]) -> dict[str, float]:
    return {
        code: sum(1 for word in words if word in common) / len(words)
        for code, common in _LATIN_WORDS.items()
    }
