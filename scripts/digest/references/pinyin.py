"""Pinyin syllables and surnames: the linguistic tables name matching needs.

These are facts of the language, not of any corpus: the syllable inventory of
Standard Mandarin and the most common surnames (compound ones included), used
to tell "Wang Junning" (surname first) from "Kevin O'Brien" (given name first)
and to read "Junning" as the initials J. N.
"""

from __future__ import annotations

from functools import cache

_INITIALS = "b p m f d t n l g k h j q x zh ch sh r z c s y w".split()
_FINALS = (
    "a o e i u v ai ei ao ou an en ang eng ong er ia ie iao iu ian in iang ing iong "
    "ua uo uai ui uan un uang ueng ue van vn ve"
).split()
# Syllables with no initial.
_BARE = "a o e ai ei ao ou an en ang eng er".split()

SYLLABLES: frozenset[str] = frozenset(
    {i + f for i in _INITIALS for f in _FINALS} | set(_BARE) | {"yu", "yue", "yuan", "yun"}
)

SURNAMES: frozenset[str] = frozenset(
    """
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng
    liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai
    du ye cheng wei su lu ding ren shen yao jin fu zhong cui tan fan wan shi qin
    xiong meng qiu hou bai jia xue lei long duan hao kong shao mao qian yan gu chang niu
    hong kang dai tao fang mo yin zou xia qi lai wen bao zhan gong ji shang ou an
    ni yi chai guan lan lian mu kuang zuo geng xing cen rao hua bi
    ouyang sima zhuge shangguan situ duanmu huangfu gongsun xiahou zhangsun yuwen
    """.split()
)


@cache
def syllable_initials(given: str) -> frozenset[str]:
    """Every way to read a pinyin given name as initials: "junning" -> {"JN"}."""
    word = given.lower().replace("-", "").replace("'", "").replace("’", "")
    results: set[str] = set()

    def walk(position: int, letters: str) -> None:
        if position == len(word):
            results.add(letters)
            return
        for length in range(1, 7):
            piece = word[position : position + length]
            if len(piece) == length and piece in SYLLABLES:
                walk(position + length, letters + piece[0].upper())

    walk(0, "")
    return frozenset(results)


def is_pinyin_surname(word: str) -> bool:
    return word.lower().replace("-", "") in SURNAMES
