"""The words of other languages that the foreign reader turns into English (or Japanese) forms:
months, scales, units, bounds, numerals (drafter.lang.quantities.foreign)."""

from drafter.lang.quantities.polish import register as register_polish

# fmt: off
MONTHS: dict[str, tuple[str, ...]] = {  # January … December, the forms a date takes
    "de": ("januar|jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre|setiembre", "octubre", "noviembre", "diciembre"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "id": ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
           "september", "oktober", "november", "desember"),
    "ru": ("январ[ьяе]", "феврал[ьяе]", "март[аеу]?", "апрел[ьяе]", "ма[йяе]", "июн[ьяе]",
           "июл[ьяе]", "август[аеу]?", "сентябр[ьяе]", "октябр[ьяе]", "ноябр[ьяе]",
           "декабр[ьяе]"),
    "uk": ("січн[яі]", "лют(?:ого|ий)", "берез(?:ня|ень)", "квіт(?:ня|ень)", "травн[яі]|травень",
           "черв(?:ня|ень)", "лип(?:ня|ень)", "серп(?:ня|ень)", "верес(?:ня|ень)",
           "жовт(?:ня|ень)", "листопада?", "груд(?:ня|ень)"),
}
WEEKDAYS: dict[str, tuple[str, ...]] = {  # Monday … Sunday, the forms a weekday takes
    # and its time of day written on: "am Samstagabend", "Mittwochmorgen" (round DB)
    "de": tuple(f"(?:{d})(?:abend|morgen|vormittag|nachmittag|mittag|nacht)?" for d in (
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag|sonnabend",
        "sonntag")),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "it": ("lunedì|lunedi", "martedì|martedi", "mercoledì|mercoledi", "giovedì|giovedi",
           "venerdì|venerdi", "sabato", "domenica"),
    # segunda, terça… alone are also ordinals: only with -feira
    "pt": ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
           "sábado", "domingo"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    # Minggu (Sunday) is also minggu, a week: left out ("")
    "id": ("senin", "selasa", "rabu", "kamis", "jumat|jum'at", "sabtu", ""),
    "ru": ("понедельник[аеу]?", "вторник[аеу]?", "сред[аеуы]", "четверг[аеу]?", "пятниц[аеуы]",
           "суббот[аеуы]", "воскресень[еяю]"),
    "uk": ("понеділ(?:ок|ка|ку)", "вівтор(?:ок|ка|ку)", "серед[аиуі]", "четвер(?:га|гу)?",
           "п['’]ятниц[аеяюі]", "субот[аиуі]", "неділ[яюіе]"),
    "ko": ("월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"),
    "zh": ("星期一|周一|週一", "星期二|周二|週二", "星期三|周三|週三", "星期四|周四|週四",
           "星期五|周五|週五", "星期六|周六|週六", "星期[日天]|周日|週日"),
}
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
# words after a number, per language, and the English word the English reader knows
AFTER_NUMBER: dict[str, dict[str, str]] = {
    "de": {"tausend": "thousand", "mio\\.?": "million", "millionen": "million",
           "million": "million", "mrd\\.?": "billion", "milliarden?": "billion",
           "billionen?": "trillion", "prozent": "percent", "euro": "euros", "dollar": "dollars",
           "jahr(?:e|en|es)?": "years", "monat(?:e|en|s)?": "months", "wochen?": "weeks",
           "tag(?:e|en|es)?": "days", "stunden?": "hours", "(?:spiel)?minuten?": "minutes",
           "sekunden?": "seconds",
           "jahrzehnten?|jahrzehnte": "decades"},
    "fr": {"mille": "thousand", "millions?": "million", "milliards?": "billion",
           "pour cent": "percent", "euros?": "euros", "dollars?": "dollars",
           "ans|années?": "years", "mois": "months", "semaines?": "weeks", "jours?": "days",
           "heures?": "hours", "minutes?": "minutes", "secondes?": "seconds"},
    "es": {"mil millones": "billion", "mil": "thousand", "millón|millones": "million",
           "billón|billones": "trillion", "por ciento": "percent", "euros?": "euros",
           "dólar(?:es)?": "dollars", "años?": "years", "mes(?:es)?": "months",
           "semanas?": "weeks", "días?": "days", "horas?": "hours", "minutos?": "minutes",
           "segundos?": "seconds"},
    "it": {"mila": "thousand", "milion[ei]": "million", "miliard[io]": "billion",
           "per ?cento": "percent", "euro": "euros", "dollari": "dollars",
           "ann[io]": "years", "mes[ei]": "months", "settiman[ae]": "weeks",
           "giorn[io]": "days", "ore": "hours", "minut[io]": "minutes", "second[io]": "seconds"},
    "pt": {"mil milhões": "billion", "mil": "thousand", "milhão|milhões": "million",
           "bilhão|bilhões": "billion", "por cento": "percent", "euros?": "euros",
           "reais": "reais", "real": "reais", "dólar(?:es)?": "dollars", "anos?": "years",
           "mês|meses": "months", "semanas?": "weeks", "dias?": "days", "horas?": "hours",
           "minutos?": "minutes", "segundos?": "seconds"},
    "nl": {"duizend": "thousand", "miljoen": "million", "miljard": "billion",
           "procent": "percent", "euro": "euros", "dollar": "dollars", "jaar|jaren": "years",
           "maanden?": "months", "weken|week": "weeks", "dagen|dag": "days", "uur": "hours",
           "minuten|minuut": "minutes", "seconden|seconde": "seconds"},
    "id": {"ribu": "thousand", "juta": "million", "miliar": "billion", "triliun": "trillion",
           "persen": "percent", "dolar": "dollars", "tahun": "years", "bulan": "months",
           "minggu|pekan": "weeks", "hari": "days", "jam": "hours", "menit": "minutes",
           "detik": "seconds", "dekade": "decades"},
    "ru": {"тыс\\.?|тысяч[аи]?": "thousand", "млн\\.?|миллион(?:а|ов)?": "million",
           "млрд\\.?|миллиард(?:а|ов)?": "billion", "трлн\\.?|триллион(?:а|ов)?": "trillion",
           "процент(?:а|ов)?": "percent", "евро": "euros", "доллар(?:а|ов)?": "dollars",
           "рубл(?:ь|я|ей)": "rubles", "год(?:а|у)?|лет": "years",
           "месяц(?:а|ев)?": "months", "недел[ьияю]|недель": "weeks",
           "дн(?:я|ей)|день|сут(?:ок|ки)": "days", "час(?:а|ов)?": "hours",
           "минут[аы]?": "minutes", "секунд[аы]?": "seconds"},
}
# Ukrainian years and thousands ("три роки": three years, a reader's 「3年間」)
AFTER_NUMBER["uk"] = {**AFTER_NUMBER["ru"], "тисяч[аі]?": "thousand",
                      "мільйон\\w*": "million", "мільярд\\w*": "billion",
                      "рік|роки|років|року": "years"}
# bounds and approximations before a number
BEFORE_NUMBER: dict[str, dict[str, str]] = {
    "de": {"mehr als|über": "more than", "mindestens": "at least", "bis zu": "up to",
           "weniger als": "less than", "etwa|rund|ca\\.|circa|ungefähr": "about",
           "fast|knapp|beinahe": "nearly"},
    "fr": {"plus de": "more than", "au moins": "at least", "jusqu'à|jusqu’à": "up to",
           "moins de": "less than", "environ|quelque": "about", "près de|presque": "nearly"},
    "es": {"más de": "more than", "al menos|por lo menos": "at least", "hasta": "up to",
           "menos de": "less than", "unos|unas|alrededor de|aproximadamente": "about",
           "casi|cerca de": "nearly"},
    "it": {"oltre|più di": "more than", "almeno": "at least", "fino a": "up to",
           "meno di": "less than", "circa|intorno a": "about", "quasi": "nearly"},
    "pt": {"mais de": "more than", "pelo menos|no mínimo": "at least", "até": "up to",
           "menos de": "less than", "cerca de|aproximadamente|por volta de": "about",
           "quase": "nearly"},
    "nl": {"meer dan|ruim": "more than", "minstens|ten minste": "at least", "tot": "up to",
           "minder dan": "less than", "ongeveer|circa": "about", "bijna": "nearly"},
    "id": {"lebih dari": "more than", "setidaknya|sedikitnya|minimal": "at least",
           "hingga|sampai": "up to", "kurang dari": "less than",
           "sekitar|kira-kira": "about", "hampir": "nearly"},
    "ru": {"более|больше|свыше": "more than", "не менее|как минимум": "at least",
           "до": "up to", "менее|меньше": "less than", "около|примерно|порядка": "about",
           "почти": "nearly"},
}
BEFORE_NUMBER["uk"] = BEFORE_NUMBER["ru"]
# Korean writes figures as Japanese does, with its own units: read by the Japanese reader
KOREAN_UNITS = (  # scales first: 3억 원 is 3億ウォン; 천 first of them: 5천억 is 5千億
    ("천", "千"), ("만", "万"), ("억", "億"), ("조", "兆"),
    ("개월", "か月"), ("주일", "週間"), ("주간", "週間"), ("시간", "時間"), ("퍼센트", "%"),
    ("달러", "ドル"), ("유로", "ユーロ"), ("위안", "元"), ("엔", "円"), ("원", "ウォン"),
    ("년", "年"), ("월", "月"), ("일", "日"), ("명", "人"), ("세", "歳"), ("살", "歳"),
    ("위", "位"), ("배", "倍"), ("개", "個"), ("건", "件"), ("대", "台"), ("분", "分"),
    ("초", "秒"), ("주", "週間"), ("차례", "回"), ("번째", "回目"), ("번", "回"), ("곳", "カ所"),
)
KOREAN_BOUNDS = (
    ("이상", "以上"), ("이하", "以下"), ("미만", "未満"), ("초과", "超"), ("여", "余"),
    ("가량", "程度"), ("정도", "程度"), ("쯤", "ほど"),
)
# (이틀간: for two days, 「2日間」, not the 2nd of a month)
KOREAN_SPANS = (("일주일", "1週間"), ("하루", "1日"), ("이틀간", "2日間"), ("이틀", "2日"),
                ("사흘간", "3日間"), ("사흘", "3日"))
KOREAN_NATIVE = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8,
                  "아홉": 9, "열": 10}
CHINESE = (("亿", "億"), ("两", "二"), ("美元", "ドル"), ("欧元", "ユーロ"), ("韩元", "ウォン"),
            ("日元", "円"), ("个月", "か月"), ("小时", "時間"), ("岁", "歳"), ("约", "約"),
            ("周", "週間"), ("名", "人"), ("余", "余"), ("多", "余"),
            # 日活, 月活: daily and monthly active users, no span of days
            ("日活", "人"), ("月活", "人"),
            # 十个, 三个: a count (个月 is read first, as か月); 四站: four stops; 一百次: 100 times
            ("个", "個"), ("站", "駅"), ("次", "回"))
# fmt: on

# fmt: off
# numerals in words, two to twelve and the round tens: "dois dos cinco carros", "zehn Jahre".
# One is left out (it is the indefinite article in most of these languages: "ein", "un"),
# and so are words that are also common words (Italian "sei" is "you are", French "neuf" new)
NUMBER_WORDS: dict[str, dict[str, int]] = {
    "de": {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
           "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
           "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
           "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
           "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100, "tausend": 1000,
           # "die ersten beiden Meteoriten": the first two (「最初の2つ」)
           "beide": 2, "beiden": 2},
    "fr": {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
           "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
           "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
           "soixante": 60, "cent": 100},
    "es": {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
           "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
           "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
           "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
           "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100},
    "it": {"due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sette": 7, "otto": 8, "nove": 9,
           "dieci": 10, "undici": 11, "dodici": 12, "tredici": 13, "quattordici": 14,
           "quindici": 15, "sedici": 16, "diciassette": 17, "diciotto": 18, "diciannove": 19,
           "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "sessanta": 60,
           "settanta": 70, "ottanta": 80, "novanta": 90, "cento": 100,
           # "da duemila anni": for two thousand years (「2000年前から」)
           "duemila": 2000, "tremila": 3000, "cinquemila": 5000, "diecimila": 10000},
    "pt": {"dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7,
           "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12, "treze": 13, "catorze": 14,
           "quatorze": 14, "quinze": 15, "dezesseis": 16, "dezasseis": 16, "dezessete": 17,
           "dezassete": 17, "dezoito": 18, "dezenove": 19, "dezanove": 19, "vinte": 20,
           "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60, "setenta": 70,
           "oitenta": 80, "noventa": 90, "cem": 100},
    "nl": {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
           "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
           "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
           "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
           "zeventig": 70, "tachtig": 80, "negentig": 90, "honderd": 100},
    "id": {"dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
           "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000},
    "ru": {"два": 2, "две": 2, "двух": 2, "три": 3, "трёх": 3, "трех": 3, "четыре": 4,
           "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
           "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
           "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
           "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50,
           "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100},
}

# the units of a compound numeral ("sessenta e cinco", "sesenta y cinco", "soixante-cinq",
# "fünfundsechzig", "sessantacinque": 65), and how each language joins them to the tens
COMPOUND_UNITS = {
    "pt": {"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5,
           "seis": 6, "sete": 7, "oito": 8, "nove": 9},
    "es": {"uno": 1, "una": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
           "siete": 7, "ocho": 8, "nueve": 9},
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
           "huit": 8, "neuf": 9},
    "de": {"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
           "acht": 8, "neun": 9},
    "it": {"uno": 1, "due": 2, "tre": 3, "tré": 3, "quattro": 4, "cinque": 5, "sei": 6,
           "sette": 7, "otto": 8, "nove": 9},
}
COMPOUND_JOIN = {"pt": r"\s+e\s+", "es": r"\s+y\s+", "fr": r"-(?:et-)?|\s+et\s+"}
# ordinals in words, first to tenth, by their stems (settimo, septième, siebte, séptimo): "il
# settimo inning" is the 7th (「7回」). Not those that are other words too: the second (a unit
# of time in Spanish and Portuguese, "according to" in Italian), the Portuguese quarto (a room)
ORDINAL_STEMS: dict[str, dict[str, int]] = {
    "it": {"prim": 1, "terz": 3, "quart": 4, "quint": 5, "sest": 6, "settim": 7, "ottav": 8,
           "non": 9, "decim": 10},
    "es": {"primer": 1, "tercer": 3, "cuart": 4, "quint": 5, "sext": 6, "séptim": 7,
           "septim": 7, "octav": 8, "noven": 9, "décim": 10},
    "pt": {"primeir": 1, "terceir": 3, "quint": 5, "sext": 6, "sétim": 7, "oitav": 8,
           "non": 9, "décim": 10},
    "fr": {"premi": 1, "deuxièm": 2, "troisièm": 3, "quatrièm": 4, "cinquièm": 5,
           "sixièm": 6, "septièm": 7, "huitièm": 8, "neuvièm": 9, "dixièm": 10},
    "de": {"erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7,
           "siebent": 7, "neunt": 9, "zehnt": 10},  # (not acht: "achte darauf", pay heed)
}  # fmt: skip
# the endings each takes (settimo, settima, settimi; erste, ersten, erster, erstes)
ORDINAL_ENDINGS = {"it": "[oaie]", "es": "(?:o|a|os|as)?", "pt": "(?:o|a|os|as)",
                   "fr": "(?:e|es|er|ère|ères|ers)?", "de": "(?:e|en|er|es|em)"}  # fmt: skip
# number words that are other words too, read only before a unit: Italian "sei" (six, and "you
# are"): "da sei anni" is six years
UNIT_ONLY_NUMBERS: dict[str, dict[str, int]] = {"it": {"sei": 6}, "fr": {"neuf": 9}}
# the indefinite article before a scale or a unit: "eine Milliarde" (1 billion), "una
# settimana" (a week)
ONE: dict[str, str] = {
    "de": "ein|eine|einer|einem|einen|eines", "fr": "un|une", "es": "un|una|uno",
    "it": "un|una|uno|un'", "pt": "um|uma", "nl": "een|één", "id": "satu|se",
    "ru": "один|одна|одну",
}
# a decade by its tens: "anni '60", "60er Jahre", "anos 60", "années 60", "60-х" → the 1960s
# (with its century where it is written: "die 2000er", "в 2000-х", the 2000s, round DB)
DECADES: dict[str, str] = {
    "de": r"(?<!\d)(?P<c>1[89]|20)?(?P<t>\d0)er(?:[- ]Jahren?)?",
    "fr": r"années\s+['’]?(?P<t>\d0)\b",
    "es": r"años\s+['’]?(?P<t>\d0)\b", "it": r"anni\s+['’]?(?P<t>\d0)\b",
    "pt": r"anos\s+['’]?(?P<t>\d0)\b", "nl": r"jaren\s+['’]?(?P<t>\d0)\b",
    "id": r"tahun\s+(?P<c>1[89]|20)?(?P<t>\d0)-an\b",
    "ru": r"(?<!\d)(?P<c>1[89]|20)?(?P<t>\d0)-(?:х|е|ые)\b",
}
DECADE_WORDS: dict[str, dict[str, int]] = {  # "anni Ottanta", "восьмидесятых годах"
    "it": {"sessanta": 60, "settanta": 70, "ottanta": 80, "novanta": 90},
    "ru": {"шестидесят": 60, "семидесят": 70, "восьмидесят": 80, "девяност": 90},
}
# an age, which the English reader knows as "53-year-old": "Полине исполнилось 53 года",
# "im Alter von 53 Jahren", "ha 53 anni", "tem 53 anos", "a 53 ans"
AGE: dict[str, str] = {
    # and "27 Jahre alt", "der 27 Jahre alte Norweger" (round DA)
    "de": r"(?:(?:im Alter von|ist|wird|wurde)\s+(?P<n>\d+)(?![.,]\d)(?:\s+Jahren?)?(?:\s+alt)?"
    r"|(?P<n2>\d+)\s+Jahre\s+alt\w*)",
    # "découverte à 14 ans" (at 14; not "condamné à 14 ans de prison", "a 14 ans de carrière")
    "fr": r"(?:âgée?s? de|a|avait|aura|à)\s+(?P<n>\d+)\s+ans(?!\s+d(?:e\b|['’]))",
    # "uma criança de 6 anos", "un niño de 6 años": of that age (or a span: both are read)
    "es": r"(?:tiene|tenía|cumple|cumplió|a los|de)\s+(?P<n>\d+)\s+años",
    "it": r"(?:ha|aveva|compie|compiuto|all'età di|di)\s+(?P<n>\d+)\s+anni",
    "pt": r"(?:tem|tinha|completa|completou|aos|de)\s+(?P<n>\d+)\s+anos",
    "nl": r"(?:is|werd|wordt)\s+(?P<n>\d+)\s+jaar(?:\s+oud)?",
    "id": r"(?:berusia|berumur|usia)\s+(?P<n>\d+)(?:\s+tahun)?",
    "ru": r"(?:исполнил\w*|в возрасте|возраст\w*)\s+(?P<n>\d+)\s*(?:год\w*|лет)",
}
# Ukrainian numbers where they differ from Russian ("сім разів": seven times)
NUMBER_WORDS["uk"] = {**NUMBER_WORDS["ru"], "дві": 2, "чотири": 4, "п'ять": 5, "п’ять": 5,
                      "шість": 6, "сім": 7, "вісім": 8, "дев'ять": 9, "дев’ять": 9,
                      "двадцять": 20, "тридцять": 30}
# fmt: on
for _table in (ONE, DECADES, AGE):
    _table["uk"] = _table["ru"]
# "e meio" after a unit, or a number written with its half: "dois meses e meio" (2.5 months)
HALF: dict[str, str] = {
    "pt": r"e\s+mei[oa]",
    "es": r"y\s+medi[oa]",
    "it": r"e\s+mezz[oa]",
    "fr": r"et\s+demie?",
    "ru": r"с\s+половиной",
    "uk": r"з\s+половиною",
    "nl": r"en\s+een\s+half",
}
HALF_NUMBERS = {"anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "dreieinhalb": 3.5,
                "viereinhalb": 4.5, "fünfeinhalb": 5.5, "sechseinhalb": 6.5,
                "siebeneinhalb": 7.5, "achteinhalb": 8.5, "neuneinhalb": 9.5, "zehneinhalb": 10.5,
                "elfeinhalb": 11.5, "zwölfeinhalb": 12.5, "полтора": 1.5,
                "полторы": 1.5}  # fmt: skip
# an ordinal adjective a language puts between a number and its unit ("os 2 primeiros meses",
# "2 первых недели"): English puts it first, so it is dropped
BETWEEN: dict[str, str] = {
    "pt": r"primeir[oa]s|últim[oa]s|próxim[oa]s",
    "es": r"primer[oa]s|últim[oa]s|próxim[oa]s",
    "fr": r"premier(?:e)?s|derni(?:er|ère)s|prochaine?s",
    "ru": r"первы[хе]|последни[хе]|следующи[хе]|ближайши[хе]|прошедши[хе]",
}
BETWEEN["uk"] = BETWEEN["ru"]
# "zwischen drei und fünf Minuten", "de 3 à 5 minutes": a range, as "3 to 5 minutes" writes it;
# and "dos o tres años", "zwei oder drei Jahre", as "two or three years" is read (both in years)
RANGE: dict[str, tuple[str, str]] = {
    "de": ("zwischen", "und|bis|oder"),
    "fr": ("entre|de", "et|à|ou"),
    "es": ("entre|de", "y|a|o|u"),
    "it": ("tra|fra|da", "e|a|o"),
    "pt": ("entre|de", "e|a|ou"),
    "nl": ("tussen|van", "en|tot|of"),
    "id": ("antara", "dan|hingga|sampai|atau"),
    "ru": ("от|между", "до|и|или"),
    "uk": ("від|між", "до|і|або"),
}
# multiples and round counts, as English writes them ("twofold", "tripled", "about 10"): German
# das Dreifache, drei- bis Fünffache, verdoppelt; French triplé, le double, une dizaine;
# Spanish triplicó, una decena, una quincena (about 15); Italian raddoppiato; Portuguese duplicou
FOLD_NUMBERS = {"zwei": "two", "drei": "three", "vier": "four", "fünf": "five", "zehn": "ten"}
MULTIPLE_VERBS: dict[str, dict[str, str]] = {
    "de": {"verdoppel\\w*": "doubled", "verdreifach\\w*": "tripled",
           "vervierfach\\w*": "quadrupled", "das doppelte": "twice",
           "ein(?:em)? dutzend": "a dozen", "ein(?:em|en)? jahrzehnt": "a decade",
           "zweimal": "two times", "dreimal": "three times", "viermal": "four times",
           "fünfmal": "five times", "zehnmal": "ten times"},
    "fr": {"doublé\\w*": "doubled", "triplé\\w*": "tripled", "quadruplé\\w*": "quadrupled",
           "(?:le|du|au) double": "twice", "(?:une|la) dizaine": "about 10",
           "une vingtaine": "about 20",
           "une trentaine": "about 30", "une quarantaine": "about 40",
           "une cinquantaine": "about 50", "une centaine": "about 100",
           "une douzaine": "a dozen", "(?:une|la) quinzaine": "about 15",
           "une décennie": "a decade"},
    "es": {"duplic(?:ó|ad\\w*|aron)": "doubled", "triplic(?:ó|ad\\w*|aron)": "tripled",
           "el doble": "twice", "(?:una|la) decena": "about 10", "una veintena": "about 20",
           "un centenar": "about 100", "una docena": "a dozen", "una quincena": "about 15",
           "una treintena": "about 30", "una década": "a decade"},
    "it": {"raddoppiat\\w*": "doubled", "triplicat\\w*": "tripled", "il doppio": "twice",
           "(?:una|la) decina": "about 10", "una ventina": "about 20", "un centinaio": "about 100",
           "una dozzina": "a dozen", "una quindicina": "about 15", "una trentina": "about 30",
           "una cinquantina": "about 50", "un decennio": "a decade"},
    "pt": {"duplic(?:ou|ad\\w*|aram)": "doubled", "triplic(?:ou|ad\\w*|aram)": "tripled",
           "o dobro": "twice", "uma dezena": "about 10", "uma centena": "about 100",
           "uma dúzia": "a dozen", "uma quinzena": "about 15", "uma vintena": "about 20",
           "uma década": "a decade"},
    "nl": {"verdubbeld\\w*": "doubled", "een tiental": "about 10"},
}  # fmt: skip

# Turkish (Anadolu Agency's stories): "11 bin 37" is 11,037 (joined by turkish.py before these
# are read), "yüzde 5,7" 5.7 percent, "şubat ayı sonu" the end of February
MONTHS["tr"] = ("ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos",
                "eylül", "ekim", "kasım", "aralık")  # fmt: skip
# (Sunday only as "pazar günü": "pazar" alone is also a market)
WEEKDAYS["tr"] = ("pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi",
                  "pazar(?=\\s+gün)")  # fmt: skip
AFTER_NUMBER["tr"] = {"bin\\w*": "thousand", "milyon\\w*": "million", "milyar\\w*": "billion",
                      "trilyon\\w*": "trillion", "dolar": "dollars", "avro|euro": "euros",
                      # a unit takes its case: "900 dakikada" (in 900 minutes), "73. dakikadan"
                      "(?:yıl|sene)\\w*": "years", "ay": "months", "hafta\\w*": "weeks",
                      "gün\\w*": "days", "saat\\w*": "hours", "dakika\\w*": "minutes",
                      "saniye\\w*": "seconds"}  # fmt: skip
BEFORE_NUMBER["tr"] = {"yaklaşık|tahminen|yaklaşik": "about", "en az": "at least",
                       "en fazla": "up to"}  # fmt: skip
NUMBER_WORDS["tr"] = {"iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "yedi": 7, "sekiz": 8,
                      "dokuz": 9, "yirmi": 20, "otuz": 30, "kırk": 40, "elli": 50, "altmış": 60,
                      "yetmiş": 70, "seksen": 80, "doksan": 90}  # fmt: skip
UNIT_ONLY_NUMBERS["tr"] = {"on": 10}  # "on yıl": ten years ("on" alone may be English)
ONE["tr"] = "bir"
AGE["tr"] = r"(?P<n>\d+)\s+yaşında\w*"
MULTIPLE_VERBS["tr"] = {"iki kat\\w*": "twice", "üç kat\\w*": "three times"}
# ordinals, whole words ("üçüncü Antalya": third; 「3位」)
ORDINAL_STEMS["tr"] = {"birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4, "beşinci": 5,
                       "altıncı": 6, "yedinci": 7, "sekizinci": 8, "dokuzuncu": 9,
                       "onuncu": 10}  # fmt: skip
ORDINAL_ENDINGS["tr"] = ""

# Danish, Norwegian (Bokmål, Nynorsk) and Swedish (Sermitsiaq's "85 procent", "22.-27. januar
# 2025", "497 personer"): their figures are read so that a faithful draft's are found; the
# check does not read these languages otherwise (listed, never must-fix: grouping.NORDIC is
# left out of READ_LANGUAGES)
# fmt: off
MONTHS["da"] = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                "september", "oktober", "november", "december")
MONTHS["no"] = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
                "september", "oktober", "november", "desember")
MONTHS["sv"] = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                "september", "oktober", "november", "december")
# and their definite and genitive forms: "lørdagens angrep", Saturday's attack (round DA)
WEEKDAYS["da"] = WEEKDAYS["no"] = tuple(f"{d}(?:en|ens|s)?" for d in (
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"))
WEEKDAYS["sv"] = tuple(f"{d}(?:en|ens|s)?" for d in (
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"))
_NORDIC_SCALES = {"tusind|tusen": "thousand", "mio\\.?|millioner|million(?:er)?": "million",
                  "mia\\.?|mrd\\.?|milliarder?|miljard(?:er)?": "billion",
                  "procent|prosent|pct\\.?": "percent", "euro": "euros", "dollars?": "dollars",
                  "år(?:et|s)?": "years", "måneders|måneder|måned|månaders|månader|månad":
                  "months", "ugers|uger|uge|ukers|uker|uke|veckors|veckor|vecka": "weeks",
                  # the genitive of a compound: "to 14-timers økter", two 14-hour sessions
                  "dagers|dages|dagars|dage|dag|dager|dagar|døgn|dygn": "days",
                  "timers|timer|time|timmars|timmar|timme": "hours",
                  "minutters|minutter|minuters|minuter|minut": "minutes"}
AFTER_NUMBER["da"] = AFTER_NUMBER["no"] = AFTER_NUMBER["sv"] = _NORDIC_SCALES
BEFORE_NUMBER["da"] = {"mere end|over": "more than", "mindst": "at least", "op til": "up to",
                       "mindre end|under": "less than", "omkring|cirka|ca\\.": "about",
                       "næsten|knap": "nearly"}
BEFORE_NUMBER["no"] = {"mer enn|over": "more than", "minst": "at least", "opp til": "up to",
                       "mindre enn|under": "less than", "omkring|cirka|ca\\.|rundt": "about",
                       "nesten|knapt": "nearly"}
BEFORE_NUMBER["sv"] = {"mer än|över": "more than", "minst": "at least", "upp till": "up to",
                       "mindre än|under": "less than", "omkring|cirka|ca\\.|runt|ungefär": "about",
                       "nästan": "nearly"}
NUMBER_WORDS["da"] = {"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8,
                      "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "tyve": 20, "tredive": 30,
                      "hundrede": 100}
NUMBER_WORDS["no"] = {"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7,
                      "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "tjue": 20,
                      "tretti": 30, "førti": 40, "femti": 50, "hundre": 100}
NUMBER_WORDS["sv"] = {"två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
                      "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tjugo": 20, "trettio": 30,
                      "fyrtio": 40, "femtio": 50, "hundra": 100}
ONE["da"] = ONE["no"] = "en|et|ett|ei"
ONE["sv"] = "en|ett"
RANGE["da"] = ("mellem|fra", "og|til|eller")
RANGE["no"] = ("mellom|fra", "og|til|eller")
RANGE["sv"] = ("mellan|från", "och|till|eller")
AGE["da"] = AGE["no"] = AGE["sv"] = r"(?P<n>\d+)-åri\w*"  # en 37-årig kvinde
# fmt: on
for _norwegian in ("nb", "nn"):
    MONTHS[_norwegian], WEEKDAYS[_norwegian] = MONTHS["no"], WEEKDAYS["no"]
    AFTER_NUMBER[_norwegian], BEFORE_NUMBER[_norwegian] = AFTER_NUMBER["no"], BEFORE_NUMBER["no"]
    NUMBER_WORDS[_norwegian], RANGE[_norwegian] = NUMBER_WORDS["no"], RANGE["no"]
    ONE[_norwegian], AGE[_norwegian] = ONE["no"], AGE["no"]

# Vietnamese (a VnExpress reader's "5,6 ca trên 1 triệu dân", "100.000 dân", round DC): its
# scales, after the figure as in English, and its decimal comma (grouping.DECIMAL_COMMA). Read
# so that a faithful translation's figures are found; the language stays unread otherwise (no
# number words: listed, never must-fix)
AFTER_NUMBER["vi"] = {"nghìn|ngàn": "thousand", "triệu": "million", "tỷ|tỉ": "billion",
                      "phần trăm": "percent", "đô la|đô": "dollars"}  # fmt: skip
register_polish(globals())  # Polish, in a module of its own
