r"""Which words of a title must keep their capitals, whatever case a style sets.

BibTeX styles (plain.bst's ``"t" change.case$``), biblatex's ``\MakeSentenceCase``
and CSL processors reading BibTeX (pandoc for APA) lower every letter of a title
but the first unless it stands inside braces; Chicago-like CSL styles raise words
to title case. So a title is written with braces around the words that must keep
their case, the way Better BibTeX does it, never around the whole title: then a
sentence-case style can lower "The Governance" and keep "Zhejiang".

A word keeps its case (is *protected*) when

1. its shape says so: a capital after its first letter ("CPC", "MIMOs",
   "iPhone", "McCarthy", "PhD"), or a single capital other than "A" ("Plan B";
   not the title's first word, whose first letter every style keeps);
2. it is a Chinese name: a capitalised word that divides wholly into two or more
   Standard Mandarin syllables as pinyin spells them (a syllable that opens with
   a, o or e only at the start of the word or after an apostrophe: "Xi'an"), in any
   title ("Zhejiang", "Chongqing", "China"); see :func:`is_pinyin_name`. A pinyin
   surname right before such a name belongs to it ("Xi Jinping"), and so does an
   administrative word after a protected name ("Hubei Province"); before an
   administrative word, any capitalised word that reads as pinyin is a place name
   ("Anhui Province", "Bishan District");
3. the title is in sentence case and the word is capitalised without starting the
   title or a subtitle (after ":", "?", "!", ".", ";" or a dash): in a title that is
   otherwise lower case, a capital is the author's decision ("Exploration of Party
   building in Bishan District"), as Better BibTeX reads a Zotero title. A title is
   in sentence case when, of its words that count (two letters or more, no digits,
   not starting a segment, not the second part of a hyphenated compound, not a
   function word such as "of", "the", "and", not protected already), at least one
   and as many or more are lower case than capitalised; in a Title Case title a
   capital says nothing, so rule 3 is off.

Protected words standing next to each other (only spaces between) share one
group: ``{Bishan District}``. Everything else is left to the style. A word that
reads as pinyin by accident ("Data", "Human") is kept capitalised: the cost of a
wrong guess is a capital the style would have lowered, never a name lowered.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from digest.references.keys import SKIP_WORDS

# Standard Mandarin syllables as pinyin spells them (ü written v), by initial.
_SYLLABLE_TABLE = """
a o e ai ei ao ou an en ang eng er
yi ya yo ye yao you yan yin yang ying yong yu yue yuan yun
wu wa wo wai wei wan wen wang weng
ba bo bai bei bao ban ben bang beng bi bie biao bian bin bing bu
pa po pai pei pao pou pan pen pang peng pi pie piao pian pin ping pu
ma mo me mai mei mao mou man men mang meng mi mie miao miu mian min ming mu
fa fo fei fou fan fen fang feng fu
da de dai dei dao dou dan den dang deng dong di die diao diu dian ding du duo dui duan dun
ta te tai tao tou tan tang teng tong ti tie tiao tian ting tu tuo tui tuan tun
na ne nai nei nao nou nan nen nang neng nong ni nie niao niu nian nin niang ning
nu nuo nuan nv nve nue
la le lai lei lao lou lan lang leng long li lia lie liao liu lian lin liang ling
lu luo luan lun lv lve lue
ga ge gai gei gao gou gan gen gang geng gong gu gua guo guai gui guan gun guang
ka ke kai kei kao kou kan ken kang keng kong ku kua kuo kuai kui kuan kun kuang
ha he hai hei hao hou han hen hang heng hong hu hua huo huai hui huan hun huang
ji jia jie jiao jiu jian jin jiang jing jiong ju jue juan jun
qi qia qie qiao qiu qian qin qiang qing qiong qu que quan qun
xi xia xie xiao xiu xian xin xiang xing xiong xu xue xuan xun
zha zhe zhi zhai zhei zhao zhou zhan zhen zhang zheng zhong zhu zhua zhuo zhuai zhui
zhuan zhun zhuang
cha che chi chai chao chou chan chen chang cheng chong chu chua chuo chuai chui chuan
chun chuang
sha she shi shai shei shao shou shan shen shang sheng shu shua shuo shuai shui shuan
shun shuang
re ri rao rou ran ren rang reng rong ru rua ruo rui ruan run
za ze zi zai zei zao zou zan zen zang zeng zong zu zuo zui zuan zun
ca ce ci cai cao cou can cen cang ceng cong cu cuo cui cuan cun
sa se si sai sao sou san sen sang seng song su suo sui suan sun
"""
MANDARIN_SYLLABLES: frozenset[str] = frozenset(_SYLLABLE_TABLE.split())
# Spellings pinyin uses and English words do not: a word with one is a name even
# when it ends the way English words do ("June" aside, "Beijing", "Liaoning").
_PINYIN_ONLY = re.compile(r"zh|x|q|j|iao|iu|uo")
# English endings that also read as pinyin syllables: a silent e after a consonant
# ("Case" = ca-se, "Change"), -ing ("Running"); and English words that open with a
# vowel syllable ("Open" = o-pen, "Along").
_ENGLISH_SHAPE = re.compile(r"[^aeiouv]e$|ing$|^[aoe]")
# Words that name the level of a place after its name: "Bishan District".
ADMINISTRATIVE_WORDS = frozenset(
    """
    province provinces city cities district districts county counties municipality
    prefecture town township village villages subdistrict street region
    """.split()
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_HYPHENS = ("-", "\u2010", "\u2011")
# What ends a title's segment: the next word starts a sentence or a subtitle.
_SEGMENT_END = re.compile(r"[:?!.;—–]|--")


@cache
def _syllable_counts(word: str) -> frozenset[int]:
    """How many syllables each complete pinyin reading of ``word`` has (empty: none)."""
    text = _toneless(word)
    counts: set[int] = set()

    def walk(position: int, count: int) -> None:
        if position == len(text):
            counts.add(count)
            return
        if text[position] in "'’":
            walk(position + 1, count)
            return
        for length in range(1, 7):
            piece = text[position : position + length]
            if len(piece) < length or piece not in MANDARIN_SYLLABLES:
                continue
            if piece[0] in "aoe" and position and text[position - 1] not in "'’":
                continue  # pinyin writes "Xi'an": a vowel syllable needs the apostrophe
            walk(position + length, count + 1)

    walk(0, 0)
    return frozenset(counts)


def _toneless(word: str) -> str:
    """Lower case, tone marks dropped and ü written v, as the table spells: "Zhèjiāng"."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("ü", "v"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def reads_as_pinyin(word: str) -> bool:
    """The whole word divides into two or more Mandarin syllables."""
    return any(count >= 2 for count in _syllable_counts(word))


@cache  # titles repeat their words; a word's reading never changes
def is_pinyin_name(word: str) -> bool:
    """A capitalised word that is a Chinese name written in pinyin (rule 2 above).

    It reads as two or more syllables and either spells something only pinyin
    spells (zh, x, q, j, iao, iu, uo) or has no English shape (a silent e after a
    consonant, -ing, an opening vowel syllable). Adjectives in -ese of such names
    count too ("Chinese" from "China", "Taiwanese").
    """
    if not _capitalised(word):
        return False
    lower = _POSSESSIVE.sub("", _toneless(word))
    if lower.endswith("ese") and len(lower) > 4:
        stem = lower[:-3]
        if _pinyin_word(stem) or _pinyin_word(stem + "a"):
            return True
    return _pinyin_word(lower)


def _pinyin_word(lower: str) -> bool:
    if not reads_as_pinyin(lower):
        return False
    return bool(_PINYIN_ONLY.search(lower)) or not _ENGLISH_SHAPE.search(lower)


def _capitalised(word: str) -> bool:
    """One capital, then lower case: "Zhejiang" (not "CPC", not "iPhone")."""
    return word[:1].isupper() and not any(ch.isupper() for ch in word[1:])


def _shape_protected(word: str) -> bool:
    """Rule 1: a capital after the first letter, or a lone capital other than "A"."""
    if any(ch.isupper() for ch in word[1:]):
        return True
    return len(word) == 1 and word.isupper() and word != "A"


def protected_spans(title: str) -> list[tuple[int, int]]:
    """Start and end of each group of words in ``title`` that must keep its case."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(title)]
    if not words:
        return []
    starts = _segment_starts(title, words)
    protected = [_shape_protected(word) or is_pinyin_name(word) for _, _, word in words]
    protected[0] = protected[0] and len(words[0][2]) > 1  # a title's first capital stays
    _extend_names(title, words, protected)
    if _sentence_case(title, words, starts, protected):
        for index, (_, _, word) in enumerate(words):
            if index not in starts and word[:1].isupper():
                protected[index] = True
    return _groups(title, words, protected)


def _segment_starts(title: str, words: list[tuple[int, int, str]]) -> set[int]:
    """Indices of the words that start the title or a subtitle."""
    starts = {0}
    for index in range(1, len(words)):
        between = title[words[index - 1][1] : words[index][0]]
        if _SEGMENT_END.search(between):
            starts.add(index)
    return starts


def _sentence_case(
    title: str, words: list[tuple[int, int, str]], starts: set[int], protected: list[bool]
) -> bool:
    """Rule 3's test: the title's own words are mostly lower case."""
    lower = upper = 0
    for index, (start, _, word) in enumerate(words):
        if index in starts or protected[index] or word.lower() in SKIP_WORDS:
            continue
        if len(word) < 2 or not word.isalpha() or title[words[index - 1][1] : start] in _HYPHENS:
            continue  # letters, numbers, codes ("v1"), the second part of a compound
        if word[:1].isupper():
            upper += 1
        else:
            lower += 1
    return lower > 0 and lower >= upper


def _extend_names(title: str, words: list[tuple[int, int, str]], protected: list[bool]) -> None:
    """Administrative words after a protected name (or after a word that reads as
    pinyin), and a pinyin surname before a pinyin name, belong to the name (only
    spaces between)."""
    for index in range(1, len(words)):
        if not _spaced(title, words[index - 1], words[index]):
            continue
        before, word = words[index - 1][2], words[index][2]
        if not (_capitalised(word) and word.lower() in ADMINISTRATIVE_WORDS):
            continue
        # Before "Province", "District" ... a word that reads as pinyin is a place name
        # even with an English look ("Anhui Province"): the name and its level keep case.
        if protected[index - 1] or (_capitalised(before) and reads_as_pinyin(before)):
            protected[index - 1] = protected[index] = True
    for index in range(len(words) - 2, -1, -1):
        if not _spaced(title, words[index], words[index + 1]):
            continue
        word, after = words[index][2], words[index + 1][2]
        if protected[index + 1] and is_pinyin_name(after) and _is_surname(word):
            protected[index] = True


def _is_surname(word: str) -> bool:
    """One capitalised syllable that is no English function word: "Xi", "He", "Mao"."""
    lower = _toneless(word)
    return _capitalised(word) and lower in MANDARIN_SYLLABLES and lower not in SKIP_WORDS


def _spaced(title: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    between = title[left[1] : right[0]]
    return bool(between) and between.isspace()


def _groups(
    title: str, words: list[tuple[int, int, str]], protected: list[bool]
) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for index, (start, end, _) in enumerate(words):
        if not protected[index]:
            continue
        if spans and protected[index - 1] and _spaced(title, words[index - 1], words[index]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans
