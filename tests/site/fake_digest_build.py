"""A stand-in for ``digest.build``, for testing the MkDocs glue on its own.

It writes the same kinds of files the real pipeline writes into the docs tree
(home page, a paginated Papers index, one page per source, verbatim copies of
the sources, and the files of ``root/docs`` as they are) from every ``*.txt`` in
``root/sources``, but does no cleaning: each paper page is the source's
paragraphs under one numbered heading. A source with a line ``BROKEN`` yields a
Problem at that line, as a bad source would.

Used two ways: the hook tests put it in ``sys.modules["digest.build"]`` with
monkeypatch; ``run_mkdocs_with_fake_build.py`` does the same in a subprocess
before it runs the ``mkdocs`` command line.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from digest.model import Problem

PAGE_SIZE = 3


@dataclass
class BuildReport:
    problems: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]


def _write(out_dir: Path, relative: str, text: str, report: BuildReport) -> None:
    path = out_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    report.written.append(Path(relative))


def _write_bytes(out_dir: Path, relative: str, data: bytes, report: BuildReport) -> None:
    path = out_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    report.written.append(Path(relative))


def build(root: Path, out_dir: Path, *, keep_going: bool = False) -> BuildReport:
    """Like the real build: strict (the default) writes nothing when a source is bad."""
    report = BuildReport()
    if not keep_going and any(
        line.strip() == "BROKEN"
        for source in (root / "sources").glob("*.txt")
        for line in source.read_text(encoding="utf-8").splitlines()
    ):
        keep_going = None  # report the problems below, then write nothing
    # Written aside first, then put in place: a strict build with errors leaves out_dir as
    # it was (in a fresh project, the marker alone), as the real one does.
    final, out_dir = out_dir, out_dir.with_name(f".{out_dir.name}.fake")
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    sources = sorted((root / "sources").glob("*.txt"))
    papers: list[tuple[str, str]] = []
    for source in sources:
        text = source.read_text(encoding="utf-8")
        lines = text.splitlines()
        for number, line in enumerate(lines, 1):
            if line.strip() == "BROKEN":
                report.problems.append(
                    Problem(source.relative_to(root), number, "cannot make sense of this line")
                )
        paper_id = "paper-" + source.stem.split("_")[0]
        title = lines[0].strip() if lines else paper_id
        paragraphs = [p.strip() for p in "\n".join(lines[1:]).split("\n\n") if p.strip()]
        body = "\n\n".join(paragraphs)
        papers.append((paper_id, title))
        _write(
            out_dir,
            f"papers/{paper_id}.md",
            f"# {title}\n\n"
            f"**Source:** [{source.name}](../sources/{source.name})\n\n"
            f'!!! note "Working title"\n    Not given in the text.\n\n'
            f"## 1. Introduction {{ #s1 }}\n\n{body}\n\n"
            f'??? info "Cleaning log"\n    Nothing to report; see [section 1](#s1).\n',
            report,
        )
        _write(out_dir, f"sources/{source.name}", text, report)
    if keep_going is None:
        shutil.rmtree(out_dir)
        report.written = []
        return report

    pages = [papers[i : i + PAGE_SIZE] for i in range(0, len(papers), PAGE_SIZE)] or [[]]
    for number, chunk in enumerate(pages, 1):
        name = "index.md" if number == 1 else f"page-{number}.md"
        rows = "\n".join(f"| [{title}]({paper_id}.md) | {paper_id} |" for paper_id, title in chunk)
        nav = []
        if number > 1:
            previous = "index.md" if number == 2 else f"page-{number - 1}.md"
            nav.append(f"[Previous]({previous})")
        if number < len(pages):
            nav.append(f"[Next](page-{number + 1}.md)")
        _write(
            out_dir,
            f"papers/{name}",
            f"# Papers\n\n| Title | Id |\n| --- | --- |\n{rows}\n\n{' · '.join(nav)}\n",
            report,
        )
    _write(out_dir, "bibliography/index.md", "# Bibliography\n\nNo entries.\n", report)
    _write(out_dir, "compare/index.md", "# Compare\n\nNothing to compare.\n", report)
    _write(
        out_dir,
        "index.md",
        f"# A literature digest\n\n{len(papers)} papers. See [the papers](papers/index.md).\n",
        report,
    )
    docs = root / "docs"
    for path in sorted(docs.rglob("*")) if docs.is_dir() else []:
        if path.is_file():
            _write_bytes(out_dir, path.relative_to(docs).as_posix(), path.read_bytes(), report)
    if final.exists():
        shutil.rmtree(final)
    out_dir.rename(final)
    (final / ".digest-output").touch()
    return report
