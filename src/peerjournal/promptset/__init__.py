"""Prompt sets: the facilitator's Markdown file, read into sessions, prompts and feedback forms.

from peerjournal.promptset import load_file, find_shipped, diff
"""

from __future__ import annotations

from peerjournal.promptset.diff import SetDiff, diff
from peerjournal.promptset.model import (
    Prompt,
    PromptSet,
    Question,
    RedactTerm,
    Session,
    Study,
    Theme,
    compare_versions,
    is_upgrade,
    parse_version,
)
from peerjournal.promptset.parse import check, load_file, parse
from peerjournal.promptset.problems import Problem
from peerjournal.promptset.shipped import find_shipped, shipped_sets

__all__ = [
    "Problem",
    "Prompt",
    "PromptSet",
    "Question",
    "RedactTerm",
    "Session",
    "SetDiff",
    "Study",
    "Theme",
    "check",
    "compare_versions",
    "diff",
    "find_shipped",
    "is_upgrade",
    "load_file",
    "parse",
    "parse_version",
    "shipped_sets",
]
