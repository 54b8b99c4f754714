"""The time grammar: rules shared by every language, filled in with that language's words.

A rule is a regular expression written with placeholders (``%MON%``, ``%WD%``, ``%UNIT%``, ...)
that the lexicon of a language replaces by alternations of its words, and a handler that turns a
match into TIMEX3 values. Both word orders of dates (``15 oktober 2024``, ``October 15, 2024``)
are rules of the one grammar, so no rule is specific to a language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

from sayso._slices import char_before, last_visible
from sayso.numbers import try_parse_number
from sayso.time import _calendar as cal
from sayso.time._lexicon import TimeLexicon, alt, lexicon, norm

_BOUNDARY = re.compile(r"[.!?]+[”\"'’)]*[^\S\n]+(?=[A-Z\d“\"„‘'(À-Ý])|\n")
REF = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}
_CUE_TENSE = {"fut": 1, "past": -1, "sfx": -1, "pres": 0, "psfx": 0}  # groups of tense_pattern
DAYPART_CODES = ("MO", "AF", "EV", "NI")


@dataclass(frozen=True, slots=True)
class Hit:
    """A time expression found by one rule, before overlaps are resolved."""

    start: int
    end: int
    value: str
    kind: str
    rule: int
    clock: bool = False  # a time of day still to be anchored to a day: value is 'T18:00' or 'T18:00Z'
    extend: bool = True  # may take a part word (begin, early) in front of it
    joined: tuple[int, ...] = ()  # rules of the parts joined to it (a day's time of day: Monday at noon)
    guessed_year: bool = False  # a month or date without a year, its year guessed from publication and tense


class Context:
    """The article text and publication date that handlers resolve against."""

    def __init__(self, text: str, published: date | None, lex: TimeLexicon, tense: re.Pattern[str]) -> None:
        self.text = text
        self.published = published
        self.lex = lex
        self._tense = tense
        self._bounds: list[int] | None = None
        self._quotes: list[tuple[int, int]] | None = None

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        """The direct quotation (between double quotation marks, within a paragraph) around ``pos``."""
        if self._quotes is None:
            self._quotes = _quotations(self.text)
        return next((q for q in self._quotes if q[0] < pos < q[1]), None)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The bounds of the sentence around ``start:end``: from the boundary before to the one after."""
        s = 0
        for b in self._boundaries():
            if b <= start:
                s = b
            elif b >= end:
                return s, b
        return s, len(self.text)

    def _boundaries(self) -> list[int]:
        if self._bounds is None:
            abbreviations = set(self.lex.tense.get("abbreviations", ()))
            bounds = []
            for m in _BOUNDARY.finditer(self.text):
                if m.group(0).startswith("."):
                    word = re.search(r"([\w.'’]+)$", self.text[max(0, m.start() - 12) : m.start()])
                    token = word.group(1).lower() if word else ""  # euro's. ends a sentence, it is no abbreviation
                    if token in abbreviations or (
                        re.fullmatch(r"(?:\w\.)*\w", token) and len(token) <= 3 and not token.isdigit()
                    ):
                        continue  # a.m., U.S., Oct.
                bounds.append(m.end())
            self._bounds = bounds
        return self._bounds

    def tense(self, start: int, end: int) -> int:
        """+1 when the nearest tense cue around ``start:end`` is a future one, -1 when it is a past one,
        0 when it is a present one or there is none. Cues in the same clause (between commas) come
        first, then the sentence: in ``will close in January, the company said`` the clause decides,
        not the reporting verb; in ``asked for more when she is sentenced on Sept. 9`` the present
        ``is`` is nearer than the past ``asked``."""
        found = self.tense_cue(start, end)
        return found if found is not None else 0

    def tense_cue(self, start: int, end: int) -> int | None:
        """As ``tense``, but None when no tense cue is there at all (0: a present one)."""
        s, e = self.sentence(start, end)
        cs = max(s, *(self.text.rfind(p, s, start) + 1 for p in ",;:()"))
        ends = [i for i in (self.text.find(p, end, e) for p in ",;:()") if i >= 0]
        ce = min(ends) if ends else e
        if self._after_forward_preposition(start) and not self._simple_past_in(cs, ce, start, end):
            return 1  # voor vrijdag: by or for Friday, also after a perfect (heeft voor vrijdag code oranje afgegeven)
        clause = self._nearest_cue(cs, ce, start, end)
        return clause if clause is not None else self._nearest_cue(s, e, start, end)

    def _after_forward_preposition(self, start: int) -> bool:
        m = re.search(r"(?<![\w])([\w’']+)[^\S\n]+$", self.text[max(0, start - 20) : start])
        return m is not None and m.group(1).lower() in self.lex.tense.get("forward_prepositions", ())

    def _simple_past_in(self, s: int, e: int, start: int, end: int) -> bool:
        """A past cue in ``s:e`` other than a perfect auxiliary (heeft, has) and outside ``start:end``."""
        perfect = self.lex.tense.get("perfect_auxiliaries", ())
        infinitive = self.lex.tense.get("infinitive_suffixes", ())
        for m in self._tense.finditer(self.text, s, e):
            if (m.start() < end and m.end() > start) or m.lastgroup not in ("past", "sfx"):
                continue
            if m.group(0).lower() in perfect or (m.lastgroup == "sfx" and self._not_past(m)):
                continue
            if m.lastgroup == "sfx" and m.group(0).lower().endswith(tuple(infinitive)):
                continue  # afgesloten, ingezet: as often a participle or an infinitive as a past
            return True
        return False

    def _nearest_cue(self, s: int, e: int, start: int, end: int) -> int | None:
        """The tense of the cue nearest to ``start:end`` within ``s:e``: +1, -1 or 0 (present); None without one."""
        best: tuple[int, int] | None = None
        for m in self._tense.finditer(self.text, s, e):
            if m.start() < end and m.end() > start:
                continue
            if m.lastgroup == "sfx" and self._not_past(m):
                continue
            if m.lastgroup == "fut" and (self._future_in_the_past(m) or self._no_deadline(m)):
                continue
            dist = start - m.end() if m.end() <= start else m.start() - end
            if best is None or dist < best[0]:
                best = (dist, _CUE_TENSE[m.lastgroup or ""])
        return best[1] if best else None

    def _no_deadline(self, m: re.Match[str]) -> bool:
        """``by``/``until`` point forward only before a time (``by Friday``, ``by 2030``), never in
        ``raised prices by an average of 9%``."""
        if m.group(0).lower() not in self.lex.tense.get("deadline_words", ()):
            return False
        after = self.text[m.end() : m.end() + 30].split()[:1]
        if not after:
            return True
        word = after[0].strip(".,;:")
        starts = self.lex.tense.get("deadline_starts", ())
        return not (self._names_a_time(word) or re.fullmatch(r"\d{4}", word) or word.lower() in starts)

    def _names_a_time(self, word: str) -> bool:
        """A month, weekday or holiday: ``by Friday`` sets a deadline, ``confirmed by Halvorsen`` names an agent."""
        key = norm(word).rstrip(".")
        cal_ = self.lex.cal
        return key in cal_["months"] or key in cal_["weekdays"] or any(h.split()[0] == key for h in cal_["holidays"])

    def _future_in_the_past(self, m: re.Match[str]) -> bool:
        """``would have won``, ``zou hebben gewonnen``: a modal before a perfect looks back. Where the
        verb comes last (``zou zondag twee jongeren hebben gezien``) the perfect may close the clause:
        an auxiliary of ``future_perfect_in_clause`` beside a participle anywhere after the modal."""
        after = self.text[m.end() : m.end() + 30].split()[:1]
        if after and after[0].lower() in self.lex.tense.get("future_not_before", ()):
            return True
        auxiliaries = self.lex.tense.get("future_perfect_in_clause", ())
        if not auxiliaries:
            return False
        _, e = self.sentence(m.start(), m.end())
        ends = [i for i in (self.text.find(p, m.end(), e) for p in ",;:()") if i >= 0]
        words = [w.strip("\"'“”‘’.!?").lower() for w in self.text[m.end() : min(ends, default=e)].split()]
        prefixes = tuple(self.lex.tense.get("participle_prefixes", ()))
        for i, w in enumerate(words):
            if w in auxiliaries:
                beside = words[max(0, i - 1) : i] + words[i + 1 : i + 2]
                if any(x.startswith(prefixes) and len(x) > 4 for x in beside):
                    return True
        return False

    def _not_past(self, m: re.Match[str]) -> bool:
        """A word that only looks past: will be delivered, will succeed, de grote (an adjective)."""
        if m.group(0).lower() in self.lex.tense.get("past_suffix_exceptions", ()):
            return True
        before = self.text[max(0, m.start() - 40) : m.start()].split()[-3:]
        if before and before[-1].lower() in self.lex.tense.get("past_suffix_not_after", ()):
            return True
        if any(self._is_future_word(x) for x in before):
            return True
        return self._infinitive_after_modal(m)

    def _is_future_word(self, word: str) -> bool:
        cue = self._tense.fullmatch(word.lower())
        return cue is not None and cue.lastgroup == "fut"

    def _infinitive_after_modal(self, m: re.Match[str]) -> bool:
        """``hij zal zaterdag in Zandvoort rijden``: an infinitive at the end of a clause with a modal."""
        if not m.group(0).lower().endswith(tuple(self.lex.tense.get("infinitive_suffixes", ()))):
            return False
        s, _ = self.sentence(m.start(), m.end())
        cs = max(s, *(self.text.rfind(p, s, m.start()) + 1 for p in ",;:()"))
        modals = self.lex.tense.get("modals", ())
        return any(w.strip("\"'“”‘’").lower() in modals for w in self.text[cs : m.start()].split())

    def future(self, start: int, end: int) -> bool:
        return self.tense(start, end) > 0

    def word_before(self, start: int) -> str:
        m = re.search(r"([\w'’$€£#-]+)[\s,]*$", self.text[max(0, start - 40) : start])
        return norm(m.group(1)) if m else ""

    def words_before(self, start: int, n: int = 3) -> str:
        chunk = self.text[max(0, start - 60) : start]
        return " ".join(norm(chunk).split()[-n:])

    def word_after(self, end: int) -> str:
        m = re.match(r"\s*([\w'’%-]+)", self.text[end : end + 40])
        return m.group(1) if m else ""


_OPENING, _CLOSING, _EITHER = "“„«", "”»", '"'


def _quotations(text: str) -> list[tuple[int, int]]:
    """The spans of direct quotations: from an opening mark to its closing one, never across a paragraph."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, c in enumerate(text):
        if c == "\n":
            start = None
        elif start is None and (c in _OPENING or c == _EITHER):
            start = i
        elif start is not None and (c in _CLOSING or c == _EITHER):
            spans.append((start, i))
            start = None
    return spans


# (start, end, value, kind[, to be anchored in _anchor.anchor[, its year guessed]])
Found = tuple[int, int, str, str] | tuple[int, int, str, str, bool] | tuple[int, int, str, str, bool, bool]
Handler = Callable[[re.Match[str], Context], Iterator[Found]]


def _cap(word: str) -> bool:
    return word[:1].isupper()


class Grammar:
    """The compiled rules of one language."""

    def __init__(self, lex: TimeLexicon) -> None:
        self.lex = lex
        rel, cal_, units = lex.rel, lex.cal, lex.units_data
        ord_suf = alt(cal_["ordinal_day_suffixes"])
        mods = [
            *rel["previous"],
            *rel["current"],
            *rel["next"],
            *rel["span_past"],
            *rel["span_next"],
            *rel["span_recent"],
        ]
        self.pieces = {
            "B": r"(?<![\w])",
            "E": r"(?![\w])",
            "MON": rf"(?:{alt(lex.full_months)}|{alt(lex.abbreviated_months)}\.?)",
            "MONFULL": alt(lex.full_months),
            "WD": alt(lex.weekdays),
            "WDA": rf"(?:{alt(lex.weekdays)}|{alt(cal_['weekday_abbreviations'])}\.?)",
            "WDPL": alt(cal_["weekday_plurals"]),
            "WDGEN": alt(cal_["weekday_genitives"]),
            "DP": alt(lex.dayparts),
            "DAY": rf"(?:3[01]|[12]\d|0?[1-9])(?:{ord_suf})?(?![\d])",
            "YEAR": r"(?<![\d])(?:1\d{3}|20\d{2}|21\d{2})(?![\d])",
            "NUM": lex.number_pattern,
            "UNIT": alt(lex.units),
            "UNITSG": alt(lex.singular_units),
            "UNITPL": alt(lex.plural_units),
            "YEARUNIT": alt([u for u in lex.singular_units if lex.units[u] == "Y"]),
            "ALLMOD": alt(mods),
            "PREVNEXTCUR": alt([*rel["previous"], *rel["current"], *rel["next"]]),
            "ART": alt(rel["articles"]),
            "AGO": alt(rel["ago"]),
            "FROMNOW": alt(rel["from_now"]),
            "VCOUNT": alt(units["vague_counts"]),
            "ONE": alt(rel["one_words"]),
            "HALFONE": alt(rel["half_one"]),
            "SEASON": alt(lex.seasons),
            "WEEKEND": alt(cal_["weekend"]),
            "PART": alt(rel["parts"]),
            "PART1": alt(rel["single_parts"]),
            "ORD": alt(rel["ordinals"]),
            "QUARTER": alt(rel["quarter_words"]),
            "HALF": alt(rel["half_words"]),
            "CENTURY": alt(rel["century_words"]),
            "CENTORD": alt(rel["century_ordinals"]),
            "ORDSUF": ord_suf,
            "DECNOUN": alt(rel["decade_nouns"]),
            "DECWORD": alt(rel["decade_words"]),
            "OF": alt(rel["of"]),
            "AND": alt(rel["and"]),
            "TO": alt(rel["to"]),
            "EACH": alt(rel["each"]),
            "PER": alt(rel["per"]),
            "SETWORD": alt(rel["set_words"]),
            "REPEAT": alt(rel["repeat_joiners"]),
            "WEEKNUM": alt(rel["week_number"]),
            "FISCAL": alt(rel["fiscal"]),
            "CLOCKPRE": alt(rel["clock_prefixes"]),
            "CLOCKSUF": alt(rel["clock_suffixes"]),
            "CLOCKNAMED": alt(rel["clock_named"]),
            "AMPM": alt(rel["am_pm"]),
            "CLOCKDP": alt(rel["clock_dayparts"]),
            "TZ": f"(?-i:{alt(rel['timezones'])})",
            "HALFHOUR": alt(rel["half_hour"]),
            "DEICTIC": alt(rel["deictic"]),
            "ANAPHORIC": alt(rel["anaphoric_days"]),
            "ANAPERIOD": alt(rel["anaphoric_periods"]),
            "SENTDAY": alt(rel["sentence_days"]),
            "NARRDP": alt(rel["narrative_dayparts"]),
            "SAMEPERIOD": alt(rel["same_period"]),
            "YEARBEFORE": alt(rel["year_before"]),
            "CURFISCAL": alt(rel["current_fiscal"]),
            "THEFISCAL": alt(rel["the_fiscal"]),
            "THEQUARTER": alt(rel["the_quarter"]),
            "YEARAGOPERIOD": alt(rel["year_earlier_periods"]),
            "ANAWD": alt(rel["anaphoric_weekdays"]),
            "POINTREL": alt(rel["point_relatives"]),
            "HOLIDAY": alt(cal_["holidays"]),
            "PERIODEND": alt(rel["period_end_words"]),
            "RELAFTER": alt(rel["relative_after"]),
            "FUTIN": alt([*rel["future_in"], *rel["future_in_when_future"]]),
            "VAGUE": alt(rel["vague"]),
            "VDUR": alt(units["vague_durations"]),
            "LONG": alt(units["long_suffixes"]),
            "BAREPREP": alt(rel["bare_plural_prepositions"]),
            "DMJOIN": alt(cal_["day_month_joiners"]),
            "DAYART": alt(cal_["day_articles"]),
            "WDGENART": alt(cal_["weekday_genitive_articles"]),
            "ANDHALF": alt(units["and_a_half"]),
            "DPTO": alt(rel["daypart_to"]),
        }
        sources = self._rule_sources()
        self.names: list[str] = [name for name, _, _ in sources]
        self.rules: list[tuple[re.Pattern[str], Handler]] = [
            (self._compile(src), handler) for _, src, handler in sources
        ]

    def _compile(self, src: str) -> re.Pattern[str]:
        out = re.sub(r"%(\w+)%", lambda m: self.pieces[m.group(1)], src)
        return re.compile(out, re.IGNORECASE)

    # ------------------------------------------------------------------ the rules, in order of preference
    def _rule_sources(self) -> list[tuple[str, str, Handler]]:
        """(name, pattern, handler) of every rule; docs/time.md gives an example of each."""
        return [
            ("iso_date", r"(?<![\w./-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\w/-]|\.\d)", self.iso_date),
            (
                "numeric_date",
                r"(?<![\w./-])(?:(?P<wd>%WDA%),?\s+)?(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)"
                r"(?P<y>\d{4}|\d{2})(?![\w/-]|\.\d)",
                self.numeric_date,
            ),
            (
                "day_month",
                r"%B%(?:(?P<mod>%PREVNEXTCUR%)\s+)?(?:(?P<wd>%WDA%),?\s+)?(?:%DAYART%\s+)?(?P<d>%DAY%)\s*"
                r"(?:%DMJOIN%\s+)?(?P<m>%MON%)"
                r"(?:,?\s+(?P<y>%YEAR%)|\s+(?P<rel>%PREVNEXTCUR%)\s+%YEARUNIT%)?(?![\w])",
                self.day_month,
            ),
            (
                "month_day",
                r"%B%(?:(?P<mod>%PREVNEXTCUR%)\s+)?(?:(?P<wd>%WDA%),?\s+)?(?P<m>%MON%)\s+(?P<d>%DAY%)"
                r"(?:,?\s+(?P<y>%YEAR%)|\s+(?P<rel>%PREVNEXTCUR%)\s+%YEARUNIT%)?(?![\w]|[.,]\d)",
                self.day_month,
            ),
            ("day_mon_year_dashed", r"%B%(?P<d>\d{1,2})-(?P<m>%MON%)-(?P<y>\d{4}|\d{2})%E%", self.day_month),
            ("month_year", r"%B%(?P<m>%MON%)(?:\s+%OF%)?,?\s+(?P<y>%YEAR%)%E%", self.month_year),
            ("month_relative_year", r"%B%(?P<m>%MON%)\s+(?P<rel>%PREVNEXTCUR%)\s+%YEARUNIT%%E%", self.month_year),
            (
                "quarter_of_year",
                r"%B%(?:(?P<art>%ART%)\s+)?(?P<o>%ORD%)\s+(?P<q>%QUARTER%|%HALF%)\s+(?:%OF%\s+)?"
                r"(?:(?P<y>%YEAR%)|(?P<rel>%PREVNEXTCUR%)\s+(?P<yu>%UNITSG%))%E%",
                self.quarter,
            ),
            ("quarter_short", r"%B%(?P<qh>[QH])(?P<qn>[1-4])(?:\s+(?P<y>%YEAR%))?%E%", self.quarter),
            ("season_year", r"%B%(?:%ART%\s+)?(?P<s>%SEASON%)\s+(?:%OF%\s+)?(?P<y>%YEAR%)%E%", self.season_year),
            ("fiscal_year", r"%B%(?P<f>%FISCAL%)\s*['’]?(?P<y>%YEAR%|\d{2})%E%", self.fiscal),
            (
                "decade_digits",
                r"%B%(?:%ART%\s+)?(?:%PART1%[-\s]+)?(?P<c>1\d|20)?(?P<apo>['’])?(?P<d>\d)0['’]?s%E%",
                self.decade_digits,
            ),
            (
                "decade_noun",
                r"%B%(?:%ART%\s+)?%DECNOUN%\s+(?P<w>%DECWORD%|['’]?\d0|(?:1\d|20)\d0)"
                r"(?P<rest>(?:\s*(?:,|%AND%)\s*(?:%DECWORD%|['’]?\d0)%E%)*)",
                self.decade_noun,
            ),
            ("decade_word", r"%B%%ART%\s+(?:%PART1%[-\s]+)?(?P<w>%DECWORD%)%E%", self.decade_word),
            ("century", r"%B%(?:%ART%\s+)?(?P<o>\d{1,2}(?:%ORDSUF%)|%CENTORD%)\s+%CENTURY%%E%", self.century),
            ("year", r"(?<![\w.,$€£#/])(?P<y>%YEAR%)(?![\w]|[.,]\d)", self.year),
            ("deictic", r"%B%(?P<w>%DEICTIC%)(?:\s+(?P<dp>%DP%))?%E%", self.deictic),
            ("anaphoric_day", r"%B%(?P<w>%ANAPHORIC%)%E%", self.anaphoric_day),
            ("anaphoric_period", r"%B%(?P<w>%ANAPERIOD%)%E%", self.anaphoric_period),
            ("sentence_day", r"%B%(?P<w>%SENTDAY%)%E%", self.sentence_day),
            ("narrative_daypart", r"%B%(?P<w>%NARRDP%)%E%", self.narrative_daypart),
            ("same_period", r"%B%%SAMEPERIOD%(?:\s+%OF%)?,?\s+%YEARBEFORE%%E%", self.same_period),
            ("year_earlier_period", r"%B%%YEARAGOPERIOD%%E%", self.same_period),
            ("current_fiscal_year", r"%B%%CURFISCAL%%E%", self.current_fiscal),
            ("the_fiscal_year", r"%B%%THEFISCAL%%E%", self.the_fiscal),
            ("the_quarter", r"%B%%THEQUARTER%(?!\s+%OF%\s)%E%", self.the_quarter),
            ("weekday", r"%B%(?:(?P<mod>%PREVNEXTCUR%)\s+)?(?P<wd>%WD%)(?:(?P<sep>\s*)(?P<dp>%DP%))?%E%", self.weekday),
            (
                "anaphoric_weekday",
                r"%B%%ART%\s+(?P<dir>%ANAWD%)\s+(?P<wd>%WD%)(?:(?P<sep>\s*)(?P<dp>%DP%))?%E%",
                self.anaphoric_weekday,
            ),
            (
                "daypart_of_weekday",
                r"%B%(?:%ART%\s+)?(?P<dp>%DP%)\s+%OF%\s+(?P<wd>%WD%)(?:\s+%DPTO%\s+(?P<wd2>%WD%))?%E%",
                self.daypart_of_weekday,
            ),
            (
                "weekday_set",
                r"%B%(?:%EACH%\s+(?P<wd>%WD%)|%WDGENART%\s+(?P<wds>%WDGEN%)|(?P<wdp>%WDPL%))%E%",
                self.weekday_set,
            ),
            (
                "relative",
                r"%B%(?:(?P<art>%ART%)\s+)?(?P<mod>%ALLMOD%)\s+(?:(?P<n>%NUM%|%VCOUNT%)\s+)?"
                r"(?P<u>%UNIT%|%SEASON%|%MONFULL%|%WEEKEND%)(?P<poss>['’]s)?%E%",
                self.relative,
            ),
            ("ago", r"%B%(?:(?P<n>%NUM%|%VCOUNT%|%ONE%)\s+)?(?P<u>%UNIT%)\s+(?P<ago>%AGO%)%E%", self.ago),
            ("from_now", r"%B%(?P<n>%NUM%|%VCOUNT%|%ONE%)\s+(?P<u>%UNIT%)\s+(?P<fn>%FROMNOW%)%E%", self.ago),
            (
                "relative_to_reference",
                r"%B%(?P<n>%NUM%|%ONE%)\s+(?P<u>%UNIT%)\s+(?P<rel>%RELAFTER%)%E%",
                self.relative_to_reference,
            ),
            ("future_in", r"%B%(?P<fin>%FUTIN%)\s+(?P<n>%NUM%|%ONE%)\s+(?P<u>%UNIT%)%E%", self.future_in),
            (
                "indefinite_point",
                r"%B%(?P<one>%ONE%)\s+(?P<u>%UNITSG%)(?=\s+(?:%POINTREL%)%E%)",
                self.indefinite_point,
            ),
            ("set_each", r"%B%(?:%EACH%)\s+(?:(?P<n>%NUM%)\s+)?(?P<u>%UNIT%)%E%", self.set_each),
            ("set_per", r"%B%(?P<per>%PER%)\s+(?P<u>%UNITSG%)%E%", self.set_per),
            ("set_word", r"%B%(?P<w>%SETWORD%)%E%", self.set_word),
            ("set_repeat", r"%B%(?P<u>%UNITSG%)\s+%REPEAT%\s+(?P=u)%E%", self.set_each),
            (
                "duration_range",
                r"%B%(?P<lo>%NUM%)\s*(?:(?:%TO%|%AND%)\s+|[-–]\s*)(?P<n>%NUM%)(?P<sep>\s+|-)(?P<u>%UNITPL%)%E%",
                self.duration_range,
            ),
            ("duration", r"%B%(?P<n>%NUM%)(?P<sep>\s+|-)(?P<u>%UNIT%)(?P<long>%LONG%)?%E%", self.duration),
            ("duration_one", r"%B%(?P<one>%ONE%)\s+(?P<u>%UNITSG%)(?P<half>\s+%ANDHALF%)?%E%", self.duration),
            ("duration_half", r"%B%(?P<halfone>%HALFONE%)\s+(?P<u>%UNITSG%)%E%", self.duration),
            ("duration_vague_count", r"%B%(?P<vc>%VCOUNT%)\s+(?P<u>%UNITPL%)%E%", self.duration),
            ("duration_vague", r"%B%(?P<vd>%VDUR%)%E%", self.duration),
            ("duration_long", r"%B%(?P<u>%UNITPL%)(?P<long>%LONG%)%E%", self.duration),
            ("duration_bare", r"%B%(?P<bare>%BAREPREP%)\s+(?P<u>%UNITPL%)%E%", self.duration),
            (
                "clock_digits",
                r"%B%(?P<h>[01]?\d|2[0-4])(?P<sep>[:.])(?P<mi>[0-5]\d)(?::(?P<sec>[0-5]\d)(?:[.,]\d+)?)?(?![\d])"
                r"(?:\s*(?P<ampm>%AMPM%))?"
                r"(?:\s*(?P<suf>%CLOCKSUF%)(?![\w]))?(?:\s*\(?\s*(?P<tz>%TZ%)(?:\s*(?P<off>[+-]\s*\d{1,2}))?\s*\)?)?",
                self.clock,
            ),
            (
                "clock_ampm",
                r"%B%(?P<h>1[0-2]|0?[1-9])\s*(?P<ampm>%AMPM%)(?:\s*\(?\s*(?P<tz>%TZ%)(?:\s*(?P<off>[+-]\s*\d{1,2}))?"
                r"\s*\)?)?",
                self.clock,
            ),
            (
                "clock_in_daypart",
                r"%B%(?:(?P<pre>%CLOCKPRE%)\s+)?(?:(?P<half>%HALFHOUR%)\s+)?(?!%AND%\s)(?P<hw>%NUM%)(?:\s+(?P<suf>%CLOCKSUF%))?"
                r"\s+(?P<dp>%CLOCKDP%)(?![\w])",
                self.clock_in_daypart,
            ),
            (
                "clock_words",
                r"%B%(?P<pre>%CLOCKPRE%)\s+(?:(?P<half>%HALFHOUR%)\s+)?(?P<hw>%NUM%)(?:\s+(?P<suf>%CLOCKSUF%))?%E%",
                self.clock,
            ),
            ("clock_named", r"%B%(?P<named>%CLOCKNAMED%)%E%", self.clock),
            ("part_of_period", r"%B%(?P<part>%PART%)\s+(?P<art>%ART%)\s+(?P<u>%UNITSG%)%E%", self.the_period),
            ("month", r"%B%(?P<m>%MONFULL%)%E%", self.month),
            ("holiday", r"%B%(?P<h>%HOLIDAY%)(?:\s+(?P<y>%YEAR%))?%E%", self.holiday),
            ("week_number", r"%B%%WEEKNUM%\s+(?P<n>[1-9]|[1-4]\d|5[0-3])(?![\d])", self.week_number),
            ("quarter", r"%B%(?:(?P<art>%ART%)\s+)?(?P<o>%ORD%)(?:\s+|-)(?P<q>%QUARTER%|%HALF%)%E%", self.quarter),
            ("period_end", r"%B%(?P<pe>%PERIODEND%)%E%", self.period_end),
            ("season", r"%B%(?P<art>%ART%)\s+(?P<s>%SEASON%)%E%", self.season),
            ("weekend", r"%B%%ART%\s+(?P<we>%WEEKEND%)%E%", self.weekend),
            ("vague", r"%B%(?P<v>%VAGUE%)%E%", self.vague),
        ]

    # ------------------------------------------------------------------ helpers
    def _month(self, word: str) -> int | None:
        return self.lex.months.get(norm(word).rstrip("."))

    def _month_ok(self, word: str, with_day_or_year: bool) -> bool:
        """English month names are capitalised; abbreviations need a day or year."""
        key = norm(word).rstrip(".")
        if self.lex.cal["months_capitalised"] and not _cap(word):
            return False
        return with_day_or_year or key in self.lex.full_months

    def _weekday_ok(self, word: str) -> bool:
        return not self.lex.cal["weekdays_capitalised"] or _cap(word)

    @staticmethod
    def _day(text: str) -> int:
        return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]

    def _year2(self, text: str, ctx: Context) -> int:
        y = int(text)
        if len(text) == 4:
            return y
        pivot = (ctx.published.year % 100 + 10) if ctx.published else 30
        return 2000 + y if y <= pivot else 1900 + y

    # ------------------------------------------------------------------ handlers
    def iso_date(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        d = cal.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            yield m.start(), m.end(), cal.day(d), "date"

    def numeric_date(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        a, b = int(m["a"]), int(m["b"])
        if m["sep"] == "." and len(m["y"]) == 2:
            return  # 1.5.24 is more often a version or a score than a date
        dom, mon = (a, b) if self.lex.cal["date_order"] == "DMY" else (b, a)
        d = cal.safe_date(self._year2(m["y"], ctx), mon, dom)
        if d:
            yield m.start(), m.end(), cal.day(d), "date"

    def day_month(self, m: re.Match[str], ctx: Context) -> Iterator[Found]:
        if not self._month_ok(m["m"], True):
            return
        wd = m.groupdict().get("wd")
        if wd and not self._weekday_ok(wd):
            return
        mon, dom = self._month(m["m"]), self._day(m["d"])
        if mon is None:
            return
        year_named = self._year_of(m, ctx)
        if year_named is not None:
            d = cal.safe_date(year_named, mon, dom)
            if d:
                yield m.start(), m.end(), cal.day(d), "date"
            elif m.groupdict().get("rel") and ctx.published is None:
                yield m.start(), m.end(), f"XXXX-{mon:02d}-{dom:02d}", "date"
            return
        if cal.safe_date(2000, mon, dom) is None:
            return
        if ctx.published is None:
            yield m.start(), m.end(), f"XXXX-{mon:02d}-{dom:02d}", "date"
            return
        mod = norm(m.groupdict().get("mod") or "")
        tense = ctx.tense(m.start(), m.end())
        if mod in self.lex.rel["next"]:
            tense = 1
        elif mod in self.lex.rel["previous"]:
            tense = -1
        if tense == 0:
            year = cal.year_for_month_day_nearest(ctx.published, mon, dom)
        else:
            year = cal.year_for_month_day(ctx.published, mon, dom, tense > 0)
        d = cal.safe_date(year, mon, dom) or cal.safe_date(year, mon, 28)
        if d:  # without a modifier the narrative may give the year instead (_anchor.anchor)
            yield m.start(), m.end(), cal.day(d), "date", False, not mod

    def _year_of(self, m: re.Match[str], ctx: Context) -> int | None:
        """The year a date names: written out (``2024``, ``'24``) or relative (``last year``, ``vorig jaar``);
        0 for a relative one without a publication date. None when it names none."""
        gd = m.groupdict()
        if gd.get("y"):
            return self._year2(m["y"], ctx)
        if not gd.get("rel"):
            return None
        if ctx.published is None:
            return 0
        rel = norm(m["rel"])
        step = -1 if rel in self.lex.rel["previous"] else 1 if rel in self.lex.rel["next"] else 0
        return ctx.published.year + step

    def month_year(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        """May 2019; May last year, mei vorig jaar: a month of a year named beside it."""
        mon = self._month(m["m"])
        year = self._year_of(m, ctx)
        if mon and year is not None and self._month_ok(m["m"], True):
            yield m.start(), m.end(), cal.month(year, mon) if year else f"XXXX-{mon:02d}", "date"

    def month(self, m: re.Match[str], ctx: Context) -> Iterator[Found]:
        word = m["m"]
        mon = self._month(word)
        if mon is None or not self._month_ok(word, False):
            return
        key = norm(word)
        before = ctx.word_before(m.start())
        if key in self.lex.cal["ambiguous_months"]:
            context = {
                *self.lex.rel["year_prefixes"],
                *self.lex.rel["previous"],
                *self.lex.rel["next"],
                *self.lex.rel["current"],
                *self.lex.rel["single_parts"],
            }
            if before not in context:
                return
        if self.lex.cal["months_capitalised"]:
            # "June Carter": a capitalised word after the month makes it a name
            after = ctx.word_after(m.end())
            start_of_sentence = last_visible(ctx.text, m.start()) < 0 or char_before(ctx.text, m.start()) in ".!?\n"
            if after[:1].isupper() and not start_of_sentence and ctx.text[m.end() : m.end() + 1] == " ":
                return
        if ctx.published is None:
            yield m.start(), m.end(), f"XXXX-{mon:02d}", "date"
            return
        tense = ctx.tense_cue(m.start(), m.end())
        if tense == 0:  # present: `de club presenteert in oktober`, published in September, is this October
            year = cal.year_for_month_day_nearest(ctx.published, mon, 15)  # mid-month
        else:  # past, future, or no cue at all (news mostly reports what happened)
            year = cal.year_for_month(ctx.published, mon, tense is not None and tense > 0)
        yield m.start(), m.end(), cal.month(year, mon), "date", False, True  # the narrative may give the year

    def holiday(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        """Kerstmis, Christmas: a holiday on a fixed date, its year found like that of a date without one."""
        mon, dom = (int(x) for x in self.lex.cal["holidays"][norm(m["h"])].split("-"))
        if self.lex.cal["months_capitalised"] and not _cap(m["h"]):
            return
        if m["y"]:
            yield m.start(), m.end(), f"{int(m['y']):04d}-{mon:02d}-{dom:02d}", "date"
        elif ctx.published is None:
            yield m.start(), m.end(), f"XXXX-{mon:02d}-{dom:02d}", "date"
        else:
            tense = ctx.tense(m.start(), m.end())
            if tense == 0:
                year = cal.year_for_month_day_nearest(ctx.published, mon, dom)
            else:
                year = cal.year_for_month_day(ctx.published, mon, dom, tense > 0)
            yield m.start(), m.end(), f"{year:04d}-{mon:02d}-{dom:02d}", "date"

    def quarter(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        gd = m.groupdict()
        if gd.get("qh"):
            if m["qh"] != m["qh"].upper():
                return
            code, n = m["qh"], int(m["qn"])
        else:
            n = self.lex.rel["ordinals"].get(norm(m["o"]))
            if n is None:
                return
            code = "Q" if re.fullmatch(self.pieces["QUARTER"], m["q"], re.I) else "H"
            if code == "H" and n > 2:
                return
        if gd.get("y"):
            year = int(m["y"])
        elif gd.get("rel"):
            if self.lex.unit_code(m["yu"]) != "Y" or ctx.published is None:
                return
            rel = norm(m["rel"])
            step = -1 if rel in self.lex.rel["previous"] else 1 if rel in self.lex.rel["next"] else 0
            year = ctx.published.year + step
        elif code == "H":
            word = gd.get("q")  # None for the written-short form (`H1`)
            if (word and norm(word) not in self.lex.rel["half_words_alone"]) or ctx.published is None or n < 1:
                return  # de tweede helft: as often a half of a match as of a year
            tense = ctx.tense(m.start(), m.end())
            y, h = ctx.published.year, (ctx.published.month - 1) // 6 + 1
            year = y + 1 if tense > 0 and n < h else y - 1 if tense < 0 and n > h else y
        elif ctx.published is None:
            if n < 0:
                yield m.start(), m.end(), "PAST_REF", "vague"
            else:
                yield m.start(), m.end(), f"XXXX-Q{n}", "date"
            return
        else:
            y, q = cal.quarter_of(ctx.published)
            if n < 0:
                yield m.start(), m.end(), cal.quarter(*cal.shift_quarter(y, q, -1)), "date"
                return
            future = ctx.future(m.start(), m.end())
            year = y if (n >= q if future else n <= q) else (y + 1 if future else y - 1)
        if n < 0:
            n = 4 if code == "Q" else 2
        yield m.start(), m.end(), f"{year:04d}-{code}{n}", "date"

    def season_year(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        yield m.start(), m.end(), f"{int(m['y']):04d}-{self.lex.seasons[norm(m['s'])]}", "date"

    def season(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        key = norm(m["s"])
        if (
            key in self.lex.cal["ambiguous_seasons"]
            and ctx.word_before(m.start()) not in self.lex.cal["ambiguous_seasons_after"]
        ):
            return  # the fall of prices, the spring in the garden; in the spring is the season
        if m.end() < len(ctx.text) and re.compile(r"\s+" + self.pieces["OF"] + r"\s", re.I).match(ctx.text, m.end()):
            return  # de zomer van Poetin, the fall of Kabul
        if ctx.published is None:
            yield m.start(), m.end(), f"XXXX-{self.lex.seasons[key]}", "date"
            return
        tense = ctx.tense(m.start(), m.end())
        if tense < 0:  # after a past verb: the last such season that had begun, as for a month
            yield m.start(), m.end(), cal.season_begun(ctx.published, self.lex.seasons[key]), "date"
            return
        n = 1 if tense > 0 else 0
        yield m.start(), m.end(), cal.season_near(ctx.published, self.lex.seasons[key], n), "date"

    def weekend(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        """by the weekend, over the weekend: the coming weekend when the tense points forward, else the last."""
        if ctx.published is None:
            yield m.start(), m.end(), "XXXX-WXX-WE", "date"
            return
        value = cal.weekend_near(ctx.published, ctx.future(m.start(), m.end()))
        if value:
            yield m.start(), m.end(), value, "date"

    def fiscal(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        if m["f"].lower() in self.lex.rel["fiscal_capitals_only"] and not m["f"].isupper():
            return
        yield m.start(), m.end(), f"FY{self._year2(m['y'], ctx):04d}", "date"

    def decade_digits(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        if not m["c"] and not m["apo"] and not re.match(self.pieces["ART"], m.group(0), re.I):
            return
        if ctx.word_before(m.start()) in self.lex.rel["possessives"]:
            return  # in her 60s: an age
        if m["c"] and m["d"] == "0" and int(m["c"]) < 20:
            yield m.start(), m.end(), m["c"], "date"  # the 1800s: the century 1800-1899 (TIMEX3 `18`)
            return
        century = m["c"] or "19"
        yield m.start(), m.end(), f"{century}{m['d']}X", "date"

    def _decade_value(self, word: str) -> str | None:
        key = norm(word).lstrip("'")
        words = self.lex.rel["decade_words"]
        if key in words:
            return f"19{words[key]}X"
        if re.fullmatch(r"\d0", key):
            return f"19{key[0]}X"
        if re.fullmatch(r"(?:1\d|20)\d0", key):
            return f"{key[:3]}X"
        return None

    def decade_noun(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        value = self._decade_value(m["w"])
        if value is None:
            return
        yield m.start(), m.end("w"), value, "date"
        if m["rest"]:  # de jaren zestig en zeventig
            offset = m.start("rest")
            pattern = re.compile(rf"(?:{self.pieces['DECWORD']}|['’]?\d0)(?![\w])", re.I)
            for w in pattern.finditer(m["rest"]):
                v = self._decade_value(w.group(0))
                if v:
                    yield offset + w.start(), offset + w.end(), v, "date"

    def decade_word(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        if ctx.word_before(m.start()) in self.lex.rel["possessives"]:
            return
        value = self._decade_value(m["w"])
        if value:
            yield m.start(), m.end(), value, "date"

    def century(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        key = norm(m["o"])
        n = self.lex.rel["century_ordinals"].get(key)
        if n is None:
            digits = re.match(r"\d+", key)
            n = int(digits.group(0)) if digits else None
        if n and 1 <= n <= 30:
            yield m.start(), m.end(), f"{n - 1:02d}", "date"

    def year(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        y = int(m["y"])
        tail = ctx.words_before(m.start(), 4).split()
        last = tail[-1] if tail else ""
        prefixes = self.lex.rel["year_prefixes"]
        led = any(" ".join(tail[-k:]) in prefixes for k in range(1, len(tail) + 1))  # in, the year, as early as
        strong = led or last.endswith("-") or self._month_before(ctx, m.start()) or self._closes_a_range(tail)
        if re.search(r"[$€£#]\s*$", ctx.text[max(0, m.start() - 3) : m.start()]):
            return
        after = ctx.word_after(m.end())
        if after.startswith("%") or norm(after) in self.lex.rel["year_not_before"]:
            return
        if not strong:
            if not 1900 <= y <= 2100:
                return
            if self._plural_like(after) or norm(after) in _unit_words(self.lex.language):
                return
            if last in _qualifier_words(self.lex.language):
                return
        yield m.start(), m.end(), f"{y:04d}", "date"

    def _closes_a_range(self, tail: list[str]) -> bool:
        """``between 2015 and 2019 prices rose``: a year after ``between``/``from`` YEAR ``and``/``to`` is the
        range's end, even before a plural noun."""
        rel = self.lex.rel
        return (
            len(tail) >= 3
            and tail[-1] in {*rel["and"], *rel["to"]}
            and re.fullmatch(r"\d{4}", tail[-2]) is not None
            and tail[-3] in {*rel["between"], *rel["from"]}
        )

    def _month_before(self, ctx: Context, start: int) -> bool:
        word = ctx.word_before(start)
        return word.rstrip(".") in self.lex.months

    def _plural_like(self, word: str) -> bool:
        if not word or not word[:1].islower() or not word.isalpha():
            return False
        w = word.lower()
        units = self.lex.units_data
        if not w.endswith(tuple(units["plural_endings"])) or any(w.endswith(e) for e in units["plural_endings_not"]):
            return False
        return len(w) > 3 and w not in _verbs_like(self.lex.language)

    def deictic(self, m: re.Match[str], ctx: Context) -> Iterator[Found]:
        key = norm(m["w"])
        offset, part = self.lex.rel["deictic"][key]
        end = m.end("w")
        if m["dp"] and key in self.lex.rel["deictic_with_daypart"]:
            part, end = self.lex.dayparts[norm(m["dp"])], m.end()
        not_after = self.lex.rel["deictic_not_after"].get(key)
        if not_after and ctx.word_before(m.start()) in not_after:
            return
        if (
            key in self.lex.rel["deictic_not_after"]
            and _cap(m["w"])
            and char_before(ctx.text, m.start()) not in ("", ".", "!", "?", "\n", "„", "“", '"', "'")
        ):
            return  # De Morgen, a newspaper
        if ctx.published is None:
            yield m.start(), end, REF[max(-1, min(1, offset))], "vague"
            return
        if ctx.quote_at(m.start()) is not None:  # "Today is a black day," he said on Monday: Monday
            yield m.start(), end, f"@T{offset:+d}" + (f"T{part}" if part else ""), "date", True
            return
        d = cal.add_days(ctx.published, offset)
        if d is not None:
            yield m.start(), end, cal.day(d) + (f"T{part}" if part else ""), "date"

    def anaphoric_day(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str, bool]]:
        offset = self.lex.rel["anaphoric_days"][norm(m["w"])]
        yield m.start(), m.end(), f"@D{offset:+d}", "date", True  # resolved against the last day named

    def anaphoric_period(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str, bool]]:
        """that evening, the previous year, het jaar daarop: the period of the narrative's last date (or of
        publication) that the words name, resolved in ``_anchor.anchor``. After ``over`` or ``for`` (``over
        the previous year``) the words give a length, which the rule ``relative`` finds."""
        if ctx.word_before(m.start()) in self.lex.rel["anaphoric_not_after"]:
            return
        first = norm(m["w"]).split()[0]
        if first in self.lex.rel["conjunction_demonstratives"] and self._verb_before(ctx, m.start()):
            return  # said that day was over: `that` joins a clause
        if norm(m["w"]) in self.lex.rel["anaphoric_periods_in_the_past"] and ctx.tense(m.start(), m.end()) >= 0:
            return  # the firm will hire 300 in the next year: a length from publication (rule relative)
        unit, n, part = self.lex.rel["anaphoric_periods"][norm(m["w"])]
        yield m.start(), m.end(), f"@={unit}{n:+d}" + (f"T{part}" if part else ""), "date", True

    def _verb_before(self, ctx: Context, start: int) -> bool:
        """A verb with a tense right before ``start`` (``said``, ``zei``): what follows is its clause."""
        words = self._words_before(ctx, start, 1)
        return bool(words) and tense_pattern(self.lex.language).fullmatch(words[-1]) is not None

    def sentence_day(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str, bool]]:
        """overnight: the night before the day its sentence names (``moved out overnight, officials said on
        Monday``: Sunday night), else before publication; resolved in ``_anchor.anchor``."""
        n, part = self.lex.rel["sentence_days"][norm(m["w"])]
        yield m.start(), m.end(), f"@S{n:+d}" + (f"T{part}" if part else ""), "date", True

    def narrative_daypart(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str, bool]]:
        """in the middle of the night, midden in de nacht: the night of the day its sentence names, in a
        past clause else of the narrative's last day; in a present or future clause without a day it is
        no night in particular (``XXXX-XX-XXTNI``). Resolved in ``_anchor.anchor``."""
        part = self.lex.rel["narrative_dayparts"][norm(m["w"])]
        past = "P" if ctx.tense(m.start(), m.end()) < 0 else ""
        yield m.start(), m.end(), f"@N{past}T{part}", "date", True

    def same_period(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str, bool]]:
        """the same period last year, dezelfde periode een jaar eerder: the last period the text named, a year
        before (a quarter stays a quarter, a fiscal year a fiscal year)."""
        yield m.start(), m.end(), "@Y-1", "date", True

    def current_fiscal(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        """the financial year, het lopende boekjaar: the fiscal year named after the year of publication."""
        if ctx.published is None:
            yield m.start(), m.end(), "PRESENT_REF", "vague"
            return
        yield m.start(), m.end(), f"FY{ctx.published.year:04d}", "date"

    def the_fiscal(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str, bool]]:
        """the financial year, het boekjaar: the fiscal year the text last named (``in fiscal 2023 ... during the
        fiscal year``: FY2023), else that of publication; resolved in ``_anchor.anchor``."""
        yield m.start(), m.end(), "@F", "date", True

    def the_quarter(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str, bool]]:
        """the quarter, the latest quarter, het kwartaal: the quarter the text last named, else after a past
        verb the last whole quarter before publication (results are reported after it), else the quarter
        of publication; resolved in ``_anchor.anchor``."""
        last_whole = self.lex.rel["the_quarter"][norm(m.group(0))] < 0 or ctx.tense(m.start(), m.end()) < 0
        yield m.start(), m.end(), "@QP" if last_whole else "@Q", "date", True

    def weekday(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        if not self._weekday_ok(m["wd"]):
            return
        wd = self.lex.weekdays[norm(m["wd"])]
        end = m.end()
        part = None
        if m["dp"]:
            if not m["sep"] and not self.lex.cal["daypart_compounds"]:
                end = m.end("wd")
            else:
                part = self.lex.dayparts[norm(m["dp"])]
        suffix = f"T{part}" if part else ""
        if ctx.published is None:
            yield m.start(), end, f"XXXX-WXX-{wd}{suffix}", "date"
            return
        d = self._weekday_date(wd, norm(m["mod"] or ""), ctx, m.start(), end)
        if d is not None:
            yield m.start(), end, cal.day(d) + suffix, "date"

    def anaphoric_weekday(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str, bool]]:
        """the following Monday, the previous Friday, de volgende maandag: the weekday after (before) the
        narrative's last day, else publication; resolved in ``_anchor.anchor``. Without the article
        (``next Monday``, ``previous Friday``) the weekday counts from publication (rule weekday)."""
        if not self._weekday_ok(m["wd"]):
            return
        wd = self.lex.weekdays[norm(m["wd"])]
        direction = self.lex.rel["anaphoric_weekdays"][norm(m["dir"])]
        end, part = m.end(), ""
        if m["dp"]:
            if not m["sep"] and not self.lex.cal["daypart_compounds"]:
                end = m.end("wd")
            else:
                part = f"T{self.lex.dayparts[norm(m['dp'])]}"
        yield m.start(), end, f"@K{direction:+d}{wd}{part}", "date", True

    def _weekday_date(self, wd: int, mod: str, ctx: Context, start: int, end: int) -> date | None:
        """The day of a weekday named at ``start:end``: after its modifier (vorige, next), else by the tense."""
        pub = ctx.published
        if mod in self.lex.rel["previous"]:
            return cal.weekday_near(cal.add_days(pub, -1), wd, False)
        if mod in self.lex.rel["next"]:
            return cal.weekday_near(cal.add_days(pub, 1), wd, True)
        tense = ctx.tense(start, end)
        d = cal.weekday_near(pub, wd, tense > 0)
        if tense == 0:
            ahead = cal.weekday_near(pub, wd, True)
            if ahead is not None and pub is not None and 0 < (ahead - pub).days <= 2:  # the day after tomorrow
                d = ahead
        return d

    def daypart_of_weekday(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        """``de nacht van zaterdag op zondag``: one night, dated by the day it begins (TIMEX3 ``TNI``)."""
        if not self._weekday_ok(m["wd"]) or (m["wd2"] and not self._weekday_ok(m["wd2"])):
            return
        wd = self.lex.weekdays[norm(m["wd"])]
        end = m.end()
        if m["wd2"] and self.lex.weekdays[norm(m["wd2"])] != wd % 7 + 1:
            end = m.end("wd")  # van maandag op vrijdag: no one night
        suffix = f"T{self.lex.dayparts[norm(m['dp'])]}"
        if ctx.published is None:
            yield m.start(), end, f"XXXX-WXX-{wd}{suffix}", "date"
            return
        d = self._weekday_date(wd, "", ctx, m.start(), end)
        if d is not None:
            yield m.start(), end, cal.day(d) + suffix, "date"

    def weekday_set(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        word = m["wd"] or m["wds"] or m["wdp"]
        if not self._weekday_ok(word):
            return
        key = norm(word)
        wd = (
            self.lex.weekdays.get(key)
            or self.lex.cal["weekday_plurals"].get(key)
            or self.lex.cal["weekday_genitives"].get(key)
        )
        if wd:
            yield m.start(), m.end(), f"XXXX-WXX-{wd}", "set"

    def relative(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        rel = self.lex.rel
        mod = norm(m["mod"])
        word = norm(m["u"])
        code = self.lex.unit_code(word)
        pub = ctx.published
        is_prev, is_next, is_cur = mod in rel["previous"], mod in rel["next"], mod in rel["current"]
        span_past = mod in rel["span_past"] or mod in rel["span_recent"]
        span_next = mod in rel["span_next"]
        step = -1 if is_prev else 1 if is_next else 0
        if m["n"]:
            if code is None or code == "WE" or not (span_past or span_next):
                return
            n_text = norm(m["n"])
            if n_text in [norm(v) for v in self.lex.units_data["vague_counts"]]:
                yield m.start(), m.end(), cal.duration(None, code), "duration"
                return
            n = try_parse_number(m["n"], self.lex.language)
            if n is None:
                return
            yield m.start(), m.end(), cal.duration(n, code), "duration"
            return
        if code is not None and word in self.lex.plural_units:
            if span_past and code != "WE":  # recent weeks, de afgelopen jaren: PXW, PXY (TimeML)
                yield m.start(), m.end(), cal.duration(None, code), "duration"
                return
            yield m.start(), m.end(), "FUTURE_REF" if span_next else "PRESENT_REF", "vague"
            return
        if mod in rel["span_recent"] and not (is_prev or is_next or is_cur):
            return
        if word in self.lex.seasons:
            season = self.lex.seasons[word]
            value = cal.season_near(pub, season, step) if pub else REF[step]
            yield m.start(), m.end(), value, "date" if pub else "vague"
            return
        if word in self.lex.months:
            if not self._month_ok(m["u"], False):
                return
            mon = self.lex.months[word]
            if pub is None:
                yield m.start(), m.end(), f"XXXX-{mon:02d}", "date"
                return
            if step < 0:
                year = pub.year if mon < pub.month else pub.year - 1
            elif step > 0:
                year = pub.year if mon > pub.month else pub.year + 1
            else:
                year = pub.year
            yield m.start(), m.end(), cal.month(year, mon), "date"
            return
        if word in [norm(w) for w in self.lex.cal["weekend"]]:
            code = "WE"
        if code is None or code in ("H", "MIN", "S", "QH"):
            return
        article = bool(m["art"])
        before = ctx.word_before(m.start())  # for next year: a year; for the next year, in afgelopen jaar: a length
        prep = before in rel["span_prepositions"] and (before not in rel["span_prepositions_need_article"])
        if (span_past or span_next) and not is_cur and (article or prep) and not m["poss"] and code not in ("WE", "Q"):
            yield m.start(), m.end(), cal.duration(1, code), "duration"
            return
        if not (is_prev or is_next or is_cur):
            return
        if pub is None:
            yield m.start(), m.end(), REF[step], "vague"
            return
        if code == "D":
            return
        shifted = cal.shift(pub, code, step)
        if shifted:
            yield m.start(), m.end(), shifted, "date"

    def ago(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        code = self.lex.unit_code(m["u"])
        if code is None:
            return
        n: float | None
        if m["n"] is None or norm(m["n"]) in [norm(v) for v in self.lex.units_data["vague_counts"]]:
            n = None
        elif norm(m["n"]) in self.lex.rel["one_words"]:
            n = 1
        else:
            n = try_parse_number(m["n"], self.lex.language)
            if n is None:
                return
        forward = bool(m.groupdict().get("fn"))  # two weeks from now: counted forward
        if n is None or ctx.published is None:
            yield m.start(), m.end(), "FUTURE_REF" if forward else "PAST_REF", "vague"
            return
        value = cal.ago(ctx.published, code, -n if forward else n)
        if value:
            yield m.start(), m.end(), value, "date"

    def _count(self, text: str) -> float | None:
        if norm(text) in self.lex.rel["one_words"]:
            return 1
        return try_parse_number(text, self.lex.language)

    def relative_to_reference(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str, bool]]:
        """A year earlier, drie dagen later: counted from the last time the text named."""
        code = self.lex.unit_code(m["u"])
        n = self._count(m["n"])
        if code not in ("Y", "Q", "M", "W", "D") or n is None or not float(n).is_integer():
            return
        sign = self.lex.rel["relative_after"][norm(m["rel"])]
        if norm(ctx.word_after(m.end())) in self.lex.rel["relative_than"]:
            # three days later than planned: counted from a time the text does not give. Beside a date
            # (`on November 11, three days later than planned`) it is that date, else only a length.
            yield m.start(), m.end(), f"@A{cal.duration(n, code)}", "date", True
            return
        yield m.start(), m.end(), f"@{code}{sign * int(n):+d}", "date", True

    def future_in(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        """over drie jaar, will reopen in two weeks: three years, two weeks after publication. ``in``
        counts forward only in a clause that points forward: ``rose in three days`` is a duration."""
        code = self.lex.unit_code(m["u"])
        n = self._count(m["n"])
        if code not in ("Y", "M", "W", "D") or n is None or not float(n).is_integer():
            return
        if norm(m["fin"]) in self.lex.rel["future_in_when_future"] and not ctx.future(m.start(), m.end()):
            return
        if ctx.published is None:
            yield m.start(), m.end(), "FUTURE_REF", "vague"
            return
        value = cal.shift(ctx.published, code, int(n))
        if value:
            yield m.start(), m.end(), value, "date"

    def indefinite_point(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        """``if there ever came a day when``, ``there was a time when``: an indefinite point, not a length.
        TIMEX3 has no day for it; a hypothetical clause (``if``, ``ever``) or a future one puts it in the
        future (``FUTURE_REF``), a past one in the past (``PAST_REF``), else the present. After a count
        (``$5 a day when it rains``) the words are a rate, which ``set_per`` finds."""
        if self._rate(ctx, m.start()) or self.counted_before(ctx, m.start()):
            return
        s, _ = ctx.sentence(m.start(), m.end())
        words = {norm(w.strip("\"'“”‘’,;:")) for w in ctx.text[s : m.start()].split()}
        if words & set(self.lex.rel["hypothetical"]):
            yield m.start(), m.end(), REF[1], "vague"
            return
        yield m.start(), m.end(), REF[max(-1, min(1, ctx.tense(m.start(), m.end())))], "vague"

    def set_each(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        code = self.lex.unit_code(m["u"])
        if code is None or code == "WE":
            return
        n = try_parse_number(m["n"], self.lex.language) if m.groupdict().get("n") else 1
        if n:
            yield m.start(), m.end(), cal.duration(n, code), "set"

    def set_per(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        code = self.lex.unit_code(m["u"])
        if code is None or code == "WE" or self._rate(ctx, m.start()):
            return
        if norm(m["per"]) in self.lex.rel["one_words"] and (
            not self.counted_before(ctx, m.start()) or norm(ctx.word_after(m.end())) in self.lex.rel["set_not_before"]
        ):
            return  # "a year" is a set only after a count: 15 a year, twice a year, $5 a day, three cups a day
        yield m.start(), m.end(), cal.duration(1, code), "set"

    def _words_before(self, ctx: Context, start: int, n: int) -> list[str]:
        """Up to ``n`` words before ``start`` in the same clause, nearest last, without punctuation."""
        chunk = re.split(r"[,;:()\n]|[.!?]\s", ctx.text[max(0, start - 60) : start])[-1]
        return [w.strip("\"'“”‘’").lower() for w in chunk.split()[-n:]]

    def _is_count(self, word: str) -> bool:
        return bool(
            re.search(r"\d$", word)
            or word in self.lex.rel["times_words"]
            or try_parse_number(word, self.lex.language) is not None
        )

    def counted_before(self, ctx: Context, start: int) -> bool:
        """A count just before: ``15`` a year, ``twice`` a year, or a counted noun (``20 typhoons`` a year)."""
        words = self._words_before(ctx, start, 3)
        if not words:
            return False
        if self._is_count(words[-1]):
            return True
        return words[-1] not in self.lex.rel["set_not_after"] and any(self._is_count(w) for w in words[:-1])

    def _rate(self, ctx: Context, start: int) -> bool:
        """``230 km per hour``, ``60 miles an hour``: a speed, part of a unit, no time."""
        words = self._words_before(ctx, start, 1)
        return bool(words) and words[-1] in self.lex.units_data.get("rate_units", ())

    def set_word(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        yield m.start(), m.end(), self.lex.rel["set_words"][norm(m["w"])], "set"

    def duration(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        gd = m.groupdict()
        code = self.lex.unit_code(m["u"]) if gd.get("u") else None
        n: float | None
        if gd.get("vd"):
            yield m.start(), m.end(), self.lex.units_data["vague_durations"][norm(m["vd"])], "duration"
            return
        if code is None or code == "WE":
            return
        if gd.get("n"):
            if gd.get("long") and norm(m["u"]) in self.lex.plural_units:
                return  # een urenlang debat: an article before a vague duration (urenlang), no count
            n = try_parse_number(m["n"], self.lex.language)
            if n is None or n <= 0:
                return
            if self._an_age(m, ctx):
                return  # twee mannen van 23 en 27 jaar: ages, not durations
            after = ctx.text[m.end() : m.end() + 8].lower()
            ages = self.lex.units_data["not_after_adjective"]
            if any(re.match(rf"[\s-]*{re.escape(w)}(?![\w])", after) for w in ages):
                return  # a 55-year-old, 55 jaar oud: an age, not a duration
            if (
                re.match(r"[.,]\d", ctx.text[m.start() - 2 : m.start()])
                or ctx.text[m.start() - 1 : m.start()] in "$€£#"
            ):
                return
        elif gd.get("one"):
            if norm(m["u"]) in self.lex.units_data["need_a_number"] or self._rate(ctx, m.start()):
                return
            n = 1.5 if gd.get("half") else 1
            numeral = norm(m["one"]) in self.lex.rel["one_numerals"]  # `one`, not the article `a`
            if numeral and ctx.text[m.end() : m.end() + 1] not in ("", " ", ".", ",", ";"):
                return
        elif gd.get("halfone"):
            n = 0.5
        else:  # several years, decades-long, for years
            n = None
        if n is not None and norm(m["u"]) in self.lex.units_data["need_a_number"] and not gd.get("n"):
            return
        yield m.start(), m.end(), cal.duration(n, code), "duration"

    def duration_range(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        """30 to 60 days, tussen twee en drie jaar: one range of lengths, the count left open (``PXD``) as
        TIMEX3 has no value for a range; the words keep both bounds."""
        code = self.lex.unit_code(m["u"])
        low, high = try_parse_number(m["lo"], self.lex.language), try_parse_number(m["n"], self.lex.language)
        if code is None or code == "WE" or low is None or high is None or not 0 < low < high:
            return
        if self._an_age(m, ctx) or ctx.text[m.start() - 1 : m.start()] in "$€£#":
            return
        yield m.start(), m.end(), cal.duration(None, code), "duration"

    def _an_age(self, m: re.Match[str], ctx: Context) -> bool:
        """``een man van 45 jaar``, ``twee mannen van 23 en 27 jaar``: years after ``van`` (and more
        counts) that follow a word for a person (or for an age) give an age."""
        if self.lex.unit_code(m["u"]) != "Y":
            return False
        chunk = re.split(r"[;:()\n]|[.!?]\s", ctx.text[max(0, m.start() - 80) : m.start()])[-1]
        words = chunk.lower().replace(",", " , ").split()
        joiners = {*self.lex.rel["and"], *self.lex.rel["to"], ",", "-", "–"}
        while words and (self._is_count(words[-1]) or words[-1] in joiners):
            words.pop()
        of = words and words[-1] in self.lex.rel["of"]
        return bool(of) and len(words) > 1 and words[-2] in self.lex.units_data.get("age_nouns", ())

    def clock(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str, bool]]:
        gd = m.groupdict()
        rel = self.lex.rel
        if gd.get("named"):
            hhmm = rel["clock_named"][norm(m["named"])]
            yield m.start(), m.end(), f"T{hhmm}", "time", True
            return
        minute = 0
        if gd.get("hw") is not None:  # om acht uur, at eight o'clock, om half drie
            if not (m["suf"] or m["half"]):
                return  # at 3: a count as often as a time
            h = try_parse_number(m["hw"], self.lex.language)
            if h is None or not h.is_integer() or not 0 <= h <= 24:
                return
            hour = int(h)
            if m["half"]:
                hour, minute = (hour - 1) % 24, 30
        else:
            hour = int(m["h"])
            if gd.get("mi"):
                minute = int(m["mi"])
            has_context = bool(gd.get("ampm") or gd.get("tz") or (gd.get("suf") and m["suf"]))
            prefix = ctx.word_before(m.start()) in rel["clock_prefixes"]
            if gd.get("sep") == "." and not (has_context or prefix):
                return
            if gd.get("sep") == ":" and not (has_context or prefix) and re.match(r"\d", ctx.word_after(m.end())):
                return
            if gd.get("suf") and norm(m["suf"]) in rel["clock_suffixes_need_prefix"] and not (prefix or gd.get("sep")):
                return
        ampm = rel["am_pm"].get(norm(m["ampm"])) if gd.get("ampm") else None
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 24 or (hour == 24 and minute):
            return
        zone = ""
        if gd.get("tz"):
            off = (m["off"] or "").replace(" ", "")
            if not off or int(off) == 0:
                zone = rel["timezones"].get(m["tz"].upper(), "")
        end = m.end()
        while end > m.start() and ctx.text[end - 1].isspace():
            end -= 1
        seconds = f":{int(m['sec']):02d}" if gd.get("sec") else ""
        yield m.start(), end, f"T{hour:02d}:{minute:02d}{seconds}{zone}", "time", True

    def clock_in_daypart(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str, bool]]:
        """``elf uur 's avonds``, ``eight o'clock in the morning``: the day part sets the half of the day.
        An adverbial day part that is no day of its own (``'s avonds``: in the evenings) keeps the time
        without a day (``XXXX-XX-XXT23:00``)."""
        if not (m["suf"] or m["pre"]):
            return  # three in the afternoon: a count as often as a time
        h = try_parse_number(m["hw"], self.lex.language)
        if h is None or not h.is_integer() or not 1 <= h <= 12:
            return
        hour, minute = int(h), 0
        if m["half"]:
            hour, minute = hour - 1, 30
        part = self.lex.rel["clock_dayparts"][norm(m["dp"])]
        if part in ("AF", "EV") or (part == "NI" and 6 <= hour < 12):
            hour += 12
        elif hour == 12:
            hour = 0
        value = f"T{hour:02d}:{minute:02d}"
        generic = self.lex.rel["set_words"].get(norm(m["dp"]), "").startswith("XXXX-XX-XX")
        if generic:
            yield m.start(), m.end(), "XXXX-XX-XX" + value, "time", False
        else:
            yield m.start(), m.end(), value, "time", True

    def the_period(self, m: re.Match[str], ctx: Context) -> Iterator[Found]:
        """at the end of the year: the period of publication; after a past verb the period of the
        narrative's last date (``The dam broke on 12 May 2005. By the end of the month the town was
        empty``: May 2005), as ``that month`` is."""
        code = self.lex.unit_code(m["u"])
        if code not in ("Y", "M", "W", "D", "CE", "DE", "Q"):
            return
        start = m.start()
        if ctx.word_before(start) in self.lex.tense.get("deadline_words", ()):
            start = ctx.text.rfind(" ", 0, start - 1) + 1  # its own `by`, `until` sets no tense
        if code in ("Y", "M", "W") and ctx.tense(start, m.end()) < 0:
            yield m.start(), m.end(), f"@={code}+0", "date", True
            return
        if ctx.published is None:
            yield m.start(), m.end(), "PRESENT_REF", "vague"
            return
        value = cal.shift(ctx.published, code, 0)
        if value:
            yield m.start(), m.end(), value, "date"

    def period_end(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        """year-end, jaareinde: the current year (or month)."""
        code = self.lex.rel["period_end_words"][norm(m["pe"])]
        if ctx.published is None:
            yield m.start(), m.end(), "PRESENT_REF", "vague"
            return
        value = cal.shift(ctx.published, code, 0)
        if value:
            yield m.start(), m.end(), value, "date"

    def week_number(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        n = int(m["n"])
        year = f"{ctx.published.year:04d}" if ctx.published else "XXXX"
        if ctx.word_after(m.end()).lower() in [u for u in self.lex.units if self.lex.units[u] != "W"]:
            return
        yield m.start(), m.end(), f"{year}-W{n:02d}", "date"

    def vague(self, m: re.Match[str], ctx: Context) -> Iterator[tuple[int, int, str, str]]:
        key = norm(m["v"])
        if ctx.text[m.end() : m.end() + 1] == "-":
            return  # the now-cancelled deal, the soon-to-open terminal
        not_before = self.lex.rel["vague_not_before"].get(key)
        if not_before and norm(ctx.word_after(m.end())) in not_before:
            return
        yield m.start(), m.end(), self.lex.rel["vague"][key], "vague"


@cache
def _unit_words(language: str) -> frozenset[str]:
    """Units and currencies from the quantities data: 2000 km is a distance, not a year."""
    from sayso.language.resources import load_json

    data = load_json(language, "quantities_units")
    words: set[str] = set()
    for key in ("units", "currencies_after"):
        words.update(norm(w) for w in data.get(key, {}))
    return frozenset(words)


@cache
def _qualifier_words(language: str) -> frozenset[str]:
    from sayso.language.resources import load_json

    data = load_json(language, "quantities_qualifiers")
    return frozenset(norm(w).split()[-1] for words in data["before"].values() for w in words)


@cache
def _verbs_like(language: str) -> frozenset[str]:
    return frozenset(norm(w) for w in lexicon(language).tense.get("past", ()))


@cache
def grammar(language: str) -> Grammar:
    return Grammar(lexicon(language))


@cache
def tense_pattern(language: str) -> re.Pattern[str]:
    lex = lexicon(language)
    fut = alt(lex.tense["future"])
    past = alt(lex.tense["past"])
    groups = [rf"(?P<fut>{fut})", rf"(?P<past>{past})"]
    if lex.tense.get("present"):
        groups.append(rf"(?P<pres>{alt(lex.tense['present'])})")
    if lex.tense.get("past_suffixes"):
        groups.append(rf"(?P<sfx>\w{{3,}}{alt(lex.tense['past_suffixes'])})")
    if lex.tense.get("present_suffixes"):
        groups.append(rf"(?P<psfx>\w{{3,}}{alt(lex.tense['present_suffixes'])})")
    return re.compile(rf"(?<![\w])(?:{'|'.join(groups)})(?![\w])", re.IGNORECASE)
