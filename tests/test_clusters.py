"""Cross-article clustering: small multi-article stories with their origins, repeats and contradictions."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from sayso.clusters import (
    THRESHOLD,
    ClaimItem,
    article_groups,
    bounds,
    candidates,
    cluster_claims,
    compatible,
    find_contradictions,
    find_cross_contradictions,
    find_origins,
    same_story,
)
from sayso.clusters.cluster import MAX_BONUS
from sayso.errors import InputError
from sayso.records import Quantity, TimeExpr

DIM = 8


class FakeEmbedder:
    """Vectors set by the test: one topic axis each, tilted towards the last axis by ``wobble``."""

    def __init__(self, topics: dict[str, tuple[int, float]]) -> None:
        self.topics = topics
        self.calls = 0

    def encode(self, texts):  # type: ignore[no-untyped-def]
        self.calls += 1
        rows = []
        for text in texts:
            topic, wobble = self.topics[text]
            row = np.zeros(DIM, dtype=np.float32)
            row[topic] = 1.0
            row[DIM - 1] = wobble
            rows.append(row)
        return np.vstack(rows)


def _item(id: str, article: str, text: str, **kw) -> ClaimItem:  # type: ignore[no-untyped-def]
    kw.setdefault("language", "nl")
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
    clusters = cluster_claims(items, embedder=fake)
    bridge = _cluster_of(clusters, "nos:1")
    assert set(bridge.members) == {"nos:1", "ad:1", "tg:1"}
    assert bridge.independent == 1
    assert bridge.origins == ("NOS",)  # the first copy's outlet stands for the wire story
    assert set(bridge.repeats) == {"ad:1", "tg:1"}
    assert bridge.credibility == 3  # one origin, stated as certain
    assert _cluster_of(clusters, "knmi:1").members == ("knmi:1",)
    assert fake.calls == 1  # one batch for all claims


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
    clusters = cluster_claims(items, embedder=FakeEmbedder({EN: (3, 0.0), NL: (3, 0.5)}))
    assert len(clusters) == 1
    (c,) = clusters
    assert c.independent == 2
    assert c.origins == ("ministry of defence", "NAVO-functionaris")
    assert c.repeats == ()
    assert c.contradictions == ()
    assert c.credibility <= 2
    assert c.credibility == 1  # both stated as certain


def test_clusters_hedged_corroboration_is_probably_true() -> None:
    items = [
        _item("a:1", "a", EN, speaker="ministry", chain=("Reuters", "ministry"), certainty="reported"),
        _item("b:1", "b", NL, speaker="official", chain=("NRC", "official")),
    ]
    (c,) = cluster_claims(items, embedder=FakeEmbedder({EN: (3, 0.0), NL: (3, 0.5)}))
    assert (c.independent, c.credibility) == (2, 2)


# A contradiction in numbers and a denial.
FLED_A = "At least two million people have fled the region, the UN said."
FLED_B = "Volgens de regering zijn een miljoen mensen uit de regio gevlucht."
FLED_C = "Het ministerie ontkent dat er mensen uit de regio zijn gevlucht."


def test_clusters_numbers_beyond_their_bounds_contradict() -> None:
    items = [
        _item("un:1", "un", FLED_A, language="en", speaker="UN",
              quantities=(_qty("at least two million", 2e6, "at_least"),)),
        _item("gov:1", "gov", FLED_B, speaker="regering", quantities=(_qty("een miljoen", 1e6),)),
    ]  # fmt: skip
    (c,) = cluster_claims(items, embedder=FakeEmbedder({FLED_A: (4, 0.0), FLED_B: (4, 0.4)}))
    assert len(c.contradictions) == 1
    assert c.contradictions[0].reason.startswith("quantity:")
    assert {c.contradictions[0].a, c.contradictions[0].b} == {"un:1", "gov:1"}
    assert c.credibility == 4


def test_clusters_denial_against_assertions() -> None:
    items = [
        _item("un:1", "un", FLED_A, language="en", speaker="UN"),
        _item("min:1", "min", FLED_C, speaker="ministerie", certainty="denied"),
        _item("gov:1", "gov", FLED_B, speaker="regering", polarity="negative"),
    ]
    (c,) = cluster_claims(items, embedder=FakeEmbedder({FLED_A: (4, 0.0), FLED_B: (4, 0.4), FLED_C: (4, 0.6)}))
    reasons = {(x.a, x.b): x.reason for x in c.contradictions}
    assert reasons[("un:1", "min:1")].startswith("denial:")
    assert reasons[("un:1", "gov:1")].startswith("denial:")
    assert ("min:1", "gov:1") not in reasons  # two denials agree
    assert c.credibility == 5  # two origins deny, one asserts


def test_clusters_certain_against_questioned_contradicts() -> None:
    a = _item("a", "x", FLED_A, certainty="certain")
    b = _item("b", "y", FLED_B, certainty="questioned")
    c = _item("c", "z", FLED_B, certainty="probable")
    found = find_contradictions([a, b, c])
    assert [(x.a, x.b, x.reason.split(":")[0]) for x in found] == [("a", "b", "certainty"), ("b", "c", "certainty")]


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


def test_clusters_same_article_claims_stay_apart_unless_near_identical() -> None:
    one, two, three = "De brug gaat dicht.", "De brug gaat weer open.", "De brug gaat dicht!"
    items = [_item("1", "art", one), _item("2", "art", two), _item("3", "art", three)]
    fake = FakeEmbedder({one: (5, 0.0), two: (5, 0.5), three: (5, 0.1)})  # cos 0.89 and 0.995
    clusters = cluster_claims(items, embedder=fake)
    assert _cluster_of(clusters, "1").members == ("1", "3")
    assert _cluster_of(clusters, "2").members == ("2",)
    # the same two texts in different articles do cluster
    items = [_item("1", "a", one), _item("2", "b", two)]
    assert len(cluster_claims(items, embedder=fake)) == 1


def test_clusters_threshold_decides() -> None:
    a, b = "Tekst een.", "Tekst twee."
    fake = FakeEmbedder({a: (6, 0.0), b: (6, 1.0)})  # cosine 0.71
    items = [_item("a", "x", a), _item("b", "y", b)]
    assert len(cluster_claims(items, embedder=fake, threshold=0.7)) == 1
    assert len(cluster_claims(items, embedder=fake, threshold=THRESHOLD)) == 2


def test_clusters_shared_entities_and_times_tip_the_balance() -> None:
    a, b = "Tekst een.", "Tekst twee."
    fake = FakeEmbedder({a: (6, 0.0), b: (6, 0.95)})  # cosine 0.725, under the threshold alone
    when = (TimeExpr(0, 5, "maart", "2026-03"),)
    plain = [_item("a", "x", a), _item("b", "y", b)]
    rich = [
        _item("a", "x", a, entities=("Rutte",), times=when),
        _item("b", "y", b, entities=("rutte",), times=when),
    ]
    assert len(cluster_claims(plain, embedder=fake)) == 2
    assert len(cluster_claims(rich, embedder=fake)) == 1


def test_clusters_incremental_adds_to_previous_clusters() -> None:
    fake = FakeEmbedder({WIRE: (0, 0.0), UNRELATED: (1, 0.0), EN: (3, 0.0), NL: (3, 0.4)})
    first = [_item("nos:1", "nos", WIRE, outlet="NOS"), _item("knmi:1", "weer", UNRELATED)]
    before = cluster_claims(first, embedder=fake)
    later = [_item("ad:1", "ad", WIRE, outlet="AD", speaker="Rijkswaterstaat"), _item("r:1", "r", EN)]
    after = cluster_claims(later, previous=before, known=first, embedder=fake)
    assert len(after) == 3
    bridge = _cluster_of(after, "ad:1")
    assert bridge.id == _cluster_of(before, "nos:1").id
    assert bridge.members == ("nos:1", "ad:1")
    assert bridge.independent == 2  # NOS's own copy and Rijkswaterstaat
    untouched = _cluster_of(after, "knmi:1")
    assert untouched == _cluster_of(before, "knmi:1")
    assert first[0].id == "nos:1" and before[0].members == ("nos:1",)  # inputs unchanged
    with pytest.raises(InputError, match="known="):
        cluster_claims(later, previous=before, embedder=fake)


def test_clusters_context_joins_fragments_of_the_same_sentence() -> None:
    # Two translations whose extracted contents differ (a fragment each) but whose sentences match.
    en, nl, en_sentence, nl_sentence = "the planes", "de vliegtuigen", "The company said so.", "Het bedrijf zei het."
    fake = FakeEmbedder({en: (1, 0.0), nl: (2, 0.0), en_sentence: (3, 0.0), nl_sentence: (3, 0.2)})
    items = [
        _item("en:1", "en-art", en, language="en", context=en_sentence),
        _item("nl:1", "nl-art", nl, context=nl_sentence),
    ]
    assert len(cluster_claims(items, embedder=fake, context_weight=0.0)) == 2
    assert len(cluster_claims(items, embedder=fake, context_weight=0.9)) == 1
    assert len(cluster_claims([replace(it, context="") for it in items], embedder=fake, context_weight=0.9)) == 2


def test_clusters_two_claims_of_one_sentence_stay_apart() -> None:
    # Two quotes in one sentence share its context, so their vectors are near-identical; still two claims.
    one, two, sentence = "We keep the plan.", "We stop the plan.", "He said: We keep the plan. We stop the plan."
    fake = FakeEmbedder({one: (1, 0.0), two: (1, 0.1), sentence: (2, 0.0)})
    items = [_item("1", "art", one, context=sentence), _item("2", "art", two, context=sentence)]
    assert len(cluster_claims(items, embedder=fake)) == 2
    other = [_item("1", "art", one, context=sentence), _item("2", "art", two, context="Elsewhere: " + sentence)]
    fake.topics["Elsewhere: " + sentence] = (2, 0.0)
    assert len(cluster_claims(other, embedder=fake)) == 1  # near-identical in two sentences: a repetition


def test_clusters_candidates_are_the_clusters_a_claim_could_join() -> None:
    axis = np.eye(3, dtype=np.float32)
    reach = THRESHOLD - MAX_BONUS  # the lowest cosine a bonus can still lift over the threshold
    edge = [reach + 0.01, math.sqrt(1 - (reach + 0.01) ** 2), 0.0]
    beyond = [reach - 0.02, math.sqrt(1 - (reach - 0.02) ** 2), 0.0]
    centroids = {"same": [2.0, 0.0, 0.0], "edge": edge, "beyond": beyond, "other": [0.0, 0.0, 1.0]}
    assert candidates(axis[:1], centroids) == {"same", "edge"}
    assert candidates(axis[2:], centroids) == {"other"}
    assert candidates(axis[:0], centroids) == set() and candidates(axis[:1], {}) == set()


def test_clusters_numbers_about_the_same_entity_and_day_contradict_across_clusters() -> None:
    monday = (TimeExpr(0, 8, "maandag", "2026-03-02"),)
    tuesday = (TimeExpr(0, 7, "dinsdag", "2026-03-03"),)
    port = _item(
        "p:1",
        "a",
        "De haven telde maandag 12 gezonken schepen.",
        entities=("Rotterdam",),
        times=monday,
        quantities=(_qty("12 schepen", 12, unit="ships"),),
    )
    insurer = _item(
        "v:1",
        "b",
        "Verzekeraars keren uit voor 40 schepen.",
        entities=("rotterdam",),
        times=monday,
        quantities=(_qty("40 schepen", 40, unit="ships"),),
    )
    later = replace(insurer, id="v:2", times=tuesday)
    elsewhere = replace(insurer, id="v:3", entities=("Antwerpen",))
    agree = replace(insurer, id="v:4", quantities=(_qty("ongeveer 12 schepen", 12, "about", unit="ships"),))
    cluster_of = {"p:1": "k1", "v:1": "k2", "v:2": "k2", "v:3": "k3", "v:4": "k4", "same": "k1"}
    [clash] = find_cross_contradictions([port], [insurer, later, elsewhere, agree], cluster_of)
    assert (clash.a, clash.b) == ("p:1", "v:1") and clash.reason.startswith("quantity:")
    assert clash.reason.endswith("about rotterdam")
    same_cluster = replace(insurer, id="same")  # within a cluster, find_contradictions reports it
    assert find_cross_contradictions([port], [same_cluster], cluster_of) == []
    undated = [
        replace(port, times=(), published=date(2026, 3, 2)),
        replace(insurer, times=(), published=date(2026, 3, 2)),
    ]
    assert len(find_cross_contradictions(undated[:1], undated[1:], cluster_of)) == 1
    assert find_cross_contradictions(undated[:1], [replace(undated[1], published=date(2026, 3, 9))], cluster_of) == []


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


def test_clusters_a_translated_story_is_one_origin_across_batches() -> None:
    en = ["The dam broke at night.", "Two villages were flooded.", "The army sent boats."]
    nl = ["De dam brak 's nachts.", "Twee dorpen liepen onder.", "Het leger stuurde boten."]
    fake = FakeEmbedder({t: (k, 0.1 * (lang == "nl")) for lang, texts in (("en", en), ("nl", nl))
                         for k, t in enumerate(texts)})  # fmt: skip
    first = [_item(f"en:{k}", "en-art", t, language="en", published=date(2026, 3, 2)) for k, t in enumerate(en)]
    later = [_item(f"nl:{k}", "nl-art", t, published=date(2026, 3, 3)) for k, t in enumerate(nl)]
    together = cluster_claims([*first, *later], embedder=fake)
    assert len(together) == 3
    assert all(k.independent == 1 and k.origins == ("article en-art",) and len(k.repeats) == 1 for k in together)
    before = cluster_claims(first, embedder=fake)
    stored = {"en-art": [k.id for k in before for _ in k.members]}
    after = cluster_claims(later, previous=before, known=first, embedder=fake, article_clusters=stored)
    assert [(k.independent, k.repeats) for k in after] == [(k.independent, k.repeats) for k in together]
    alone = cluster_claims(later, previous=before, known=first, embedder=fake)  # without the stored memberships
    assert all(k.independent == 2 for k in alone)


def test_clusters_duplicate_ids_are_refused() -> None:
    with pytest.raises(InputError, match="share an id"):
        cluster_claims([_item("1", "a", WIRE), _item("1", "b", WIRE)], embedder=FakeEmbedder({WIRE: (0, 0.0)}))


@pytest.mark.slow
def test_clusters_real_embedder_pairs_dutch_with_its_english_translation() -> None:
    items = [
        _item("en:1", "en-art", "The city council decided on Tuesday to close the old harbour bridge for repairs.",
              language="en"),
        _item("nl:1", "nl-art", "De gemeenteraad besloot dinsdag de oude havenbrug te sluiten voor reparaties."),
        _item("nl:2", "nl-other", "Het Nederlands elftal won gisteravond met drie tegen nul van Duitsland."),
    ]  # fmt: skip
    clusters = cluster_claims(items)
    assert _cluster_of(clusters, "en:1") is _cluster_of(clusters, "nl:1")
    assert _cluster_of(clusters, "nl:2").members == ("nl:2",)
    assert len(clusters) == 2


def test_one_speaker_in_one_article_does_not_deny_itself() -> None:
    from sayso.clusters.contradictions import find_contradictions
    from sayso.clusters.records import ClaimItem

    said = ClaimItem(id="a1", article="art", language="en", text="The port reopened", speaker="Jan Smit")
    unsaid = ClaimItem(
        id="a2", article="art", language="en", text="The port did not reopen", speaker="Jan Smit", polarity="negative"
    )
    other = ClaimItem(
        id="b1", article="other", language="en", text="The port did not reopen", speaker="Jan Smit", polarity="negative"
    )
    assert find_contradictions([said, unsaid]) == []
    assert [(c.a, c.b) for c in find_contradictions([said, other])] == [("a1", "b1")]
