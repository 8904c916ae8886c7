"""Japanese hedges (見通し, 可能性, とみられる, …): found, and dropped so that the sentence
asserts flatly."""

from __future__ import annotations

import re

_SAY = r"と(?:述べ|語|話|説明|明らかに|発表|指摘|強調|言|警告|主張|訴え|見|し|答え|伝え)"
_HEDGE = re.compile(
    r"(?P<h>(?:の)?(?:見通し|見込み)を示(?P<shown>した|しました|している|しています)"
    r"|(?:の)?(?:見通し|見込み|予定)(?P<te>で)(?=、)"
    r"|(?:の)?(?:見通し|見込み|予定|方針|意向)(?P<cop>だ|です|である|となっている|となっています)?"
    r"|可能性[がも](?:ある|あります|高い|高いです|大きい|大きいです)"
    r"|(?:の)?可能性"
    r"|おそれが(?:ある|あります)"
    r"|かもしれ(?:ない|ません)"
    r"|だろう|でしょう"
    r"|(?:もの)?とみられ(?P<renyo>)(?=、)"
    r"|(?:もの)?とみられ(?:る|ている|ます|ています)"
    r"|とされ(?:る|ている|ます|ています)"
    r"|と(?:して|し)(?:いる|います)"
    r"|と(?:試算|推計|推定|予測|予想)(?:して|し)(?:いる|います|た|ました)"
    r"|という)"
    rf"(?=(?P<after>[。！？!?]?$|{_SAY}|との|という|、|[ 　]))"
)
HEDGE_LEFT = re.compile(
    r"見通し|見込み|可能性|おそれ|恐れ|かもしれ|だろう|でしょう|とみられ|とみて|予定|方針|意向"
    r"|としている|としています|とされ|ようだ|ようです|らしい|試算|推計|推定|予測|予想|模様|見方"
    r"|という[。！？]?$"
)
OPINION = re.compile(r"(?:言え|いえ|思わ|思え|思い|考えられ|望まれ)(?:る|ます)?(?:でしょう|だろう)")
_U_TO_I = dict(zip("うくぐすつぬぶむる", "いきぎしちにびみり", strict=True))
_A_TO_I = dict(zip("わかがさたなばまら", "いきぎしちにびみり", strict=True))
_E_I_ROW = set("いきぎしじちぢにひびぴみりえけげせぜてでねへべぺめれ")
_ICHIDAN_KANJI = set("見出寝着居経似煮得射")
_GODAN_BEFORE_RU = set(
    "あかがさざただなはばぱまやらわうくぐすずつづぬふぶぷむゆるおこごそぞとどのほぼぽもよろ"
)


def _is_kanji(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or char == "々"


def _polite(predicate: str) -> str | None:
    """The です・ます form of a plain predicate ending, or None when it cannot be told."""
    if predicate.endswith("する"):
        return predicate[:-2] + "します"
    if predicate.endswith("である"):
        return predicate[:-3] + "です"
    if predicate.endswith(("ている", "でいる")):
        return predicate[:-1] + "ます"
    if predicate.endswith("ない"):
        stem = predicate[:-2]
        last = stem[-1:]
        if last in _A_TO_I:
            return stem[:-1] + _A_TO_I[last] + "ません"
        if last in _E_I_ROW or last in _ICHIDAN_KANJI:
            return stem + "ません"
        return None
    last, previous = predicate[-1:], predicate[-2:-1]
    if last == "る":
        if previous in _E_I_ROW or previous in _ICHIDAN_KANJI:
            return predicate[:-1] + "ます"
        if _is_kanji(previous) or previous in _GODAN_BEFORE_RU:
            return predicate[:-1] + "ります"
        return None
    if last in _U_TO_I:
        return predicate[:-1] + _U_TO_I[last] + "ます"
    if last == "い":
        return predicate + "です"
    if last == "だ" and previous != "ん":
        return predicate[:-1] + "です"
    if last in ("た", "だ"):
        return _polite_past(predicate)
    return predicate + "です"  # a noun


_U_VERB_KANJI = set("買言使払失追従伴行思歌会合違向戦笑争扱狙救拾雇負誘迷補覆奪吸洗")
_BI_VERB_KANJI = set("呼遊選飛並結学喜運浮及")


def _polite_past(predicate: str) -> str | None:
    """The polite past of a plain past verb (減った→減りました, 書いた→書きました), or None."""
    stem, before = predicate[:-2], predicate[-2:-1]
    if predicate.endswith("かった"):
        return predicate + "です"  # an adjective: 高かったです
    if predicate.endswith("った"):
        if predicate.endswith("行った"):
            return stem + "きました"
        return stem + ("いました" if stem[-1:] in _U_VERB_KANJI else "りました")
    if predicate.endswith("んだ"):
        return stem + ("びました" if stem[-1:] in _BI_VERB_KANJI else "みました")
    if predicate.endswith("いた"):
        return stem + "きました"
    if predicate.endswith("いだ"):
        return stem + "ぎました"
    if predicate.endswith("した") or (predicate.endswith("た") and before in _E_I_ROW):
        return predicate[:-1] + "ました"
    if predicate.endswith("た") and _is_kanji(before) and before in _ICHIDAN_KANJI:
        return predicate[:-1] + "ました"
    return None


def _is_verbal(predicate: str) -> bool:
    return predicate[-1:] in "うくぐすつぬぶむるいただ"


def _drop_hedge(sentence: str, title: bool) -> str | None:
    """One hedge of `sentence` removed, the sentence rewritten as a flat assertion."""
    for match in _HEDGE.finditer(sentence):
        hedge = match.group("h")
        before = sentence[: match.start()]
        after = sentence[match.end() :]
        if not before or before[-1] in "、。「」 ":
            continue
        polite = any(p in hedge for p in ("です", "ます", "でしょう", "ません"))
        if match.group("shown"):
            said = {
                "した": "た",
                "しました": "ました",
                "している": "ている",
                "しています": "ています",
            }
            tail = "と述べ" + said[match.group("shown")]
            predicate = before if _is_verbal(before) else before + "だ"
            return predicate + tail + after
        if match.group("te") is not None or match.group("renyo") is not None:
            if not _is_verbal(before):
                return before + ("で" if match.group("te") is not None else "") + after
            stem = _polite(before)  # the ます stem is the connective form: 減らせ、 なり、
            return None if stem is None or not stem.endswith("ます") else stem[:-2] + after
        if after.startswith("、") or (after[:1] in " 　" and not title):
            continue
        if re.match(_SAY, after) or after.startswith(("との", "という")):
            predicate = before if _is_verbal(before) else before + "だ"
            return predicate + after
        if title:
            return before + after
        if polite:
            converted = _polite(before)
            return None if converted is None else converted + after
        return (before if _is_verbal(before) else before + "だ") + after
    return None


def dropped_hedge(sentence: str, title: bool = False) -> str | None:
    """`sentence` with every hedge removed (at most three), or None when one is left."""
    changed = sentence
    for _ in range(3):
        if not HEDGE_LEFT.search(changed):
            break
        rewritten = _drop_hedge(changed, title)
        if rewritten is None:
            return None
        changed = rewritten
    if changed == sentence or HEDGE_LEFT.search(changed):
        return None
    return changed
