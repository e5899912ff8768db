"""MkDocs hook: the only glue between MkDocs and the digest pipeline.

Loaded through ``hooks:`` in mkdocs.yml. Before each build (also each rebuild
under ``mkdocs serve``) it runs ``digest.build.build`` over ``sources/`` into
``build/generated/`` and then serves every file found there as if it lay in
``docs/``. The pipeline itself knows nothing of MkDocs.

* Each error the pipeline reports is logged as a MkDocs WARNING. Under
  ``mkdocs build --strict`` the pipeline runs strict: any error stops the build
  and nothing is written. A plain ``mkdocs build`` keeps going: every good paper
  is built and health.md lists what was left out. Warnings (a file built under a
  limit, say) are logged at INFO and never fail a build.
* A generated file whose path is also a file in ``docs/`` is an ERROR: the
  hand-written file is kept and the generated one left out.
* ``mkdocs serve`` also watches ``sources/`` (texts and their sidecars).
* After the build, Pagefind indexes the site for search (``digest.search_index``):
  ``site/pagefind/`` holds the index and the header's search box. A missing Pagefind
  binary fails the build, saying how to install it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.digest")

SOURCES_DIR = Path("sources")
GENERATED_DIR = Path("build") / "generated"


def project_root(config: MkDocsConfig) -> Path:
    """The folder that holds mkdocs.yml (and sources/, build/)."""
    if not config.config_file_path:
        raise PluginError("digest: cannot tell the project root: mkdocs.yml has no path")
    return Path(config.config_file_path).resolve().parent


def on_pre_build(config: MkDocsConfig) -> None:
    root = project_root(config)
    out_dir = root / GENERATED_DIR
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
            f"digest: {len(report.errors)} error(s) in sources or sidecars (listed above); "
            "nothing was written. Fix them, or run `mkdocs build` without --strict to build "
            "the good papers"
        )
    log.info(
        "digest: %d file(s) in %s, %d problem(s)",
        len(report.written),
        GENERATED_DIR.as_posix(),
        len(report.problems),
    )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    generated = project_root(config) / GENERATED_DIR
    if not generated.is_dir():
        raise PluginError(f"digest: {generated} does not exist; the pipeline wrote nothing")
    for path in sorted(generated.rglob("*")):
        relative = path.relative_to(generated)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        src_uri = relative.as_posix()
        if files.get_file_from_path(src_uri) is not None:
            log.error(
                "digest: %s/%s clashes with %s/%s; the generated file is left out",
                GENERATED_DIR.as_posix(),
                src_uri,
                Path(config.docs_dir).name,
                src_uri,
            )
            continue
        files.append(
            File(
                src_uri,
                src_dir=str(generated),
                dest_dir=config.site_dir,
                use_directory_urls=config.use_directory_urls,
            )
        )
    return files


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
    sources = project_root(config) / SOURCES_DIR
    if sources.is_dir():
        server.watch(str(sources))
    return server
