"""Text as a listing keeps it, and what changed between two versions of it, word by word.

Browsers send a textarea's line ends as CRLF and people leave spaces at the ends of lines; neither is a change a
founder should review. Pending edits compare and store text normalised here, and show a change within a field as
runs of words, each kept or changed (the templates mark changed runs with <del> and <ins>).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

WORDS = re.compile(r"\s*\S+\s*")  # a word with the spaces around it (before it only at the start)
ELLIPSIS = "…"


def normalised(value):
    """Text with LF line ends, no spaces at the end of a line and none around the whole; other values as they are."""
    if not isinstance(value, str):
        return value
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


@dataclass(frozen=True)
class Run:
    """A stretch of one version of a text: `changed` when the other version does not have it."""

    text: str
    changed: bool = False


def word_changes(old: str, new: str) -> tuple[list[Run], list[Run]]:
    """Both versions as runs of words: in the old one what was taken out or replaced, in the new one what was put in."""
    old_tokens, new_tokens = WORDS.findall(old), WORDS.findall(new)
    # Words are compared without their spaces: a word moved to a new line is not a change.
    matcher = SequenceMatcher(None, [t.strip() for t in old_tokens], [t.strip() for t in new_tokens], autojunk=False)
    old_runs, new_runs = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = op != "equal"
        _add(old_runs, "".join(old_tokens[i1:i2]), changed)
        _add(new_runs, "".join(new_tokens[j1:j2]), changed)
    return _tidy(old_runs), _tidy(new_runs)


def _add(runs: list[Run], text: str, changed: bool):
    if not text:
        return
    if runs and runs[-1].changed == changed:
        runs[-1] = Run(runs[-1].text + text, changed)
    else:
        runs.append(Run(text, changed))


def _tidy(runs: list[Run]) -> list[Run]:
    """Spaces at the edges of a changed run belong to the text around it: only words are marked."""
    tidy: list[Run] = []
    for run in runs:
        if not run.changed:
            _add(tidy, run.text, False)
            continue
        core = run.text.strip()
        if not core:  # only spaces changed: not worth marking
            _add(tidy, run.text, False)
            continue
        start = run.text.index(core)
        _add(tidy, run.text[:start], False)
        _add(tidy, core, True)
        _add(tidy, run.text[start + len(core) :], False)
    return tidy


def around_changes(runs: list[Run], words: int = 8) -> list[Run]:
    """The changed runs with a few words either side; the rest of a long unchanged stretch becomes an ellipsis."""
    if not any(run.changed for run in runs):
        return runs
    shown = []
    for index, run in enumerate(runs):
        parts = run.text.split()
        head = 0 if index == 0 else words  # words kept after the change before, and before the change after
        tail = 0 if index == len(runs) - 1 else words
        if run.changed or len(parts) <= head + tail + 2:
            shown.append(run)
            continue
        kept = [*parts[:head], ELLIPSIS, *parts[len(parts) - tail :]]
        shown.append(Run(_spaced(run.text, " ".join(kept)), False))
    return shown


def _spaced(original: str, text: str) -> str:
    """Keeps the space that separated the run from its neighbours."""
    lead = " " if original[:1].isspace() else ""
    trail = " " if original[-1:].isspace() else ""
    return lead + text.strip() + trail
