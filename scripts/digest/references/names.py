"""Author lists in the forms reference lists use.

- pinyin, surname first, initials after: "Wang J.N.", "Dai Y.Q., Liu Y.", GB/T "Wang J N"
- APA, surname comma initials: "Han, D. X., & Hu, X. D.", "Tsai, L. L., and O'Brien, K. J."
- full names: "Wang Junning" (pinyin, surname first) or "Kevin J. O'Brien" (given first)
"et al." ends a list; the truncation is reported, not turned into an author.
"""

from __future__ import annotations

import re

from digest.model import Person
from digest.references.pinyin import is_pinyin_surname

_ET_AL = re.compile(r",?\s*(?:et\s*al\.?|等)\s*$", re.IGNORECASE)
_INITIALS = re.compile(r"^(?:[A-Z]\.?[\s-]*){1,4}$")
# Lower-case particles that belong to the family name ("van der Berg", "de la Cruz").
_PARTICLE = r"(?:van|von|der|den|de|del|della|di|da|du|la|le|dos|das|ten|ter|zu|bin|al|el)"
_PARTICLES = rf"(?:{_PARTICLE}\s+)*"
# A capitalised word in any alphabet with Latin capitals, apostrophes and hyphens inside
# ("O'Brien", "Müller", "Gómez-Ruiz").
_CAPITALISED = r"[A-ZÀ-ÖØ-ÞĀ-ſ][^\W\d_]*(?:['’\-][^\W\d_]+)*"
_SURNAME = _PARTICLES + _CAPITALISED
# Given-first names print some particles capitalised: "Marco De Gemmis", "Aad W. Van der Vaart".
_CAPITAL_PARTICLE = r"(?:Van|Von|De|Der|Den|Del|Della|Di|Da|Du|Dos|Das|La|Le|Ten|Ter|Mac)"


def normalise_initials(text: str) -> str:
    """ "J.N." / "JN" / "J N" / "J.-N." -> "J. N." """
    letters = re.findall(r"[A-Z]", text)
    return " ".join(f"{letter}." for letter in letters)


def _title_case(word: str) -> str:
    """GB/T prints surnames in capitals ("WANG"); "O'BRIEN" -> "O'Brien"."""
    if word.isupper() and len(word) > 1:
        return re.sub(r"[A-Za-z]+", lambda m: m.group().capitalize(), word.lower())
    return word


_BODY = re.compile(
    r"\b(Office|Committee|Ministry|Council|Bureau|Department|Commission|Government|Congress|"
    r"Association|Institute|Center|Centre|Administration|Federation|League|Party|Agency|Bank|"
    r"Programme|Program|Organization|Organisation|Foundation|Fund|Forum|Society|Union|Nations|"
    r"Group|Network|Corporation|Company|Consortium|Team|Board|Authority|Academy|University|"
    r"Statistics|Research|Development|Institution|Trust|Service|Services|Project|Library)\b"
)


# GB/T prints a body in capitals as it prints surnames: "PEW RESEARCH CENTER".
_BODY_ANY_CASE = re.compile(_BODY.pattern, re.IGNORECASE)


def parse_person(text: str) -> Person | None:
    """One name in any of the forms above, or None if it is not a name."""
    text = text.strip().strip(",").strip()
    if not text or len(text) > 80:
        return None
    words = text.split()
    if len(words) >= 2 and _BODY.search(text) and words[0][0].isupper() and "." not in text:
        # An institution as author ("General Office of the State Council"): one family name.
        return Person(text)
    if "," in text:  # "Han, D. X." / "O'Brien, Kevin J." / "van der Berg, J."
        family, given = (part.strip() for part in text.split(",", 1))
        if not re.fullmatch(rf"(?:{_CAPITAL_PARTICLE}\s+)?{_SURNAME}(?: {_CAPITALISED})*", family):
            return None
        return Person(_title_case(family), _given(given))
    particles = re.match(rf"^{_PARTICLES}", text).group()
    words = text[len(particles) :].split()
    if not words:
        return None
    if len(words) == 1:
        if not re.fullmatch(_CAPITALISED, words[0]):
            return None
        return Person(particles + _title_case(words[0]))
    # Surname followed by initials: "Wang J.N.", "Wang J N", "WANG JN", "de Ross P"
    rest = " ".join(words[1:])
    if re.fullmatch(_CAPITALISED, words[0]) and _INITIALS.match(rest.replace(".", ". ").strip()):
        return Person(particles + _title_case(words[0]), normalise_initials(rest))
    # A surname of two words before Vancouver initials: "Graciotto Silva M", "St Laurent AM"
    if (
        len(words) == 3
        and re.fullmatch(r"[A-Z]{1,3}", words[2])
        and all(re.fullmatch(_CAPITALISED, w) and not w.isupper() for w in words[:2])
    ):
        return Person(particles + " ".join(words[:2]), normalise_initials(words[2]))
    if particles:
        return None  # "de Ross Peter": no form of a name reads so
    family_pattern = rf"\s((?:{_CAPITAL_PARTICLE}\s+)?{_PARTICLES}){_CAPITALISED}$"
    inner = re.search(family_pattern, " " + " ".join(words))
    if inner and len(words) - len(inner.group(1).split()) < 2:
        inner = None  # "De Gemmis" alone: no given name would be left
    family_particles = inner.group(1) if inner else ""
    if family_particles:  # "Jean-Pierre van der Berg": the particles go with the surname
        given_words = words[: -1 - len(family_particles.split())]
        words = [*given_words, words[-1]]
    if not all(re.fullmatch(r"[A-ZÀ-ÖØ-ÞĀ-ſ][^\W\d_]*(?:[.'’\-][^\W\d_]*)*\.?", w) for w in words):
        return None
    # Full names: pinyin puts the surname first ("Wang Junning"), English last.
    if is_pinyin_surname(words[0]) and len(words) == 2 and not words[1].endswith("."):
        return Person(_title_case(words[0]), words[1])
    return Person(family_particles + _title_case(words[-1]), _given(" ".join(words[:-1])))


def _given(text: str) -> str:
    text = text.strip()
    if text.endswith(".") and len(text.rsplit(" ", 1)[-1]) > 2:
        text = text[:-1]  # "Licheng." closes the name part of "Ma, Licheng. 2012."
    compact = text.replace(" ", "").replace("-", "")
    if re.fullmatch(r"(?:[A-Z]\.?)+", compact):
        return normalise_initials(text)
    return text


_COMPANY = re.compile(r",\s*(?:Inc|Ltd|LLC|Co|Corp|GmbH|plc)\.?$")


def _organisation(text: str) -> bool:
    """One body as author ("Organisation for Economic Co-operation and Development"):
    a word of institutions, no comma and no initial, so the "and" inside is no separator."""
    return bool(
        _BODY_ANY_CASE.search(text)
        and "," not in text
        and not re.search(r"(?:^|\s)[A-Z](?:\.|\s|$)", text)
        and len(text.split()) >= 2
    )


def parse_authors(text: str) -> tuple[list[Person], bool]:
    """Split an author list; returns (people, truncated by "et al.")."""
    text = text.strip().rstrip(".").strip() if not re.search(r"\b[A-Z]\.$", text) else text
    truncated = bool(_ET_AL.search(text))
    text = _ET_AL.sub("", text).strip().rstrip(",")
    company = _COMPANY.search(text)
    if company and _organisation(text[: company.start()]):
        # "Online Computer Library Center, Inc.": the comma belongs to the body's name.
        return [Person(text.rstrip(".") + ".")], truncated
    if _organisation(text):
        return [Person(text)], truncated
    printed = text  # before "and" becomes a comma: the first author's comma is printed
    text = re.sub(r",?\s*(?:&|\band\b|…|\.\s\.\s\.)\s*", ", ", text)
    pieces = [p.strip() for p in re.split(r"\s*[,;，；]\s*", text) if p.strip()]
    people: list[Person] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        following = pieces[index + 1] if index + 1 < len(pieces) else ""
        # APA: "Han", "D. X." -> one person
        if (
            following
            and re.fullmatch(rf"(?:{_CAPITAL_PARTICLE}\s+)?{_SURNAME}", piece)
            and (
                _INITIALS.match(following.replace(".", ". ").strip())
                or _is_given_names(following)
                or (
                    index == 0
                    and _are_whole_given_names(following)
                    and re.match(rf"\s*{re.escape(piece)}\s*,", printed) is not None
                )
            )
            and (" " not in piece or re.match(rf"(?:{_PARTICLE}|{_CAPITAL_PARTICLE})\s", piece))
        ):
            person = parse_person(f"{piece}, {following}")
            index += 2
        else:
            person = parse_person(piece)
            index += 1
        if person is None:
            return [], truncated
        people.append(person)
    return _one_name_order(people, pieces), truncated


def _one_name_order(people: list[Person], pieces: list[str]) -> list[Person]:
    """A list prints every name in one order. Where other names are plainly given name
    first ("Brian Granger"), a two-word pinyin name whose words could both be surnames
    is too: "Li Chen" is Chen, Li. "Guo Zhenglin" stays: Zhenglin is no surname, so
    the author printed the Chinese order on purpose, as Chinese-English papers do."""
    if len(people) != len(pieces):
        return people  # pieces were paired ("Han", "D. X."): surname-first, comma-inverted
    given_first = any(
        len(words := piece.split()) >= 2
        and person.family.endswith(words[-1])
        and not is_pinyin_surname(words[0])
        for person, piece in zip(people, pieces, strict=True)
    )
    if not given_first:
        return people
    out = []
    for person, piece in zip(people, pieces, strict=True):
        words = piece.split()
        if (
            len(words) == 2
            and person.family == words[0]
            and person.given == words[1]
            and is_pinyin_surname(words[1])
        ):
            person = Person(words[1], words[0])
        out.append(person)
    return out


def _are_whole_given_names(text: str) -> bool:
    """ "Yoo Sun" after the first surname ("Jung, Yoo Sun, Flávio DS Souza, and ..."):
    Chicago, MLA, ASA and APSA invert the first author only, whose given names may be
    two words without an initial."""
    words = text.split()
    name_word = r"[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+(?:-[A-Za-zà-ÿ][a-zà-ÿ]+)*"
    return 2 <= len(words) <= 3 and all(re.fullmatch(name_word, w) for w in words)


def _is_given_names(text: str) -> bool:
    """ "Kevin J." or "Wei-Feng" after "O'Brien," / "Tzeng," in lists with full given names."""
    words = text.split()
    name_word = r"[A-Z][a-z]*(?:-[A-Z]?[a-z]+)*\.?"
    if not 1 <= len(words) <= 3 or not all(re.fullmatch(name_word, w) for w in words):
        return False
    initial = any(w.endswith(".") or len(w) == 1 for w in words)
    return (initial or len(words) == 1) and not is_pinyin_surname(words[0].rstrip("."))
