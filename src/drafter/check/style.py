"""Style findings: what an editor would still fix in a draft the fact check passes.

Deterministic measures of the prose (issue 18): the same sentence ending over and over, the
same claim in two sections, one-sentence paragraphs, sentences about "the article" instead of
the world, register slips (plain form among です・ます and the reverse) and overlong lead
sentences. They are advice for the editor and never fail the check: a draft can be true and
still read badly, and a style rule is too blunt to block publishing.

Endings are read with UniDic (fugashi), the tagger the name check already loads: the last
predicate chunk after the sentence's content word, politeness folded (でしょう = だろう,
あります = ある), so 〜と言えるでしょう and 〜と言えるだろう count as one ending.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from drafter.check.draft_md import DraftSentence, ParsedDraft
from drafter.check.report import STYLE_KINDS, StyleFinding, StyleKind
from drafter.lang.text import normalize, split_sentences
from drafter.render import HEADINGS

ENDING_SHARE_MAX = 0.25  # an ending on more than this share of a section's sentences
ENDING_MIN_SENTENCES = 4
# Cross-section sentence pairs the encoder scores at or above this say the same thing; chosen
# on the faithful reference drafts (evals/cases, evals/heldout dev): see benchmarks/style_report.py.
REPEAT_MIN = 0.80
REPEAT_MIN_CHARS = 15  # shorter sentences are too generic to count as a claim said twice
LEAD_SENTENCE_MAX = 120  # characters (Japanese); English counts words
LEAD_SENTENCE_MAX_WORDS = 40
REGISTER_MAJORITY = 0.7  # a section's register is clear when this share of it agrees
REGISTER_MIN_SENTENCES = 4

_PROSE = ("lead", "background", "analysis", "conclusion")
_ABOUT_ARTICLE_JA = re.compile(
    r"(?:この|同|元|本|当|その|今回の|上記の|上の)記事"
    r"|(?<!関連)(?<!次の)(?<!前の)(?<!別の)(?<!過去の)記事(?:によると|によれば|では|には|から|の(?:見出し|中|内容|冒頭|タイトル|筆者)"
    r"|中|内|は|が|に|で)"
)
_ABOUT_ARTICLE_EN = re.compile(
    r"\b(?:according to the (?:article|report|story)|(?:the|this) (?:article|story)"
    r"(?:'s headline| says| said| states| notes| reports| does not| doesn't| mentions))\b",
    re.IGNORECASE,
)
# one alternative per character class, no nested repeats: a `+` inside `(…)+$` backtracks
# exponentially on a long run of marks
_TRAILING_ASIDE = re.compile(r"(?:[（(][^（）()]{0,12}[）)]|[wｗ草\s。！？!?…・」』）)])+$")

# Verbs that carry an ending rather than the sentence's content (〜ている, 〜がある, 〜と言える,
# 〜とみられる, 〜になる, 〜かもしれない), by UniDic lemma.
_LIGHT_VERB_WORDS = (
    "有る 居る 成る 見る 仕舞う 行く 来る 置く 御座る 出来る"
    " 言う 思う 考える 見える 知れる 為る 見做す 感じる 過ぎる 続ける"
)
_LIGHT_VERBS = set(_LIGHT_VERB_WORDS.split())
# Nouns that head an ending (〜可能性がある, 〜見込みだ, 〜ことになる, 〜わけではない).
_FRAME_NOUN_WORDS = (
    "事 物 訳 筈 所 見込み 見通し 恐れ 虞 公算 模様"
    " 見方 必要 過言 余地 予定 方針 様子 傾向 次第 懸念 期待"
)
_FRAME_NOUNS = set(_FRAME_NOUN_WORDS.split())
# Words that make a chunk an ending of its own (〜ようだ, 〜かもしれない, 〜ことになる, 〜べきだ).
_FRAMING_WORDS = {"知れる", "成る", "らしい", "べし", "言う", "思う", "考える", "見る", "見える"}
_QUOTATIVE_HEADS = {"為る", "言う", "思う", "考える", "見る", "見える", "見做す", "感じる"}
_DROPPED_PARTICLES = {"は", "も", "が"}


@dataclass
class _Ending:
    key: str  # politeness folded: what counts as the same ending
    surface: str  # as written, for the editor
    register: str | None  # "polite", "plain" or None (a noun ending, a fragment)


def _token_key(word: Any) -> str:
    feature = word.feature
    lemma, form = str(feature.lemma or ""), str(feature.cForm or "")
    if lemma == "ます":
        return "う" if form.startswith("意志推量") else ""
    if lemma in ("ず", "ぬ"):
        return "ない"
    if lemma in ("です", "だ") and feature.pos1 == "助動詞":
        if form.startswith("意志推量"):
            return "だろう"
        return "だっ" if form.startswith("連用形") and word.surface in ("でし", "だっ") else "だ"
    if lemma == "御座る":
        return "ある"
    if feature.pos1 in ("動詞", "形容詞", "助動詞"):
        return str(feature.orthBase or word.surface)
    return str(word.surface)


def _is_light_verb(word: Any, left: Any | None) -> bool:
    if word.feature.pos1 != "動詞" or word.feature.lemma not in _LIGHT_VERBS:
        return False
    if word.feature.lemma == "御座る":
        return True
    # After a particle or an auxiliary (〜ている, 〜がある, 〜と言える); after a noun it is the
    # sentence's own verb (発表する, 否定できる).
    return left is not None and left.feature.pos1 in ("助詞", "助動詞", "感動詞")


def _quotative(word: Any) -> bool:
    return bool(word.feature.pos1 == "動詞" and word.feature.lemma in _QUOTATIVE_HEADS)


def _chain(words: Sequence[Any]) -> tuple[list[Any], bool]:
    """The last predicate chunk: the words after the sentence's last content word, and whether
    it holds a frame of its own (〜とみられる, 〜可能性がある, 〜でしょう) rather than only
    tense, aspect and politeness (〜た, 〜ている, 〜ます)."""
    chain: list[Any] = []
    index = len(words) - 1
    while index >= 0:
        word, left = words[index], words[index - 1] if index else None
        pos1, pos2 = word.feature.pos1, word.feature.pos2
        if word.surface == "と" and pos1 == "助詞" and chain and _quotative(chain[0]):
            return [word, *chain], True  # 〜とみられる: the quoted clause ends the ending
        if pos1 in ("助動詞", "助詞") or pos2 == "助動詞語幹" or _is_light_verb(word, left):
            chain.insert(0, word)
        elif pos1 == "名詞" and word.feature.lemma in _FRAME_NOUNS:
            return [word, *chain], True
        elif pos1 == "接尾辞" and chain and left is not None:  # 可能 + 性 + がある
            return [left, word, *chain], True
        else:
            break
        index -= 1
    return chain, any(_framing(word) for word in chain)


def _framing(word: Any) -> bool:
    feature = word.feature
    if feature.pos2 == "助動詞語幹" or feature.lemma in _FRAMING_WORDS:
        return True
    return bool(feature.pos1 == "助動詞" and str(feature.cForm or "").startswith("意志推量"))


def _head(words: Sequence[Any], chain_length: int) -> list[Any]:
    """The content word an unframed ending hangs on (述べ in 述べた, 発表し in 発表した), so that
    〜述べた three times counts and 〜た after different verbs does not."""
    index = len(words) - chain_length - 1
    if index < 0:
        return []
    if words[index].feature.lemma in ("為る", "出来る") and index > 0:
        return [words[index - 1], words[index]]
    return [words[index]]


def _register(chain: Sequence[Any]) -> str | None:
    for word in chain:
        lemma = word.feature.lemma
        casual = lemma == "です" and word.surface == "でしょ"  # 〜でしょ in a comment
        if (lemma in ("ます", "です") and not casual) or lemma == "御座る":
            return "polite"
    conjugated = any(w.feature.pos1 in ("動詞", "形容詞", "助動詞") for w in chain)
    return "plain" if conjugated else None  # 〜だけど, 〜ないから: plain; 〜の話: a noun ending


def ending(sentence: str) -> _Ending:
    from drafter.lang.names import tagger

    text = _TRAILING_ASIDE.sub("", normalize(sentence))
    words = [w for w in tagger()(text) if w.feature.pos1 not in ("補助記号", "空白")]
    question = normalize(sentence).rstrip("」』）) ").endswith(("?", "？"))
    while words and words[-1].feature.pos2 == "終助詞":
        particle = words.pop()  # popped first: `or` would skip it once question is True
        question = question or particle.surface == "か"
    chain, framed = _chain(words)
    chain = chain if framed else [*_head(words, len(chain)), *chain]
    keys = [_token_key(w) for w in chain if w.surface not in _DROPPED_PARTICLES]
    key = "+".join(k for k in keys if k).replace("ある+ない", "ない")
    register = _register(chain)
    if question and register == "plain":
        register = None  # 〜のか。: a rhetorical question reads as either register
    return _Ending(key, "".join(w.surface for w in chain), register)


def _label(section: str, lang: str) -> str:
    if section.startswith("other:"):
        return section.split(":", 1)[1]
    if section == "lead":
        return "リード" if lang == "ja" else "lead"
    return HEADINGS["en" if lang == "en" else "ja"].get(section, section)


def _prose(draft: ParsedDraft) -> list[DraftSentence]:
    return [s for s in draft.sentences if s.section in _PROSE or s.section.startswith("other:")]


def _sign_off(draft: ParsedDraft) -> DraftSentence | None:
    """The conclusion's closing line (それではまた…): a one-sentence paragraph by design."""
    closing = draft.section("conclusion")
    if not closing:
        return None
    last = closing[-1]
    alone = [s for s in closing if s.paragraph == last.paragraph]
    return last if len(alone) == 1 and len(closing) > 1 else None


def _by_section(sentences: Iterable[DraftSentence]) -> dict[str, list[DraftSentence]]:
    out: dict[str, list[DraftSentence]] = {}
    for sentence in sentences:
        out.setdefault(sentence.section, []).append(sentence)
    return out


def repeated_endings(draft: ParsedDraft) -> list[StyleFinding]:
    if draft.lang != "ja":
        return []
    found = []
    for section, sentences in _by_section(_prose(draft)).items():
        if len(sentences) < ENDING_MIN_SENTENCES:
            continue
        endings = [ending(s.text) for s in sentences]
        for key, count in Counter(e.key for e in endings).most_common():
            if count / len(sentences) <= ENDING_SHARE_MAX or count < 2:
                break
            same = [s.text for s, e in zip(sentences, endings, strict=True) if e.key == key]
            shown = Counter(e.surface for e in endings if e.key == key).most_common(1)[0][0]
            name = f"「〜{shown}」" if shown else "体言止め"
            detail = (
                f"{name}で終わる文が{len(sentences)}文中{count}文（{count / len(sentences):.0%}）"
                "あります。文末の言い回しに変化をつけてください。"
            )
            found.append(
                StyleFinding(kind="repeated_ending", section=section, sentences=same, detail=detail)
            )
    return found


def repeated_claims(draft: ParsedDraft, threshold: float = REPEAT_MIN) -> list[StyleFinding]:
    """Each sentence whose closest sentence in an earlier section says the same thing."""
    from drafter.lang import align

    closing = _sign_off(draft)
    order = {name: n for n, name in enumerate(dict.fromkeys(s.section for s in _prose(draft)))}
    sentences = [
        s for s in _prose(draft) if s is not closing and len(normalize(s.text)) >= REPEAT_MIN_CHARS
    ]
    scores = align.similarity([s.text for s in sentences], [s.text for s in sentences])
    found = []
    for i, later in enumerate(sentences):
        earlier = [j for j, s in enumerate(sentences) if order[s.section] < order[later.section]]
        if not earlier:
            continue
        best = max(earlier, key=lambda j: float(scores[i][j]))
        score = float(scores[i][best])
        if score < threshold:
            continue
        other = sentences[best].section
        if draft.lang == "ja":
            detail = (
                f"「{_label(other, 'ja')}」の文とほぼ同じ内容です（類似度{score:.2f}）。"
                "どちらかを削るか、この節ならではの内容に書き換えてください。"
            )
        else:
            detail = (
                f"Says what a sentence of {_label(other, 'en')} already says (similarity "
                f"{score:.2f}): cut one, or make this one say something new."
            )
        found.append(
            StyleFinding(
                kind="repeated_claim",
                section=later.section,
                sentences=[later.text, sentences[best].text],
                detail=detail,
                other_section=other,
                similarity=round(score, 3),
            )
        )
    return found


def one_sentence_paragraphs(draft: ParsedDraft) -> list[StyleFinding]:
    """Paragraphs of one sentence, outside the lead (news style, whose prompt asks for
    paragraphs of 1–3 sentences: a short source's third fact is often one) and the sign-off."""
    closing = _sign_off(draft)
    paragraphs: dict[tuple[str, int], list[DraftSentence]] = {}
    for sentence in _prose(draft):
        paragraphs.setdefault((sentence.section, sentence.paragraph), []).append(sentence)
    detail = (
        "1文だけの段落です。前後の段落とまとめるか、2〜4文の段落にしてください。"
        if draft.lang == "ja"
        else "A paragraph of one sentence: merge it with its neighbour or give it 2-4 sentences."
    )
    return [
        StyleFinding(
            kind="one_sentence_paragraph", section=section, sentences=[only.text], detail=detail
        )
        for (section, number), (only, *rest) in paragraphs.items()
        if not rest and only is not closing and section != "lead"
    ]


def about_the_article(draft: ParsedDraft) -> list[StyleFinding]:
    pattern = _ABOUT_ARTICLE_JA if draft.lang == "ja" else _ABOUT_ARTICLE_EN
    closing = _sign_off(draft)
    detail = (
        "記事そのものについて述べています。出来事や人物を主語にして書き直してください"
        "（出典は出典行が示します）。"
        if draft.lang == "ja"
        else "Speaks about the article, not the world: make the event or the people the subject."
    )
    return [
        StyleFinding(kind="about_the_article", section=s.section, sentences=[s.text], detail=detail)
        for s in _prose(draft)
        if s is not closing and pattern.search(normalize(s.text))
    ]


def register_slips(draft: ParsedDraft) -> list[StyleFinding]:
    """Per section, the sentences against its clear majority (です・ます or だ・である)."""
    if draft.lang != "ja":
        return []
    closing = _sign_off(draft)
    groups = _by_section(s for s in _prose(draft) if s is not closing)
    comments = [text for r in draft.reactions for text in split_sentences(r.text)]
    groups["reactions"] = [DraftSentence("reactions", text) for text in comments]
    found = []
    for section, sentences in groups.items():
        registers = [ending(s.text).register for s in sentences]
        counts = Counter(r for r in registers if r)
        classified = sum(counts.values())
        if classified < REGISTER_MIN_SENTENCES or len(counts) < 2:
            continue
        (major, major_n), (minor, _) = counts.most_common(2)
        if major_n / classified < REGISTER_MAJORITY:
            found.append(_mixed(section, counts))
            continue
        names = {"polite": "です・ます体", "plain": "だ・である体"}
        detail = (
            f"この節は{classified}文中{major_n}文が{names[major]}ですが、この文は"
            f"{names[minor]}です。文体をそろえてください。"
        )
        found += [
            StyleFinding(kind="register_slip", section=section, sentences=[s.text], detail=detail)
            for s, register in zip(sentences, registers, strict=True)
            if register == minor
        ]
    return found


def _mixed(section: str, counts: Counter[str]) -> StyleFinding:
    detail = (
        f"です・ます体（{counts['polite']}文）とだ・である体（{counts['plain']}文）が混在しています。"
        "どちらかにそろえてください。"
    )
    return StyleFinding(kind="register_slip", section=section, sentences=[], detail=detail)


def long_lead_sentences(draft: ParsedDraft) -> list[StyleFinding]:
    found = []
    for sentence in draft.section("lead"):
        text = normalize(sentence.text)
        if draft.lang == "ja" and len(text) > LEAD_SENTENCE_MAX:
            detail = (
                f"リードの文が{len(text)}字あります（目安{LEAD_SENTENCE_MAX}字以内）。"
                "2文に分けてください。"
            )
        elif draft.lang != "ja" and len(text.split()) > LEAD_SENTENCE_MAX_WORDS:
            detail = (
                f"A lead sentence of {len(text.split())} words (aim for at most "
                f"{LEAD_SENTENCE_MAX_WORDS}): split it in two."
            )
        else:
            continue
        found.append(
            StyleFinding(
                kind="long_lead_sentence", section="lead", sentences=[sentence.text], detail=detail
            )
        )
    return found


def style_findings(draft: ParsedDraft) -> list[StyleFinding]:
    """Every style finding of a parsed draft, kind by kind, in the draft's language."""
    return [
        *repeated_endings(draft),
        *repeated_claims(draft),
        *one_sentence_paragraphs(draft),
        *about_the_article(draft),
        *register_slips(draft),
        *long_lead_sentences(draft),
    ]


def counts(findings: Iterable[StyleFinding]) -> dict[str, int]:
    """Findings per kind, every kind listed (0 when none)."""
    found = Counter(f.kind for f in findings)
    return {kind: found.get(kind, 0) for kind in STYLE_KINDS}


def summary_line(findings: Sequence[StyleFinding]) -> str:
    """One line for the terminal: the total, then the kinds that occur."""
    if not findings:
        return "style: no findings"
    parts = ", ".join(f"{kind} {n}" for kind, n in counts(findings).items() if n)
    return f"style: {len(findings)} finding(s), never failing the check ({parts})"


def eval_lines(clean_cases: Sequence[dict[str, Any]]) -> list[str]:
    """`drafter eval`'s style lines over the clean drafts, each case carrying "style": the
    counts() of its report."""
    totals: Counter[str] = Counter()
    for case in clean_cases:
        totals.update(case.get("style") or {})
    drafts = len(clean_cases)
    if not drafts:
        return []
    per_kind = ", ".join(f"{kind} {totals[kind] / drafts:.2f}" for kind in STYLE_KINDS)
    return [f"  style findings per clean draft (never failing): {per_kind}"]


__all__ = [
    "StyleFinding",
    "StyleKind",
    "counts",
    "ending",
    "eval_lines",
    "style_findings",
    "summary_line",
]
