"""Countries and regions as sources in other languages name them (Frankreich, française,
Estados Unidos, России, 미국, 法国): the forms a draft's フランス or 米国 stands for in a German,
French, Spanish, Italian, Portuguese, Dutch, Indonesian, Russian, Ukrainian, Czech, Polish,
Korean or Chinese source or comment. Data only; name_tables.py joins them to the English forms.

Written casefolded (ß as ss too, since text is casefolded before it is compared); Russian and
Ukrainian nouns and adjectives are given once and declined here (России, Россию, российского).
"""

from __future__ import annotations

# the Latin-script forms: German, French, Spanish, Italian, Portuguese, Dutch, Indonesian
_LATIN: dict[str, str] = {
    "ドイツ": "deutschland, deutsch, deutsche, deutschen, deutscher, allemagne,"
    " allemand, allemande, allemands, alemania, alemán, alemana, alemanes,"
    " germania, tedesco, tedesca, tedeschi, alemanha, alemão, alemã, alemães,"
    " duitsland, duits, duitse, jerman",
    "フランス": "frankreich, französisch, französische, französischen, franzosen,"
    " franzose, franzoesisch, français, française, françaises, francais,"
    " francaise, francia, francés, francesa, franceses, francese, francesi,"
    " frança, francês, frankrijk, frans, franse, prancis",
    "イギリス": "großbritannien, grossbritannien, britisch, britische, britischen,"
    " royaume-uni, britannique, britanniques, angleterre, anglais, anglaise,"
    " reino unido, británico, británica, inglaterra, inglés, regno unito,"
    " britannico, inghilterra, inglese, britânico, britânica, inglês,"
    " verenigd koninkrijk, brits, britse, engeland, inggris, britania raya",
    "アメリカ": "usa, vereinigte staaten, amerikanisch, amerikanische, amerikanischen,"
    " amerikaner, états-unis, etats-unis, américain, américaine, américains,"
    " estados unidos, ee.uu., eeuu, estadounidense, estadounidenses,"
    " norteamericano, norteamericana, stati uniti, americano, americana,"
    " americani, eua, norte-americano, norte-americana, verenigde staten,"
    " amerikaans, amerikaanse, amerika serikat",
    "スペイン": "spanien, spanisch, spanische, espagne, espagnol, espagnole, españa,"
    " español, española, spagna, spagnolo, espanha, espanhol, spanje, spaans,"
    " spanyol",
    "イタリア": "italien, italienisch, italienische, italie, italienne, italia, italiano,"
    " italiana, itália, italië, italiaans, italiaanse",
    "ロシア": "russland, russisch, russische, russischen, russen, russie, russe, russes,"
    " rusia, ruso, rusa, rusos, russia, russo, russa, rússia, rusland",
    "ウクライナ": "ukraine, ukrainisch, ukrainien, ukrainienne, ucrania, ucraniano,"
    " ucraniana, ucraina, ucraino, ucrânia, oekraïne, oekraïens, ukraina",
    "中国": "china, chinesisch, chinesische, chine, chinois, chinoise, chino, cina,"
    " cinese, chinês, chinesa, chinees, chinese, tiongkok",
    "日本": "japan, japanisch, japanische, japon, japonais, japonaise, japón, japonés,"
    " japonesa, giappone, giapponese, japão, japonês, japans, jepang",
    "韓国": "südkorea, suedkorea, südkoreanisch, corée du sud, coréen, coréenne,"
    " corea del sur, coreano, coreana, coreia do sul, zuid-korea, koreaans,"
    " korea selatan",
    "オランダ": "niederlande, niederländisch, pays-bas, néerlandais, néerlandaise,"
    " hollande, países bajos, holanda, holandés, paesi bassi, olanda, olandese,"
    " países baixos, holandês, nederland, nederlands, nederlandse, belanda",
    "スイス": "schweiz, schweizer, suisse, suiza, suizo, svizzera, svizzero, suíça,"
    " suíço, zwitserland, zwitsers",
    "オーストリア": "österreich, oesterreich, österreichisch, autriche, autrichien, austria,"
    " áustria, oostenrijk",
    "ポーランド": "polen, polnisch, pologne, polonais, polonaise, polonia, polaco, polacca,"
    " polacco, polônia, polónia, polonês, pools, polandia",
    "トルコ": "türkei, tuerkei, türkisch, turquie, turc, turque, turquía, turco, turca,"
    " turchia, turquia, turkije, turks, turki",
    "ギリシャ": "griechenland, griechisch, grèce, grec, grecque, grecia, griego, grega,"
    " grécia, grego, greco, griekenland, grieks, yunani",
    "ヨーロッパ": "europa, europäisch, europäische, europäischen, europe, européen,"
    " européenne, européens, ue, europeo, europea, europeos, europei, europeu,"
    " europeia, europees, europese, eropa",
    "インド": "indien, indisch, inde, indienne, india, indio, indiano, indiana, índia, indiaas",
    "ブラジル": "brasilien, brasilianisch, brésil, brésilien, brésilienne, brasil,"
    " brasileño, brasileña, brasile, brasiliano, brasileiro, brasileira,"
    " brasileiros, brazilië, braziliaans",
    "メキシコ": "mexiko, mexique, mexicain, méxico, mexicano, messico, messicano, mexico, meksiko",
    "チェコ": "tschechien, tschechisch, tchéquie, tchèque, república checa, checo,"
    " repubblica ceca, ceco, república tcheca, tcheco, tsjechië, tsjechisch,"
    " ceko",
    "イスラエル": "israel, israelisch, israël, israélien, israélienne, israelí, israele,"
    " israeliano, israelense, israëlisch",
    "ベルギー": "belgien, belgisch, belgique, belge, bélgica, belga, belgio, belgië",
    "ギリシア": "griechenland, grèce, grecia, grécia, griekenland",
    "エジプト": "ägypten, aegypten, égypte, egipto, egitto, egito, egypte, mesir",
    "北朝鮮": "nordkorea, corée du nord, corea del norte, corea del nord,"
    " coreia do norte, noord-korea, korea utara",
    "米国": "usa, vereinigte staaten, amerikanisch, amerikanische, états-unis,"
    " etats-unis, américain, américaine, estados unidos, ee.uu., eeuu,"
    " estadounidense, stati uniti, americano, americana, eua, verenigde staten,"
    " amerikaans, amerika serikat",
    "カナダ": "kanada, kanadisch, kanadische, kanadier, canadien, canadienne, canadiens,"
    " canadá, canadiense, canadese, canadense, canadees",
    "オーストラリア": "australien, australisch, australie, australienne, australiano,"
    " australiana, australië, australisch",
    "ニュージーランド": "neuseeland, nouvelle-zélande, nueva zelanda, nuova zelanda,"
    " nova zelândia, nieuw-zeeland, selandia baru",
    # North Africa and the Middle East, as news names them in each language (Túnez, Líbano)
    "チュニジア": "tunisia, tunisian, tunis, tunesien, tunesisch, tunisie, tunisien,"
    " túnez, tunecino, tunecina, tunisino, tunísia, tunisiano",
    "リビア": "libya, libyan, tripoli, libyen, libysch, libye, libyen, libia, libio, líbia, líbio",
    "レバノン": "libanon, libanesisch, liban, libanais, líbano, libanés, libano, libanese, libanês",
    "モロッコ": "marokko, marokkanisch, maroc, marocain, marruecos, marroquí, marocco,"
    " marocchino, marrocos, marroquino",
    "アルジェリア": "algeria, algerian, algiers, algerien, algerisch, algérie, algérien,"
    " argelia, argelino, algerino, argélia, argelino",
    "ヨルダン": "jordan, jordanian, amman, jordanien, jordanisch, jordanie, jordanienne,"
    " jordania, jordano, giordania, giordano, jordânia, jordaniano",
    "シリア": "syria, syrian, damascus, syrien, syrisch, syrie, siria, sirio, siriano,"
    " síria, sírio",
    "サウジアラビア": "saudi-arabien, saudisch, arabie saoudite, saoudien, arabia saudita,"
    " arabia saudí, saudí, saudita, arábia saudita",
    "南アフリカ": "south africa, south african, südafrika, südafrikanisch, afrique du sud,"
    " sud-africain, sudáfrica, sudafricano, sudafrica, áfrica do sul, sul-africano",
    "英国": "großbritannien, grossbritannien, britisch, britische, royaume-uni,"
    " britannique, reino unido, británico, regno unito, britannico, britânico,"
    " verenigd koninkrijk, brits, inggris",
    # the Nordic countries, and as their own languages name them (round DA: a German
    # "Norwegerin Anna Odine Strøm" drafted ノルウェーの…)
    "ノルウェー": "norwegen, norwegisch, norweger, norwegerin, norvège, norvégien,"
    " norvégienne, noruega, noruego, norvegia, norvegese, noorwegen, noors, norge, norsk,"
    " norske, norja",
    "スウェーデン": "schweden, schwedisch, schwede, schwedin, suède, suédois, suédoise,"
    " suecia, sueco, sueca, svezia, svedese, suécia, zweden, zweeds, sverige, svensk,"
    " svenska, svenske, ruotsi",
    "デンマーク": "dänemark, daenemark, dänisch, däne, dänin, danemark, danois, danoise,"
    " dinamarca, danés, danesa, danimarca, danese, dinamarquês, denemarken, deens,"
    " danmark, dansk, danske, tanska",
    "フィンランド": "finnland, finnisch, finne, finnin, finlande, finlandais, finlandia,"
    " finlandés, finlandese, finlândia, finlandês, fins, suomi, finsk, finska",
}

# Russian and Ukrainian: a noun by its stem and declension, an adjective by its stem
_NOUN_ENDINGS = {
    "ия": ("ия", "ии", "ию", "ией"),  # Россия, России, Россию, Россией
    "ія": ("ія", "ії", "ію", "ією"),  # Ukrainian Росія, Росії
    "а": ("а", "ы", "и", "е", "у", "ой", "і", "ою"),  # Украина, Украины, Україні, Польшу
    "й": ("й", "я", "ю", "ем", "е"),  # Китай, Китая, Китаю, Китаем, Китае
    "ы": ("ы", "ов", "ам", "ах"),  # Нидерланды, Нидерландов
    "": ("", "а", "у", "ом", "е"),  # Евросоюз, Евросоюза
}
_RU_ADJECTIVE = ("ий", "ая", "ое", "ие", "ого", "ой", "ому", "ом", "их", "им", "ую", "ими")
_UK_ADJECTIVE = ("ий", "а", "е", "і", "ого", "ої", "ому", "ій", "их", "им", "у", "ими", "ою")
_CYRILLIC: dict[str, tuple[str, ...]] = {
    # "stem:ending class" for a noun, "stem-" for an adjective, a form alone as it is (США)
    "ロシア": ("росс:ия", "рос:ія", "российск-", "русск-", "російськ-"),
    "ウクライナ": ("украин:а", "україн:а", "украинск-", "українськ-"),
    "ドイツ": ("герман:ия", "німеччин:а", "немецк-", "німецьк-"),
    "フランス": ("франц:ия", "франц:ія", "французск-", "французьк-"),
    "イギリス": (
        "великобритан:ия",
        "британ:ия",
        "англ:ия",
        "британ:ія",
        "британск-",
        "британськ-",
        "английск-",
        "англійськ-",
    ),
    "英国": ("великобритан:ия", "британ:ия", "британ:ія", "британск-", "британськ-"),
    "アメリカ": ("америк:а", "сша", "американск-", "американськ-"),
    "米国": ("сша", "американск-", "американськ-"),
    "中国": ("кита:й", "китайск-", "китайськ-"),
    "日本": ("япон:ия", "япон:ія", "японск-", "японськ-"),
    "ポーランド": ("польш:а", "польщ:а", "польск-", "польськ-"),
    "チェコ": ("чех:ия", "чех:ія", "чешск-", "чеськ-"),
    "トルコ": ("турц:ия", "туреччин:а", "турецк-", "турецьк-"),
    "イタリア": ("итал:ия", "італ:ія", "итальянск-", "італійськ-"),
    "スペイン": ("испан:ия", "іспан:ія", "испанск-", "іспанськ-"),
    "ヨーロッパ": ("европ:а", "європ:а", "европейск-", "європейськ-", "евросоюз:", "євросоюз:"),
    "ベラルーシ": ("беларусь", "беларуси", "білорусь", "білорусі", "белорусск-", "білоруськ-"),
    "ジョージア": ("груз:ия", "грузинск-"),
    "オランダ": ("нидерланд:ы", "голланд:ия", "нидерландск-", "голландск-"),
    "イスラエル": (
        "израиль",
        "израиля",
        "израилю",
        "ізраїль",
        "ізраїлю",
        "израильск-",
        "ізраїльськ-",
    ),
    "韓国": ("южная корея", "южной корее", "южной кореи", "южнокорейск-", "південнокорейськ-"),
    "北朝鮮": ("кндр", "северная корея", "северной кореи", "северокорейск-"),
}

# Korean and Chinese sources write the country in Hangul or in their own characters
_EAST_ASIAN: dict[str, str] = {
    "アメリカ": "미국 美国 美國",
    "米国": "미국 美国 美國",
    "中国": "중국",
    "日本": "일본",
    "韓国": "한국 韩国 韓國",
    "北朝鮮": "북한 朝鲜 朝鮮",
    "ロシア": "러시아 俄罗斯 俄羅斯 俄国",
    "ウクライナ": "우크라이나 乌克兰 烏克蘭",
    "イギリス": "영국 英国 英國",
    "英国": "영국 英國",
    "フランス": "프랑스 法国 法國",
    "ドイツ": "독일 德国 德國",
    "イタリア": "이탈리아 意大利",
    "スペイン": "스페인 西班牙",
    "インド": "인도 印度",
    "ヨーロッパ": "유럽 欧洲 歐洲",
    "台湾": "대만 台湾 臺灣 台灣",
    "香港": "홍콩",
    "オーストラリア": "호주 澳大利亚 澳洲",
    "カナダ": "캐나다 加拿大",
    "ブラジル": "브라질 巴西",
    "イスラエル": "이스라엘 以色列",
    "イラン": "이란 伊朗",
    "ベトナム": "베트남 越南",
}


# Czech and Polish: each country's nouns as written, and its adjective's stem ("česk-"), declined
# below (český, české, českého, czeskiej)
_WEST_SLAVIC: dict[str, tuple[str, ...]] = {
    "チェコ": ("česko", "česku", "čechy", "čech", "češi", "čechů", "česk-", "czechy", "czech",
             "czesk-"),
    "イングランド": ("anglie", "anglii", "angličan", "angličané", "anglick-", "anglia"),
    "イギリス": ("británie", "velká británie", "britové", "britsk-", "wielka brytania",
              "brytyjczycy", "brytyjczyk", "brytyjczyków", "brytyjsk-"),
    "ドイツ": ("německo", "německu", "němci", "německ-", "niemcy", "niemiec", "niemieck-"),
    "フランス": ("francie", "francii", "francouzi", "francouzsk-", "francja", "francji",
              "francuzi", "francusk-"),
    "アメリカ": ("usa", "spojené státy", "američané", "americk-", "ameryka", "ameryki",
              "amerykanie", "amerykańsk-"),
    "ロシア": ("rusko", "rusku", "rusové", "rusk-", "rosja", "rosji", "rosję", "rosjanie",
            "rosyjsk-"),
    "ポーランド": ("polsko", "polsku", "poláci", "polsk-", "polsce", "polacy", "polaków"),
    "スロバキア": ("slovensko", "slovensku", "slovensk-", "słowacja", "słowack-"),
    "オーストリア": ("rakousko", "rakousku", "rakousk-", "austria", "austriack-"),
    "ウクライナ": ("ukrajina", "ukrajiny", "ukrajině", "ukrajinu", "ukrajinsk-", "ukraina",
               "ukrainy", "ukrainę", "ukrainie", "ukrainą", "ukraińcy", "ukraińsk-"),
    "スペイン": ("španělsko", "španělsk-", "hiszpania", "hiszpańsk-"),
    "イタリア": ("itálie", "itálii", "italsk-", "włochy", "włoch-"),
    "スウェーデン": ("švédsko", "švédsku", "švédové", "švédsk-", "szwecja", "szwecji", "szwecję",
                "szwedzi", "szwedzk-"),
    "フィンランド": ("finsko", "finsku", "finové", "finsk-", "finlandia", "finlandii",
                "finlandię", "finowie", "fińsk-"),
    "ノルウェー": ("norsko", "norsku", "norsk-", "norwegia", "norwegii", "norwesk-"),
    "デンマーク": ("dánsko", "dánsku", "dánsk-", "dania", "danii", "duńsk-"),
    "ハンガリー": ("maďarsko", "maďarsku", "maďarsk-", "węgry", "węgier", "węgiersk-"),
    "イスラエル": ("izrael", "izraele", "izraeli", "izraelsk-"),
    "イラン": ("írán", "íránu", "íránsk-", "iranu", "iranie", "irańsk-"),
    "中国": ("čína", "číny", "číně", "čínsk-", "chiny", "chinach", "chińsk-"),
    "日本": ("japonsko", "japonsku", "japonsk-", "japonia", "japonii", "japońsk-"),
    "キーウ": ("kyjev", "kyjeva", "kyjevě", "kyjevem", "kyjevsk-", "kijów", "kijowa", "kijowie",
            "kijowsk-"),
}  # fmt: skip
# the Czech and Polish adjective endings (-ý, -á, -é, -ého…; -i, -a, -ie, -iego…)
_WEST_SLAVIC_ADJECTIVE = ("ý", "á", "é", "ého", "ému", "ém", "ým", "ou", "í", "ých", "ými", "i",
                          "a", "ie", "iego", "iej", "im", "ich", "ą", "y", "ego", "ej")  # fmt: skip


def _declined(entry: str) -> tuple[str, ...]:
    if entry.endswith("-"):  # Ukrainian spells its adjectives -ськ-, -цьк-
        endings = _UK_ADJECTIVE if "ь" in entry else _RU_ADJECTIVE
        return tuple(entry[:-1] + ending for ending in endings)
    if ":" not in entry:
        return (entry,)  # a form taken as it is (США)
    stem, _, ending = entry.partition(":")
    return tuple(stem + e for e in _NOUN_ENDINGS[ending])


def foreign_forms() -> dict[str, tuple[str, ...]]:
    """Each katakana or kanji country name → its forms in the other languages above."""
    out: dict[str, list[str]] = {}
    for name, text in _LATIN.items():
        out.setdefault(name, []).extend(f.strip() for f in text.split(","))
    for name, text in _EAST_ASIAN.items():
        out.setdefault(name, []).extend(text.split())
    for name, entries in _CYRILLIC.items():
        for entry in entries:
            out.setdefault(name, []).extend(_declined(entry))
    for name, slavic in _WEST_SLAVIC.items():
        for entry in slavic:
            stem = entry.removesuffix("-")
            out.setdefault(name, []).extend(
                [stem + e for e in _WEST_SLAVIC_ADJECTIVE] if entry.endswith("-") else [entry]
            )
    out["欧州"] = out["ヨーロッパ"]  # the kanji name: the same forms
    return {name: tuple(dict.fromkeys(forms)) for name, forms in out.items()}
