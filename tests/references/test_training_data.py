"""The reference labeller's training data (issue 10): tokens, labels by construction
from CSL renderings, and labels found for hand-written gold.

Expected values here are written by hand from the record and the style's rules
(APA 7: "Family, I. I., & Family, I. I. (Year). Title. Journal, Vol(Issue), pages.").
"""

from __future__ import annotations

from refcorpus.handlabelled import token_labels
from refcorpus.render import OTHER, align, load_style, render_marked
from refcorpus.styles import family_of, styles_folder

from digest.references.rules import split_label
from digest.references.tokens import tokenize

RECORD = {
    "id": "r1",
    "type": "article-journal",
    "author": [{"family": "Wang", "given": "Jianing"}, {"family": "Smith", "given": "John M."}],
    "title": "Party Building and Grassroots Governance: Evidence from Zhejiang",
    "container-title": "Journal of Chinese Political Science",
    "volume": "36",
    "issue": "9",
    "page": "137-146",
    "issued": {"date-parts": [[2016]]},
}


def spans(text: str, labels: list[str]) -> dict[str, str]:
    """Each label's characters joined, runs separated by '|'."""
    out: dict[str, list[str]] = {}
    previous = OTHER
    for ch, label in zip(text, labels, strict=True):
        if label != OTHER:
            runs = out.setdefault(label, [])
            if previous != label:
                runs.append("")
            runs[-1] += ch
        previous = label
    return {label: "|".join(runs) for label, runs in out.items()}


def test_tokens_split_punctuation_and_keep_links_and_compounds_whole():
    text = "O'Brien, J.N. (2016). E-government. 36(9), 37–46. https://doi.org/10.1/ab.c."
    assert [t.text for t in tokenize(text)] == [
        "O'Brien", ",", "J", ".", "N", ".", "(", "2016", ")", ".", "E-government", ".",
        "36", "(", "9", ")", ",", "37", "–", "46", ".", "https://doi.org/10.1/ab.c", ".",
    ]  # fmt: skip


def test_an_apa_rendering_is_labelled_field_by_field():
    style = load_style(styles_folder() / "apa.csl")
    item = align(render_marked(style, RECORD), RECORD, "apa")
    assert item is not None
    assert item.text == (
        "Wang, J., & Smith, J. M. (2016). Party Building and Grassroots Governance: Evidence "
        "from Zhejiang. Journal of Chinese Political Science, 36(9), 137–146."
    )
    assert spans(item.text, item.labels) == {
        "author": "Wang, J., & Smith, J. M.",
        "year": "2016",
        "title": "Party Building and Grassroots Governance: Evidence from Zhejiang",
        "container": "Journal of Chinese Political Science",
        "volume": "36",
        "issue": "9",
        "pages": "137–146",
    }


def test_an_ieee_rendering_drops_its_list_number_and_finds_given_first_names():
    style = load_style(styles_folder() / "ieee.csl")
    item = align(render_marked(style, RECORD), RECORD, "ieee")
    assert item is not None
    assert not item.text.startswith("[1]")
    found = spans(item.text, item.labels)
    assert found["author"] == "J. Wang and J. M. Smith"
    assert found["volume"] == "36" and found["issue"] == "9" and found["pages"] == "137–146"


def test_whole_families_are_held_out_by_file_name():
    assert family_of("apa") == family_of("apa-6th-edition") == "apa"
    assert family_of("ipag-business-school-apa") == "apa"
    assert family_of("elsevier-vancouver") == "vancouver"
    assert family_of("harvard-cite-them-right") == "harvard"
    assert family_of("acta-amazonica") is None  # "ama" is a family only as a whole word
    assert family_of("sociologia-ruralis") is None


def test_hand_written_gold_labels_the_tokens_it_names():
    entry = {
        "raw": "[3] Shi T J. Village Committee Elections in China[J]. World Politics, "
        "1999, 51: 385-412.",
        "type": "article",
        "authors": [{"family": "Shi", "given": "T. J."}],
        "title": "Village Committee Elections in China",
        "container": "World Politics",
        "year": "1999",
        "volume": "51",
        "pages": "385-412",
    }
    text, labels = token_labels(entry)
    tokens = [t.text for t in tokenize(text)]
    pairs = list(zip(tokens, labels, strict=True))
    assert pairs[:3] == [("Shi", "author"), ("T", "author"), ("J", "author")]
    assert ("[", OTHER) in pairs and ("World", "container") in pairs
    assert ("1999", "year") in pairs and ("51", "volume") in pairs
    assert pairs[-4:] == [("385", "pages"), ("-", "pages"), ("412", "pages"), (".", OTHER)]


def test_list_labels_of_every_kind_are_cut_off_and_kept():
    assert split_label("[1] Wang J.") == ("1", "Wang J.")
    assert split_label("12. Wang J.") == ("12", "Wang J.")
    assert split_label("(4) Wang J.") == ("4", "Wang J.")
    assert split_label("[Pen11] Peng, X.") == ("Pen11", "Peng, X.")
    assert split_label("[SBB+09] Smith, A.") == ("SBB+09", "Smith, A.")
    assert split_label("[J]. Journal") == (None, "[J]. Journal")  # a GB/T marker
    assert split_label("Wang J. 2016.") == (None, "Wang J. 2016.")


def test_training_is_deterministic(tmp_path):
    """The same strings and parameters give the same model file, byte for byte."""
    import json

    from refcorpus.train import train

    style = load_style(styles_folder() / "apa.csl")
    item = align(render_marked(style, RECORD), RECORD, "apa")
    from refcorpus.generate import token_labels as generated_labels

    _, labels = generated_labels(item)
    data = tmp_path / "train.jsonl"
    data.write_text(json.dumps({"style": "apa", "text": item.text, "labels": labels}) + "\n")
    first, second = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    train([data], [], 1, first, 5)
    train([data], [], 1, second, 5)
    assert first.read_bytes() == second.read_bytes()
    assert (
        json.loads(first.with_suffix(".json").read_text())["model_sha256"]
        == json.loads(second.with_suffix(".json").read_text())["model_sha256"]
    )
