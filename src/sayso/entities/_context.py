"""One document's words and what the entity rules need to know about them.

Facts about the document (which words it capitalises inside sentences, which it writes in lower
case, which lines are Title Case headlines) and predicates on its words (a title ends here, a
nationality word starts here) used by the chunker, the trimming and the checks in ``_candidates``.
"""

from __future__ import annotations

from functools import cached_property

from sayso.entities._gazetteer import NORP, Gazetteer, Match
from sayso.entities._resources import Phrases, Rules
from sayso.entities._words import NAMEISH, Words


class Context:
    """One document's words with what the rules need to know about them."""

    def __init__(self, words: Words, rules: Rules, gaz: Gazetteer) -> None:
        self.words = words
        self.rules = rules
        self.gaz = gaz
        self.matches: list[Match] = gaz.match(words)
        self.norp_at: dict[int, int] = {}
        for m in self.matches:
            if m.entry.label == NORP:
                self.norp_at[m.start] = max(self.norp_at.get(m.start, 0), m.end)
        self._titles_at: dict[int, tuple[int, ...]] = {}
        self.gaz_ends: dict[int, list[int]] = {}
        self.matches_at: dict[int, list[Match]] = {}  # by first word, in order: a lookup, not a scan per word
        for m in self.matches:
            self.matches_at.setdefault(m.start, []).append(m)
        self.match_ends = frozenset(m.end for m in self.matches)
        for m in self.matches:
            if m.entry.label != NORP:
                self.gaz_ends.setdefault(m.start, []).append(m.end)

    # --- facts about the document -------------------------------------------------------------

    @cached_property
    def titlecase_lines(self) -> frozenset[int]:
        """Short lines written in Title Case (headlines), where a capital letter says nothing."""
        by_line: dict[int, list[str]] = {}
        sentences = set()
        for w in self.words.items:
            if w.kind in ("cap", "lower") and w.text.isalpha():
                by_line.setdefault(w.line, []).append(w.text)
            elif w.text == ".":
                sentences.add(w.line)  # a headline has no full stop
        out = set()
        for line, texts in by_line.items():
            if line in sentences:
                continue
            content = [t for t in texts if len(t) > 3 and not self.is_stop(t)]
            lower = sum(t[0].islower() for t in content)
            if len(texts) <= 20 and len(content) >= 3 and lower <= 1 and lower < 0.25 * len(content):
                out.add(line)
        return frozenset(out)

    @cached_property
    def cap_positions(self) -> dict[str, list[int]]:
        """Capitalised words seen inside a sentence (not first), outside Title Case lines, and where."""
        out: dict[str, list[int]] = {}
        for k, w in enumerate(self.words.items):
            if w.kind in NAMEISH and not w.initial and w.line not in self.titlecase_lines:
                out.setdefault(w.text, []).append(k)
        return out

    @cached_property
    def known_caps(self) -> frozenset[str]:
        return frozenset(self.cap_positions)

    @cached_property
    def lower_words(self) -> frozenset[str]:
        return frozenset(w.text for w in self.words.items if w.kind == "lower")

    def is_stop(self, text: str) -> bool:
        return text.lower() in self.gaz.stop_words

    # --- word predicates -------------------------------------------------------------------------

    def unit_end(self, i: int, limit: int) -> int:
        """End of the run of words glued to word ``i`` (no space between), within ``limit``."""
        k = i
        while k + 1 < limit and not self.words[k].space:
            k += 1
        return k + 1

    def is_norp(self, i: int, limit: int) -> int:
        """End of a nationality word starting at ``i`` (0 when there is none).

        A given name before another name is not one ("Frans Timmermans").
        """
        w, r = self.words, self.rules
        if w[i].text in r.first_names and i + 1 < limit and w[i + 1].kind == "cap" and w[i].space:
            return 0
        end = self.norp_at.get(i, 0)
        if end and end <= limit:
            return end
        u = self.unit_end(i, limit)
        text = w.span_text(i, u)
        if r.norp_pattern and r.norp_pattern.search(text) and text not in r.first_names:
            return u
        for suffix in r.place_adjective_suffixes:  # Chersonse, Amsterdamse
            place = self.gaz.lookup(text[: -len(suffix)]) if text.endswith(suffix) else None
            if place and place.label in ("GPE", "LOC"):
                return u
        return 0

    def _phrase_from(self, phrases: Phrases, p: int) -> list[int]:
        """Lengths of the phrases that start at word ``p``, longest first."""
        w = self.words
        if p >= len(w):
            return []
        return [
            len(ph)
            for ph in phrases.starting(w[p].text)
            if p + len(ph) <= len(w) and all(w[p + t].text.lower() == ph[t] for t in range(1, len(ph)))
        ]

    def title_end(self, i: int, j: int) -> int:
        """Index after a title or role that ends inside ``[i, j)`` (0 when there is none).

        The title may begin before ``i``: in "minister van Defensie Kim" the name run starts at
        "Defensie" but the title "minister van defensie" covers it.
        """
        w = self.words
        best = None  # (length, -end)
        for p in range(max(0, i - self.title_reach + 1), i + 1):
            for m in self.title_lengths(p):
                k = p + m - 1
                if i <= k < j and (k + 1 == j or not self.is_head(w[k + 1].text)):
                    if best is None or (m, -(k + 1)) > best:
                        best = (m, -(k + 1))
        if best:
            return -best[1]  # the whole run may be a title: "Chief Operating Officer"
        u = self.unit_end(i, j)
        if u < j and self._role_compound(i, u):
            return u
        return 0

    def _role_compound(self, i: int, u: int) -> bool:
        """Is the glued word ``[i, u)`` a compound ending in a role ("Noord-Koreakenner", "Neuroloog")?"""
        unit = self.words.span_text(i, u).lower()
        return any(unit.endswith(s) and unit != s for s in self.rules.title_suffixes)

    @cached_property
    def title_reach(self) -> int:
        """The most words a title can span, a portfolio included."""
        r = self.rules
        portfolio = r.portfolio_joiners.longest + 3 * (r.portfolios.longest + r.portfolio_links.longest)
        return max(r.titles.longest, r.portfolio_titles.longest) + portfolio

    def title_lengths(self, p: int) -> tuple[int, ...]:
        """Lengths of the titles that start at word ``p``, longest first, with a minister's portfolio:
        "minister van Asiel en Migratie", "Health Secretary", "Secretary of State for Health"."""
        found = self._titles_at.get(p)
        if found is None:
            found = self._titles_at[p] = self._title_lengths(p)
        return found

    def _title_lengths(self, p: int) -> tuple[int, ...]:
        r = self.rules
        out = set(self._phrase_from(r.titles, p))
        for m in self._phrase_from(r.portfolio_titles, p):
            joiner = self.phrase_at(r.portfolio_joiners, p + m)
            end = self._portfolios_end(p + m + joiner) if joiner else 0
            if end > p + m + joiner:
                out.add(end - p)
        end = self._portfolios_end(p)
        if p < end < len(self.words):
            out.update(end - p + m for m in self._phrase_from(r.portfolio_titles, end))
        return tuple(sorted(out, reverse=True))

    def _portfolios_end(self, k: int) -> int:
        """End of the portfolios starting at word ``k`` ("Asiel en Migratie"); ``k`` when there are none."""
        r = self.rules
        end = k
        while m := self.phrase_at(r.portfolios, end):
            end += m
            link = self.phrase_at(r.portfolio_links, end)
            if not (link and self.phrase_at(r.portfolios, end + link)):
                break
            end += link
        return end

    def titled(self, i: int) -> bool:
        """Is the run starting at word ``i`` preceded by a title or role ("minister Ruben Brekelmans")?"""
        for p in range(max(0, i - self.title_reach), i):
            if i - p in self.title_lengths(p):
                return True
        return False

    def inside_title(self, i: int, j: int) -> bool:
        """Is ``[i, j)`` part of a title ("Defensie" in "minister van Defensie")?"""
        for p in range(max(0, i - self.title_reach + 1), i + 1):
            if any(p + m >= j and p + m - p > j - i for m in self.title_lengths(p)):
                return True
        return False

    def phrase_at(self, phrases: Phrases, j: int) -> int:
        """Length of the longest phrase that starts at word ``j`` (0 when none)."""
        found = self._phrase_from(phrases, j) if j < len(self.words) else []
        return found[0] if found else 0

    @cached_property
    def positions(self) -> dict[str, list[int]]:
        """Where each word of the document stands."""
        out: dict[str, list[int]] = {}
        for k, w in enumerate(self.words.items):
            out.setdefault(w.text, []).append(k)
        return out

    def particle_capitalised(self, j: int, m: int) -> bool:
        """Does the article write the particles ``[j, j + m)`` and the surname after them with a
        capital elsewhere, as Dutch does for a surname alone ("Van Vroonhoven", "Van der Flier")?"""
        w = self.words
        first = w[j].text[:1].upper() + w[j].text[1:]
        rest = [w[j + t].text for t in range(1, m + 1)]
        return any(
            k != j and k + m < len(w) and [w[k + t].text for t in range(1, m + 1)] == rest
            for k in self.positions.get(first, ())
        )

    def known_name(self, text: str, not_at: int = -1) -> bool:
        """Is ``text`` a name the article capitalises inside a sentence (elsewhere than at word
        ``not_at``) or the gazetteer knows? A genitive or plural ``s`` is allowed ("Poetins")."""
        if any(k != not_at for k in self.cap_positions.get(text, ())) or self.gaz.lookup(text):
            return True
        bare = text[:-1] if text.endswith("s") and len(text) > 3 else ""
        return bool(bare) and (bare in self.known_caps or self.gaz.lookup(bare) is not None)

    def has_known_part(self, i: int, j: int) -> bool:
        """Does a known name make up part of the glued word ``[i, j)`` ("Oost-Oekraïne")?"""
        return j - i > 1 and any(
            m.entry.label != NORP and m.end <= j for k in range(i, j) for m in self.matches_at.get(k, ())
        )

    def starts_organisation(self, i: int) -> bool:
        """Does a known organisation or product begin at word ``i``?"""
        return any(m.entry.label in ("ORG", "PRODUCT") for m in self.matches_at.get(i, ()))

    def possessive_name(self, k: int) -> bool:
        """Is the possessive ``'s`` at word ``k`` inside an organisation's name ("King's College London",
        "Alzheimer's Research UK") rather than between an owner and a name ("Apple's iPhone")?

        The owner is a capitalised word the gazetteer does not know, not a given name, and written
        with ``'s`` wherever the article has it; capitalised words after it hold an institution word.
        """
        w, r = self.words, self.rules
        if k < 1 or k + 1 >= len(w) or w[k].text not in ("'s", "’s") or not w[k].space:
            return False
        owner = w[k - 1]
        if owner.kind != "cap" or owner.text in r.first_names or k in self.match_ends:
            return False  # "United Kingdom's Royal Air Force": a known owner
        if any(p + 1 >= len(w) or w[p + 1].kind != "poss" for p in self.positions.get(owner.text, ())):
            return False  # "Nordhaven" also alone: "Nordhaven's Research Department" is its department
        org_heads = r.heads.get("ORG", frozenset())
        e = k + 1
        while e < len(w) and w[e].kind in ("cap", "acro") and not w[e].initial:
            if w[e].text in org_heads:
                return True
            if not w[e].space:
                break
            e += 1
        return False

    def is_head(self, text: str) -> bool:
        return any(text in heads for heads in self.rules.heads.values())

    def has_head(self, i: int, j: int) -> bool:
        texts = {self.words[k].text for k in range(i, j)}
        return any(texts & heads for heads in self.rules.heads.values())

    def common_word(self, i: int, u: int, lower_elsewhere: bool = True) -> bool:
        """A capitalised word that is a common word (first in its sentence, so capitalised)."""
        text = self.words.span_text(i, u)
        low = text.lower()
        return (
            low in self.rules.nonnames
            or self.is_stop(text)
            or (low,) in self.rules.titles
            or (lower_elsewhere and low in self.lower_words)
        )
