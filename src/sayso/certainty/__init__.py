"""Certainty: how sure a claim is presented, from its own words and its source's verb.

Labels, most hedged first: denied, questioned, reported, possible, probable,
certain. This is the article's hedging; an analyst's grading of a source is
kept apart (see the store), never mixed with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from sayso.language.resources import load_json, supported_languages
from sayso.records import Span

__all__ = ["ESTIMATIVE_BANDS", "LABELS", "Certainty", "assess_certainty", "polarity"]

LABELS = ("denied", "questioned", "reported", "possible", "probable", "certain")

# Each label's band on the ICD 203 / NATO estimative-probability scale, for export.
# `reported` and `questioned` are not estimates of the source's own: they get the
# neutral band, which an analyst must assess.
ESTIMATIVE_BANDS = {
    "certain": ("almost certain", 0.95, 0.99),
    "probable": ("likely", 0.55, 0.80),
    "possible": ("roughly even chance", 0.45, 0.55),
    "reported": ("unassessed", 0.0, 1.0),
    "questioned": ("unlikely", 0.20, 0.45),
    "denied": ("remote", 0.01, 0.05),
}


@dataclass(frozen=True, slots=True)
class Certainty:
    label: str
    cues: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class _Markers:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    hearsay: re.Pattern[str] | None
    stance: dict[str, str]
    negation: re.Pattern[str]
    subordinate: re.Pattern[str] | None  # an adverbial clause, from its `omdat`/`because` to the next comma
    predicative_only: frozenset[str]  # `false`, `onjuist`: a marker only as a predicate, not in `fake companies`
    joiners: frozenset[str]  # `and`, `en`: a word after which a predicate may go on (`false and misleading`)
    ability: re.Pattern[str] | None  # `heeft ... kunnen nemen`: a modal that tells what someone was able to do
    privatives: frozenset[str]  # `unpaid`, `onbetaald`: a word that negates itself


_CLAUSE = r"(?:[^,.;:]|(?<=\d)[.,](?=\d))*"  # within one clause: no `,.;:` but those inside a number (`450.000`)


def _alternatives(phrases: list[str]) -> re.Pattern[str]:
    """Whole-word match of lower-case phrases, or capitalised at a sentence start (`May` the month stays out)."""
    lower = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    upper = "|".join(re.escape(p[:1].upper() + p[1:]) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{lower})\b|(?:^|(?<=[.!?]\s)|(?<=[„“\"‘']))(?:{upper})\b")


@cache
def _markers(language: str) -> _Markers:
    data = load_json(language, "certainty")
    patterns = tuple((label, _alternatives(data["markers"][label])) for label in LABELS if data["markers"].get(label))
    aux, needs = data.get("hearsay_auxiliaries", []), data.get("hearsay_needs", [])
    hearsay = None
    if aux and needs:
        # `zouden zijn omgekomen`: a hearsay auxiliary and a perfect/passive auxiliary in one clause
        # within one clause: no `,.;:` but the separators inside a number (`450.000 euro`)
        clause = _CLAUSE.replace("*", "{0,90}?")
        hearsay = re.compile(rf"\b({'|'.join(aux)})\b{clause}\b({'|'.join(needs)})\b", re.IGNORECASE)
    # a negation is a word of its own (`zonder`, not the end of `bijzonder`); a clitic may end one (`don't`)
    negation = re.compile(
        "("
        + "|".join(
            (r"\b" if n.isalpha() else r"(?:\b|(?<=\w))") + re.escape(n)
            for n in [*data.get("negations", []), *data.get("privatives", [])]
        )
        + r")\b",
        re.IGNORECASE,
    )
    openers = "|".join(re.escape(w) for w in sorted(data.get("subordinators", []), key=len, reverse=True))
    subordinate = re.compile(rf"\b(?:{openers})\b{_CLAUSE}", re.IGNORECASE) if openers else None
    return _Markers(
        patterns,
        hearsay,
        dict(data.get("stance_verbs", {})),
        negation,
        subordinate,
        frozenset(data.get("predicative_only", [])),
        frozenset(data.get("joiners", [])),
        _ability(data),
        frozenset(data.get("privatives", [])),
    )


def _ability(data: dict[str, list[str]]) -> re.Pattern[str] | None:
    """A modal (group 1) that completes a perfect begun earlier in its clause: `heeft ... weer in bedrijf
    kunnen nemen` (was able to). No comma, clause opener or subordinator may stand between them."""
    modals, auxiliaries = data.get("ability_modals", []), data.get("perfect_auxiliaries", [])
    if not modals or not auxiliaries:
        return None
    stops = "|".join(re.escape(w) for w in (*data.get("clause_openers", []), *data.get("subordinators", [])))
    gap = rf"(?:(?!\b(?:{stops})\b)[^,.;:!?]){{0,80}}?"
    return re.compile(
        rf"\b(?:{'|'.join(map(re.escape, auxiliaries))})\b{gap}\b({'|'.join(map(re.escape, modals))})\b",
        re.IGNORECASE,
    )


def _attributive(markers: _Markers, chunk: str, m: re.Match[str]) -> bool:
    """Whether a predicate-only marker stands before the noun it describes (`three fake companies`)."""
    if m.group().lower() not in markers.predicative_only:
        return False
    nxt = re.match(r"\s+(\w+)", chunk[m.end() :])
    return nxt is not None and nxt.group(1).lower() not in markers.joiners


def polarity(text: str, spans: Sequence[Span], *, language: str) -> str:
    """``negative`` when the claim itself is negated (`there are no troops`), else ``positive``.
    A negation is no denial: the source asserts the negative claim. A negation inside an adverbial clause
    negates that clause, not the claim (`prepares a filing because it cannot compete`); a negated confirmation
    leaves the claim open (`I cannot confirm that X is behind it`: uncertain, not negative)."""
    markers = _markers(language)
    for s in spans:
        inner = [m.span() for m in markers.subordinate.finditer(text, s.start, s.end)] if markers.subordinate else []
        for m in markers.negation.finditer(text, s.start, s.end):
            if not any(a <= m.start() < b for a, b in inner) and not _leaves_open(text[m.end() : s.end], markers):
                return "negative"
    return "positive"


SCOPE_WORDS = 4  # words after a negation that it governs (`geen aanwijzingen voor sabotage`)


def negated_words(text: str, *, language: str) -> list[str]:
    """The words a claim negates: up to ``SCOPE_WORDS`` words after each negation, within its clause and
    outside an adverbial clause (`er zitten geen rijksregisternummers bij` -> `rijksregisternummers`, `bij`;
    `had nothing to do with the attack` -> `to`, `do`, `with`, `the`), case folded; the caller keeps the
    words that carry meaning. A negated confirmation (`cannot confirm that ...`) negates nothing of the claim."""
    if language not in supported_languages():
        return []
    markers = _markers(language)
    inner = [m.span() for m in markers.subordinate.finditer(text)] if markers.subordinate else []
    words: list[str] = []
    for m in markers.negation.finditer(text):
        if any(a <= m.start() < b for a, b in inner):
            continue
        if m.group().casefold() in markers.privatives:
            words.append(m.group().casefold())  # `onbetaald`: what it negates is itself
            continue
        if _leaves_open(text[m.end() :], markers):
            continue  # `cannot confirm that X`: X is left open, not denied
        clause = re.split(r"[,;:.!?]", text[m.end() :], maxsplit=1)[0]  # `not paid, newspaper says`
        words += [w.casefold() for w in re.findall(r"\w+", clause)[:SCOPE_WORDS]]
    return words


def _leaves_open(after: str, markers: _Markers) -> bool:
    """A negation whose next word is a confirming verb (`not confirm`, `niet bevestigen`)."""
    first = re.search(r"\w+", after)
    return first is not None and _confirming(first.group().casefold(), markers)


def _confirming(word: str, markers: _Markers) -> bool:
    """A verb that vouches for a claim (`confirm`, `bevestigen`, in any form): negated, it leaves the claim
    open."""
    return any(word.startswith(v[: max(4, len(v) - 2)]) for v, label in markers.stance.items() if label == "certain")


def assess_certainty(text: str, spans: Sequence[Span], *, language: str, cue_lemma: str | None = None) -> Certainty:
    """The certainty of the claim in ``spans`` of ``text``, and the words that show it."""
    markers = _markers(language)
    found: dict[str, list[Span]] = {}
    for span in spans:
        chunk = text[span.start : span.end]
        if chunk.rstrip().endswith("?"):
            found.setdefault("questioned", []).append(Span(span.end - 1, span.end, "?"))
        able = {m.span(1) for m in markers.ability.finditer(chunk)} if markers.ability else set()
        for label, pattern in markers.patterns:
            for m in pattern.finditer(chunk):
                if _attributive(markers, chunk, m) or m.span() in able:
                    continue  # three fake companies; heeft ... kunnen nemen (was able to)
                found.setdefault(label, []).append(Span(span.start + m.start(), span.start + m.end(), m.group()))
        if markers.hearsay is not None:
            for m in markers.hearsay.finditer(chunk):
                found.setdefault("reported", []).append(
                    Span(span.start + m.start(1), span.start + m.end(1), m.group(1))
                )
    if cue_lemma and cue_lemma in markers.stance:
        found.setdefault(markers.stance[cue_lemma], [])
    for label in LABELS:
        if label in found:
            return Certainty(label, tuple(found[label]))
    return Certainty("certain", ())
