"""Quotations given another meaning: one word flipped (増加→減少) or one figure changed."""

from __future__ import annotations

import random
import re

from .numbers import ja_numbers, number_changes

_FLIPS = (
    ("上がっ", "下がっ"), ("上がる", "下がる"), ("上がり", "下がり"), ("下がっ", "上がっ"),
    ("下がる", "上がる"), ("下がり", "上がり"), ("増えた", "減った"), ("増えて", "減って"),
    ("増える", "減る"), ("減った", "増えた"), ("減って", "増えて"), ("減る", "増える"),
    ("増加", "減少"), ("減少", "増加"), ("上昇", "下落"), ("下落", "上昇"), ("拡大", "縮小"),
    ("縮小", "拡大"), ("改善", "悪化"), ("悪化", "改善"), ("強化", "緩和"), ("緩和", "強化"),
    ("上回", "下回"), ("下回", "上回"), ("高い", "低い"), ("低い", "高い"), ("高く", "低く"),
    ("低く", "高く"), ("多い", "少ない"), ("少ない", "多い"), ("多く", "少なく"),
    ("少なく", "多く"),
    ("大きな", "小さな"), ("小さな", "大きな"), ("大きい", "小さい"), ("小さい", "大きい"),
    ("良い", "悪い"), ("悪い", "良い"), ("いい", "悪い"), ("強い", "弱い"), ("弱い", "強い"),
    ("長い", "短い"), ("短い", "長い"), ("早く", "遅く"), ("遅く", "早く"), ("安い", "高い"),
    ("できない", "できる"), ("できません", "できます"), ("できる", "できない"),
    ("できます", "できません"), ("ていない", "ている"), ("ておらず", "ており"),
    ("ていません", "ています"), ("ている", "ていない"), ("ています", "ていません"),
    ("られない", "られる"), ("せない", "せる"), ("ありません", "あります"),
    ("あります", "ありません"), ("ならない", "なる"), ("なる", "ならない"),
    ("賛成", "反対"), ("反対", "賛成"), ("支持", "拒否"), ("歓迎", "拒否"), ("成功", "失敗"),
    ("失敗", "成功"), ("勝利", "敗北"), ("不要", "必要"), ("必要", "不要"), ("不可能", "可能"),
    ("可能", "不可能"), ("安全", "危険"), ("危険", "安全"), ("最大", "最小"), ("最高", "最低"),
    ("最低", "最高"), ("打撃", "恩恵"), ("恩恵", "打撃"), ("始ま", "終わ"), ("終わ", "始ま"),
    ("助け", "妨げ"), ("望んで", "拒んで"), ("すべて", "一部"), ("全て", "一部"),
    ("一部", "すべて"), ("毎月", "毎年"), ("毎年", "毎月"), ("毎日", "毎週"), ("両側", "片側"),
    ("以上", "以下"), ("以下", "以上"), ("誰も", "誰もが"), ("決して", "必ず"), ("必ず", "決して"),
    ("本当", "嘘"), ("真実", "嘘"), ("好き", "嫌い"), ("嫌い", "好き"), ("勝", "負"),
)  # fmt: skip
JA_QUOTE = re.compile(r"「([^「」]{4,})」")


def flip_quote(inner: str, rng: random.Random) -> tuple[str, str] | None:
    """`inner` with one word given another meaning (or one figure changed), and what changed."""
    options: list[tuple[int, str, str]] = []
    taken: set[int] = set()
    for old, new in sorted(_FLIPS, key=lambda pair: -len(pair[0])):
        for found in re.finditer(re.escape(old), inner):
            if found.start() in taken:
                continue
            taken.update(range(found.start(), found.end()))
            options.append((found.start(), old, new))
    if options:
        at, old, new = rng.choice(sorted(options))
        return inner[:at] + new + inner[at + len(old) :], f"「…{old}…」→「…{new}…」"
    numbers = ja_numbers(inner)
    if numbers:
        number = rng.choice(numbers)
        changes = number_changes(number, rng)
        if changes:
            text, _ = rng.choice(changes)
            return inner[: number.start] + text + inner[number.end :], f"{number.text}→{text}"
    return None
