"""The documentation keeps up with the code.

* every ``accord`` command and subcommand (walked from the real click tree) has a heading in
  ``docs/cli.md`` naming it (``## `accord actors resolve [FILE]` ``), and every one of its options is
  mentioned in that section;
* every relative link in ``docs/*.md`` and ``README.md`` points to an existing file, and a
  ``#fragment`` to a heading that exists in the target.
"""
from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from accord.cli import main_group

ROOT = Path(__file__).resolve().parents[1]
CLI_DOC = ROOT / "docs" / "cli.md"
MARKDOWN = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_COMMAND_WORD = re.compile(r"^[a-z][a-z0-9_-]*$")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _commands(cmd: click.Command, path: tuple[str, ...] = ()):
    yield path, cmd
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            yield from _commands(cmd.commands[name], path + (name,))


COMMANDS = list(_commands(main_group))


def _headings(lines: list[str]):
    """(line index, level, text) of the Markdown headings outside code fences."""
    fenced = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        m = None if fenced else _HEADING.match(line)
        if m:
            yield i, len(m.group(1)), m.group(2)


def _command_path(heading: str) -> tuple[str, ...] | None:
    """``accord actors resolve [FILE]`` -> ("actors", "resolve"); None when no command is named."""
    m = re.search(r"`accord((?:\s+[^`]*)?)`", heading)
    if not m:
        return None
    words = []
    for w in m.group(1).split():
        if not _COMMAND_WORD.match(w):
            break
        words.append(w)
    return tuple(words)


def cli_sections(text: str) -> dict[tuple[str, ...], str]:
    """Command path -> its section text (up to the next heading of the same or a higher level)."""
    lines = text.splitlines()
    heads = list(_headings(lines))
    out = {}
    for n, (i, level, title) in enumerate(heads):
        path = _command_path(title)
        if path is None:
            continue
        end = next((j for j, lv, _ in heads[n + 1:] if lv <= level), len(lines))
        out.setdefault(path, "\n".join(lines[i:end]))
    return out


def _mentions(section: str, opt: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", section) is not None


@pytest.fixture(scope="module")
def sections():
    return cli_sections(CLI_DOC.read_text(encoding="utf-8"))


def test_command_tree_is_not_empty():
    names = {p for p, _ in COMMANDS}
    assert ("ingest",) in names and ("actors", "resolve") in names


@pytest.mark.parametrize("path,cmd", COMMANDS, ids=lambda v: " ".join(("accord",) + v) if isinstance(v, tuple) else "")
def test_command_documented(sections, path, cmd):
    assert path in sections, f"docs/cli.md has no heading for `accord {' '.join(path)}`"
    section = sections[path]
    missing = []
    for param in cmd.params:
        if not isinstance(param, click.Option) or param.hidden:
            continue
        opts = list(param.opts) + list(param.secondary_opts)
        if not any(_mentions(section, o) for o in opts):
            missing.append("/".join(opts))
    assert not missing, f"`accord {' '.join(path)}` section of docs/cli.md does not mention: {', '.join(missing)}"


def test_section_parser_separates_subcommands():
    text = "## `accord actors`\nuses --x\n### `accord actors top`\n--limit\n## `accord dyad A B`\n--from\n"
    got = cli_sections(text)
    assert set(got) == {("actors",), ("actors", "top"), ("dyad",)}
    assert "--limit" not in got[("actors",)].split("### ")[0]
    assert not _mentions(got[("dyad",)], "--to") and _mentions("use --to X", "--to")
    assert not _mentions("--token-env", "--to")


# ------------------------------------------------------------------ links


def slug(title: str, seen: dict[str, int]) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens, -N for repeats."""
    s = re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")
    n = seen.get(s, 0)
    seen[s] = n + 1
    return s if n == 0 else f"{s}-{n}"


def anchors(path: Path) -> set[str]:
    seen: dict[str, int] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    return {slug(title, seen) for _, _, title in _headings(lines)}


def links(path: Path):
    fenced = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        line = re.sub(r"`[^`]*`", "", line)  # code spans are not links
        for m in _LINK.finditer(line):
            target = m.group(1)
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):  # http:, mailto: ...
                continue
            yield target


def test_slug_matches_github():
    seen: dict[str, int] = {}
    assert slug("`accord dyad --format json`", seen) == "accord-dyad---format-json"
    assert slug("`accord ingest SOURCES...`", seen) == "accord-ingest-sources"
    assert slug("`accord ingest SOURCES...`", seen) == "accord-ingest-sources-1"


@pytest.mark.parametrize("doc", MARKDOWN, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_resolve(doc):
    if not doc.exists():
        pytest.skip(f"{doc.name} absent")
    broken = []
    for target in links(doc):
        file_part, _, fragment = target.partition("#")
        dest = (doc.parent / file_part).resolve() if file_part else doc
        if not dest.exists():
            broken.append(f"{target} (no such file)")
        elif fragment and dest.suffix == ".md" and fragment not in anchors(dest):
            broken.append(f"{target} (no heading #{fragment})")
    assert not broken, f"{doc.relative_to(ROOT)}: broken links: {', '.join(broken)}"
