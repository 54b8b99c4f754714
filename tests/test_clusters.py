"""Cross-article clustering: propositions by the pair model, origins, repeats and contradictions.

Vectors come from a fake embedder set by each test (the real one is tested in test_corroboration.py and at
the end of this file): a sentence has a topic axis, tilted towards the last axis by a wobble; a single word
(the pair model aligns content words one by one) has an axis of its own, so two claims' words align as far
as they share words.
"""

from __future__ import annotations

import itertools
import math
import zlib
from dataclasses import replace
from datetime import date
from types import SimpleNamespace
from typing import cast

import numpy as np
import pytest

from sayso.clusters import (
    FEATURES,
    ClaimItem,
    PairModel,
    article_groups,
    bounds,
    candidates,
    cluster_claims,
    compatible,
    default_model,
    find_contradictions,
    find_origins,
    same_story,
)
from sayso.clusters.pairs import (
    WordVectors,
    claim_views,
    content_words,
    counts_a_part,
    news_cycle,
    number_clash,
    pair_features,
    reported_clash,
)
from sayso.errors import InputError, ModelError
from sayso.records import Quantity, TimeExpr

TOPICS = 16  # axes 0-15 are sentence topics, 16-62 words, 63 the wobble
DIM = 64


class FakeEmbedder:
    """Sentences in ``topics`` on their axis (tilted by a wobble); any other text, a word, on a hashed axis."""

    def __init__(self, topics: dict[str, tuple[int, float]]) -> None:
        self.topics = topics
        self.calls = 0

    def encode(self, texts):  # type: ignore[no-untyped-def]
        self.calls += 1
        rows = np.zeros((len(texts), DIM), dtype=np.float32)
        for k, text in enumerate(texts):
            if text in self.topics:
                topic, wobble = self.topics[text]
                rows[k, topic] = 1.0
                rows[k, DIM - 1] = wobble
            else:
                rows[k, TOPICS + zlib.crc32(text.encode()) % (DIM - TOPICS - 1)] = 1.0
        return rows


# A model that reads only the claims' own vectors (cosine 0.75 is probability 0.5), and the same with a
# strong say for sources, numbers and negation: the rules are tested on it, the shipped weights apart.
PLAIN = PairModel(weights=(20.0, 0, 0, 0, 0, 0, 0, 0, 0), bias=-15.0, threshold=0.5)
FULL = PairModel(weights=(20.0, 0, 0, 4.0, 0, -30.0, -30.0, 0, 0), bias=-15.0, threshold=0.5)


def _item(id: str, article: str, text: str, **kw) -> ClaimItem:  # type: ignore[no-untyped-def]
    kw.setdefault("language", "nl")
    kw.setdefault("published", date(2026, 3, 2))
    return ClaimItem(id=id, article=article, text=text, **kw)


def _qty(text: str, value: float, qualifier: str = "exact", unit: str | None = "persons") -> Quantity:
    return Quantity(0, len(text), text, value, unit=unit, qualifier=qualifier)


def _cluster_of(clusters, claim_id):  # type: ignore[no-untyped-def]
    return next(c for c in clusters if claim_id in c.members)


# A wire story (ANP) about a bridge, printed word for word by three outlets, and an unrelated story.
WIRE = "De Moerdijkbrug gaat vanaf maandag drie weken dicht voor onderhoud."
UNRELATED = "Het KNMI verwacht morgen zware regenval in het noorden."


def test_clusters_wire_story_repeated_by_three_outlets_is_one_origin() -> None:
    items = [
        _item("nos:1", "nos-brug", WIRE, outlet="NOS", chain=("NOS",), published=date(2026, 3, 2), article_hash="h1"),
        _item("ad:1", "ad-brug", WIRE, outlet="AD", chain=("AD",), published=date(2026, 3, 2), article_hash="h1"),
        _item("tg:1", "tg-brug", WIRE, outlet="Telegraaf", chain=("Telegraaf",), published=date(2026, 3, 3),
              article_hash="h1"),
        _item("knmi:1", "nos-weer", UNRELATED, outlet="NOS", published=date(2026, 3, 2), article_hash="h2"),
    ]  # fmt: skip
    fake = FakeEmbedder({WIRE: (0, 0.0), UNRELATED: (1, 0.0)})
    clusters = cluster_claims(items, embedder=fake)  # the shipped model
    bridge = _cluster_of(clusters, "nos:1")
    assert set(bridge.members) == {"nos:1", "ad:1", "tg:1"}
    assert bridge.independent == 1
    assert bridge.origins == ("NOS",)  # the first copy's outlet stands for the wire story
    assert set(bridge.repeats) == {"ad:1", "tg:1"}
    assert bridge.credibility == 3  # one origin, stated as certain
    assert _cluster_of(clusters, "knmi:1").members == ("knmi:1",)


def test_clusters_wire_copy_found_by_text_when_hashes_differ() -> None:
    text = "Rijkswaterstaat sluit de Moerdijkbrug vanaf maandag drie weken voor groot onderhoud aan het wegdek."
    items = [
        _item("a:1", "a", WIRE, outlet="NOS", article_hash="x", published=date(2026, 3, 1)),
        _item("b:1", "b", WIRE, outlet="AD", article_hash="y", published=date(2026, 3, 2)),
        _item("c:1", "c", WIRE, outlet="NRC", article_hash="z", published=date(2026, 3, 3)),
    ]
    texts = {"a": text, "b": text + " Meer morgen.", "c": "Een heel ander stuk over de brug en het verkeer."}
    assert article_groups(items, texts=texts) == {"a": "a", "b": "a", "c": "c"}
    found = find_origins(items, texts=texts)
    assert found.origins == ("NOS", "NRC")
    assert found.repeats == ("b:1",)


def test_clusters_wire_quote_traced_through_the_chain() -> None:
    quote = "Minister Jansen zegt dat de brug in april weer opengaat."
    items = [
        _item(f"{o}:1", f"{o}-art", quote, outlet=o, speaker="Jansen", chain=(o, "ANP", "Jansen"))
        for o in ("NOS", "AD", "Trouw")
    ]
    clusters = cluster_claims(items, embedder=FakeEmbedder({quote: (2, 0.0)}))
    assert len(clusters) == 1
    assert clusters[0].origins == ("Jansen",)
    assert clusters[0].independent == 1
    assert clusters[0].repeats == ("AD:1", "Trouw:1")


def test_clusters_an_articles_own_claim_rests_on_the_source_it_credits() -> None:
    # A headline in the outlet's own voice and the body's attributed claim: one origin, the source.
    head = _item("h", "a", "Brug gaat in april open", outlet="NOS")
    body = _item("b", "a", "de brug gaat in april open", speaker="Rijkswaterstaat", outlet="NOS")
    other = _item("o", "c", "de brug gaat in april open", outlet="AD")  # another outlet credits no one
    found = find_origins([head, body, other])
    assert found.of == {"h": "Rijkswaterstaat", "b": "Rijkswaterstaat", "o": "AD"}
    assert found.origins == ("Rijkswaterstaat", "AD")


def test_clusters_an_outlet_cited_for_a_claim_adds_no_origin_when_its_report_is_there() -> None:
    # NOS quotes the union; Reuters reports what the union told NOS; a third outlet cites NOS itself
    nos = _item("n", "nos-1", "de bond zegt dat een ruimer besmet is", speaker="Bond", outlet="NOS")
    reuters = _item("r", "reuters-1", "a culler is infected", speaker="NOS", chain=("Reuters", "NOS"), outlet="Reuters")
    found = find_origins([nos, reuters])
    assert found.of == {"n": "Bond", "r": "Bond"} and found.independent == 1
    alone = find_origins([reuters])  # without NOS's report the outlet is the origin the text gives
    assert alone.of == {"r": "NOS"}


def test_clusters_a_source_shown_relaying_another_adds_no_origin() -> None:
    # Reuters says the paper reported it citing insiders; ANP only says the paper reported it
    reuters = _item("r", "reuters-1", "the yard is nearly bankrupt", speaker="Dagblad",
                    chain=("Reuters", "Dagblad", "insiders"), outlet="Reuters")  # fmt: skip
    anp = _item("a", "anp-1", "de werf is bijna failliet", speaker="Dagblad", chain=("ANP", "Dagblad"), outlet="ANP")
    found = find_origins([reuters, anp])
    assert found.of == {"r": "insiders", "a": "insiders"} and found.independent == 1
    assert find_origins([anp]).of == {"a": "Dagblad"}  # nothing shows the paper relaying anyone
    own = _item("d", "dagblad-1", "de werf is bijna failliet", outlet="Dagblad")  # the paper in its own voice
    assert find_origins([reuters, own]).of["d"] == "Dagblad"


def test_clusters_a_state_named_bare_speaks_through_its_one_organ() -> None:
    states = {"Israel": ("=israel", True), "Israeli army": ("=israel", False), "Israeli police": ("=israel", False)}
    army = _item("a", "afp-1", "the army struck a depot", speaker="Israeli army", outlet="AFP")
    state = _item("s", "aj-1", "Israel says it struck a depot", speaker="Israel", outlet="Al Jazeera")
    found = find_origins([army, state], state_of=states.get)
    assert found.of == {"a": "Israeli army", "s": "Israeli army"} and found.independent == 1
    assert find_origins([army, state]).independent == 2  # without knowing states: two names, two origins
    police = _item("p", "nos-1", "de politie bevestigt het", speaker="Israeli police", outlet="NOS")
    assert find_origins([army, state, police], state_of=states.get).independent == 3  # which organ? none


# Two independent sources confirm the same claim, in English and in Dutch.
EN = "Russian troops have withdrawn from the border, the ministry of defence said."
NL = "Russische troepen hebben zich teruggetrokken van de grens, meldt een NAVO-functionaris."


def test_clusters_two_independent_sources_corroborate() -> None:
    items = [
        _item("reuters:1", "reuters-1", EN, language="en", speaker="ministry of defence",
              chain=("Reuters", "ministry of defence"), entities=("Russia",), outlet="Reuters"),
        _item("nrc:1", "nrc-1", NL, speaker="NAVO-functionaris", chain=("NRC", "NAVO-functionaris"),
              entities=("Russia",), outlet="NRC"),
    ]  # fmt: skip
    (c,) = cluster_claims(items, embedder=FakeEmbedder({EN: (3, 0.0), NL: (3, 0.5)}), model=PLAIN)
    assert c.independent == 2
    assert c.origins == ("ministry of defence", "NAVO-functionaris")
    assert c.repeats == () and c.contradictions == ()
    assert c.credibility == 1  # both stated as certain


def test_clusters_hedged_corroboration_is_probably_true() -> None:
    items = [
        _item("a:1", "a", EN, speaker="ministry", chain=("Reuters", "ministry"), certainty="reported"),
        _item("b:1", "b", NL, speaker="official", chain=("NRC", "official")),
    ]
    (c,) = cluster_claims(items, embedder=FakeEmbedder({EN: (3, 0.0), NL: (3, 0.5)}), model=PLAIN)
    assert (c.independent, c.credibility) == (2, 2)


# The same topic, other predicates or other numbers: apart, and contradicting where they cannot both hold.
FLED_A = "At least two million people have fled the region, the UN said."
FLED_B = "Volgens de regering zijn een miljoen mensen uit de regio gevlucht."
FLED_C = "Het ministerie ontkent dat er mensen uit de regio zijn gevlucht."
FLED = FakeEmbedder({FLED_A: (4, 0.0), FLED_B: (4, 0.4), FLED_C: (4, 0.6), "people": (8, 0.0), "mensen": (8, 0.2)})


def test_clusters_numbers_beyond_their_bounds_are_two_propositions_that_contradict() -> None:
    items = [
        _item("un:1", "un", FLED_A, language="en", speaker="UN",
              quantities=(_qty("at least two million", 2e6, "at_least", unit="people"),)),
        _item("gov:1", "gov", FLED_B, speaker="regering", quantities=(_qty("een miljoen", 1e6, unit="mensen"),)),
    ]  # fmt: skip
    clusters = cluster_claims(items, embedder=FLED, model=FULL)
    assert len(clusters) == 2  # the numbers clash: `people` and `mensen` are one unit in two languages
    un, gov = _cluster_of(clusters, "un:1"), _cluster_of(clusters, "gov:1")
    [clash] = un.across + gov.across
    assert {clash.a, clash.b} == {"un:1", "gov:1"} and clash.reason.startswith("quantity:")
    assert "at least two million" in clash.reason
    same = [items[0], replace(items[1], quantities=(_qty("drie miljoen", 3e6, unit="mensen"),))]
    (one,) = cluster_claims(same, embedder=FLED, model=FULL)
    assert one.across == () and one.contradictions == ()


def test_clusters_a_denial_is_its_own_proposition_against_the_assertion() -> None:
    items = [
        _item("un:1", "un", FLED_A, language="en", speaker="UN"),
        _item("min:1", "min", FLED_C, speaker="ministerie", certainty="denied"),
    ]
    clusters = cluster_claims(items, embedder=FLED, model=FULL)
    assert len(clusters) == 2
    [denial] = [x for c in clusters for x in c.across]
    assert denial.reason == "denial: ministerie denies what UN asserts"
    # an article's own negative statement reports; only a source denies
    unsaid = [items[0], replace(items[1], speaker=None, certainty="certain", polarity="negative")]
    assert [x for c in cluster_claims(unsaid, embedder=FLED, model=FULL) for x in c.across] == []
    # one source does not deny itself
    itself = [items[0], replace(items[1], speaker="UN")]
    assert [x for c in cluster_claims(itself, embedder=FLED, model=FULL) for x in c.across] == []


def test_clusters_denial_within_a_cluster() -> None:
    items = [
        _item("un:1", "un", FLED_A, language="en", speaker="UN"),
        _item("min:1", "min", FLED_C, speaker="ministerie", certainty="denied"),
        _item("gov:1", "gov", FLED_B, speaker="regering", polarity="negative"),
        _item("krant:1", "krant", FLED_B, polarity="negative"),  # the article's own voice: reports, denies nothing
    ]
    reasons = {(x.a, x.b): x.reason for x in find_contradictions(items)}
    assert reasons[("un:1", "min:1")].startswith("denial:")
    assert reasons[("un:1", "gov:1")].startswith("denial:")
    assert ("min:1", "gov:1") not in reasons  # two denials agree
    assert ("un:1", "krant:1") not in reasons


def test_clusters_a_promise_does_not_deny_what_has_not_happened_yet() -> None:
    # published on Monday 2 March: `by Friday` looks ahead, `not paid` speaks of now
    friday = (TimeExpr(0, 6, "friday", "2026-03-06"),)
    paid = _item("boss:1", "x", FLED_A, speaker="directie", times=friday)
    unpaid = _item("staff:1", "y", FLED_B, speaker="personeel", polarity="negative")
    assert find_contradictions([paid, unpaid]) == []
    across = cluster_claims([paid, unpaid], embedder=FLED, model=FULL)
    assert [x for c in across for x in c.across] == []
    # without the look ahead, the same pair is a denial
    now = replace(paid, times=(TimeExpr(0, 6, "monday", "2026-03-02"),))
    assert [x.reason.split(":")[0] for x in find_contradictions([now, unpaid])] == ["denial"]


def test_clusters_certain_against_questioned_contradicts() -> None:
    a = _item("a", "x", FLED_A, certainty="certain")
    b = _item("b", "y", FLED_B, certainty="questioned")
    c = _item("c", "z", FLED_B, certainty="probable")
    found = find_contradictions([a, b, c])
    assert [(x.a, x.b, x.reason.split(":")[0]) for x in found] == [("a", "b", "certainty"), ("b", "c", "certainty")]


def test_a_denial_across_clusters_negates_a_word_the_other_claim_says() -> None:
    # apart (the negation keeps them apart), alike enough but for it; a denial only where the negated word is
    # the other's: `geen wachtwoorden` denies `bevat wachtwoorden`, not `bevat adressen`
    denial = _item("t", "a", "Er zitten geen wachtwoorden bij", speaker="Telvora", polarity="negative")
    asserted = _item("k", "b", "Het bestand bevat wachtwoorden", speaker="De Krant")
    other = _item("m", "c", "Het bestand bevat adressen", speaker="Het Blad")
    fake = FakeEmbedder({denial.text: (5, 0.0), asserted.text: (5, 0.3), other.text: (5, 0.3)})
    found = [x for c in cluster_claims([denial, asserted], embedder=fake, model=FULL) for x in c.across]
    assert found and found[0].reason == "denial: Telvora denies what De Krant asserts"
    assert [x for c in cluster_claims([denial, other], embedder=fake, model=FULL) for x in c.across] == []


def test_one_source_does_not_deny_itself() -> None:
    said = _item("a1", "art", "The port reopened", language="en", speaker="Jan Smit")
    unsaid = _item("a2", "art", "The port did not reopen", language="en", speaker="Jan Smit", polarity="negative")
    other = replace(unsaid, id="b1", article="other", published=date(2026, 3, 5))
    someone = replace(other, id="c1", speaker="Els Jong")
    assert find_contradictions([said, unsaid]) == []
    assert find_contradictions([said, other]) == []  # one source in two articles: two readings
    assert [(c.a, c.b) for c in find_contradictions([said, someone])] == [("a1", "c1")]


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        (_qty("at least 2m", 2e6, "at_least"), _qty("1m", 1e6), False),
        (_qty("at least 2m", 2e6, "at_least"), _qty("3m", 3e6), True),
        (_qty("at most 100", 100, "at_most"), _qty("150", 150), False),
        (_qty("about 100", 100, "about"), _qty("110", 110), True),
        (_qty("100", 100), _qty("110", 110), False),
        (_qty("100", 100), _qty("100 euro", 100, unit="EUR"), True),  # different units: not comparable
        (Quantity(0, 5, "5-10", None, low=5, high=10, unit="persons", qualifier="range"), _qty("12", 12), False),
        (_qty("perhaps 5", 5, "possibly"), _qty("50", 50), True),
    ],
)
def test_clusters_quantity_compatibility(a: Quantity, b: Quantity, ok: bool) -> None:
    assert compatible(a, b) is ok
    assert compatible(b, a) is ok


def test_clusters_bounds_of_open_quantities() -> None:
    assert bounds(_qty("at least 3", 3, "at_least")) == (3, math.inf)
    assert bounds(_qty("vague", 3, "vague")) is None


def _views(items, fake):  # type: ignore[no-untyped-def]
    from sayso.clusters import claim_vectors

    vectors = claim_vectors(items, embedder=fake)
    return claim_views(items, vectors.text, vectors.context, WordVectors(fake))


def test_pair_features_read_what_two_claims_share() -> None:
    monday = (TimeExpr(0, 7, "maandag", "2026-03-02"),)
    a = _item("a", "x", "Vier havens getroffen", speaker="PortLink", quantities=(_qty("vier", 4, unit="havens"),),
              times=monday)  # fmt: skip
    b = _item(
        "b", "y", "Four ports hit", language="en", speaker="portlink", quantities=(_qty("four", 4, unit="ports"),)
    )
    c = _item("c", "z", "Zeven havens getroffen", speaker="Veldwacht", polarity="negative",
              quantities=(_qty("zeven", 7, unit="havens"),), times=monday)  # fmt: skip
    fake = FakeEmbedder({a.text: (5, 0.0), b.text: (5, 0.2), c.text: (5, 0.1)})
    fake.topics.update({"havens": (6, 0.0), "ports": (6, 0.1)})  # one unit in two languages
    va, vb, vc = _views([a, b, c], fake)
    ab = dict(zip(FEATURES, pair_features(va, vb), strict=True))
    assert ab["source"] == 1.0 and ab["language"] == 0.0 and ab["polarity"] == 0.0 and ab["number_clash"] == 0.0
    assert ab["time"] == 0.0
    assert ab["text"] == pytest.approx(1 / math.sqrt(1.04), abs=1e-4)
    ac = dict(zip(FEATURES, pair_features(va, vc), strict=True))
    assert ac["source"] == 0.0 and ac["polarity"] == 1.0 and ac["number_clash"] == 1.0 and ac["language"] == 1.0
    assert ac["time"] == 1.0  # both name Monday 2 March
    assert ac["words"] == pytest.approx(2 / 3)  # `havens` and `getroffen` align, `vier`/`zeven` do not
    bare = [_item(k, k, t, quantities=(_qty(n, v, unit=None),)) for k, t, n, v in (("d", "Doodt vijf", "vijf", 5),
            ("e", "Doodt zeven", "zeven", 7))]  # fmt: skip
    vd, ve = _views(bare, fake)
    assert number_clash(vd, ve) is not None  # one number each, no unit: compared
    vf = _views([replace(bare[1], quantities=(*bare[1].quantities, _qty("twee", 2, unit=None)))], fake)[0]
    assert number_clash(vd, vf) is None  # two bare numbers: which one answers is unclear
    two = replace(c, quantities=(_qty("zeven", 7, unit="havens"), _qty("twee", 2, unit="havens")))
    assert number_clash(va, _views([two], fake)[0]) is None  # two numbers of ports: which one answers?
    x, y = number_clash(va, vc) or (None, None)
    assert (x.text, y.text) == ("vier", "zeven")
    assert number_clash(va, vb) is None
    assert reported_clash(va, vc) == number_clash(va, vc)  # a clash worth reporting


def test_a_clash_between_bare_numbers_of_a_claim_with_two_is_not_reported() -> None:
    fake = FakeEmbedder({})
    # a bare number of a claim with two numbers is not reported, though it still keeps the claims apart
    c = _item("c", "z", "Doodt vijf, twaalf gewonden", quantities=(_qty("vijf", 5, unit=None), _qty("twaalf", 12)))
    d = _item("d", "w", "Doodt zeven", quantities=(_qty("zeven", 7, unit=None),))
    fake.topics.update({c.text: (5, 0.0), d.text: (5, 0.1)})
    vc, vd = _views([c, d], fake)
    assert number_clash(vc, vd) is not None and reported_clash(vc, vd) is None


@pytest.mark.parametrize(
    ("part", "language"),
    [
        ("Drie van hen zijn ernstig gewond", "nl"),
        ("Er vielen veertien gewonden, onder wie drie kinderen", "nl"),
        ("Three of them are in a serious condition", "en"),
        ("Fourteen were hurt, including three children", "en"),
    ],
)
def test_a_number_that_counts_a_part_of_a_set_does_not_clash_with_the_whole(part: str, language: str) -> None:
    fake = FakeEmbedder({})
    word = next(w for w in part.split() if w.lower() in ("drie", "three"))
    whole = _item("w", "x", "Veertien mensen gewond", quantities=(_qty("veertien", 14, unit=None),))
    some = _item("p", "y", part, language=language, quantities=(_qty(word, 3, unit=None),))
    other = _item("o", "z", "Drie mensen gewond", quantities=(_qty("drie", 3, unit=None),))
    fake.topics.update({whole.text: (5, 0.0), some.text: (5, 0.1), other.text: (5, 0.2)})
    vw, vs, vo = _views([whole, some, other], fake)
    assert counts_a_part(some.quantities[0], some) and not counts_a_part(other.quantities[0], other)
    assert number_clash(vw, vs) is None and reported_clash(vw, vs) is None
    assert number_clash(vw, vo) is not None  # the same count without the part words clashes


def test_a_number_in_a_list_that_breaks_down_another_counts_a_part() -> None:
    four, three = _qty("vier", 4, unit="bedrijven"), _qty("drie", 3, unit="legbedrijven")
    listed = _item("l", "x", "Het virus zit op vier bedrijven: drie legbedrijven en een kuikenbedrijf",
                   quantities=(four, three))  # fmt: skip
    assert counts_a_part(three, listed) and not counts_a_part(four, listed)
    alone = _item("a", "y", "Het virus zit in de stal: drie legbedrijven zijn besmet", quantities=(three,))
    assert not counts_a_part(three, alone)  # no number before the colon: nothing is broken down


def test_content_words_leave_out_stop_words_of_every_language() -> None:
    assert content_words("De haven van Rotterdam is dicht, the port is closed, 4 ports") == [
        "haven", "rotterdam", "dicht", "port", "closed", "4", "ports",
    ]  # fmt: skip


def test_news_cycle_keeps_a_pair_within_a_week_and_lets_it_fade_after() -> None:
    fake = FakeEmbedder({})
    a, b = _views([_item("a", "x", "Tekst."), _item("b", "y", "Tekst.")], fake)
    assert news_cycle(a, b) == 1.0
    later = _views([replace(b.item, published=date(2026, 3, 9))], fake)[0]
    assert news_cycle(a, later) == 1.0  # seven days
    month = _views([replace(b.item, published=date(2026, 4, 8))], fake)[0]
    assert news_cycle(a, month) == pytest.approx(math.exp(-30 / 30))
    undated = _views([replace(b.item, published=None)], fake)[0]
    assert news_cycle(a, undated) == 1.0


def test_clusters_the_same_text_years_apart_starts_its_own_cluster() -> None:
    items = [_item("a", "x", WIRE), _item("b", "y", WIRE, published=date(2029, 3, 2))]
    assert len(cluster_claims(items, embedder=FakeEmbedder({WIRE: (0, 0.0)}), model=PLAIN)) == 2


def test_clusters_average_linkage_needs_the_whole_group() -> None:
    # a-b and b-c are near, a-c is not: c joins {a, b} only when its mean probability over both holds
    a, b, c = "Een.", "Twee.", "Drie."
    near = FakeEmbedder({a: (7, 0.0), b: (7, 0.75), c: (7, 2.0)})  # cos a-b 0.8, b-c 0.93, a-c 0.45
    items = [_item("a", "x", a), _item("b", "y", b), _item("c", "z", c)]
    clusters = cluster_claims(items, embedder=near, model=PLAIN)
    assert sorted(len(k.members) for k in clusters) == [1, 2]
    assert _cluster_of(clusters, "b").members in (("b", "c"), ("c", "b"))


def test_clusters_two_claims_of_one_sentence_stay_apart() -> None:
    one, two, sentence = "We keep the plan.", "We stop the plan.", "He said: We keep the plan. We stop the plan."
    fake = FakeEmbedder({one: (1, 0.0), two: (1, 0.1), sentence: (2, 0.0)})
    third = _item("3", "other", one, context=sentence)
    items = [_item("1", "art", one, context=sentence), _item("2", "art", two, context=sentence), third]
    clusters = cluster_claims(items, embedder=fake, model=PLAIN)
    assert all(not {"1", "2"} <= set(k.members) for k in clusters)
    assert len(clusters) == 2  # the other article's claim joins one of them


def test_clusters_a_claim_on_a_condition_stays_apart_from_one_without() -> None:
    promise = _item("p", "a", "De lonen worden vrijdag betaald", speaker="Terpstra")
    threat = _item("t", "b", "Als het geld vrijdag niet binnen is, stappen we naar de rechter", speaker="Kuipers")
    repeat = _item("r", "c", "Vrijdag worden de lonen betaald", speaker="Terpstra")
    fake = FakeEmbedder({promise.text: (3, 0.0), threat.text: (3, 0.1), repeat.text: (3, 0.05)})
    clusters = cluster_claims([promise, threat, repeat], embedder=fake, model=PLAIN)
    assert sorted(sorted(c.members) for c in clusters) == [["p", "r"], ["t"]]


def test_clusters_incremental_adds_to_previous_clusters_and_never_merges_two() -> None:
    fake = FakeEmbedder({WIRE: (0, 0.0), UNRELATED: (1, 0.0), EN: (3, 0.0), NL: (3, 0.4)})
    first = [_item("nos:1", "nos", WIRE, outlet="NOS"), _item("knmi:1", "weer", UNRELATED)]
    before = cluster_claims(first, embedder=fake, model=PLAIN)
    later = [_item("ad:1", "ad", WIRE, outlet="AD", speaker="Rijkswaterstaat"), _item("r:1", "r", EN)]
    after = cluster_claims(later, previous=before, known=first, embedder=fake, model=PLAIN)
    assert len(after) == 3
    bridge = _cluster_of(after, "ad:1")
    assert bridge.id == _cluster_of(before, "nos:1").id
    assert bridge.members == ("nos:1", "ad:1")
    assert bridge.independent == 2  # NOS's own copy and Rijkswaterstaat
    assert _cluster_of(after, "knmi:1") == _cluster_of(before, "knmi:1")  # untouched
    assert first[0].id == "nos:1" and before[0].members == ("nos:1",)  # inputs unchanged
    with pytest.raises(InputError, match="known="):
        cluster_claims(later, previous=before, embedder=fake, model=PLAIN)
    # two stored clusters stay two even when a new claim is near both
    two = [_item("x:1", "x", WIRE), _item("y:1", "y", WIRE, context="Elders.")]
    fake.topics["Elders."] = (9, 0.0)
    apart = cluster_claims(two[:1], embedder=fake, model=PLAIN) + cluster_claims(two[1:], embedder=fake, model=PLAIN)
    after = cluster_claims([_item("z:1", "z", WIRE)], previous=apart, known=two, embedder=fake, model=PLAIN)
    assert len(after) == 2


def test_clusters_a_new_claim_is_compared_with_the_clusters_in_its_reach_only() -> None:
    fake = FakeEmbedder({WIRE: (0, 0.0), UNRELATED: (1, 0.0)})
    first = [_item("nos:1", "nos", WIRE, outlet="NOS"), _item("knmi:1", "weer", UNRELATED)]
    before = cluster_claims(first, embedder=fake, model=PLAIN)
    wire, weather = _cluster_of(before, "nos:1").id, _cluster_of(before, "knmi:1").id
    later = [_item("ad:1", "ad", WIRE, outlet="AD", speaker="Rijkswaterstaat")]
    joined = cluster_claims(later, previous=before, known=first, embedder=fake, model=PLAIN, reach=[{wire, weather}])
    assert _cluster_of(joined, "ad:1").id == wire  # as with no reach given
    # the wire cluster out of its reach (another new claim's neighbour, say): it is not scored against it
    alone = cluster_claims(later, previous=before, known=first, embedder=fake, model=PLAIN, reach=[{weather}])
    assert _cluster_of(alone, "ad:1").members == ("ad:1",) and len(alone) == 3
    with pytest.raises(InputError, match="one collection per claim"):
        cluster_claims(later, previous=before, known=first, embedder=fake, model=PLAIN, reach=[])


def test_clusters_pair_features_spread_over_processes_give_the_same_clusters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pickle

    from sayso.clusters import pairing

    monkeypatch.setattr(pairing, "SPREAD_FROM", 0)  # spread even these few pairs
    sent: list[int] = []

    def elsewhere(function, items):  # type: ignore[no-untyped-def]
        sent.append(len(pickle.dumps(items)))  # what a worker process would receive
        return [function(pickle.loads(pickle.dumps(x))) for x in items]

    fake = FakeEmbedder({WIRE: (0, 0.0), UNRELATED: (1, 0.0), EN: (3, 0.0), NL: (3, 0.4)})
    items = [
        _item("nos:1", "nos", WIRE, outlet="NOS", quantities=(_qty("drie", 3.0),)),
        _item("ad:1", "ad", WIRE, speaker="Rijkswaterstaat", quantities=(_qty("vier", 4.0),)),
        _item("knmi:1", "weer", UNRELATED),
        _item("r:1", "r", EN, language="en"),
        _item("t:1", "t", NL, polarity="negative"),
        _item("v:1", "v", WIRE, context=NL),
    ]
    here = cluster_claims(items, embedder=fake, model=FULL)
    spread = cluster_claims(items, embedder=fake, model=FULL, spread=elsewhere)
    assert len(sent) == 1 and sent[0] < 20_000  # the vectors travel as the names of files, not copied
    assert spread == here
    assert len(here) >= 3 and any(c.across for c in here)

    def full(self, place):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pairing.ViewTable, "shared", full)
    sent.clear()
    assert cluster_claims(items, embedder=fake, model=FULL, spread=elsewhere) == here  # computed here instead
    assert not sent


@pytest.mark.parametrize("sizes", [[5], [1, 1, 1, 1, 1, 1, 1, 1], [100, 1, 1, 1], [1, 1, 1, 100], [3, 7, 2, 9, 4, 4]])
def test_clusters_pair_blocks_cover_every_claim_once_in_order(sizes: list[int]) -> None:
    from sayso.clusters.pairing import _blocks

    found = [np.zeros((n, 2), dtype=np.int64) for n in sizes]
    for parts in (1, 2, 4):
        blocks = _blocks(found, parts)
        assert blocks[0][0] == 0 and blocks[-1][1] == len(found)
        assert all(a < b for a, b in blocks) and all(b == c for (_, b), (c, _) in itertools.pairwise(blocks))
        assert len(blocks) <= min(parts, len(found))
    halves = _blocks([np.zeros((10, 2))] * 8, 2)
    assert halves == [(0, 4), (4, 8)]  # as many pairs in each part


def test_clusters_candidates_are_the_nearest_stored_clusters() -> None:
    axis = np.eye(3, dtype=np.float32)
    centroids = {"same": [2.0, 0.0, 0.0], "near": [0.5, 0.8, 0.0], "far": [0.3, 0.95, 0.0], "other": [0, 0, 1.0]}
    assert candidates(axis[:1], centroids, floor=0.4) == {"same", "near"}
    assert candidates(axis[:1], centroids, floor=0.4, per_claim=1) == {"same"}
    assert candidates(axis[2:], centroids) == {"other"}
    assert candidates(axis[:0], centroids) == set() and candidates(axis[:1], {}) == set()


def test_clusters_same_story_joins_articles_claim_by_claim() -> None:
    clusters_of = {
        "en": ["k1", "k2", "k3", "k4", "k5"],
        "nl": ["k1", "k2", "k3", "k9"],  # a translation: 3 of its 4 claims with the English ones
        "other": ["k1", "k7", "k8"],  # the same topic, another story: 1 of 3
        "tiny": ["k4", "k5"],  # too few claims to call it a copy
    }
    published = {"en": date(2026, 3, 2), "nl": date(2026, 3, 3)}
    assert same_story(clusters_of, published=published) == {"en": "en", "nl": "en"}
    assert same_story({**clusters_of, "nl": ["k1", "k6", "k9", "k10"]}) == {}  # 1 of 4 shared


def _dam_story() -> tuple[list[ClaimItem], list[ClaimItem], FakeEmbedder]:
    """Three English claims of one article and their Dutch translation a day later, one proposition each."""
    en = ["The dam broke at night.", "Two villages were flooded.", "The army sent boats."]
    nl = ["De dam brak 's nachts.", "Twee dorpen liepen onder.", "Het leger stuurde boten."]
    fake = FakeEmbedder({t: (k, 0.1 * (lang == "nl")) for lang, texts in (("en", en), ("nl", nl))
                         for k, t in enumerate(texts)})  # fmt: skip
    first = [_item(f"en:{k}", "en-art", t, language="en", published=date(2026, 3, 2)) for k, t in enumerate(en)]
    later = [_item(f"nl:{k}", "nl-art", t, published=date(2026, 3, 3)) for k, t in enumerate(nl)]
    return first, later, fake


def test_clusters_a_translated_story_is_one_origin_across_batches() -> None:
    first, later, fake = _dam_story()
    together = cluster_claims([*first, *later], embedder=fake, model=PLAIN)
    assert len(together) == 3
    assert all(k.independent == 1 and k.origins == ("article en-art",) and len(k.repeats) == 1 for k in together)
    before = cluster_claims(first, embedder=fake, model=PLAIN)
    stored = {"en-art": [k.id for k in before for _ in k.members]}
    after = cluster_claims(later, previous=before, known=first, embedder=fake, model=PLAIN, article_clusters=stored)
    assert [(k.independent, k.repeats) for k in after] == [(k.independent, k.repeats) for k in together]
    alone = cluster_claims(later, previous=before, known=first, embedder=fake, model=PLAIN)  # no stored memberships
    assert all(k.independent == 2 for k in alone)


def test_clusters_an_article_clustered_again_in_part_is_one_story_with_both_parts() -> None:
    # the store clusters one English claim again with the Dutch ones; the English article's other two claims
    # stay in stored clusters: its story is told by both parts
    first, later, fake = _dam_story()
    together = cluster_claims([*first, *later], embedder=fake, model=PLAIN)
    before = cluster_claims(first, embedder=fake, model=PLAIN)
    staying = [k for k in before if "en:0" not in k.members]
    stored = {"en-art": [k.id for k in staying]}
    after = cluster_claims(
        [first[0], *later], previous=staying, known=first[1:], embedder=fake, model=PLAIN, article_clusters=stored
    )
    assert sorted((k.independent, len(k.repeats)) for k in after) == sorted(
        (k.independent, len(k.repeats)) for k in together
    )
    assert all(k.independent == 1 for k in after)


def test_clusters_duplicate_ids_are_refused() -> None:
    with pytest.raises(InputError, match="share an id"):
        cluster_claims([_item("1", "a", WIRE), _item("1", "b", WIRE)], embedder=FakeEmbedder({WIRE: (0, 0.0)}))


def test_the_shipped_pair_model_matches_the_features() -> None:
    model = default_model()
    assert len(model.weights) == len(FEATURES) and 0 < model.threshold < 1
    w = dict(zip(FEATURES, model.weights, strict=True))
    # what the calibration must keep for the rules above to hold
    assert w["text"] > 0 and w["words"] > 0 and w["source"] > 0
    assert w["number_clash"] < 0 and w["polarity"] < 0
    with pytest.raises(ModelError, match="refit"):
        from sayso.clusters import pairs

        pairs.FEATURES, saved = ("text",), pairs.FEATURES
        try:
            pairs.default_model.cache_clear()
            pairs.default_model()
        finally:
            pairs.FEATURES = saved
            pairs.default_model.cache_clear()


@pytest.mark.slow
def test_clusters_real_embedder_pairs_a_translation() -> None:
    items = [
        _item("en:1", "en-art", "The city council decided on Tuesday to close the old harbour bridge for repairs.",
              language="en"),
        _item("nl:1", "nl-art", "De gemeenteraad besloot dinsdag de oude havenbrug te sluiten voor reparaties."),
        _item("nl:2", "nl-other", "Het Nederlands elftal won gisteravond met drie tegen nul van Duitsland."),
    ]  # fmt: skip
    clusters = cluster_claims(items)
    assert _cluster_of(clusters, "en:1") is _cluster_of(clusters, "nl:1")
    assert _cluster_of(clusters, "nl:2").members == ("nl:2",)


def test_a_claim_moves_to_the_group_it_fits_best_after_the_merges() -> None:
    from sayso.clusters.cluster import _Linkage
    from sayso.clusters.pairs import ClaimView

    def view(article: str, context: str) -> ClaimView:
        item = ClaimItem(id=f"{article}-{context}", article=article, language="en", text=context, context=context)
        return cast(ClaimView, SimpleNamespace(item=item))

    # a1 and b1 are copies of one claim; c1 was joined to them early, but fits the group of a2 and b2 far better
    views = [view("a", "a1"), view("b", "b1"), view("c", "c1"), view("a", "a2"), view("b", "b2")]
    link = _Linkage(views, [[0, 1, 2], [3, 4]], fixed=())
    link.score({(0, 1): 0.99, (0, 2): 0.3, (1, 2): 0.3, (2, 3): 0.9, (2, 4): 0.9, (0, 4): 0.1, (1, 3): 0.1}.items())
    link.reassign(5, threshold=0.25)
    groups = sorted(sorted(link.members[u]) for u in link.alive())
    assert groups == [[0, 1], [2, 3, 4]]


def test_a_claim_never_moves_into_a_group_holding_a_part_of_its_own_sentence() -> None:
    from sayso.clusters.cluster import _Linkage
    from sayso.clusters.pairs import ClaimView

    def view(key: str, article: str, context: str) -> ClaimView:
        item = ClaimItem(id=key, article=article, language="en", text=key, context=context)
        return cast(ClaimView, SimpleNamespace(item=item))

    # c1 would fit the second group, but c2 there was cut from the same sentence: two propositions
    views = [
        view("a1", "a", "s1"),
        view("b1", "b", "s2"),
        view("c1", "c", "s3"),
        view("c2", "c", "s3"),
        view("d1", "d", "s4"),
    ]
    link = _Linkage(views, [[0, 1, 2], [3, 4]], fixed=())
    link.score({(0, 1): 0.99, (0, 2): 0.3, (1, 2): 0.3, (2, 4): 0.95, (3, 4): 0.9}.items())
    link.reassign(5, threshold=0.25)
    assert sorted(sorted(link.members[u]) for u in link.alive()) == [[0, 1, 2], [3, 4]]
