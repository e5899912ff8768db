"""scripts/mkdocs_hook.py, with digest.build replaced by tests/site/fake_digest_build.py."""

from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path
from types import ModuleType

import fake_digest_build
import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files, set_exclusions

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mkdocs_hook", REPO / "scripts/mkdocs_hook.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def fake_build(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.setitem(sys.modules, "digest.build", fake_digest_build)
    return fake_digest_build


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A project: mkdocs.yml without hooks (the test calls them), docs/, sources/, and the
    docs tree build/docs/ (mkdocs.yml's docs_dir) as a fresh clone has it: the marker only."""
    config = "site_name: Test\ndocs_dir: build/docs\n"
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/about.md").write_text("# About\n", encoding="utf-8")
    (tmp_path / "build/docs").mkdir(parents=True)
    (tmp_path / "build/docs/.digest-output").touch()
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources/001_a.txt").write_text("First paper\n\nSome text.\n", "utf-8")
    (tmp_path / "sources/002_b.txt").write_text("Second paper\nBROKEN\n\nText.\n", "utf-8")
    return tmp_path


def config_for(root: Path) -> MkDocsConfig:
    return load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))


def test_problems_are_logged_as_warnings(
    hook: ModuleType, fake_build: ModuleType, root: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.digest"):
        hook.on_pre_build(config_for(root))
    warnings = [
        record.getMessage()
        for record in caplog.records
        if record.name == "mkdocs.plugins.digest" and record.levelno == logging.WARNING
    ]
    assert warnings == ["sources/002_b.txt:2: cannot make sense of this line"]
    assert (root / "build/docs/papers/paper-001.md").is_file()


def test_mkdocs_reads_the_tree_the_pipeline_wrote(
    hook: ModuleType, fake_build: ModuleType, root: Path
) -> None:
    """on_pre_build runs before MkDocs collects the files, and no file is added by hand."""
    assert not hasattr(hook, "on_files")
    config = config_for(root)
    hook.on_pre_build(config)
    collected = get_files(config)
    set_exclusions(collected, config)
    files = {file.src_uri: file for file in collected if not file.inclusion.is_excluded()}
    tree = root / "build/docs"
    expected = {path.relative_to(tree).as_posix() for path in tree.rglob("*.*")}
    assert ".digest-output" in expected
    assert set(files) == expected - {".digest-output"}  # hidden files are not published
    assert {"index.md", "papers/index.md", "papers/paper-002.md", "sources/002_b.txt"} <= expected
    assert "about.md" in expected  # the hand-written page, copied into the tree
    paper = files["papers/paper-001.md"]
    assert paper.is_documentation_page()
    assert paper.abs_src_path == str(tree / "papers/paper-001.md")
    assert paper.abs_dest_path == str(root / "site/papers/paper-001/index.html")
    assert files["sources/001_a.txt"].abs_dest_path == str(root / "site/sources/001_a.txt")


def test_docs_dir_must_be_the_tree_the_pipeline_writes(
    hook: ModuleType, fake_build: ModuleType, root: Path
) -> None:
    (root / "mkdocs.yml").write_text("site_name: Test\ndocs_dir: docs\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"docs_dir in mkdocs\.yml must be build/docs"):
        hook.on_pre_build(config_for(root))
    assert sorted(path.name for path in (root / "docs").iterdir()) == ["about.md"]
    assert not (root / "build/docs/index.md").exists()


def test_missing_pipeline_is_a_plugin_error(
    hook: ModuleType, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "digest.build", None)  # makes the import fail
    with pytest.raises(PluginError, match=r"cannot import digest\.build"):
        hook.on_pre_build(config_for(root))


def test_serve_watches_docs_and_sources_not_the_tree(hook: ModuleType, root: Path) -> None:
    class Server:
        def __init__(self, watched: list[str]) -> None:
            self.watched = watched

        def watch(self, path: str) -> None:
            self.watched.append(path)

        def unwatch(self, path: str) -> None:
            self.watched.remove(path)  # ValueError if it was not watched

    config = config_for(root)
    server = Server([config.docs_dir])  # what `mkdocs serve` watches before on_serve
    assert hook.on_serve(server, config, builder=None) is server
    assert server.watched == [str(root / "docs"), str(root / "sources")]


def test_the_search_index_is_written_after_the_build(hook: ModuleType, root: Path) -> None:
    config = config_for(root)
    site = Path(config.site_dir)
    (site / "papers/a").mkdir(parents=True)
    (site / "index.html").write_text("<html><body><h1>Home</h1></body></html>", "utf-8")
    (site / "papers/a/index.html").write_text("<html><body><p>A paper</p></body></html>")
    hook.on_post_build(config)
    assert (site / "pagefind/pagefind-entry.json").is_file()
    assert (site / "pagefind/pagefind-component-ui.js").is_file()


def test_a_missing_pagefind_binary_fails_the_build_clearly(
    hook: ModuleType, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pagefind.service

    config = config_for(root)
    Path(config.site_dir).mkdir()
    (Path(config.site_dir) / "index.html").write_text("<html><body>Home</body></html>")
    monkeypatch.setattr(pagefind.service, "get_executable", lambda: None)
    with pytest.raises(PluginError, match=r"search index not written: no Pagefind binary found"):
        hook.on_post_build(config)


def test_mkdocs_yml_settings() -> None:
    """The decisions in mkdocs.yml that the build test alone would not catch."""
    config = load_config(str(REPO / "mkdocs.yml"))
    assert config.nav == [
        {"Home": "index.md"},
        {"Papers": "papers/index.md"},
        {"Bibliography": "bibliography/index.md"},
        {"Compare": "compare/index.md"},
        {"About": "about.md"},
    ]
    assert config.theme["font"] is False  # no Google Fonts
    assert config.repo_url is None  # the theme would call api.github.com
    assert config.extra["generator"] is False
    assert list(config.hooks) == ["scripts/mkdocs_hook.py"]
    # The tree `digest build` writes, which MkDocs and Zensical both read; tracked (empty)
    # marker, so that a fresh clone has it: MkDocs checks docs_dir before any hook runs.
    assert config.docs_dir == str(REPO / "build/docs")
    assert (REPO / "build/docs/.digest-output").is_file()
    assert config.theme["variant"] == "classic"  # Zensical's default is its `modern` look
    assert config.validation.links.not_found == logging.WARNING
    assert config.validation.links.anchors == logging.WARNING
    assert config.validation.nav.omitted_files == logging.INFO
    # Search is Pagefind's (the hook's on_post_build), not the lunr plugin's.
    assert "search" not in config.plugins and "material/search" not in config.plugins
    assert config.theme.custom_dir == str(REPO / "overrides")
    assert (REPO / "overrides/partials/search.html").is_file()
    assert (REPO / "docs/stylesheets/digest.css").is_file()
    assert config.extra_css == ["stylesheets/digest.css"]
