"""Session 37: readings the user's path missed (planted errors in recorded drafts of rounds
CZ–DC, `benchmarks/check_runs.py`), and round DK (8 unseen drafts of flairNLP/fundus pages)."""

from __future__ import annotations

from drafter.check.claims.anchor import Anchor
from drafter.check.claims.hedges import hedges
from drafter.check.core import Checker
from tests.helpers import check_inputs


def _hedge_reasons(source: str, claim: str) -> list[str]:
    checker = Checker(check_inputs(source, f"# t\n\n{claim}"))
    anchor = Anchor(ids=["S1"], closest=["S1"], best=0.7, recorded=True)
    return [f.reason for f in hedges(checker, "lead", claim, anchor)]


_CLEFT = (
    "It’s her NATO-critical stance on Ukraine, and opposition to wider European security moves, "
    "that could soon be generating the most awkward headlines for an Irish government."
)


def test_a_cleft_sentence_hedges_what_it_reports() -> None:
    """ "It's her stance … that could soon be generating the most awkward headlines": the
    "that" of a cleft opens what the sentence says, not a relative clause describing a noun. A
    planted 「厄介な事態を招く」 for 「…招く可能性がある」 was not even listed."""
    dropped = _hedge_reasons(_CLEFT, "彼女の姿勢はアイルランド政府にとって厄介な事態を招く。")
    assert dropped and "could" in dropped[0]
    assert not _hedge_reasons(
        _CLEFT, "彼女の姿勢はアイルランド政府にとって厄介な事態を招く可能性がある。"
    )
    # a relative clause still describes its noun: no hedge of the sentence
    relative = "He backed a plan that could cut costs by a third, officials said on Monday."
    assert not _hedge_reasons(relative, "彼は費用を3分の1削減する計画を支持した。")


def test_a_century_is_read_on_both_sides() -> None:
    """「16世紀半ば」 had been no figure at all, and "16. Jahrhunderts" a bare 16: a planted
    「61世紀」 went unseen. A century is now its own kind, in Japanese, English ("the 16th
    century", "the 1500s") and as German, French, Spanish, Italian and Dutch write it."""
    from drafter.lang.quantities import en_quantities, ja_quantities
    from drafter.lang.quantities.foreign import source_quantities

    def centuries(found: list) -> list[float]:
        return sorted(q.value for q in found if q.kind == "century")

    assert centuries(ja_quantities("16世紀半ば、19〜20世紀、紀元前5世紀")) == [-5, 16, 19, 20]
    assert not [q for q in ja_quantities("19〜20世紀に") if q.kind == "number"]  # 19: no count
    assert centuries(en_quantities("the 16th-century maps of the 1800s")) == [16, 19]
    assert centuries(en_quantities("the 19th and 20th centuries")) == [19, 20]
    assert centuries(source_quantities("Mitte des 16. Jahrhunderts", "de")) == [16]
    assert centuries(source_quantities("au XVIe siècle", "fr")) == [16]
    assert centuries(source_quantities("en el siglo XXI", "es")) == [21]
    assert centuries(source_quantities("nel XIX secolo", "it")) == [19]
    assert centuries(source_quantities("in de 17e eeuw", "nl")) == [17]
    assert not centuries(source_quantities("am 16. Juni", "de"))


def test_a_changed_century_is_must_fix_in_the_lead() -> None:
    """A lead sentence resting on "…aus der Mitte des 16. Jahrhunderts…": 「17世紀半ば」 is
    must-fix against it, 「16世紀半ば」 passes, and a century the source does not name is not
    listed outside the lead (「21世紀の課題」 is the writer's own)."""
    from drafter.check.claims.numbers import numbers

    source = "Der aktuelle Name stammt aus der Mitte des 16. Jahrhunderts und wurde vergeben."

    def found(claim: str, section: str = "lead") -> list[tuple[bool, str]]:
        inputs = check_inputs(source, f"# t\n\n{claim}")
        inputs.article.language = "de"
        checker = Checker(inputs)
        anchor = Anchor(ids=["S1"], closest=["S1"], best=0.7, recorded=True)
        return [(f.must, f.reason) for f in numbers(checker, section, claim, anchor)]

    changed = found("現在の名称は17世紀半ばに付けられた。")
    assert changed and changed[0][0] and "16th century" in changed[0][1]
    assert found("現在の名称は16世紀半ばに付けられた。") == []
    assert found("21世紀の課題として名称が問われている。", "analysis") == []


def test_a_reply_in_a_language_not_told_may_read_like_the_comment_it_answers() -> None:
    """Round DK: a Swahili reply agreeing with its English parent ("Ni kweli kabisa…": very
    true, the batteries get stolen) read 0.11 against its faithful translation and 0.54
    against the parent: "reads like c05, not c07" on a faithful draft. A reply's translation
    that reads like a comment it does not answer is still listed."""
    from drafter.check.core import check
    from drafter.models import Comment, CommentThread

    parent = (
        "Nice story but I'll believe the 'no other cost after installation' line when I see "
        "these poles still working in five years. Batteries die. Panels get stolen."
    )
    swahili = (
        "Ni kweli kabisa. Hapa Mtwara kuna nguzo kadhaa za sola zimeshaibiwa betri. Bila "
        "ulinzi na bajeti ya matengenezo, baada ya miaka miwili mitatu utakuta nguzo tu "
        "zimesimama gizani."
    )
    other = "The council should publish the tender documents so we can see who got the contract."
    translation = (
        "ほんとそれ。ここムトワラじゃ、太陽光の柱のいくつかはもうバッテリーを盗まれてる。"
        "警備と保守の予算がなきゃ、暗闇に柱だけが突っ立ってることになるよ。"
    )

    def reasons(parent_of_reply: str) -> list[str]:
        markdown = (
            "# t\n\nニュース\n\n記事の要点。\n\n## 海外の反応\n\n"
            f"<!-- comment id=c2 score=40 -->\n\n{translation}\n"
        )
        inputs = check_inputs("The council installed 155 solar streetlights in Lindi.", markdown)
        inputs.thread = CommentThread(
            url="https://www.reddit.com/r/tanzania/comments/abc123/story/",
            platform="Reddit",
            comments=[
                Comment(id="c1", body=parent, score=90, permalink="/c1/"),
                Comment(
                    id="c2", body=swahili, score=40, permalink="/c2/", parent_id=parent_of_reply
                ),
                Comment(id="c3", body=other, score=30, permalink="/c3/"),
            ],
        )
        return [r for c in check(inputs).claims if c.section == "reactions" for r in c.reasons]

    assert not [r for r in reasons("c1") if "c1" in r], reasons("c1")
    assert [r for r in reasons("c3") if "c1" in r], reasons("c3")  # c1 is not what it answers


def test_an_idiom_of_undecided_is_rendered_with_a_not() -> None:
    """Round DK: a reader quoting "the jury's still out" rendered 「まだ判断はつかない」 was
    listed as a quotation turned negative; so would be "remains to be seen" (まだ分からない).
    A "not" added to a plain statement is still listed."""
    from drafter.check.claims.negation import negated_only_in

    assert not negated_only_in("まだ判断はつかない", "the jury's still out on this one")
    assert not negated_only_in("どうなるかはまだ分からない", "whether it works remains to be seen")
    assert negated_only_in("その計画はうまくいかない", "the plan is going to work fine")


def test_a_word_the_source_puts_in_quotation_marks_given_in_brackets() -> None:
    """Round DK: 「チャットした（Chatted）」 for 'some people saying they "Chatted" instead of
    "Googled"' was an invented quotation to verify: the original word, in brackets, is one
    the source quotes. A word the source does not put in marks is still held to the source."""
    from drafter.check.claims.originals import gives_the_original

    source = (
        'ChatGPT has been surging, with some people saying they "Chatted" instead of "Googled".'
    )
    checker = Checker(check_inputs(source, "# t\n\n本文。"))
    assert gives_the_original(checker, "チャットした（Chatted）")
    assert not gives_the_original(checker, "チャットした（Chatting）")
    assert not gives_the_original(checker, "急増した（surging）")  # in the text, not quoted


def test_a_cleft_hedges_only_what_a_lead_restates() -> None:
    """A background sentence may restate the part of a cleft that the "could" does not hedge
    (「政府は中立との間で難しい立場に置かれています」 for "…an Irish government caught between
    neutrality and EU support": round CZ's faithful draft had it listed); the lead is held."""
    checker = Checker(check_inputs(_CLEFT, "# t\n\n本文。"))
    anchor = Anchor(ids=["S1"], closest=["S1"], best=0.7, recorded=True)
    claim = "アイルランド政府は難しい立場に置かれています。"
    assert not hedges(checker, "background", claim, anchor)
    assert hedges(checker, "lead", claim, anchor)


def test_a_crime_counted_by_its_victims() -> None:
    """Round DK: "the Idaho Quadruple Murders Case" names four killed: 「4人が殺害された事件」
    was a must-fix against the sentence's "one of the two surviving roommates"."""
    from drafter.lang.quantities import en_quantities

    assert [q.value for q in en_quantities("New Plot Twist in Idaho Quadruple Murders Case")] == [4]
    assert [q.value for q in en_quantities("a double homicide in Moscow")] == [2]
    assert not en_quantities("a double-decker bus")


def test_a_readers_mil_and_wholly_owned() -> None:
    """Round DK (Malay Mail's thread): "RM6 mil divided by 300 pax" is RM6 million
    (「600万リンギット」 had been "RM 6"), and "wholly owned by the govt" is 100% (「政府が
    100%所有」 had been a figure the comment lacks). "20 mil thick" stays no money."""
    from drafter.lang.quantities import en_quantities

    found = en_quantities("RM6 mil divided by 300 pax")
    assert (found[0].kind, found[0].value) == ("money", 6_000_000)
    assert [(q.kind, q.value) for q in en_quantities("Petronas is wholly owned by the govt")] == [
        ("percent", 100)
    ]
    assert [q.kind for q in en_quantities("a 20 mil thick sheet")] == ["number"]


def test_polish_is_read() -> None:
    """Round DK's Rzeczpospolita page: "z 24-godzinnym wyprzedzeniem" (a day's notice,
    「24時間前」), "w ciągu ostatnich 47 lat" (「過去47年間」) and a reader's "w marcu" (「3月」)
    had been unread, as all of Polish was: its figures were listed, never held. Polish
    months, units, number words, bounds and a reader's comment are read now."""
    from drafter.lang.quantities.foreign import reads, source_quantities
    from drafter.sources.language import latin_language

    def read(text: str) -> list[tuple[str, float]]:
        return [(q.kind, q.value) for q in source_quantities(text, "pl")]

    assert reads("pl")
    assert read("nie może zapewnić bezpieczeństwa z 24-godzinnym wyprzedzeniem") == [
        ("duration", read("w ciągu 24 godzin")[0][1])
    ]
    assert ("month", 3) in read("wojna zaczęła się w marcu, rozejm na dwa tygodnie")
    assert ("date", 419) in read("Spotkanie odbędzie się 19 kwietnia 2026 r.")
    assert ("money", 2_500_000) in read("koszt 2,5 mln zł, czyli 15 proc. budżetu")
    assert ("percent", 15) in read("koszt 2,5 mln zł, czyli 15 proc. budżetu")
    assert ("number", 1200) in read("Zginęło ponad 1 200 osób.")
    comment = (
        "Czyli wojna zaczęła się w marcu, rozejm na dwa tygodnie, a teraz znowu wracamy do "
        "gróźb. Pakistan chyba najbardziej na tym wszystkim zyskał."
    )
    assert latin_language(comment) == "pl"
    # … and its plain "not": a quotation turned positive is listed (not "nie tylko": not only)
    from drafter.check.claims.negation import negation_dropped

    said = "Secret Service nie może zapewnić bezpieczeństwa"
    assert negation_dropped("シークレットサービスは安全を確保できる", said, "pl")
    assert not negation_dropped("シークレットサービスは安全を確保できない", said, "pl")
    assert not negation_dropped("交渉だけでなく制裁も", "nie tylko rozmowy, ale też sankcje", "pl")
    # Lithuanian and Czech keep letters of their own: still no language told
    assert (
        latin_language("Vilnius yra Lietuvos sostinė, o šiandien ten vyksta didelė šventė.") is None
    )
    assert (
        latin_language("To je dobrý nápad, ale myslím, že to nebude fungovat, protože lidé.")
        is None
    )


def test_a_name_with_a_case_ending() -> None:
    """Round DK: Polish declines a surname ("zięć Trumpa Jared Kushner", Trump's son-in-law):
    「トランプ」 had been "not in the sentence this claim rests on". An English sentence's
    "Trumpet" is still no Trump."""
    from drafter.check.claims.names import names
    from drafter.models import GlossaryEntry

    def reasons(source: str, language: str) -> list[str]:
        inputs = check_inputs(
            "Donald Trump spoke in Washington. Prezydent odpowiedział. Rozmowy trwały długo. "
            f"Delegacja wróciła. Nic nie ustalono. {source}",
            "# t\n\n本文。",
        )
        inputs.article.language = language
        inputs.glossary = [GlossaryEntry(source="Donald Trump", target="ドナルド・トランプ")]
        checker = Checker(inputs)
        anchor = Anchor(ids=["S6"], closest=["S6"], best=0.7, recorded=True)
        claim = "トランプ氏はウィトコフ氏を派遣すると述べた。"
        return [f.reason for f in names(checker, "lead", claim, anchor)]

    polish = "W rozmowach wezmą udział Steve Witkoff i zięć Trumpa Jared Kushner."
    assert not [r for r in reasons(polish, "pl") if "トランプ" in r]
    english = "Steve Witkoff played the trumpet for Jared Kushner."
    assert [r for r in reasons(english, "en") if "トランプ" in r]


def test_a_ph_or_pf_is_heard_as_an_f() -> None:
    """A dev draft's 「ファイザーもメルクもギリアドも」 for "Pfizer, Merck and Gilead…": Pfizer
    opens with an f sound, as ファイザー does, so the comment names it (listed as a name mix-up
    once a three-letter word no longer "heard" it by chance); Phoenix is フェニックス."""
    from drafter.check.reaction_names import _heard_in

    assert _heard_in("ファイザー", "Pfizer, Merck and Gilead are all in the same boat.")
    assert _heard_in("フェニックス", "Phoenix is hotter than ever this year.")
    assert not _heard_in("ファイザー", "Merck and Gilead are all in the same boat.")


def test_a_title_names_whom_its_lead_names() -> None:
    """Planted swaps into recorded titles (「シヴァススポルが21得点でジェコを抜き」 for イカルディ)
    were listed for 7 of 38: a title is written from the lead and the source's headline, so a
    name of the article that neither gives is listed now. A name the lead writes longer
    (アフガン for アフガニスタン) or the source's headline gives stands."""
    from drafter.check.core import check
    from drafter.models import GlossaryEntry

    source = (
        "Icardi scores again as Galatasaray win. Mauro Icardi scored his 21st goal. "
        "Edin Dzeko has 20 goals. Sivasspor lost 2-0 at home in Afghanistan last year."
    )

    def reasons(title: str, lead: str) -> list[str]:
        markdown = f"# {title}\n\nニュース\n\n{lead}\n\n## 補足説明\n\n背景。\n"
        inputs = check_inputs(source, markdown)
        inputs.article.title = "Icardi scores again as Galatasaray win"
        inputs.glossary = [
            GlossaryEntry(source="Mauro Icardi", target="マウロ・イカルディ"),
            GlossaryEntry(source="Edin Dzeko", target="エディン・ジェコ"),
            GlossaryEntry(source="Sivasspor", target="シヴァススポル"),
            GlossaryEntry(source="Galatasaray", target="ガラタサライ"),
        ]
        return [r for c in check(inputs).claims if c.section == "title" for r in c.reasons]

    lead = "イカルディがジェコを抜いて単独トップに立った。"
    assert not [r for r in reasons("イカルディがジェコを抜き単独トップに", lead) if "リード" in r]
    swapped = reasons("シヴァススポルがジェコを抜き単独トップに", lead)
    assert [r for r in swapped if "シヴァススポル" in r and "リード" in r], swapped
    longer = "イカルディはアフガニスタンでジェコを抜いて単独トップに立った。"
    assert not [r for r in reasons("イカルディ、アフガンでジェコを抜く", longer) if "リード" in r]
    # the source's own headline names Galatasaray, which the lead does not
    assert not [r for r in reasons("ガラタサライ、イカルディが単独トップに", lead) if "リード" in r]
