"""digest.search_index: Pagefind's indexer over a built site, its word breaks, its failures,
and `digest search-index`; the browser side is in test_browser.py."""

from __future__ import annotations

import json
from pathlib import Path

import pagefind.service
import pytest
from sitecheck import search_fragments

from digest import search_index
from digest.cli import main as digest_main
from digest.search_index import (
    SearchIndexError,
    anchored_for_index,
    index_site,
    page_for_index,
    spaced_for_index,
)


@pytest.mark.parametrize(
    ("html", "indexed"),
    [
        ("<p>construction—content</p>", "<p>construction — content</p>"),
        ("<p>在《乡村振兴》中</p>", "<p>在 《 乡村振兴 》 中</p>"),
        ("<p>community／street, Party/state</p>", "<p>community ／ street, Party/state</p>"),
        ("<p>the“glued”words</p>", "<p>the “ glued ” words</p>"),
        ("<p>（grassroots）、「governance」</p>", "<p>（grassroots ）、「 governance」</p>"),
        # Marks beside a space, and ASCII punctuation Pagefind splits itself, stay.
        ("<p>the “unitary” mode — and 2016(03)</p>", "<p>the “unitary” mode — and 2016(03)</p>"),
        # Only text: not tags, attributes, scripts or styles.
        (
            '<a title="a—b" href="x">a—b</a><script>s="a—b"</script><style>/*a—b*/</style>',
            '<a title="a—b" href="x">a — b</a><script>s="a—b"</script><style>/*a—b*/</style>',
        ),
    ],
)
def test_marks_that_join_two_words_are_spaced_for_the_indexer(html: str, indexed: str) -> None:
    assert spaced_for_index(html) == indexed


@pytest.mark.parametrize(
    ("html", "indexed"),
    [
        (
            '<p id="s1-p1">Words and <a id="cite-1" href="x">a citation</a></p>',
            '<p id="s1-p1"></p><p>Words and <a id="cite-1" href="x">a citation</a></p>',
        ),
        ('<li class="x" id="p2">An item</li>', '<li id="p2"></li><li class="x">An item</li>'),
        # A heading keeps its text (it titles Pagefind's sub-results), as does any other
        # element; a script's text is no tag.
        (
            '<h2 id="s1">Intro</h2><span id="m">x</span>',
            '<h2 id="s1">Intro</h2><span id="m">x</span>',
        ),
        ("<script>s = '<p id=\"z\">'</script>", "<script>s = '<p id=\"z\">'</script>"),
        ("<p>No id</p><pre id='code'>x</pre>", "<p>No id</p><pre id='code'>x</pre>"),
        ("<p class='a' id='p1' title=\"t\">x</p>", '<p id="p1"></p><p class=\'a\' title="t">x</p>'),
    ],
)
def test_paragraphs_with_ids_are_indexed_as_empty_anchors(html: str, indexed: str) -> None:
    assert anchored_for_index(html) == indexed
    assert page_for_index(html.replace("Words", "the“glued”words")) == indexed.replace(
        "Words", "the “ glued ” words"
    )


def test_a_paragraphs_anchor_holds_no_copy_of_its_text(tmp_path: Path) -> None:
    """Pagefind's record of a page keeps each paragraph's id and place, its text once."""
    site = small_site(tmp_path / "site")
    (site / "papers/a/index.html").write_text(
        "<html lang='en'><body><div data-pagefind-body><h1 id='top'>Paper</h1>"
        "<p id='s1-p1'>alpha beta gamma</p><ul><li><p id='s1-p2'>delta epsilon</p></li></ul>"
        "</div></body></html>",
        "utf-8",
    )
    index_site(site)
    record = search_fragments(site)["papers/a/"]
    assert [(a["element"], a["id"], a["text"], a["location"]) for a in record["anchors"]] == [
        ("h1", "top", "Paper", 0),
        ("p", "s1-p1", "", 1),
        ("p", "s1-p2", "", 4),
    ]
    assert record["content"].count("alpha beta gamma") == 1
    assert "<p id='s1-p1'>alpha" in (site / "papers/a/index.html").read_text("utf-8")


def small_site(folder: Path) -> Path:
    folder.mkdir()
    (folder / "index.html").write_text(
        "<html lang='en'><body><h1>Home</h1><p>The digest's home.</p></body></html>", "utf-8"
    )
    (folder / "papers/a").mkdir(parents=True)
    (folder / "papers/a/index.html").write_text(
        "<html lang='en'><body><div data-pagefind-body><h1>Paper A</h1>"
        "<p>construction—content</p><blockquote data-pagefind-ignore>quoted</blockquote>"
        "</div></body></html>",
        "utf-8",
    )
    return folder


def test_index_site_writes_the_bundle_into_the_site(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    (site / "pagefind").mkdir()
    (site / "pagefind/stale.pf_fragment").write_text("from an older run")
    assert index_site(site) == "Indexed 1 page, 4 words"  # only the data-pagefind-body page
    bundle = site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    assert entry["languages"]["en"]["page_count"] == 1
    for name in ("pagefind.js", "pagefind-component-ui.js", "pagefind-component-ui.css"):
        assert (bundle / name).is_file(), name
    assert not (bundle / "stale.pf_fragment").exists()
    # The site's own pages are left as they were; only the indexer's copy is spaced.
    assert "construction—content" in (site / "papers/a/index.html").read_text("utf-8")


def test_a_missing_binary_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = small_site(tmp_path / "site")
    monkeypatch.setattr(pagefind.service, "get_executable", lambda: None)
    with pytest.raises(SearchIndexError, match=r"no Pagefind binary found.*make install"):
        index_site(site)


def test_a_binary_path_that_does_not_exist_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = small_site(tmp_path / "site")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    with pytest.raises(SearchIndexError, match="no-such-pagefind does not exist"):
        index_site(site)


def test_a_failing_binary_reports_its_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = small_site(tmp_path / "site")
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: cannot read the site' >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    with pytest.raises(SearchIndexError, match=r"exit status 3\):\nError: cannot read the site"):
        index_site(site)


@pytest.mark.parametrize("make", [lambda path: path, lambda path: path.mkdir() or path])
def test_no_site_is_a_clear_error(tmp_path: Path, make) -> None:
    site = make(tmp_path / "site")
    with pytest.raises(SearchIndexError, match="build the site first"):
        index_site(site)


def test_the_command_line_indexes_a_site_built_by_another_builder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = small_site(tmp_path / "site")
    assert digest_main(["search-index", str(site)]) == 0
    assert capsys.readouterr().out == f"{site}: Indexed 1 page, 4 words\n"
    assert (site / "pagefind/pagefind-entry.json").is_file()

    assert digest_main(["search-index", str(tmp_path / "nothing")]) == 2
    assert "digest search-index:" in capsys.readouterr().err


def test_the_summary_falls_back_to_pagefinds_log() -> None:
    assert search_index.summary("Indexed 3 pages\nIndexed 9 words\n") == "Indexed 3 pages, 9 words"
    assert search_index.summary("something else\n") == "something else"
