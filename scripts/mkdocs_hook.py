"""MkDocs hook: the only glue between MkDocs and the digest pipeline.

Loaded through ``hooks:`` in mkdocs.yml. Before each build (also each rebuild
under ``mkdocs serve``), in ``on_pre_build``, which MkDocs 1.6 runs after
``on_config`` and before it collects the files of ``docs_dir``, it runs
``digest.build.build``: that writes the whole docs tree, ``build/docs/``
(mkdocs.yml's ``docs_dir``), the hand-written files of ``docs/`` plus every
generated page. MkDocs then reads that tree like any docs folder; so does
Zensical, which runs no hooks, after ``digest build`` has written the same tree.
The pipeline itself knows nothing of MkDocs.

* Each error the pipeline reports is logged as a MkDocs WARNING. Under
  ``mkdocs build --strict`` the pipeline runs strict: any error stops the build
  and nothing is written. A plain ``mkdocs build`` keeps going: every good paper
  is built and health.md lists what was left out. Warnings (a file built under a
  limit, say) are logged at INFO and never fail a build.
* A file in ``docs/`` whose path is also a generated file's is such an error:
  with ``--strict`` nothing is written; otherwise the hand-written file is kept
  and the generated one left out.
* ``mkdocs serve`` watches ``docs/`` and ``sources/`` (texts and their sidecars)
  instead of ``build/docs/``, which each rebuild rewrites itself.
* After the build, Pagefind indexes the site for search (``digest.search_index``):
  ``site/pagefind/`` holds the index and the header's search box. A missing Pagefind
  binary fails the build, saying how to install it.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.digest")

SOURCES_DIR = Path("sources")
DOCS_DIR = Path("docs")  # the hand-written files
DOCS_TREE = Path("build") / "docs"  # what the pipeline writes; mkdocs.yml's docs_dir


def project_root(config: MkDocsConfig) -> Path:
    """The folder that holds mkdocs.yml (and sources/, docs/, build/)."""
    if not config.config_file_path:
        raise PluginError("digest: cannot tell the project root: mkdocs.yml has no path")
    return Path(config.config_file_path).resolve().parent


def docs_tree(config: MkDocsConfig) -> Path:
    """build/docs, which must be the docs_dir: the pipeline writes it, MkDocs reads it."""
    root = project_root(config)
    tree = root / DOCS_TREE
    if Path(config.docs_dir).resolve() != tree:
        raise PluginError(
            f"digest: docs_dir in mkdocs.yml must be {DOCS_TREE.as_posix()}, the tree the "
            f"pipeline writes (the hand-written pages stay in {DOCS_DIR.as_posix()}/ and are "
            f"copied there); it is {config.docs_dir}"
        )
    return tree


def on_pre_build(config: MkDocsConfig) -> None:
    out_dir = docs_tree(config)
    root = project_root(config)
    try:
        from digest.build import build
    except ImportError as error:
        raise PluginError(
            f"digest: cannot import digest.build ({error}); install the project with "
            "`pip install -e .` (make site does it)"
        ) from error

    from digest.outputs import BuildLocked

    # --strict fails on any problem and then writes nothing; a plain build keeps going,
    # builds every good paper and lists what it left out on health.md.
    keep_going = not config.strict
    try:
        report = build(root, out_dir, keep_going=keep_going)
    except (BuildLocked, FileExistsError) as error:
        raise PluginError(f"digest: {error}") from error
    for problem in report.problems:
        if problem.is_error:
            log.warning("%s", problem)
        else:
            log.info("digest: %s", problem)
    for note in report.notes:
        log.info("digest: %s", note)
    if report.errors and not keep_going:
        raise PluginError(
            f"digest: {len(report.errors)} error(s) in sources, sidecars or docs/ (listed "
            "above); nothing was written. Fix them, or run `mkdocs build` without --strict "
            "to build the good papers"
        )
    log.info(
        "digest: %d file(s) in %s, %d problem(s)",
        len(report.written),
        DOCS_TREE.as_posix(),
        len(report.problems),
    )


def on_post_build(config: MkDocsConfig) -> None:
    try:
        from digest.search_index import SearchIndexError, index_site
    except ImportError as error:
        raise PluginError(
            f"digest: cannot import digest.search_index ({error}); install the project with "
            "`pip install -e .` (make site does it)"
        ) from error
    try:
        log.info("digest: search index: %s", index_site(Path(config.site_dir)))
    except SearchIndexError as error:
        raise PluginError(f"digest: search index not written: {error}") from error


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    root = project_root(config)
    # MkDocs watches docs_dir; but every rebuild rewrites build/docs itself, which would
    # set off a second rebuild each time. What the pipeline reads is watched instead.
    with contextlib.suppress(KeyError):  # KeyError: not watched, nothing to undo
        server.unwatch(config.docs_dir)
    for folder in (root / DOCS_DIR, root / SOURCES_DIR):
        if folder.is_dir():
            server.watch(str(folder))
    return server
