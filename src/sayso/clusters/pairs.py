"""Do two claims state the same proposition? A small calibrated model over what the two claims share.

The multilingual sentence embedding alone separates propositions of one story poorly: every claim of a
story names the same people and places, and coverage rewords. So a pair of claims of two articles is
described by eight features, and a logistic model (weights in ``pair_model.json``, fitted by
``benchmarks/calibrate_clusters.py``) turns them into the probability that they state one proposition:

- ``text``, ``context``: cosine of the claims' own words, and of the sentences they were made in;
- ``words``: how well each content word of one claim finds a counterpart in the other (the mean best
  cosine of single-word embeddings, both ways): the same predicate in other words or another language;
- ``source``: the same speaker or cited source (as the store resolved it);
- ``same_number``: a number of one unit that both give; ``number_clash``: numbers of one unit (in any
  spelling or language) that cannot describe the same amount;
- ``polarity``: one claim negates what the other asserts;
- ``language``: both in one language (where the embedding runs higher for any pair);
- ``time``: a normalised time value both name (the event's day, month, ...).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from functools import cache
from importlib import resources as _res
from pathlib import Path
from typing import Any

import numpy as np

from sayso.clusters.contradictions import compatible
from sayso.clusters.embed import Embedder, embed, embed_later, normalise
from sayso.clusters.records import ClaimItem, name_key
from sayso.errors import ModelError
from sayso.language.resources import load_json, load_lines, supported_languages
from sayso.numbers import alternation
from sayso.records import Quantity

FEATURES = ("text", "context", "words", "source", "same_number", "number_clash", "polarity", "language", "time")
LIKENESS = 3  # the first FEATURES, from the vectors alone (``ViewTable.likeness``)
_WORD = re.compile(r"\w+")
_MIN_LETTERS = 3  # shorter words (not digits) carry little of a proposition
# Cosine of two unit words' embeddings from which they count as one unit: `havens`/`ports` 0.71,
# `mensen`/`people` 0.97, `kippen`/`chickens` 0.75, but `doden`/`gewond` 0.54, `ports`/`chickens` 0.25.
UNIT_SIMILAR = 0.65
NEWS_CYCLE_DAYS = 7
DECAY_DAYS = 30


@dataclass(frozen=True, slots=True)
class PairModel:
    """Logistic weights over ``FEATURES`` and the mean probability from which claims share a cluster."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, features: np.ndarray) -> np.ndarray:
        """One probability per row of ``features`` (rows x ``len(FEATURES)``)."""
        z = np.asarray(features, dtype=np.float64) @ np.asarray(self.weights) + self.bias
        return 1.0 / (1.0 + np.exp(-z))


@cache
def default_model() -> PairModel:
    """The model shipped in ``pair_model.json``."""
    data = json.loads((_res.files("sayso.clusters") / "pair_model.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ModelError(
            f"pair_model.json gives features {data['features']}, sayso computes {list(FEATURES)}; "
            "refit it with benchmarks/calibrate_clusters.py"
        )
    return PairModel(tuple(float(w) for w in data["weights"]), float(data["bias"]), float(data["threshold"]))


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim with what pair features read: its vectors, its content words' vectors, its source."""

    item: ClaimItem
    text: np.ndarray  # unit vector of the claim's words
    context: np.ndarray  # unit vector of its sentence(s)
    words: np.ndarray  # unit vectors of its content words (k x dimensions; k may be 0)
    source: str  # name_key of the speaker, "" for the article's own claims
    numbers: frozenset[tuple[str | None, float]]
    negated: bool
    units: tuple[np.ndarray | None, ...] = ()  # unit vector of each ``wholes``' unit word (None: no unit)
    times: frozenset[str] = frozenset()  # its normalised time values
    wholes: tuple[Quantity, ...] = ()  # its quantities that count a whole, not a part of a set (``counts_a_part``)
    conditional: bool = False  # it states something on a condition (``conditional``)
    terms: tuple[str, ...] = ()  # its content words, one for each row of ``words``


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(
        w.casefold() for lang in supported_languages() for line in load_lines(lang, "stopwords") for w in line.split()
    )


def content_words(text: str) -> list[str]:
    """The words of a claim that carry its proposition: no stop word of any supported language, no short
    word except a number; case folded, in order, each once."""
    stop = _stopwords()
    words = (w.casefold() for w in _WORD.findall(text))
    return list(dict.fromkeys(w for w in words if w not in stop and (len(w) >= _MIN_LETTERS or w.isdigit())))


class WordVectors:
    """Single-word embeddings, each word embedded once per process (the cache is bounded)."""

    def __init__(self, embedder: Embedder | None = None, *, limit: int = 200_000) -> None:
        self._embedder = embedder
        self._limit = limit
        self._vectors: dict[str, np.ndarray] = {}
        self._pending: list[tuple[list[str], Callable[[], np.ndarray]]] = []
        self._embedded: dict[str, np.ndarray] = {}  # what this object embedded itself (given words are not)

    def put(self, vectors: Mapping[str, np.ndarray]) -> None:
        """Rows of words embedded before (kept in a store): they are not embedded again."""
        self._vectors.update(vectors)

    def embedded(self) -> dict[str, np.ndarray]:
        """The words this object embedded, with their rows (those ``put`` in left out)."""
        self._settle()
        return dict(self._embedded)

    def prefetch(self, words: Sequence[str]) -> None:
        """Begin embedding the words not embedded yet (on workers, with an embedder that can: ``embed_later``);
        ``of`` takes them."""
        missing = [w for w in dict.fromkeys(words) if w not in self._vectors]
        if missing:
            self._pending.append((missing, embed_later(missing, embedder=self._embedder)))

    def of(self, words: Sequence[str]) -> np.ndarray:
        self._settle()
        missing = [w for w in dict.fromkeys(words) if w not in self._vectors]
        if missing:
            if len(self._vectors) + len(missing) > self._limit:
                self._vectors.clear()
                self._embedded.clear()
            self._take(missing, lambda: embed(missing, embedder=self._embedder))
        if not words:
            return np.zeros((0, 0), dtype=np.float32)
        return np.vstack([self._vectors[w] for w in words])

    def _settle(self) -> None:
        """Take the rows of every ``prefetch`` begun."""
        while self._pending:
            self._take(*self._pending.pop(0))

    def _take(self, words: list[str], rows: Callable[[], np.ndarray]) -> None:
        found = dict(zip(words, rows(), strict=True))
        self._vectors.update(found)
        self._embedded.update(found)


@cache
def _part_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The words after and before a number that make it count a part (``resources/LANG/comparison.json``)."""
    if language not in supported_languages():
        return None
    data = load_json(language, "comparison")
    return (
        re.compile(rf"^\s*{alternation(data['part_after'])}\b", re.I),
        re.compile(rf"\b{alternation(data['part_before'])}\s*$", re.I),
    )


@cache
def _condition_pattern(language: str) -> re.Pattern[str] | None:
    """A sentence opened by a conditional word with a comma after it (``comparison.json``'s ``conditionals``)."""
    if language not in supported_languages():
        return None
    words = alternation(load_json(language, "comparison")["conditionals"])
    return re.compile(rf"(?:^|[.!?]\s+)[\"'“„‘]?{words}\b[^.!?]*,", re.I)


def conditional(item: ClaimItem) -> bool:
    """Whether a claim states something on a condition (`Als het geld vrijdag niet binnen is, stappen we naar de
    rechter`, `If the talks fail, the union will strike`): it then never shares a cluster with an unconditional
    claim, whatever words they share."""
    pattern = _condition_pattern(item.language)
    return bool(pattern and pattern.search(item.text.strip()))


def counts_a_part(q: Quantity, item: ClaimItem) -> bool:
    """A number that counts a part of a set named elsewhere (`drie van hen`, `two of the farms`, `including
    three children`): it answers no other claim's count of the whole. Read in the claim's sentence."""
    patterns = _part_patterns(item.language)
    if patterns is None:
        return False
    after, before = patterns
    others = [o.text for o in item.quantities if o is not q]
    for text in (item.context, item.text):
        for m in re.finditer(rf"(?<!\w){re.escape(q.text)}(?!\w)", text):
            if after.search(text[m.end() : m.end() + 40]) or before.search(text[max(0, m.start() - 40) : m.start()]):
                return True
            if _listed_after(text[: m.start()], others):
                return True
    return False


def _listed_after(before: str, others: Sequence[str]) -> bool:
    """A number in a list after a colon that follows another number of the claim (`drie bedrijven: twee
    legbedrijven en een vleeskuikenbedrijf`): the list breaks that number down."""
    colon = before.rfind(":")
    if colon < 0 or any(c in before[colon:] for c in ".;!?"):
        return False
    head = before[max(0, colon - 60) : colon]
    return any(re.search(rf"(?<!\w){re.escape(o)}(?!\w)", head) for o in others)


def claim_words(items: Sequence[ClaimItem], mine: Sequence[Sequence[str]] | None = None) -> list[str]:
    """The words ``claim_views`` embeds for ``items``: their content words (``mine``, one list per item, when
    known), then the units of their numbers."""
    own = mine if mine is not None else [content_words(item.text) for item in items]
    return [w for ws in own for w in ws] + [q.unit.casefold() for item in items for q in item.quantities if q.unit]


def claim_views(
    items: Sequence[ClaimItem], text: np.ndarray, context: np.ndarray, words: WordVectors
) -> list[ClaimView]:
    """A view of each claim; ``text`` and ``context`` hold one unit row per item."""
    mine = [content_words(item.text) for item in items]
    wholes = [tuple(q for q in item.quantities if not counts_a_part(q, item)) for item in items]
    words.of(claim_words(items, mine))  # every new word embedded in one batch
    out = []
    for item, t, c, own, whole in zip(items, text, context, mine, wholes, strict=True):
        out.append(
            ClaimView(
                item=item,
                text=t,
                context=c,
                words=words.of(own) if own else np.zeros((0, len(t)), dtype=np.float32),
                source=name_key(item.chain[-1] if len(item.chain) >= 2 else item.speaker or ""),
                numbers=frozenset((q.unit, q.value) for q in item.quantities if q.value is not None),
                times=frozenset(t.value for t in item.times if t.value),
                negated=item.polarity == "negative" or item.certainty == "denied",
                units=tuple(words.of([q.unit.casefold()])[0] if q.unit else None for q in whole),
                wholes=whole,
                conditional=conditional(item),
                terms=tuple(own),
            )
        )
    return out


def pair_features(a: ClaimView, b: ClaimView) -> np.ndarray:
    """The ``FEATURES`` of one pair of claims, in that order."""
    table = ViewTable.of([a, b], np.vstack([a.text, b.text]), np.vstack([a.context, b.context]))
    return table.features(0, np.array([1]))[0]


@dataclass(frozen=True, slots=True)
class ViewTable:
    """Many claim views as columns, so that the features of one claim with many others are computed at once:
    each claim's vectors, its content words' vectors one claim after the other (``starts``, ``sizes``), and
    codes for its article, source (-1: none), language and day of publication (NaN: unknown)."""

    views: Sequence[ClaimView]
    text: np.ndarray
    context: np.ndarray
    words: np.ndarray
    starts: np.ndarray
    sizes: np.ndarray
    article: np.ndarray
    source: np.ndarray
    language: np.ndarray
    negated: np.ndarray
    day: np.ndarray

    @classmethod
    def of(cls, views: Sequence[ClaimView], text: np.ndarray, context: np.ndarray) -> ViewTable:
        """The table of ``views``; ``text`` and ``context`` hold one unit row per view."""
        sizes = np.array([len(v.words) for v in views], dtype=np.int64)
        rows = [v.words for v in views if len(v.words)]
        return cls(
            views=views,
            text=text,
            context=context,
            words=np.vstack(rows) if rows else np.zeros((0, text.shape[1]), dtype=np.float32),
            starts=np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64),
            sizes=sizes,
            article=_codes(v.item.article for v in views),
            source=_codes((v.source for v in views), blank=True),
            language=_codes(v.item.language for v in views),
            negated=np.array([v.negated for v in views], dtype=bool),
            day=np.array([v.item.published.toordinal() if v.item.published else np.nan for v in views]),
        )

    def shared(self, place: Path) -> ViewTable:
        """The table's vectors (``likeness`` reads nothing else) in files under ``place`` (a folder), mapped into
        memory: pickled, it names those files instead of copying them, so worker processes read them from the
        page cache (``place`` must outlive its use there). It has no views."""
        mapped = {}
        for name in _BIG:
            np.save(place / f"{name}.npy", getattr(self, name))
            mapped[name] = np.load(place / f"{name}.npy", mmap_mode="r")
        return replace(self, views=(), **mapped)

    def __reduce__(self) -> tuple[Any, ...]:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for name in _BIG:
            if isinstance(values[name], np.memmap):
                values[name] = _Mapped(str(values[name].filename))
        return (_table, (values,))

    def features(self, i: int, others: np.ndarray) -> np.ndarray:
        """The ``FEATURES`` of claim ``i`` with each claim of ``others`` (indices), one row each."""
        rows = np.zeros((len(others), len(FEATURES)))
        rows[:, :LIKENESS] = self.likeness(i, others)
        self.add_facts(i, others, rows)
        return rows

    def likeness(self, i: int, others: np.ndarray) -> np.ndarray:
        """The first ``LIKENESS`` features (``text``, ``context``, ``words``): what the vectors alone give."""
        return np.column_stack(
            [self.text[others] @ self.text[i], self.context[others] @ self.context[i], self._aligned(i, others)]
        ).astype(np.float64)

    def add_facts(self, i: int, others: np.ndarray, rows: np.ndarray) -> None:
        """The other features into ``rows`` (one per claim of ``others``): source, numbers, polarity, language,
        time; they read the views."""
        a = self.views[i]
        if self.source[i] >= 0:
            rows[:, 3] = self.source[others] == self.source[i]
        rows[:, 6] = self.negated[others] != self.negated[i]
        rows[:, 7] = self.language[others] == self.language[i]
        for k, j in enumerate(others.tolist()):
            b = self.views[j]
            if a.times and b.times:
                rows[k, 8] = bool(a.times & b.times)
            if a.item.quantities and b.item.quantities:
                rows[k, 4] = bool(a.numbers & b.numbers)
                rows[k, 5] = number_clash(a, b) is not None

    def news_cycles(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """``news_cycle`` of each pair ``(first[k], second[k])``."""
        days = np.abs(self.day[first] - self.day[second])
        out = np.ones(len(days))
        late = np.nonzero(days > NEWS_CYCLE_DAYS)[0]  # NaN (a date unknown) is not late
        fades = {d: _fade(int(d)) for d in set(days[late].tolist())}
        out[late] = [fades[d] for d in days[late].tolist()]
        return out

    def _aligned(self, i: int, others: np.ndarray) -> np.ndarray:
        """For each of ``others``, how well the content words of ``i`` and of the other find a counterpart: the
        mean best cosine each way, averaged (0 when either has no content word)."""
        out = np.zeros(len(others))
        sizes = self.sizes[others]
        mine = self.words[self.starts[i] : self.starts[i] + self.sizes[i]]
        if not len(mine) or not sizes.sum():
            return out
        filled = sizes > 0
        sizes, firsts = sizes[filled], self.starts[others][filled]
        offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        rows = np.repeat(firsts - offsets, sizes) + np.arange(int(sizes.sum()))
        cosines = mine @ self.words[rows].T  # i's words x all the others' words
        forward = np.maximum.reduceat(cosines, offsets, axis=1).mean(axis=0)  # i's words to each other's best
        backward = np.add.reduceat(cosines.max(axis=0), offsets) / sizes  # each other's words to i's
        out[filled] = 0.5 * (forward + backward)
        return out


_BIG = ("text", "context", "words")  # the columns ``ViewTable.shared`` puts in files


@dataclass(frozen=True, slots=True)
class _Mapped:
    path: str


def _table(values: dict[str, Any]) -> ViewTable:
    """A pickled ``ViewTable`` again, the files of a shared one mapped into memory."""
    opened = {k: np.load(v.path, mmap_mode="r") if isinstance(v, _Mapped) else v for k, v in values.items()}
    return ViewTable(**opened)


def _codes(values: Iterable[str], *, blank: bool = False) -> np.ndarray:
    """A number for each distinct value, in order of first appearance (-1 for "" when ``blank``)."""
    seen: dict[str, int] = {}
    return np.array([-1 if blank and not v else seen.setdefault(v, len(seen)) for v in values], dtype=np.int64)


def news_cycle(a: ClaimView, b: ClaimView) -> float:
    """How much the pair model's probability holds given the days between the two articles: fully within
    ``NEWS_CYCLE_DAYS``, then decaying by e every ``DECAY_DAYS``. The story set cannot calibrate this (its
    stories span three days); on the development set's MEANTIME articles, written years apart on four
    topics, it keeps claims of different events apart (docs/clusters.md). Unknown dates: no change."""
    da, db = a.item.published, b.item.published
    if da is None or db is None:
        return 1.0
    return _fade(abs((da - db).days))


def _fade(days: int) -> float:
    return 1.0 if days <= NEWS_CYCLE_DAYS else math.exp(-(days - NEWS_CYCLE_DAYS) / DECAY_DAYS)


def number_clash(a: ClaimView, b: ClaimView) -> tuple[Quantity, Quantity] | None:
    """Two numbers of one unit (one word in two spellings or languages: single-word embeddings at
    ``UNIT_SIMILAR`` or more; or no unit on either side) that cannot describe the same amount, or None.
    Only a claim's one number of that unit is compared: with two (`five dead and twelve wounded people`)
    it cannot be told which answers the other claim's. A number that counts a part (``counts_a_part``) is no
    such amount."""
    for x, ux in zip(a.wholes, a.units, strict=True):
        for y, uy in zip(b.wholes, b.units, strict=True):
            if not _one_unit(ux, uy) or compatible(x, replace(y, unit=x.unit)):
                continue
            mine = sum(_one_unit(u, uy) for u in a.units)
            theirs = sum(_one_unit(ux, u) for u in b.units)
            if mine == 1 and theirs == 1:
                return x, y
    return None


def reported_clash(a: ClaimView, b: ClaimView) -> tuple[Quantity, Quantity] | None:
    """A ``number_clash`` worth reporting as a contradiction: not between numbers without a unit when a claim
    holds more than one number (`killed five people and wounded 12` against `seven`: the 12 are the wounded).
    The clash itself still keeps two claims apart when clustering."""
    clash = number_clash(a, b)
    if clash is None:
        return None
    x, y = clash
    bare = x.unit is None and y.unit is None and not (len(a.units) == len(b.units) == 1)
    return None if bare else clash


def _one_unit(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return float(a @ b) >= UNIT_SIMILAR


def mixed(text: np.ndarray, context: np.ndarray, context_weight: float) -> np.ndarray:
    """Unit rows of a claim's text and context mixed (``context_weight`` of the context): for centroids."""
    return normalise((1.0 - context_weight) * text + context_weight * context)
