from __future__ import annotations

from drafter.lang.text import (
    char_count,
    contains_quote,
    language_problem,
    normalize,
    split_sentences,
)


def test_japanese_splits_on_sentence_marks_and_keeps_closing_brackets() -> None:
    text = "長官は「延期する」と述べた。本当か？ 大豆も買うという！最後の文"
    assert split_sentences(text) == [
        "長官は「延期する」と述べた。",
        "本当か？",
        "大豆も買うという！",
        "最後の文",
    ]
    # a quotation is part of its sentence: never split inside 「…」, nor before と言った
    assert split_sentences("彼は「やめる。」と言った。次だ。") == [
        "彼は「やめる。」と言った。",
        "次だ。",
    ]
    assert split_sentences("組合は「港は閉じる。再開は未定だ」と述べた。次だ。") == [
        "組合は「港は閉じる。再開は未定だ」と述べた。",
        "次だ。",
    ]
    # a quoted line followed by a new sentence is two sentences
    assert split_sentences("「やめる。」彼はそう言った。") == ["「やめる。」", "彼はそう言った。"]
    # ... but quotations in a row, or a particle after the closing mark, go on with it
    # a name with its mark, then a particle: one sentence
    assert split_sentences("本人は「いいね！」の数を見られる。次だ。") == [
        "本人は「いいね！」の数を見られる。",
        "次だ。",
    ]
    # a short name with its mark, then a katakana noun (「いいね！」ボタン): one sentence; a
    # longer quoted line before a new sentence is still two
    assert split_sentences("種類がある。「いいね！」ボタンを置くと送られる。") == [
        "種類がある。",
        "「いいね！」ボタンを置くと送られる。",
    ]
    assert split_sentences("「港はもう閉じるしかない！」スタッフは言った。") == [
        "「港はもう閉じるしかない！」",
        "スタッフは言った。",
    ]
    assert split_sentences("無線で「確保した！」「無事だ」と伝えた。次だ。") == [
        "無線で「確保した！」「無事だ」と伝えた。",
        "次だ。",
    ]
    assert split_sentences("「文句ある？」でいいだろ。次だ。") == [
        "「文句ある？」でいいだろ。",
        "次だ。",
    ]
    # an unclosed bracket (a typo) does not swallow the paragraph
    assert split_sentences("括弧が（閉じない。次の文。") == ["括弧が（閉じない。", "次の文。"]


def test_initials_do_not_end_a_sentence() -> None:
    assert split_sentences("Coach P.J. Fleck said they will play. It was fine.") == [
        "Coach P.J. Fleck said they will play.",
        "It was fine.",
    ]


def test_english_does_not_split_on_abbreviations() -> None:
    text = 'U.S. officials met on Oct. 26 in Kuala Lumpur. Mr. Lee said "no." The deal is $1.5 billion.'
    assert split_sentences(text) == [
        "U.S. officials met on Oct. 26 in Kuala Lumpur.",
        'Mr. Lee said "no."',
        "The deal is $1.5 billion.",
    ]
    # plural titles: "Reps. Omar and Tlaib" is one sentence
    assert len(split_sentences("Reps. Ilhan Omar and Rashida Tlaib and Sens. Bob Lee spoke.")) == 1
    # ranks: "Retired Army Maj. Mike Lyons" had been cut after "Maj."
    for rank in ("Maj.", "Brig. Gen.", "Cpl.", "Pvt.", "Pfc.", "Cdr.", "Atty.", "Asst. Prof."):
        assert len(split_sentences(f"Retired Army {rank} Dana Lyons said it was a drill.")) == 1


def test_normalize_folds_width_quotes_and_whitespace() -> None:
    assert normalize("ＡＢＣ　１２３  “quoted”\n’s") == 'ABC 123 "quoted" \'s'
    assert contains_quote("He said: “we expect  a delay”, then left.", '"we expect a delay"')
    assert not contains_quote("He said nothing.", "we expect a delay")
    assert not contains_quote("anything", "  ")


def test_language_problem_allows_latin_names_in_japanese() -> None:
    assert language_problem("NATOのStoltenberg事務総長は会見で述べた。", "ja") is None
    assert (
        language_problem("The minister said the delay is expected.", "ja")
        == "is not written in Japanese"
    )
    assert language_problem("大臣は延期の見通しを示した。", "en") == "is not written in English"
    # a heading of names in Latin letters is Japanese; an English sentence with a particle is not
    assert language_problem("ARKitとTrueDepthカメラ", "ja") is None
    assert language_problem("Apple's ARKit uses TrueDepth camera data と述べた", "ja")
    assert char_count("日本 語\n") == 3


def test_a_full_stop_a_page_lost_its_space_after_still_ends_a_sentence() -> None:
    """ "…on Wednesday.The stabbing…": one sentence of the whole article before (every claim
    cited S1). Not inside a name or a domain: U.S.The, jpost.com, Node.js."""
    assert split_sentences("He died on Wednesday.The clinic closed. Police came.") == [
        "He died on Wednesday.",
        "The clinic closed.",
        "Police came.",
    ]
    assert len(split_sentences("See jpost.com and Node.js today.")) == 1
    # after a figure, before a capitalised abbreviation or a quotation (SummEdits' news text)
    assert split_sentences("It fell 0.27%.Australia's index rose.MSCI's gauge slid.")[1:] == [
        "Australia's index rose.",
        "MSCI's gauge slid.",
    ]
    assert split_sentences('Rates stay up for longer."The flow is strong," he said.')[1] == (
        '"The flow is strong," he said.'
    )


def test_brand_heavy_japanese_sentence_is_still_japanese() -> None:
    assert language_problem("TikTokのCEO、Shou Chew氏は米国で会見した。", "ja") is None


def test_a_word_ending_in_a_letter_beyond_ascii_or_a_figures_unit_ends_its_sentence() -> None:
    """ "…educação e punição. Que seja…" was one sentence (the "o" after "ã" was read as an
    initial), and so was "…titles in 4K. Everyone else might wait": two sentences each,
    while initials and abbreviations still end none."""
    assert split_sentences("Que sejam educação e punição. Que seja dada a chance.") == [
        "Que sejam educação e punição.",
        "Que seja dada a chance.",
    ]
    assert split_sentences("Sonó la canción. El público aplaudió.") == [
        "Sonó la canción.",
        "El público aplaudió.",
    ]
    assert split_sentences("It plays titles in 4K. Everyone else might wait.") == [
        "It plays titles in 4K.",
        "Everyone else might wait.",
    ]
    assert split_sentences("Coach P.J. Fleck and Mr. Dorran met in the U.S. Army base.") == [
        "Coach P.J. Fleck and Mr. Dorran met in the U.S. Army base."
    ]
