"""Which Center covers an HTS number: the longest matching prefix of centers.csv (§3)."""

from functools import cache

from .reference import read_rows

SPECIAL_CHAPTERS = ("98", "99")  # special provisions and additional duties never decide


@cache
def prefix_table() -> dict[str, str]:
    """Return {HTS prefix: Center code} for every prefix listed in centers.csv."""
    table = {}
    for row in read_rows("centers.csv"):
        for prefix in row["hts_prefixes"].split():
            table[prefix] = row["code"]
    return table


def center_for_hts(hts: str) -> str | None:
    """Return the code of the Center whose longest listed prefix matches `hts`, or None."""
    if not hts or hts[:2] in SPECIAL_CHAPTERS:
        return None
    table = prefix_table()
    for length in range(min(len(hts), 10), 1, -1):
        code = table.get(hts[:length])
        if code:
            return code
    return None
