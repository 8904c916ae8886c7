"""Language tools shared by the sections, the check, books and 関連記事: Japanese-safe text
(NFKC, sentence splitting, character counts), cross-lingual sentence alignment, names in
katakana and kanji mapped to the source, quantities and dates in both languages, weekdays
resolved to dates. Nothing here knows about runs, models, the desk or the CLI."""
