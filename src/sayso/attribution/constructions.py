"""The attribution constructions, in the order ``find_attributions`` runs them.

Each entry of ``CONSTRUCTIONS`` is one finder: its name, the languages it works in, the function, the named
forms it recognises and example sentences for each form in each of those languages. Every finder has one
signature, ``find(ctx, found) -> list[Attribution]``: ``found`` is what the constructions before it found (only
the bare quotes read it: a quote that another attribution covers is no statement of its own).

One entry a finder, not one a form. The verb finder alone recognises `X zei dat ...`, `..., zei X`,
`Dat meldde X`, `X said: "..."`, `X noemde het bericht onzin` and more; they share one walk over the tokens and
one order among the finders. So the order is an order of finders, and each finder lists its ``forms`` by name.
An example names its form, so a wrong analysis of an example points to the form, and the form to its finder.

1. ``verb`` (en, nl): said_that, inverted, quote_then_cue, colon_quote, anaphoric, mixed, object_claim,
   infinitive, announcement, judgement, judged_clause, quote_after_cue, coordinated_quotes, parenthetical (en),
   preposition_object (nl), nested, object_frame
2. ``preposition`` (en, nl): according_to, trailing_aldus (nl), trailing_per (en), reporting_phrase (en)

After the finders, `relay.py` gives an outlet named next to a cue (`volgens X zei Y`) the speaker's content, and
`speakers.py` refuses sources that cannot speak and resolves who speaks.
3. ``no_response`` (en, nl): did_not_respond, declined, unreachable
4. ``evidence`` (nl): dat_blijkt_uit, uit_blijkt_dat
5. ``quote`` (en, nl): colon_speaker, speaker_before

``after_dedupe`` marks a construction that runs on the deduplicated attributions of those before it (one
attribution a cue, one cue a content): today only the bare quotes, which fill the gaps the others leave.

The examples are sentences written for sayso; ``tests/test_constructions.py`` runs each through the full analysis
and checks that an attribution with its cue, content and kind is found. ``content`` is the text of the content's
pieces joined by `` … `` (empty for a non-response); ``cue`` is None for a quote without one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sayso.attribution._context import Context
from sayso.attribution.direct import find_quote_attributions
from sayso.attribution.evidence import find_evidence_attributions
from sayso.attribution.no_response import find_no_responses
from sayso.attribution.prepositions import find_preposition_attributions
from sayso.attribution.verbs import find_verb_attributions
from sayso.records import Attribution

__all__ = ["CONSTRUCTIONS", "PIECE_SEPARATOR", "Construction", "Example", "Finder"]

Finder = Callable[[Context, Sequence[Attribution]], list[Attribution]]
PIECE_SEPARATOR = " … "  # between the pieces of a content in an example (`volgens X` splits a sentence)


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence (or two) written to show ``form``, and the attribution sayso must find in it."""

    form: str
    language: str
    text: str
    cue: str | None
    content: str
    kind: str


@dataclass(frozen=True, slots=True)
class Construction:
    """One finder and the named forms it recognises, with examples of each."""

    name: str
    languages: tuple[str, ...]
    find: Finder
    examples: tuple[Example, ...]
    forms: tuple[str, ...]
    after_dedupe: bool = False  # runs on the deduplicated attributions of the constructions before it


VERB = Construction(
    name="verb",
    languages=("en", "nl"),
    find=find_verb_attributions,
    forms=(
        "said_that",  # `X said that ...`, `X zei dat ...`
        "inverted",  # `..., the engineer said`, `..., zei X`
        "quote_then_cue",  # `"...," X said`, `„...”, zei X`
        "colon_quote",  # `X said: "..."`, `X zei: „...”`
        "anaphoric",  # `X confirmed this`, `Dat meldde X`: the content is the sentence before
        "mixed",  # `X warned that the plan was "a recipe for chaos"`
        "object_claim",  # `X predicted a rise in ...`, `X voorspelde een natte zomer`
        "infinitive",  # `X claims to have seen ...`, `X beweert ... te hebben gezien`
        "announcement",  # `X announced a new tax`, `X kondigde ... aan`
        "judgement",  # `X called the story false`, `X noemde het bericht onzin`
        "judged_clause",  # `X considers it likely that ...`, `X acht het aannemelijk dat ...`
        "quote_after_cue",  # `X wrote "..."`, `beloofden „...”`: a quote right after the cue
        "coordinated_quotes",  # `X said "..." and "..."`: one content in two pieces
        "parenthetical",  # `In between, she testified, the guards had left`: the sentence around the cue
        "preposition_object",  # `wees op X`, `protesteerde tegen X`: the object of the cue's preposition
        "nested",  # `„Iedereen zei dat we gek waren”`: reported speech inside a quote
        "object_frame",  # `X sees no sign of ...`, `X put the toll at ...`: a verb that cues only with such an object
    ),
    examples=(
        Example(
            "quote_after_cue",
            "en",
            'The coach wrote "We will play the final with our heads held high" on the club website.',
            "wrote",
            "We will play the final with our heads held high",
            "direct",
        ),
        Example(
            "quote_after_cue",
            "nl",
            "De boeren beloofden „de wegen te blokkeren tot de minister naar ons luistert.”",
            "beloofden",
            "de wegen te blokkeren tot de minister naar ons luistert",
            "direct",
        ),
        Example(
            "coordinated_quotes",
            "en",
            'The union leader, Jan Smit, said on Friday "We made a plea to the board once again: do not close the'
            ' plant" and "So we told the board we needed the plant open. It refused."',
            "said",
            "We made a plea to the board once again: do not close the plant"
            " … So we told the board we needed the plant open. It refused",
            "direct",
        ),
        Example(
            "parenthetical",
            "en",
            "In the meantime, the witness testified, the guards had left the building.",
            "testified",
            "In the meantime … the guards had left the building",
            "indirect",
        ),
        Example(
            "preposition_object",
            "nl",
            "De bewoners protesteerden tegen de sluiting van het zwembad.",
            "protesteerden",
            "de sluiting van het zwembad",
            "indirect",
        ),
        Example(
            "nested",
            "nl",
            "De trainer zei: „Iedereen zei dat we zouden verliezen, maar we hebben gewonnen.”",
            "zei",
            "we zouden verliezen, maar we hebben gewonnen",
            "indirect",
        ),
        Example(
            "said_that",
            "en",
            "The harbour authority said that the new locks would open in May.",
            "said",
            "the new locks would open in May",
            "indirect",
        ),
        Example(
            "said_that",
            "nl",
            "De wethouder zei dat de nieuwe brug in mei opengaat.",
            "zei",
            "de nieuwe brug in mei opengaat",
            "indirect",
        ),
        Example(
            "inverted",
            "en",
            "The night train to Vienna is running again, the operator wrote on its website.",
            "wrote",
            "The night train to Vienna is running again",
            "indirect",
        ),
        Example(
            "inverted",
            "nl",
            "De veerpont vaart voorlopig niet meer, zei de havenmeester.",
            "zei",
            "De veerpont vaart voorlopig niet meer",
            "indirect",
        ),
        Example(
            "quote_then_cue",
            "en",
            '"The water level is still rising," the dyke warden said.',
            "said",
            "The water level is still rising",
            "direct",
        ),
        Example(
            "quote_then_cue",
            "nl",
            "„Het waterpeil stijgt nog steeds”, zei de dijkwachter.",
            "zei",
            "Het waterpeil stijgt nog steeds",
            "direct",
        ),
        Example(
            "colon_quote",
            "en",
            'The mayor said: "We will rebuild every house on this street."',
            "said",
            "We will rebuild every house on this street",
            "direct",
        ),
        Example(
            "colon_quote",
            "nl",
            "De burgemeester zei: „We bouwen elk huis in deze straat weer op.”",
            "zei",
            "We bouwen elk huis in deze straat weer op",
            "direct",
        ),
        Example(
            "anaphoric",
            "en",
            "The museum has reopened after a long renovation. The curator confirmed this on Monday.",
            "confirmed",
            "The museum has reopened after a long renovation",
            "indirect",
        ),
        Example(
            "anaphoric",
            "nl",
            "Het ziekenhuis sluit de spoedpost in het weekend. Dat meldde de directeur woensdag.",
            "meldde",
            "Het ziekenhuis sluit de spoedpost in het weekend",
            "indirect",
        ),
        Example(
            "mixed",
            "en",
            'The senator warned that the plan was "a recipe for chaos" for small farms.',
            "warned",
            'the plan was "a recipe for chaos" for small farms',
            "mixed",
        ),
        Example(
            "mixed",
            "nl",
            "De senator waarschuwde dat het plan „een recept voor chaos” is voor kleine boeren.",
            "waarschuwde",
            "het plan „een recept voor chaos” is voor kleine boeren",
            "mixed",
        ),
        Example(
            "object_claim",
            "en",
            "The council predicted a rise in flooding along the coast.",
            "predicted",
            "a rise in flooding along the coast",
            "indirect",
        ),
        Example(
            "object_claim",
            "nl",
            "De weerdienst voorspelde een natte zomer.",
            "voorspelde",
            "een natte zomer",
            "indirect",
        ),
        Example(
            "infinitive",
            "en",
            "The driver claims to have seen a deer on the road.",
            "claims",
            "to have seen a deer on the road",
            "indirect",
        ),
        Example(
            "infinitive",
            "nl",
            "De chauffeur beweert een hert op de weg te hebben gezien.",
            "beweert",
            "een hert op de weg te hebben gezien",
            "indirect",
        ),
        Example(
            "announcement",
            "en",
            "The minister announced a new tax on plastic packaging.",
            "announced",
            "a new tax on plastic packaging",
            "announcement",
        ),
        Example(
            "announcement",
            "nl",
            "Het kabinet kondigde een nieuwe belasting op plastic verpakkingen aan.",
            "kondigde",
            "een nieuwe belasting op plastic verpakkingen",
            "announcement",
        ),
        Example(
            "judgement",
            "en",
            "The ministry called the newspaper's story false.",
            "called",
            "false",
            "evaluation",
        ),
        Example(
            "judgement",
            "en",
            "The club dismissed the rumours as nonsense.",
            "dismissed",
            "nonsense",
            "evaluation",
        ),
        Example(
            "judgement",
            "nl",
            "De minister noemde het bericht „volstrekte onzin”.",
            "noemde",
            "volstrekte onzin",
            "evaluation",
        ),
        Example(
            "judgement",
            "nl",
            "De rechter achtte het verhaal ongeloofwaardig.",
            "achtte",
            "ongeloofwaardig",
            "evaluation",
        ),
        Example(
            "judged_clause",
            "en",
            "The bank considers it likely that rates will fall again.",
            "considers",
            "rates will fall again",
            "indirect",
        ),
        Example(
            "judged_clause",
            "nl",
            "Hij acht het aannemelijk dat de staking nog een week duurt.",
            "acht",
            "de staking nog een week duurt",
            "indirect",
        ),
        Example(
            "inverted",
            "en",
            "The ferry will not sail before Friday, the harbour master told reporters in Calais.",
            "told",
            "The ferry will not sail before Friday",
            "indirect",
        ),
        Example(
            "said_that",
            "en",
            "The museum has repeated that none of the paintings were damaged.",
            "repeated",
            "none of the paintings were damaged",
            "indirect",
        ),
        Example(
            "said_that",
            "nl",
            "De fabrikant houdt vol dat de koelkasten veilig zijn.",
            "houdt",
            "de koelkasten veilig zijn",
            "indirect",
        ),
        Example(
            "object_frame",
            "en",
            "Fire investigators see no sign of arson at the warehouse.",
            "see",
            "no sign of arson at the warehouse",
            "indirect",
        ),
        Example(
            "object_frame",
            "en",
            "The coastguard had earlier put the number of missing at eleven.",
            "put",
            "the number of missing at eleven",
            "indirect",
        ),
        Example(
            "object_frame",
            "nl",
            "De brandweer ziet geen aanwijzingen voor brandstichting in de loods.",
            "ziet",
            "geen aanwijzingen voor brandstichting in de loods",
            "indirect",
        ),
    ),
)

PREPOSITION = Construction(
    name="preposition",
    languages=("en", "nl"),
    find=find_preposition_attributions,
    forms=(
        "according_to",  # `according to X, ...`, `volgens X ...`
        "trailing_aldus",  # `..., aldus X`; after a quote, a direct attribution
        "trailing_per",  # `..., per X` (a name only: never `per cent`)
        "reporting_phrase",  # `said — as reported by X — "..."`: the outlet's attribution of the quote
    ),
    examples=(
        Example(
            "reporting_phrase",
            "en",
            'The minister said — as reported by the Daily Planet — "We will not sign this treaty."',
            "reported",
            "We will not sign this treaty",
            "according_to",
        ),
        Example(
            "according_to",
            "en",
            "According to the fire brigade, the blaze started in the kitchen of the bakery.",
            "According",
            "the blaze started in the kitchen of the bakery",
            "according_to",
        ),
        Example(
            "according_to",
            "nl",
            "Volgens de brandweer begon de brand in de keuken van de bakkerij.",
            "Volgens",
            "begon de brand in de keuken van de bakkerij",
            "according_to",
        ),
        Example(
            "trailing_aldus",
            "nl",
            "De brand ontstond in een schuur, aldus de politie.",
            "aldus",
            "De brand ontstond in een schuur",
            "according_to",
        ),
        Example(
            "trailing_aldus",
            "nl",
            "„De dijk houdt het niet lang meer”, aldus de dijkgraaf.",
            "aldus",
            "De dijk houdt het niet lang meer",
            "direct",
        ),
        Example(
            "trailing_per",
            "en",
            "The storm damaged roughly 300 roofs, per Reuters.",
            "per",
            "The storm damaged roughly 300 roofs",
            "according_to",
        ),
    ),
)

NO_RESPONSE = Construction(
    name="no_response",
    languages=("en", "nl"),
    find=find_no_responses,
    forms=(
        "did_not_respond",  # `did not respond`, `heeft niet gereageerd`
        "declined",  # `declined to comment`, `wilde het niet bevestigen`
        "unreachable",  # `could not be reached`, `was niet bereikbaar`
    ),
    examples=(
        Example(
            "did_not_respond",
            "en",
            "The ferry operator did not respond to questions about the delay.",
            "respond",
            "",
            "no_response",
        ),
        Example(
            "did_not_respond",
            "nl",
            "Het bedrijf heeft niet gereageerd op vragen over de ontslagen.",
            "gereageerd",
            "",
            "no_response",
        ),
        Example("declined", "en", "A spokesman for the brewery declined to comment.", "declined", "", "no_response"),
        Example(
            "declined", "nl", "De woordvoerder wilde het bericht niet bevestigen.", "bevestigen", "", "no_response"
        ),
        Example("unreachable", "en", "The landlord could not be reached for comment.", "reached", "", "no_response"),
        Example(
            "unreachable",
            "nl",
            "De eigenaar van het pand was niet bereikbaar voor commentaar.",
            "bereikbaar",
            "",
            "no_response",
        ),
    ),
)

EVIDENCE = Construction(
    name="evidence",
    languages=("nl",),
    find=find_evidence_attributions,
    forms=(
        "dat_blijkt_uit",  # `Dat blijkt uit X`: the content is the sentence before
        "uit_blijkt_dat",  # `Uit X blijkt dat ...`, `In X staat dat ...`
    ),
    examples=(
        Example(
            "dat_blijkt_uit",
            "nl",
            "Het aantal daklozen is vorig jaar gestegen. Dat blijkt uit cijfers van het CBS.",
            "blijkt",
            "Het aantal daklozen is vorig jaar gestegen",
            "indirect",
        ),
        Example(
            "uit_blijkt_dat",
            "nl",
            "Uit onderzoek van de Universiteit Utrecht blijkt dat veel studenten te weinig slapen.",
            "blijkt",
            "veel studenten te weinig slapen",
            "indirect",
        ),
        Example(
            "uit_blijkt_dat",
            "nl",
            "In het rapport staat dat de school te weinig leraren heeft.",
            "staat",
            "de school te weinig leraren heeft",
            "indirect",
        ),
    ),
)

QUOTE = Construction(
    name="quote",
    languages=("en", "nl"),
    find=find_quote_attributions,
    forms=(
        "colon_speaker",  # `X: "..."`, a name and a colon but no verb
        "speaker_before",  # a quote alone, its speaker named in the sentence before
    ),
    examples=(
        Example(
            "colon_speaker",
            "en",
            'Dr Ayla Brandt: "The vaccine works better in older patients than we expected."',
            None,
            "The vaccine works better in older patients than we expected",
            "direct",
        ),
        Example(
            "colon_speaker",
            "nl",
            "Boswachter Femke Dijkstra: „De wolf is hier al drie keer gezien deze maand.”",
            None,
            "De wolf is hier al drie keer gezien deze maand",
            "direct",
        ),
        Example(
            "speaker_before",
            "en",
            'Captain Rosa Vidal addressed the crew at dawn. "We sail tonight, whatever the weather brings us."',
            None,
            "We sail tonight, whatever the weather brings us",
            "direct",
        ),
        Example(
            "speaker_before",
            "nl",
            "Kapitein Rosa Vidal sprak de bemanning bij zonsopgang toe. „We varen vanavond, wat het weer ook brengt.”",
            None,
            "We varen vanavond, wat het weer ook brengt",
            "direct",
        ),
    ),
    after_dedupe=True,
)

CONSTRUCTIONS: tuple[Construction, ...] = (VERB, PREPOSITION, NO_RESPONSE, EVIDENCE, QUOTE)
