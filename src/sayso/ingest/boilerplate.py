"""Page furniture inside article text: "Lees ook" / "Read more" blocks and their teasers."""

from __future__ import annotations

import re
from functools import cache

from sayso.language.resources import load_lines, supported_languages
from sayso.records import Span

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
TEASER_MAX_CHARS = 220  # a teaser is a title or a cut-off lead, never a full paragraph
TEASERS_AFTER_HEADING = 2


@cache
def _headings() -> frozenset[str]:
    return frozenset(h.lower() for lang in supported_languages() for h in load_lines(lang, "boilerplate"))


def _is_heading(paragraph: str) -> bool:
    return paragraph.strip().rstrip(":").strip().lower() in _headings()


def find_boilerplate(text: str) -> tuple[Span, ...]:
    """Spans of furniture headings and the short teaser paragraphs that follow them."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    spans: list[Span] = []
    i = 0
    while i < len(paragraphs):
        start, end = paragraphs[i]
        if not _is_heading(text[start:end]):
            i += 1
            continue
        spans.append(Span.of(text, start, end))
        j = i + 1
        while j < len(paragraphs) and j <= i + TEASERS_AFTER_HEADING:
            t_start, t_end = paragraphs[j]
            teaser = text[t_start:t_end]
            finished = teaser.rstrip()[-1:] in '.!?"”’»'  # a teaser is a title or a lead cut off mid-sentence
            if len(teaser) > TEASER_MAX_CHARS or finished or "\n" in teaser or _is_heading(teaser):
                break
            spans.append(Span.of(text, t_start, t_end))
            j += 1
        i = j
    return tuple(spans)
