"""Tables of names whose spellings cannot be heard from each other: countries as Japanese
writes them and as English sources name them (オランダ, Dutch), Chinese and Korean surnames in
kanji and in romanisation (劉, Liu). Data only; lang/names.py reads them."""

from __future__ import annotations

import re

from drafter.lang.exonyms_foreign import foreign_forms

# "anglican": 英国国教会, the Church of England
_BRITAIN = ("britain", "british", "brit", "brits", "u.k.", "uk", "united kingdom", "england",
            "london", "anglican", "briton", "britons", "englishman", "englishwoman",
            "englishmen", "pom", "poms", "pommy", "pommies")  # fmt: skip

# Katakana names of countries and regions whose English names sound nothing like them, with
# the words (name, adjective, capital) a source uses for them.
EXONYMS: dict[str, tuple[str, ...]] = {
    "オランダ": (
        "netherlands",
        "dutch",
        "holland",
        "amsterdam",
        "the hague",
        "dutchman",
        "dutchwoman",
        "dutchmen",
    ),
    "ドイツ": ("germany", "german", "berlin"),
    "イギリス": _BRITAIN,
    "アメリカ": ("america", "american", "u.s.", "us", "united states", "washington"),
    "スイス": ("switzerland", "swiss", "geneva", "zurich", "bern"),
    "ギリシャ": ("greece", "greek", "athens"),
    "トルコ": ("turkey", "turkish", "türkiye", "ankara", "istanbul"),
    "スペイン": ("spain", "spanish", "madrid"),
    "デンマーク": ("denmark", "danish", "copenhagen"),
    "スウェーデン": ("sweden", "swedish", "stockholm"),
    "ノルウェー": ("norway", "norwegian", "oslo"),
    "フィンランド": ("finland", "finnish", "helsinki"),
    "ポーランド": ("poland", "polish", "warsaw"),
    "ハンガリー": ("hungary", "hungarian", "budapest"),
    "チェコ": ("czech", "prague"),
    "オーストリア": ("austria", "austrian", "vienna"),
    "ベルギー": ("belgium", "belgian", "brussels"),
    # (and its people as English names them: "fiery Frenchman Corentin Moutet", round CO)
    "フランス": ("france", "french", "paris", "frenchman", "frenchwoman", "frenchmen"),
    "イタリア": ("italy", "italian", "rome"),
    "ロシア": ("russia", "russian", "moscow", "kremlin"),
    "ウクライナ": ("ukraine", "ukrainian", "kyiv", "kiev"),
    # the capital itself, as English, German, French and Dutch write it
    "キーウ": ("kyiv", "kiev", "kyivan", "kiew", "kyïv", "kijev"),
    "ベラルーシ": ("belarus", "belarusian", "minsk"),
    "ジョージア": ("georgia", "georgian", "tbilisi"),
    "オーストラリア": ("australia", "australian", "australians", "aussie", "aussies", "canberra"),
    "ニュージーランド": ("new zealand", "nz", "kiwi", "kiwis", "wellington"),
    "カナダ": ("canada", "canadian", "canadians", "ottawa"),
    "フィリピン": ("philippines", "philippine", "filipino", "manila"),
    "ベトナム": ("vietnam", "vietnamese", "hanoi"),
    "タイ": ("thailand", "thai", "bangkok"),
    "インド": ("india", "indian", "new delhi", "delhi"),
    "イラン": ("iran", "iranian", "tehran"),
    "イラク": ("iraq", "iraqi", "baghdad"),
    "イスラエル": ("israel", "israeli", "jerusalem", "tel aviv"),
    "パレスチナ": ("palestine", "palestinian"),
    "サウジアラビア": ("saudi", "riyadh"),
    "エジプト": ("egypt", "egyptian", "cairo"),
    "アフガニスタン": ("afghanistan", "afghan", "kabul"),
    # and those whose people or adjective the name does not make (Scotland, Scottish)
    "スコットランド": (
        "scotland",
        "scottish",
        "scots",
        "scot",
        "edinburgh",
        "glasgow",
        "scotsman",
        "scotswoman",
    ),
    "ウェールズ": ("wales", "welsh", "cardiff"),
    "アイルランド": ("ireland", "irish", "dublin", "irishman", "irishwoman"),
    "イングランド": ("england", "english"),
    "ポルトガル": ("portugal", "portuguese", "lisbon"),
    "ペルー": ("peru", "peruvian", "lima"),
    "レバノン": ("lebanon", "lebanese", "beirut"),
    "モロッコ": ("morocco", "moroccan", "rabat"),
    "アイスランド": ("iceland", "icelandic", "reykjavik"),
    "キプロス": ("cyprus", "cypriot", "nicosia"),
    "コンゴ": ("congo", "congolese", "kinshasa"),
    "ミャンマー": ("myanmar", "burma", "burmese"),
    "ラオス": ("laos", "lao", "laotian"),
    "カザフスタン": ("kazakhstan", "kazakh"),
    "ウズベキスタン": ("uzbekistan", "uzbek"),
    "マダガスカル": ("madagascar", "malagasy"),
    "メキシコ": ("mexico", "mexican"),
    "ブラジル": ("brazil", "brazilian", "brasilia"),
    "アルゼンチン": ("argentina", "argentine", "argentinian", "buenos aires"),
    "ボリビア": ("bolivia", "bolivian", "la paz"),
    "パラグアイ": ("paraguay", "paraguayan", "paraguayo", "paraguaya", "asunción"),
    "ウルグアイ": ("uruguay", "uruguayan", "uruguayo", "uruguaya", "montevideo"),
    "ヨーロッパ": ("europe", "european", "eu"),
    "アジア": ("asia", "asian"),
    "アフリカ": ("africa", "african"),
    # and the peoples of southern Africa, named by their own prefixes (a Mosotho, the Basotho)
    "レソト": ("lesotho", "basotho", "mosotho", "sesotho", "maseru"),
    "ボツワナ": ("botswana", "batswana", "motswana", "setswana", "gaborone"),
    "エスワティニ": ("eswatini", "swazi", "swazis", "swaziland", "mbabane"),
    # cities by the names their people call them ("Joburg is where policy goes to die", "It
    # was North Philly in 1987")
    "ワシントン": ("washington", "d.c.", "dc"),
    "ニューヨーク": ("new york", "nyc", "big apple"),
    "ロサンゼルス": ("los angeles",),
    "フィラデルフィア": ("philadelphia", "philly"),
    "シカゴ": ("chicago", "chi-town"),
    "ニューオーリンズ": ("new orleans", "nola"),
    "ヨハネスブルグ": ("johannesburg", "joburg", "jozi", "egoli"),
    "ヨハネスブルク": ("johannesburg", "joburg", "jozi", "egoli"),
    "サンフランシスコ": ("san francisco", "frisco", "san fran"),
    "サンディエゴ": ("san diego",),
    "シエラネバダ": ("sierra nevada",),
    "ニュージャージー": ("new jersey",),
    "ニューデリー": ("new delhi",),
    "ラスベガス": ("las vegas", "vegas"),
    "ブエノスアイレス": ("buenos aires",),
    "ラパス": ("la paz",),
    "ハーグ": ("hague",),
    "ハリウッド": ("hollywood",),
    "クネセト": ("knesset", "mk", "mks"),  # "MK Naftali Bennett": a member of the Knesset
    "ブカレスト": ("bucharest",),
    "プノンペン": ("phnom penh",),
    "ホワイトハウス": (
        "white house",
        "casa bianca",
        "maison blanche",
        "casa blanca",
        "weißen haus",
        "weisse haus",
        "weißes haus",
        "casa branca",
        "witte huis",
    ),
    "ペンタゴン": ("pentagon",),
    # the Games, as Japanese news names them
    "五輪": ("olympics", "olympic", "olympic games"),
    # Britain's prime minister's office by its address (a Japanese one's is named the same)
    "首相官邸": ("downing street", "no 10", "no. 10", "number 10", "kantei"),
    # and in kanji, as a translation writes them (中国人 for "the Chinese")
    "中国": ("china", "chinese", "beijing", "prc"),
    "日本": ("japan", "japanese", "tokyo"),
    "韓国": ("south korea", "korea", "korean", "seoul"),
    "北朝鮮": ("north korea", "dprk", "pyongyang"),
    "米国": ("u.s.", "us", "usa", "america", "american", "united states", "washington"),
    "英国": _BRITAIN,
    "台湾": ("taiwan", "taiwanese", "taipei"),
    "香港": ("hong kong",),
    "欧州": ("europe", "european", "eu"),
    # bodies a translation names in kanji (共和党 for "the Republicans", 上院 for "the Senate")
    "共和党": ("republican", "republicans", "gop"),
    "民主党": ("democrat", "democrats", "dems", "democratic party"),
    "保守党": ("tory", "tories", "conservative", "conservatives"),
    "労働党": ("labour", "labor party"),
    "国連": ("un", "u.n.", "united nations"),
    "上院": ("senate", "senator", "senators"),
    "下院": ("house", "congressman", "congresswoman"),
    "議会": (
        "congress",
        "parliament",
        "congreso",
        "congrès",
        "kongress",
        "congresso",
        "parlamento",
        "parlement",
        "parlament",
    ),
    "米議会": ("congress", "capitol hill", "congreso", "congrès", "kongress", "congresso"),
    "最高裁": ("supreme court", "scotus"),
}


# The Earth and the Sun, which a comment in French or German writes with a capital (la Terre,
# die Sonne) and a translation as common words: for comments only; a claim's 地球 is still held
# to the sentence it rests on, as any name of the glossary
CELESTIAL: dict[str, tuple[str, ...]] = {
    "地球": ("earth", "erde", "terre", "tierra", "terra", "aarde", "bumi"),
    "太陽": ("sun", "sonne", "soleil", "sol", "sole", "zon", "matahari"),
}


# Chinese and Korean surnames as Japanese writes them (in kanji) and as English sources spell
# them (pinyin, Cantonese, Korean romanisations): 劉 is read リュウ in Japanese, Liu in the source.
CJK_SURNAMES: dict[str, tuple[str, ...]] = {
    "王": ("wang", "wong", "ong"), "李": ("li", "lee", "lei", "yi", "rhee"),
    "張": ("zhang", "cheung", "chang"), "劉": ("liu", "lau", "lao", "yoo"),
    "陳": ("chen", "chan", "tan"), "楊": ("yang", "yeung", "yeo"), "黄": ("huang", "wong"),
    "趙": ("zhao", "chiu", "cho"), "周": ("zhou", "chow", "chau", "chu"),
    "呉": ("wu", "ng", "goh", "oh"), "林": ("lin", "lam", "lim"), "習": ("xi",),
    "徐": ("xu", "tsui", "chui", "seo", "suh"), "孫": ("sun", "suen"), "馬": ("ma", "mah"),
    "胡": ("hu", "woo"), "郭": ("guo", "kwok", "kuo"), "何": ("he", "ho"),
    "高": ("gao", "ko", "ko"), "羅": ("luo", "law", "lo"), "梁": ("liang", "leung"),
    "謝": ("xie", "tse", "hsieh"), "韓": ("han",), "曹": ("cao", "tso"),
    "許": ("xu", "hui", "hsu", "heo", "hur"), "鄧": ("deng", "tang", "teng"),
    "蔡": ("cai", "tsai", "choi", "choy"), "潘": ("pan", "poon"), "彭": ("peng", "pang"),
    "袁": ("yuan", "yuen"), "蒋": ("jiang", "chiang"), "蔣": ("jiang", "chiang"),
    "葉": ("ye", "yip", "yeh"), "范": ("fan",), "汪": ("wang",), "杜": ("du", "to"),
    "江": ("jiang", "kong"), "魏": ("wei", "ngai"), "石": ("shi", "shek"),
    "洪": ("hong", "hung"), "沈": ("shen", "shum", "sim"), "丁": ("ding", "ting"),
    "盧": ("lu", "lo", "roh", "noh"), "温": ("wen", "wan"), "薄": ("bo",),
    "金": ("kim", "jin", "kam"), "朴": ("park", "pak", "bak"), "崔": ("choi", "cui", "chey"),
    "鄭": ("zheng", "cheng", "jeong", "chung", "jung"), "文": ("moon", "wen", "man"),
    "尹": ("yoon", "yin", "wan"), "姜": ("kang", "jiang"), "康": ("kang",),
    "曾": ("zeng", "tsang"), "蕭": ("xiao", "siu"), "邱": ("qiu", "yau", "khoo"),
    "任": ("ren", "yam"), "安": ("ahn", "an"), "柳": ("yoo", "ryu", "liu"),
    "宋": ("song", "sung"), "成": ("sung", "cheng", "seong"), "黎": ("li", "lai", "le"),
    "賴": ("lai",), "頼": ("lai",), "廖": ("liao", "liu"), "董": ("dong", "tung"),
    "莫": ("mo", "mok"), "麦": ("mai", "mak"), "胡錦": ("hu",), "毛": ("mao",),
    "鄧小": ("deng",), "林鄭": ("lam",), "岑": ("cen", "sham"), "鍾": ("zhong", "chung"),
}  # fmt: skip


# US states as Japanese writes them, with how a source shortens them: the AP abbreviation
# ("Calif.") and the postal code a party tag carries ("R-Texas", "(D-MA)"). A draft that writes
# カリフォルニア州 for "Rep. Darrell Issa, R-Calif." names a state the source names.
_US_STATES = (
    ("アラバマ", "alabama", "ala.", "al"), ("アラスカ", "alaska", "", "ak"),
    ("アリゾナ", "arizona", "ariz.", "az"), ("アーカンソー", "arkansas", "ark.", "ar"),
    ("カリフォルニア", "california", "calif.", "ca"), ("コロラド", "colorado", "colo.", "co"),
    ("コネティカット", "connecticut", "conn.", "ct"), ("デラウェア", "delaware", "del.", "de"),
    ("フロリダ", "florida", "fla.", "fl"), ("ハワイ", "hawaii", "", "hi"),
    ("アイダホ", "idaho", "", "id"), ("イリノイ", "illinois", "ill.", "il"),
    ("インディアナ", "indiana", "ind.", "in"), ("アイオワ", "iowa", "", "ia"),
    ("カンザス", "kansas", "kan.", "ks"), ("ケンタッキー", "kentucky", "ky.", "ky"),
    ("ルイジアナ", "louisiana", "la.", "la"), ("メーン", "maine", "", "me"),
    ("メイン", "maine", "", "me"), ("メリーランド", "maryland", "md.", "md"),
    ("マサチューセッツ", "massachusetts", "mass.", "ma"), ("ミシガン", "michigan", "mich.", "mi"),
    ("ミネソタ", "minnesota", "minn.", "mn"), ("ミシシッピ", "mississippi", "miss.", "ms"),
    ("ミズーリ", "missouri", "mo.", "mo"), ("モンタナ", "montana", "mont.", "mt"),
    ("ネブラスカ", "nebraska", "neb.", "ne"), ("ネバダ", "nevada", "nev.", "nv"),
    ("ニューハンプシャー", "new hampshire", "n.h.", "nh"),
    ("ニュージャージー", "new jersey", "n.j.", "nj"),
    ("ニューメキシコ", "new mexico", "n.m.", "nm"), ("ニューヨーク", "new york", "n.y.", "ny"),
    ("ノースカロライナ", "north carolina", "n.c.", "nc"),
    ("ノースダコタ", "north dakota", "n.d.", "nd"), ("オハイオ", "ohio", "", "oh"),
    ("オクラホマ", "oklahoma", "okla.", "ok"), ("オレゴン", "oregon", "ore.", "or"),
    ("ペンシルベニア", "pennsylvania", "pa.", "pa"),
    ("ロードアイランド", "rhode island", "r.i.", "ri"),
    ("サウスカロライナ", "south carolina", "s.c.", "sc"),
    ("サウスダコタ", "south dakota", "s.d.", "sd"), ("テネシー", "tennessee", "tenn.", "tn"),
    ("テキサス", "texas", "", "tx"), ("ユタ", "utah", "", "ut"),
    ("バーモント", "vermont", "vt.", "vt"), ("バージニア", "virginia", "va.", "va"),
    ("ウェストバージニア", "west virginia", "w.va.", "wv"),
    ("ウィスコンシン", "wisconsin", "wis.", "wi"), ("ワイオミング", "wyoming", "wyo.", "wy"),
    ("ワシントン", "washington", "wash.", "wa"), ("ジョージア", "georgia", "ga.", "ga"),
)  # fmt: skip
# The postal code alone is an English word too often (IN, OR, ME): only inside a party tag, or
# after a town's comma ("Gladstone, NJ") for the codes no English word spells.
_WORDS_TOO = {"al", "co", "de", "ga", "hi", "ia", "id", "in", "la", "ma", "me", "mo", "oh", "ok",
              "or", "pa"}  # fmt: skip
US_STATE_FORMS: dict[str, tuple[str, ...]] = {
    name: tuple(f for f in (name, abbreviation) if f)
    + tuple(f"{p}-{code}" for p in "dri")
    + (() if code in _WORDS_TOO else (f", {code}",))
    for _, name, abbreviation, code in _US_STATES
}
for _katakana, _name, _abbreviation, _code in _US_STATES:
    EXONYMS[_katakana] = tuple(dict.fromkeys((*EXONYMS.get(_katakana, ()), *US_STATE_FORMS[_name])))
# … and as sources and comments in other languages name them (Frankreich, России, 미국)
for _katakana, _forms in foreign_forms().items():
    EXONYMS[_katakana] = tuple(dict.fromkeys((*EXONYMS.get(_katakana, ()), *_forms)))

# Everyday clipped words and web slang the dictionary (unidic-lite) does not know, which a
# casual translation uses all the time: common nouns, not names (a brand's clipping such as
# スタバ or インスタ stays a name).
COLLOQUIAL_KATAKANA = frozenset(
    {"スマホ", "コスパ", "タイパ", "ガラケー", "ユーチューバー", "インフルエンサー", "ネトウヨ",
     "アプデ", "ググ", "エモ", "ガチ", "メタバース", "ステマ", "コンプラ", "ドラレコ", "パワハラ",
     "セクハラ", "モラハラ", "カスハラ", "リモワ", "サブスク", "バズ", "ワンチャン", "ドタキャン"}
)  # fmt: skip

# Every English form of the tables above: a place or body, never a person ("Tel Aviv").
KNOWN_FORMS = frozenset(form for forms in EXONYMS.values() for form in forms)


def acronym_named(target: str, text: str) -> bool:
    """Whether `text` names the country or body `target` (国連, 米国, 欧州連合) by an acronym of
    its table, in capitals and as a word or a compound's head: a German sentence's
    "UN-Botschafter" or "US-Militäreinsatz" names 国連 and 米国 as its "Vereinte Nationen" does
    (round DF: four of one draft's items to verify). Only in capitals: "un", "us" are words."""
    acronyms = {
        f.replace(".", "").upper() for f in EXONYMS.get(target, ()) if len(f.replace(".", "")) <= 4
    }
    return any(
        re.search(rf"(?<![A-Za-z]){a}(?![a-z])", text)
        for a in acronyms
        if a.isalpha() and len(a) >= 2
    )


# the country of an outlet's country-code domain, as a Japanese news headline names it (独
# シュピーゲル誌, 「ドイツのノルトライン・ヴェストファーレン州」): a WDR story need not say
# "Deutschland" for a draft to (rounds CZ–DF: eight countries listed as names the source lacks)
_DOMAIN_COUNTRY = {
    "de": "ドイツ", "at": "オーストリア", "ch": "スイス", "li": "リヒテンシュタイン",
    "be": "ベルギー", "nl": "オランダ", "lu": "ルクセンブルク", "dk": "デンマーク",
    "no": "ノルウェー", "se": "スウェーデン", "fi": "フィンランド", "is": "アイスランド",
    "fr": "フランス", "es": "スペイン", "it": "イタリア", "pt": "ポルトガル", "ie": "アイルランド",
    "pl": "ポーランド", "cz": "チェコ", "sk": "スロバキア", "hu": "ハンガリー", "ro": "ルーマニア",
    "gr": "ギリシャ", "lt": "リトアニア", "lv": "ラトビア", "ee": "エストニア", "ua": "ウクライナ",
    "ru": "ロシア", "tr": "トルコ", "il": "イスラエル", "lb": "レバノン", "eg": "エジプト",
    "in": "インド", "pk": "パキスタン", "vn": "ベトナム", "th": "タイ", "my": "マレーシア",
    "sg": "シンガポール", "id": "インドネシア", "ph": "フィリピン", "kr": "韓国", "tw": "台湾",
    "cn": "中国", "au": "オーストラリア", "nz": "ニュージーランド", "ca": "カナダ",
    "mx": "メキシコ", "br": "ブラジル", "ar": "アルゼンチン", "py": "パラグアイ",
    "za": "南アフリカ", "na": "ナミビア", "ng": "ナイジェリア", "ke": "ケニア", "tz": "タンザニア",
    "uk": "英国",
}  # fmt: skip
_COUNTRY_FORMS = {"英国": ("英国", "イギリス")}


def outlet_countries(url: str | None) -> set[str]:
    """The Japanese names of the country an outlet's address names by its country-code domain
    (www.wdr.de: ドイツ; 9news.com.au: オーストラリア); none for .com, .org, .eu."""
    host = re.sub(r"^[a-z]+://", "", (url or "").casefold()).split("/")[0].split(":")[0]
    country = _DOMAIN_COUNTRY.get(host.rsplit(".", 1)[-1]) if "." in host else None
    return set(_COUNTRY_FORMS.get(country, (country,))) if country else set()
