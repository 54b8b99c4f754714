"""Dutch attributions on sentences written for these tests."""

from __future__ import annotations

import pytest

from _helpers import attributions_of, first_of_kind
from sayso.attribution import find_attributions, find_datelines

pytestmark = pytest.mark.slow


def _find(nlp, text: str):  # type: ignore[no-untyped-def]
    return attributions_of(nlp, text, "nl")


_one = first_of_kind


def test_indirect_zei_dat(nlp_nl) -> None:
    a = _one(_find(nlp_nl, "De burgemeester zei dinsdag dat de brug voorlopig dicht blijft."), "indirect")
    assert a.cue.text == "zei"
    assert a.source.text == "De burgemeester"
    assert a.content[0].text == "de brug voorlopig dicht blijft"
    assert a.said_at == "2025-03-11"


def test_dat_zei_refers_to_the_sentence_before(nlp_nl) -> None:
    text = "De staking duurt nog zeker een week. Dat zei vakbondsleider Marieke de Groot woensdagavond in Utrecht."
    a = _one(_find(nlp_nl, text), "indirect")
    assert a.content[0].text == "De staking duurt nog zeker een week"
    assert "Marieke de Groot" in a.source.text
    assert a.speaker == "Marieke de Groot"


def test_inverted_zegt_after_quote(nlp_nl) -> None:
    text = "„We hebben nog nooit zoveel water gezien”, zegt dijkgraaf Henk Visser."
    a = _one(_find(nlp_nl, text), "direct")
    assert a.content[0].text == "We hebben nog nooit zoveel water gezien"
    assert a.cue.text == "zegt"
    assert a.speaker == "Henk Visser"


@pytest.mark.parametrize(
    "text",
    [
        "De gemeente verkoopt het stadhuis omdat het gebouw te duur wordt. Dat zeggen ingewijden tegen de krant.",
        "Het kabinet schrapt de subsidie voor zonnepanelen. Dat melden ingewijden tegen de NOS.",
    ],
)
def test_a_group_tagged_as_a_participle_still_speaks(nlp_nl, text: str) -> None:
    # the tagger reads `ingewijden` (insiders) as the participle of `inwijden`; before a preposition a participle
    # is no source, but a group word is one
    a = _one(_find(nlp_nl, text), "indirect")
    assert a.source.text == "ingewijden"
    assert a.content[0].text == text.split(". ")[0]


def test_mixed_with_quoted_fragment(nlp_nl) -> None:
    text = "De minister waarschuwde dat de situatie „uiterst kwetsbaar” blijft."
    a = _one(_find(nlp_nl, text), "mixed")
    assert a.cue.text == "waarschuwde" and "uiterst kwetsbaar" in a.content[0].text


def test_volgens_with_two_content_parts(nlp_nl) -> None:
    text = "Volgens de politie zijn bij de rellen minstens twintig mensen opgepakt."
    a = _one(_find(nlp_nl, text), "according_to")
    assert a.cue.text == "Volgens" and a.source.text == "de politie"
    assert a.content[0].text.startswith("zijn bij de rellen")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Het ministerie heeft nog niet gereageerd op vragen van deze krant.", "gereageerd"),
        ("De woordvoerder van het bedrijf wilde niet reageren.", "reageren"),
    ],
)
def test_no_response(nlp_nl, text: str, cue: str) -> None:
    a = _one(_find(nlp_nl, text), "no_response")
    assert a.cue.text == cue and a.content == ()


def test_chain_op_gezag_van(nlp_nl) -> None:
    text = "De krant schreef op gezag van twee diplomaten in Brussel dat de top wordt uitgesteld."
    a = _one(_find(nlp_nl, text), "indirect")
    assert a.based_on == ("twee diplomaten in Brussel",)
    assert a.content[0].text == "de top wordt uitgesteld"


def test_a_count_without_an_author_is_no_source_relied_on(nlp_nl) -> None:
    # the speaker made the count: it names no one else, and the speaker stays the end of the chain
    text = (
        "Bij een brand in Deventer zijn drie mensen gewond geraakt. "
        "Dat meldt de veiligheidsregio op basis van een voorlopige telling."
    )
    a = _one(_find(nlp_nl, text), "indirect")
    assert a.based_on == ()
    assert [link.name for link in a.chain] == ["veiligheidsregio"]


def test_evaluation_achtte_aannemelijk(nlp_nl) -> None:
    text = "Er gingen geruchten over een staatsgreep, een verhaal dat ook minister Pieter Jansen „aannemelijk” achtte."
    a = _one(_find(nlp_nl, text), "evaluation")
    assert a.content[0].text == "aannemelijk" and a.certainty == "probable"
    assert "Pieter Jansen" in a.source.text


def test_pronoun_speaker_is_resolved(nlp_nl) -> None:
    text = "Hoogleraar Anna Bakker zei dat de crisis lang duurt. Ook voorspelde zij een stijging van de prijzen."
    found = _find(nlp_nl, text)
    second = [a for a in found if a.cue and a.cue.text == "voorspelde"]
    assert second and second[0].speaker == "Anna Bakker"


def test_furniture_is_not_mined(nlp_nl) -> None:
    text = (
        "Kop van het stuk\n\nDe burgemeester zei dat het goed gaat.\n\nLees ook\n\n"
        "Wethouder zegt dat de begroting sluit\n\nDe raad vergadert volgende week opnieuw over de begroting."
    )
    from sayso.ingest import find_boilerplate

    doc = nlp_nl(text)
    found = find_attributions(doc, language="nl", boilerplate=find_boilerplate(text))
    assert [a.cue.text for a in found if a.cue] == ["zei"]


def test_announcement_dat_heeft_x_bekendgemaakt(nlp_nl) -> None:
    text = "De brug gaat in juni weer open. Dat heeft de gemeenteraad vrijdag bekendgemaakt."
    a = _one(_find(nlp_nl, text), "announcement")
    assert a.cue.text == "bekendgemaakt"
    assert a.content[0].text == "De brug gaat in juni weer open"
    assert a.source is not None and "gemeenteraad" in a.source.text


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "Na een lange ceremonie in Toulouse, onthulde Airbus plannen voor een nieuw vliegtuig.",
            "Airbus",
            "plannen voor een nieuw vliegtuig",
        ),
        ("Philips onthulde Hue, de nieuwe lamp voor woonkamers, dat met een app werkt.", "Philips", "Hue"),
    ],
)
def test_onthullen_with_a_thing_as_object_announces_it(nlp_nl, text: str, source: str, content: str) -> None:
    """The annotators of published news count a product or plan shown as an announcement (news README)."""
    a = _one(_find(nlp_nl, text), "announcement")
    assert a.source.text == source and a.content[0].text.startswith(content)


def test_onthullen_with_a_clause_reports(nlp_nl) -> None:
    a = _one(_find(nlp_nl, "De omzet daalt al maanden, onthulde topman Jansen."), "indirect")
    assert a.content[0].text == "De omzet daalt al maanden" and a.source.text == "topman Jansen"
    a = _one(_find(nlp_nl, "Het bedrijf onthulde dat de omzet daalt."), "indirect")
    assert a.content[0].text == "de omzet daalt"


def test_object_of_a_separable_cue_ends_at_its_particle(nlp_nl) -> None:
    text = (
        "Topvrouw Anna Berg kondigde de fusie aan tijdens een persconferentie, waar zij de plannen verdedigde "
        'door te zeggen dat "we samen sterker staan tegenover de concurrentie."'
    )
    quoted = [a for a in _find(nlp_nl, text) if a.content and "sterker" in a.content[0].text]
    assert [a.cue.text for a in quoted] == ["zeggen"]


def test_one_cue_per_content_the_nearest() -> None:
    from sayso.attribution import _dedupe
    from sayso.records import Attribution, Span

    text = 'Jobs kondigde iets aan, door te zeggen dat "het kan." Daarna niets.'
    content = (Span.of(text, text.index("het kan"), text.index("het kan") + 7),)
    far = Attribution("direct", None, Span.of(text, 5, 13), content)
    near = Attribution("direct", None, Span.of(text, text.index("zeggen"), text.index("zeggen") + 6), content)
    bare = Attribution("announcement", None, Span.of(text, 5, 13), ())
    assert _dedupe([far, near]) == [near] and _dedupe([near, far]) == [near]
    assert _dedupe([bare, near, bare]) == [bare, near]  # one per cue; content-less ones stay


def test_aldus_after_a_quote_of_two_sentences_is_direct(nlp_nl) -> None:
    a = _one(_find(nlp_nl, "„Dit klopt niet. Er is niets besloten”, aldus de woordvoerder."), "direct")
    assert a.content[0].text == "Dit klopt niet. Er is niets besloten" and a.cue.text == "aldus"


def test_a_time_after_the_inverted_source_keeps_the_quote(nlp_nl) -> None:
    found = _find(nlp_nl, "„Dit bericht klopt niet”, zei een woordvoerder van de bank donderdagochtend.")
    assert [(a.kind, a.content[0].text) for a in found] == [("direct", "Dit bericht klopt niet")]


@pytest.mark.parametrize(
    ("text", "content", "certainty"),
    [
        ("Woordvoerder Karin Smit noemde de berichten „pure verzinsels”.", "pure verzinsels", None),
        ("Smit noemde de berichten onzin.", "onzin", "denied"),
    ],
)
def test_noemen_a_report_something_is_an_evaluation(nlp_nl, text: str, content: str, certainty) -> None:  # type: ignore[no-untyped-def]
    a = _one(_find(nlp_nl, text), "evaluation")
    assert a.content[0].text == content
    assert certainty is None or a.certainty == certainty


def test_acht_het_aannemelijk_dat_reports_the_clause_as_probable(nlp_nl) -> None:
    a = _one(_find(nlp_nl, "Hij acht het wel aannemelijk dat de fabriek volgend jaar sluit."), "indirect")
    assert a.content[0].text == "de fabriek volgend jaar sluit" and a.certainty == "probable"


def test_counted_and_participle_groups_as_sources(nlp_nl) -> None:
    a = _one(_find(nlp_nl, "De krant schreef op gezag van drie ingewijden dat de bank banen schrapt."), "indirect")
    assert a.based_on == ("drie ingewijden",)
    a = _one(_find(nlp_nl, "De bank wil volgens ingewijden honderd banen schrappen."), "according_to")
    assert a.source.text == "ingewijden"


def test_subject_on_the_auxiliary_of_a_non_response(nlp_nl) -> None:
    found = _find(nlp_nl, "Het eerste bericht.\n\nAC Milan heeft nog niet gereageerd op vragen van de NOS.")
    assert _one(found, "no_response").source.text == "AC Milan"


def test_volgens_ends_where_a_clause_with_its_own_cue_begins(nlp_nl) -> None:
    text = "Volgens de premier is er brede steun voor het plan, al erkende hij dat er nog wordt onderhandeld."
    a = _one(_find(nlp_nl, text), "according_to")
    assert a.content[0].text == "is er brede steun voor het plan"
    text = "Volgens experts gaat het niet alleen om geld, maar vooral om vertrouwen."
    assert _one(_find(nlp_nl, text), "according_to").content[0].text.endswith("maar vooral om vertrouwen")


def test_volgens_keeps_an_abbreviation_in_brackets_with_the_source(nlp_nl) -> None:
    a = _one(_find(nlp_nl, "Volgens het Centraal Planbureau (CPB) groeit de economie dit jaar."), "according_to")
    assert a.source.text == "het Centraal Planbureau (CPB)" and a.content[0].text == "groeit de economie dit jaar"


def test_zou_hebben_with_a_number_in_between_is_hearsay(nlp_nl) -> None:
    from sayso.certainty import assess_certainty
    from sayso.records import Span

    text = "Hij zou tussen 2019 en 2023 in totaal 450.000 euro aan steekpenningen hebben aangenomen."
    assert assess_certainty(text, [Span.of(text, 0, len(text))], language="nl").label == "reported"


def test_zeggen_with_a_te_infinitive_reports_it(nlp_nl) -> None:
    a = _one(_find(nlp_nl, "De ondernemingsraad zegt niet op de hoogte te zijn van de plannen."), "indirect")
    assert a.content[0].text == "niet op de hoogte te zijn van de plannen"


@pytest.mark.parametrize(
    "text",
    [
        "De gemeente kondigde bezuinigingen aan. De wethouder spreekt dat tegen.",
        "De gemeente kondigde bezuinigingen aan. Zijn advocaat bestrijdt dat.",
    ],
)
def test_a_denial_of_the_sentence_before(nlp_nl, text: str) -> None:
    a = _one(_find(nlp_nl, text), "indirect")
    assert a.content[0].text == "De gemeente kondigde bezuinigingen aan"


def test_not_confirming_is_a_non_response_but_confirming_no_deaths_is_not(nlp_nl) -> None:
    assert _one(_find(nlp_nl, "De club bevestigde het bericht niet."), "no_response").cue.text == "bevestigde"
    assert _one(_find(nlp_nl, "De politie bevestigde geen doden."), "indirect").content[0].text == "geen doden"


def test_ramen_is_an_estimate_as_a_verb_and_windows_as_a_noun(nlp_nl) -> None:
    a = _one(_find(nlp_nl, "Het CPB raamt de inflatie op 3,1 procent."), "indirect")
    assert a.content[0].text == "de inflatie op 3,1 procent"
    assert _find(nlp_nl, "De gemeente vroeg omwonenden ramen en deuren dicht te houden.") == []


def test_a_role_refers_to_the_person_last_named_with_it(nlp_nl) -> None:
    text = (
        "Burgemeester Annemarie Vos opende de vergadering. Daarna sprak wethouder Karin Bosman. "
        "De burgemeester liet weten dat de raad woensdag stemt."
    )
    assert _one(_find(nlp_nl, text), "indirect").speaker == "Annemarie Vos"


def test_a_plural_zij_speaks_for_the_group_before_it(nlp_nl) -> None:
    text = "President Jan Smit sprak gisteren. Economen van ING zijn iets somberder. Zij schatten dat de groei stokt."
    assert _one(_find(nlp_nl, text), "indirect").speaker == "Economen van ING"
    text = "Minister Karin Bos sprak. Zij zei dat het goed gaat."
    assert _one(_find(nlp_nl, text), "indirect").speaker == "Karin Bos"


def test_a_name_particle_stays_inside_the_source(nlp_nl) -> None:
    a = _one(_find(nlp_nl, "Volgens technisch directeur Dennis te Kloese blijft de spits."), "according_to")
    assert a.source.text == "technisch directeur Dennis te Kloese" and a.content[0].text == "blijft de spits"


@pytest.mark.parametrize(
    ("text", "source", "judgement"),
    [
        ("Zij achtte het bericht aannemelijk.", "Zij", "aannemelijk"),
        ("Hij acht het bericht onwaarschijnlijk.", "Hij", "onwaarschijnlijk"),
    ],
)
def test_achten_het_bericht_is_an_evaluation_by_the_subject(nlp_nl, text: str, source: str, judgement: str) -> None:
    a = _one(_find(nlp_nl, text), "evaluation")
    assert a.source.text == source and a.content[0].text == judgement


def test_een_van_hen_is_a_source(nlp_nl) -> None:
    a = _one(_find(nlp_nl, "„Er is serieuze vooruitgang geboekt”, zei een van hen."), "direct")
    assert a.source.text == "een van hen" and a.speaker == "een van hen"


def test_a_relative_clause_after_a_volgens_source_describes_it(nlp_nl) -> None:
    text = "Volgens de diplomaten, die anoniem wilden blijven, gaat het om een akkoord."
    assert _one(_find(nlp_nl, text), "according_to").content[0].text == "gaat het om een akkoord"


def test_plaatsvinden_is_no_cue(nlp_nl) -> None:
    assert _find(nlp_nl, "De explosie vond rond middernacht plaats in een loods.") == []


def test_said_at_never_comes_from_beyond_the_content(nlp_nl) -> None:
    text = "Zij verwacht dat het water snel zakt, maar waarschuwt voor nieuwe buien in het weekend."
    assert _one(_find(nlp_nl, text), "indirect").said_at is None
    assert _one(_find(nlp_nl, "De minister zei dinsdag dat de brug dicht blijft."), "indirect").said_at == "2025-03-11"


def test_volgens_in_a_second_clause_attributes_only_that_clause(nlp_nl) -> None:
    text = "De trainer wees niemand aan, hoewel het tweede doelpunt volgens hem uit buitenspel werd gemaakt."
    a = _one(_find(nlp_nl, text), "according_to")
    assert [c.text for c in a.content] == ["het tweede doelpunt", "uit buitenspel werd gemaakt"]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "De minister van Defensie, Karel Smit, zei zondag in een interview dat de troepen blijven.",
            "De minister van Defensie, Karel Smit",
            "de troepen blijven",
        ),
        ("Volgens het OM verdiende de verdachte miljoenen.", "het OM", "verdiende de verdachte miljoenen"),
        ("Volgens twee betrokkenen is de sfeer slecht.", "twee betrokkenen", "is de sfeer slecht"),
    ],
)
def test_sources_in_apposition_acronyms_and_counted_groups(nlp_nl, text: str, source: str, content: str) -> None:
    (a,) = _find(nlp_nl, text)
    assert a.source.text == source and a.content[0].text == content


def test_a_negation_in_the_clause_before_is_the_contents_not_a_refusal(nlp_nl) -> None:
    text = "Die melding is er nooit gekomen, bevestigt een woordvoerder van de inspectie."
    assert _one(_find(nlp_nl, text), "indirect").content[0].text == "Die melding is er nooit gekomen"
    assert _one(_find(nlp_nl, "Hij wilde daar maandag niets over zeggen."), "no_response").cue.text == "zeggen"


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "Het bedrijf ontsloeg honderd mensen. Dat blijkt uit interne documenten.",
            "interne documenten",
            "Het bedrijf ontsloeg honderd mensen",
        ),
        ("Uit een peiling van Ipsos blijkt dat de meeste kiezers twijfelen.", "een peiling van Ipsos", None),
        ("In de notulen staat dat de directeur wilde wachten.", "de notulen", "de directeur wilde wachten"),
    ],
)
def test_what_a_document_shows(nlp_nl, text: str, source: str, content: str | None) -> None:
    (a,) = _find(nlp_nl, text)
    assert a.source.text == source and (content is None or a.content[0].text == content)
    assert _find(nlp_nl, "Het huis staat in Amsterdam.") == []


def test_noemde_dat_bericht_is_an_evaluation_of_that_report(nlp_nl) -> None:
    a = _one(_find(nlp_nl, "Het persbureau noemde dat bericht „een verzinsel van vijandige krachten”."), "evaluation")
    assert a.content[0].text == "een verzinsel van vijandige krachten"


def test_said_at_stays_in_the_clause_of_its_cue_and_outside_contents(nlp_nl) -> None:
    text = "Merz beloofde vorige maand nog vier systemen, maar volgens diplomaten is er slechts één geleverd."
    found = _find(nlp_nl, text)
    promised = next(a for a in found if a.cue.text == "beloofde")
    assert promised.content[0].text == "nog vier systemen" and promised.said_at == "2025-02"
    assert _one(found, "according_to").said_at is None
    assert (
        _one(_find(nlp_nl, "Het instituut schrijft in zijn dagelijkse analyse dat het mislukt is."), "indirect").said_at
        is None
    )


def test_volhouden_with_its_particle_is_a_cue(nlp_nl) -> None:
    a = _one(_find(nlp_nl, "De bouwer hield dinsdag nog vol dat de toren stevig genoeg was."), "indirect")
    assert (a.cue.text, a.content[0].text, a.speaker) == ("hield", "de toren stevig genoeg was", "bouwer")


def test_houden_without_vol_is_no_cue(nlp_nl) -> None:
    assert _find(nlp_nl, "De bewoners houden rekening met een lange winter.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Het waterschap zelf ziet geen aanwijzingen voor lekkage.", "geen aanwijzingen voor lekkage"),
        ("De inspectie zag aanwijzingen dat de dijk verzwakt was.", "aanwijzingen dat de dijk verzwakt was"),
    ],
)
def test_zien_with_aanwijzingen_is_a_claim(nlp_nl, text: str, content: str) -> None:
    a = _one(_find(nlp_nl, text), "indirect")
    assert a.cue.text in ("ziet", "zag") and a.content[0].text == content


def test_zien_with_another_object_is_no_cue(nlp_nl) -> None:
    assert _find(nlp_nl, "Hij zag de auto in de verte aankomen.") == []


def test_hij_after_a_role_takes_up_that_speaker(nlp_nl) -> None:
    text = (
        "Een woordvoerder van de brandweer zegt dat er twaalf mensen zijn geëvacueerd. "
        "Vier van hen zijn naar het ziekenhuis gebracht, zegt hij."
    )
    found = _find(nlp_nl, text)
    assert [a.speaker for a in found] == ["woordvoerder van de brandweer"] * 2
    assert found[1].source.text == "hij"


def test_herhalen_with_a_clause_reports_it_but_repeating_a_thing_does_not(nlp_nl) -> None:
    text = "Op vrijdag herhaalde een woordvoerder van de gemeente dat de brug dicht blijft."
    a = _one(_find(nlp_nl, text), "indirect")
    assert a.cue.text == "herhaalde"
    assert a.source.text == "een woordvoerder van de gemeente"
    assert a.content[0].text == "de brug dicht blijft"
    assert _find(nlp_nl, "De band herhaalde het refrein nog twee keer.") == []


def test_volgens_ends_at_the_verb_after_a_capitalised_noun(nlp_nl) -> None:
    text = "Volgens het ministerie van Landbouw kwamen bij de brand twintig koeien om."
    a = _one(_find(nlp_nl, text), "according_to")
    assert a.source.text == "het ministerie van Landbouw"
    assert a.content[0].text.startswith("kwamen bij de brand")
    b = _one(_find(nlp_nl, "Volgens de minister van Financiën is de begroting op orde."), "according_to")
    assert b.source.text == "de minister van Financiën"


def test_a_one_word_name_opening_the_sentence_is_the_subject_of_its_cue(nlp_nl) -> None:
    text = (
        "Volgens de bond zijn zeshonderd mensen in staking gegaan. "
        "TransNed meldde dinsdag dat tweehonderd mensen het werk hadden neergelegd."
    )
    found = _find(nlp_nl, text)
    a = next(x for x in found if x.cue is not None and x.cue.text == "meldde")
    assert a.source is not None and a.source.text == "TransNed"
    b = next(x for x in _find(nlp_nl, "Gisteren meldde de krant dat de brug dicht is.") if x.cue is not None)
    assert b.source is not None and b.source.text == "de krant"


def test_dat_heeft_x_bekendgemaakt_after_a_dateline_and_a_bracketed_abbreviation(nlp_nl) -> None:
    text = (
        "Blauwtong op twee boerderijen in Leusden\n\n"
        "AMERSFOORT - Bij twee boerderijen in de gemeente Leusden is blauwtong vastgesteld. "
        "Dat heeft de Nederlandse Voedsel- en Warenautoriteit (NVWA) dinsdagavond bekendgemaakt.\n"
    )
    a = _one(_find(nlp_nl, text), "announcement")
    assert a.content[0].text == "Bij twee boerderijen in de gemeente Leusden is blauwtong vastgesteld"
    assert a.source.text.endswith("Warenautoriteit")


def test_an_outlet_reporting_a_finding_is_its_channel(nlp_nl) -> None:
    found = _find(nlp_nl, "Ook de brandweer vond geen aanwijzingen voor brandstichting, meldde de NOS.")
    fire = next(a for a in found if a.cue is not None and a.cue.text == "vond")
    assert fire.source.text == "de brandweer"
    assert fire.content[0].text == "geen aanwijzingen voor brandstichting"
    outlet = next(a for a in found if a.cue is not None and a.cue.text == "meldde")
    assert outlet.content == fire.content
    # no outlet: the reporter keeps the whole clause
    found = _find(nlp_nl, "Ook de brandweer vond geen aanwijzingen voor brandstichting, meldde de burgemeester.")
    mayor = next(a for a in found if a.cue is not None and a.cue.text == "meldde")
    assert mayor.content[0].text == "Ook de brandweer vond geen aanwijzingen voor brandstichting"


def test_a_cue_with_dat_as_its_object_takes_the_quote_after_the_colon(nlp_nl) -> None:
    text = (
        "De brand is geblust. Vrijdag herhaalde een brandweerwoordvoerder dat tegenover de omroep: "
        '"Er is niets gevonden dat op brandstichting wijst."'
    )
    a = _one(_find(nlp_nl, text), "direct")
    assert a.cue.text == "herhaalde" and a.source.text == "een brandweerwoordvoerder"
    assert a.content[0].text.startswith("Er is niets gevonden")
    # `dat` opening a clause still keeps a later colon out of reach
    b = _find(nlp_nl, "De wethouder zei dat de brug dicht blijft, want de raad besloot: repareren is te duur.")
    assert _one(b, "indirect").content[0].text.startswith("de brug dicht blijft")


def test_a_source_with_a_relative_clause_without_commas_can_speak(nlp_nl) -> None:
    text = "Een actiegroep die zich Groen Front noemt, beweert de stroomkabels te hebben doorgeknipt."
    a = _one(_find(nlp_nl, text), "indirect")
    assert a.source.text == "Een actiegroep die zich Groen Front noemt"
    assert a.content[0].text == "de stroomkabels te hebben doorgeknipt"
    # a clause with a subject of its own still cannot speak
    found = _find(nlp_nl, "Dat hij vertrok, zei niemand.")
    assert all(x.source is None or "vertrok" not in x.source.text for x in found)


def test_a_dateline_with_a_date_in_figures_is_no_part_of_the_source(nlp_nl) -> None:
    text = "GENT 04/11 (BELGA) - Een actiegroep die zich Groen Front noemt, beweert de kabels te hebben doorgeknipt."
    a = _one(_find(nlp_nl, text), "indirect")
    assert a.source.text == "Een actiegroep die zich Groen Front noemt"
    assert find_datelines(text) == [(0, len("GENT 04/11 (BELGA) - "))]
    assert find_datelines("Gent 04/11 - de stad") == []


def test_an_inner_content_stops_at_the_cue_that_reports_it(nlp_nl) -> None:
    text = "Ook de gemeente bevestigde dat er gegevens zijn gewist, meldde RTV Oost."
    found = {a.cue.text: a for a in _find(nlp_nl, text) if a.cue is not None}
    assert found["meldde"].content[0].text == "Ook de gemeente bevestigde dat er gegevens zijn gewist"
    assert found["bevestigde"].content[0].text == "er gegevens zijn gewist"


def test_dat_before_a_verb_with_a_question_clause_is_its_subject(nlp_nl) -> None:
    text = "De gegevens lagen op een server van de onderaannemer. Dat zou verklaren waarom het team niets vond."
    explained = [a for a in _find(nlp_nl, text) if a.cue is not None and a.cue.text == "verklaren"]
    assert not [a for a in explained if a.content and a.content[0].text.startswith("De gegevens")]
