"""The kind word model: the kind of a section nothing else tells, read from its items."""

from __future__ import annotations

import yaml

from digest.clean import clean_text
from digest.compare.extract import extract_items
from digest.compare.kind_words import KIND_MODEL, KIND_WORDS, NOTHING, kind_by_words
from digest.compare.theme_words import dump, fit
from digest.model import Item

# Hand-written items of each kind, and of sections that put nothing forward.
EXAMPLES = [
    ("Meetings are held when members are away", "Few attend and nothing is decided.", "problem"),
    ("Funds are too short", "The budget runs out and nothing is repaired.", "problem"),
    ("The township sets the targets", "Because the targets come from above, it follows.", "cause"),
    ("Cadres are judged on paper", "The reason is that assessment counts meetings.", "cause"),
    ("Open the accounts", "The branch should publish its accounts every month.", "path"),
    ("Train the secretaries", "Counties should hold classes for secretaries.", "path"),
    ("Members signed first", "In 2020 the members signed the pledge first.", "experience"),
    ("The branch settled old accounts", "It posted the lists in the hall in 2019.", "experience"),
    ("The villages", "The two villages lie in the hills, with 3,000 residents.", NOTHING),
    ("Sources", "We interviewed 40 residents and read the minutes.", NOTHING),
]


def _model():  # type: ignore[no-untyped-def]
    return fit(((label, passage, [kind]) for label, passage, kind in EXAMPLES), KIND_WORDS)


def _items(*pairs: tuple[str, str]) -> list[Item]:
    return [
        Item("problem", label, passage, section="", source="runin", anchor="", block=0)
        for label, passage in pairs
    ]


def test_a_section_takes_the_kind_its_items_words_are_clearly_nearest() -> None:
    model = _model()
    paths = _items(
        ("Publish the budget", "The street should publish the budget to residents."),
        ("Hold classes", "The county should hold classes for members."),
    )
    assert kind_by_words(paths, model) == "path"
    lessons = _items(
        ("Members went first", "In 2021 the members signed before anyone else."),
        ("The lists were posted", "The branch posted the lists in the hall in 2020."),
    )
    assert kind_by_words(lessons, model) == "experience"


def test_a_section_about_its_setting_or_one_item_alone_puts_nothing_forward() -> None:
    model = _model()
    setting = _items(
        ("The compounds", "The three compounds lie by the river, with 2,000 residents."),
        ("Data", "We interviewed 30 residents and read the minutes."),
    )
    assert kind_by_words(setting, model) is None
    assert kind_by_words(_items(("Hold classes", "The county should hold classes.")), model) is None


UNKNOWN_HEADINGS = """# Introduction

The estate is old.

# The Estate and the Study

We interviewed 30 residents.

# Around the Courtyard

**Members went first.** In 2021 the members signed the pledge before anyone else.

**The lists were posted.** In 2020 the branch posted the lists in the hall.

# Conclusion

It can change.
"""


def test_the_extractor_reads_a_section_nothing_else_tells_by_its_words() -> None:
    document = clean_text(UNKNOWN_HEADINGS)
    assert extract_items(document, kind_model=False) == []
    found = extract_items(document, kind_model=_model())
    assert [(item.kind, item.label) for item in found] == [
        ("experience", "Members went first"),
        ("experience", "The lists were posted"),
    ]


def test_the_shipped_model_is_trained_from_the_dev_gold_alone() -> None:
    import train_kind_words

    from digest.evaluation.kind_training import train_kinds

    papers = train_kind_words.dev_sections()
    split = yaml.safe_load((train_kind_words.CORPUS / "split.yml").read_text(encoding="utf-8"))
    assert not set(papers) & set(split["test"]), "the test part is never learned from"
    assert set(split["dev"]) <= set(papers)
    # Sections that put nothing forward are learned from too.
    assert any(s.kind == NOTHING for found in papers.values() for s in found)
    sections = [s for found in papers.values() for s in found]
    assert KIND_MODEL.read_text(encoding="utf-8") == dump(train_kinds(sections)), (
        "run scripts/train_kind_words.py after changing the dev gold or the extractor"
    )
