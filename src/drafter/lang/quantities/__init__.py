"""Numbers, money, percentages, dates and durations in Japanese and English, normalised so a
Japanese sentence can be compared with its English evidence.

`18万2000トン` and `182,000 tonnes` both become 182000; `15億ドル` and `$1.5 billion` both become
1.5e9 USD; `10月26日` and `Oct. 26` both become the date 10-26; `1年` and `one year` and
`12 months` all become 12 months. Kanji numerals (二〇二五, 千三百億, 十二) count only when a
unit or counter follows, so words like 一方 or 統一 are never read as numbers.
"""

from drafter.lang.quantities.compare import interval, missing_quantities, same_kind, same_value
from drafter.lang.quantities.english import en_quantities
from drafter.lang.quantities.japanese import full_year, ja_quantities, parse_ja_number
from drafter.lang.quantities.quantity import Kind, Quantity
from drafter.lang.quantities.written import not_a_single, writes_number, written_values

__all__ = [
    "Kind",
    "Quantity",
    "en_quantities",
    "full_year",
    "interval",
    "ja_quantities",
    "missing_quantities",
    "not_a_single",
    "parse_ja_number",
    "same_kind",
    "same_value",
    "writes_number",
    "written_values",
]
