"""The attribution knowledge of one language, read from ``resources/LANG/attribution.json``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sayso.language.resources import load_json, load_lines


@dataclass(frozen=True, slots=True)
class Lexicon:
    say_forms: dict[str, str]  # a form as written (lower case) -> its lemma
    shared_forms: dict[str, tuple[str, ...]]  # a form of several separable verbs (`gaf`: toegeven, aangeven)
    particles: dict[str, str]  # lemma of a separable verb -> the particle that must follow its finite forms
    announcement: frozenset[str]
    evaluation_forms: dict[str, str]
    evaluative_words: dict[str, str]  # word -> the certainty it gives the judged claim
    prepositions: frozenset[str]
    complementizers: frozenset[str]
    question_words: frozenset[str]
    anaphoric: frozenset[str]
    no_response_cues: frozenset[str]
    negations: tuple[str, ...]
    no_negation_needed: frozenset[str]
    no_response_objects: dict[str, frozenset[str]]
    based_on: tuple[str, ...]  # longest first
    document_nouns: frozenset[str]
    source_stops: frozenset[str]
    pronouns: dict[str, str]
    plural_pronouns: frozenset[str]  # `they`: always several; `zij`/`ze` only with a plural verb
    partitives: frozenset[str]  # `een`, `one` before `van`/`of`: `een van hen`
    other_verbs: dict[str, frozenset[str]]  # cue lemma -> particles that make it another verb (`vond plaats`)
    name_particles: frozenset[str]  # `van`, `te`, `de` inside a name (from the entities' rules)
    subject_pronouns: frozenset[str]  # `hij`, `she`: next to one, a cue form that is also a noun is a verb
    infinitive_markers: frozenset[str]  # `te`, `to` before an infinitive
    infinitive_cues: frozenset[str]  # lemmas whose `te`/`to` infinitive is a claim: `claims to have seen`
    evidence_verbs: dict[str, str]  # `blijkt` -> `uit`: a verb form and the preposition before its source
    act_frames: tuple[str, ...]  # `called for`, `declared a state of`: the cue does or asks something, claims nothing
    future_frames: tuple[str, ...]  # `is expected to`: a cue after it is a forecast of the article, no claim
    head_ends: frozenset[str]  # `of`, `van`: a source's head word stands before them
    phrase_links: frozenset[str]  # `van`, `of`, `and`: join two parts of one noun phrase
    complement_links: frozenset[str]  # `with`, `met`: after an adjective in a source (`people familiar with`)
    author_links: frozenset[str]  # `van`, `by`: between a document and its author (`a report by X`)
    name_determiners: tuple[str, ...]  # `de`, `the`: dropped before a cited source's name
    speaker_determiners: tuple[str, ...]  # `die`, `those`: dropped before a speaker described by a phrase
    partitive_links: tuple[str, ...]  # `van`, `of` after a determiner: `een van hen` keeps its `een`
    leading_conjunctions: frozenset[str]  # `maar`, `and` opening a claim: belong to no claim
    preposition_second_words: dict[str, str]  # `according` -> `to`: the word that completes a preposition
    name_only_prepositions: frozenset[str]  # `per`: a cue only before a proper noun (`per Reuters`)
    comma_prepositions: frozenset[str]  # `aldus`: a cue only after a comma (`..., aldus X`)
    placeholders: frozenset[str]  # `het`, `it` standing for a clause that follows (`acht het aannemelijk dat`)
    group_refs: tuple[str, ...]
    group_nouns: frozenset[str]
    government_words: tuple[str, ...]
    outlet_words: tuple[str, ...]  # generic nouns for news outlets: `krant`, `newspaper`
    outlet_names: tuple[str, ...]  # words of outlets' names: `guardian`, `reuters`
    object_content_verbs: frozenset[str]  # lemmas whose object is a claim: `predicted the arrival of ...`
    preposition_objects: dict[str, str]  # lemma -> the preposition whose object is the claim (`wees op X`)
    thing_object_verbs: frozenset[str]  # lemmas that report nothing with a thing as object: `onthulde plannen`
    addressee_verbs: frozenset[str]  # cue forms whose object is who was told (`told The Guardian`)
    addressee_prepositions: frozenset[str]  # `zei tegen`, `meldden aan`, `said to`
    impersonal_subjects: frozenset[str]  # `er` in `er is gezegd dat`: an impersonal passive, no source
    agent_prepositions: frozenset[str]  # `by`, `door`: the agent of a passive cue
    claim_nouns: frozenset[str]  # what a judging verb judges when it evaluates a claim
    judgement_links: frozenset[str]  # `as`, `als` between a judged object and the judgement
    particle_cues: frozenset[str]  # separable verbs whose particle is the head word (`liet ... weten`)
    articles: frozenset[str]  # `een`, `the`: a cue form after one is a noun
    relatives: frozenset[
        str
    ]  # `which`, `die`: after a comma, a relative clause; with a cue of its own it ends a content
    concessives: frozenset[str]  # `al`, `although`: with a cue of their own they end a `volgens X` content
    subordinators: frozenset[str]  # `toen`, `when`: open an adverbial clause, which before a cue is no content
    clause_breaks: frozenset[str]  # `, maar` / `, but` end a reported content unless `dat`/`that` follows
    proper_noun_ends_phrase: bool  # Dutch writes compounds as one word: `het NCSC lagen` ends at NCSC
    homographs: frozenset[str]  # cue forms that are also nouns or numbers: a cue only when tagged a verb
    subject_after_cue: bool  # V2 languages: `Dat zei X`, `Vorige week schreef X`
    non_speakers: frozenset[str]  # head words of things and events that say nothing (`resignation`, `casualties`)
    organisation_nouns: frozenset[str]  # head words of organisations (`company`, `ziekenhuis`)
    first_person: frozenset[str]  # `ik`, `I`: inside a quote, the quoted speaker's own view, no nested report
    reporting_phrases: tuple[str, ...]  # `as reported by X`: the outlet that carries a statement, a cue of its own
    person_roles: frozenset[str]  # `woordvoerder`, `spokeswoman`: a source with such a head is one person
    frame_forms: dict[str, str]  # a form of a verb that cues only with certain object nouns -> its lemma
    frame_objects: dict[str, frozenset[str]]  # that lemma -> the nouns (`sees no sign of`, `put the toll at`)

    @property
    def clause_openers(self) -> frozenset[str]:
        """Words that open another clause after a comma: `, maar`, `, al`, `, although`."""
        return self.clause_breaks | self.concessives

    def needs_particle(self, form: str, lemma: str | None = None) -> str | None:
        """The particle a finite form of a separable verb (``lemma``, else the form's lemma) needs later in its
        clause, if any."""
        lemma = lemma or self.say_forms.get(form)
        particle = self.particles.get(lemma or "")
        if particle and not form.startswith(particle):
            return particle
        return None

    def cue_lemma(self, form: str, later: frozenset[str]) -> str | None:
        """The verb of saying or judging that ``form`` is, given the words ``later`` in its clause: for a form of
        several separable verbs the one whose particle follows (`gaf ... aan dat`: aangeven; `gaf ... toe dat`:
        toegeven); None when a needed particle is missing (`deed het goed` is no `deed ... af`)."""
        lemma = self.say_forms.get(form) or self.evaluation_forms.get(form)
        for candidate in self.shared_forms.get(form) or (lemma,):
            particle = self.needs_particle(form, candidate) if candidate else None
            if candidate and (particle is None or particle in later):
                return candidate
        return None


@cache
def leading_words(words: tuple[str, ...], unless_before: tuple[str, ...] = ()) -> re.Pattern[str]:
    """One of ``words`` and the spaces after it at the start of a text (any case), not when one of
    ``unless_before`` follows (`een van hen` keeps its `een`)."""
    if not words:
        return re.compile(r"(?!x)x")
    alternatives = "|".join(re.escape(w) for w in words)
    guard = "|".join(re.escape(w) for w in unless_before)
    return re.compile(rf"^(?:{alternatives})\s+" + (rf"(?!(?:{guard})\b)" if guard else ""), re.IGNORECASE)


def _forms(table: dict[str, list[str]]) -> dict[str, str]:
    return {form.lower(): lemma for lemma, forms in table.items() for form in [lemma, *forms] if " " not in form}


def _shared_forms(table: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """Forms listed under more than one lemma, with each of their lemmas in the order of the table."""
    lemmas: dict[str, list[str]] = {}
    for lemma, forms in table.items():
        for form in {f.lower() for f in [lemma, *forms] if " " not in f}:
            lemmas.setdefault(form, []).append(lemma)
    return {form: tuple(found) for form, found in lemmas.items() if len(found) > 1}


def _person_roles(language: str, seen: frozenset[str] = frozenset()) -> frozenset[str]:
    """The one-word titles and roles of ``entities_titles`` (`@include` lines followed; compound endings left out:
    Dutch glues organisations there too)."""
    out: set[str] = set()
    for line in load_lines(language, "entities_titles"):
        if line.startswith("@include "):
            other = line.split(None, 1)[1].strip()
            if other != language and other not in seen:
                out |= _person_roles(other, seen | {language})
        elif not line.startswith("-") and " " not in line:
            out.add(line.lower())
    return frozenset(out)


@cache
def lexicon(language: str) -> Lexicon:
    data = load_json(language, "attribution")
    nr = data["no_response"]
    return Lexicon(
        say_forms=_forms(data["say_verbs"]),
        shared_forms=_shared_forms(data["say_verbs"]),
        particles=dict(data.get("particles", {})),
        announcement=frozenset(data.get("announcement_verbs", [])),
        evaluation_forms=_forms(data.get("evaluation_verbs", {})),
        evaluative_words=dict(data.get("evaluative_words", {})),
        prepositions=frozenset(data.get("prepositions", {})),
        complementizers=frozenset(data["complementizers"]),
        question_words=frozenset(data.get("question_words", [])),
        anaphoric=frozenset(data.get("anaphoric_content", [])),
        no_response_cues=frozenset(nr["cues"]),
        negations=tuple(nr["negations"]),
        no_negation_needed=frozenset(nr.get("no_negation_needed", [])),
        no_response_objects={k: frozenset(v) for k, v in nr.get("cue_objects", {}).items()},
        based_on=tuple(sorted(data.get("based_on", []), key=len, reverse=True)),
        document_nouns=frozenset(data.get("document_nouns", [])),
        source_stops=frozenset(data.get("source_stop_words", [])),
        pronouns=dict(data.get("pronouns", {})),
        subject_pronouns=frozenset(data.get("subject_pronouns", [])),
        partitives=frozenset(data.get("partitives", [])),
        other_verbs={k: frozenset(v) for k, v in data.get("other_verbs", {}).items()},
        name_particles=frozenset(
            w for phrase in load_json(language, "entities_rules").get("particles", []) for w in phrase.split()
        ),
        plural_pronouns=frozenset(data.get("plural_pronouns", [])),
        placeholders=frozenset(data.get("placeholders", [])),
        head_ends=frozenset(data.get("head_ends", [])),
        phrase_links=frozenset(data["phrase_links"]),
        complement_links=frozenset(data["complement_links"]),
        author_links=frozenset(data["author_links"]),
        name_determiners=tuple(data["name_determiners"]),
        speaker_determiners=tuple(data["speaker_determiners"]),
        partitive_links=tuple(data["partitive_links"]),
        leading_conjunctions=frozenset(data["leading_conjunctions"]),
        preposition_second_words=dict(data["preposition_second_words"]),
        name_only_prepositions=frozenset(data["name_only_prepositions"]),
        comma_prepositions=frozenset(data["comma_prepositions"]),
        infinitive_markers=frozenset(data.get("infinitive_markers", [])),
        infinitive_cues=frozenset(data.get("infinitive_cues", [])),
        act_frames=tuple(data.get("act_frames", [])),
        future_frames=tuple(data.get("future_frames", [])),
        evidence_verbs=dict(data.get("evidence_verbs", {})),
        group_refs=tuple(data.get("group_refs", [])),
        group_nouns=frozenset(data.get("group_nouns", [])),
        government_words=tuple(data.get("government_words", [])),
        outlet_words=tuple(data.get("outlet_words", [])),
        outlet_names=tuple(data.get("outlet_names", [])),
        object_content_verbs=frozenset(data.get("object_content_verbs", [])),
        preposition_objects=dict(data.get("preposition_objects", {})),
        thing_object_verbs=frozenset(data.get("thing_object_verbs", [])),
        addressee_verbs=frozenset(data.get("addressee_verbs", [])),
        addressee_prepositions=frozenset(data.get("addressee_prepositions", [])),
        impersonal_subjects=frozenset(data.get("impersonal_subjects", [])),
        agent_prepositions=frozenset(data.get("agent_prepositions", [])),
        claim_nouns=frozenset(data.get("claim_nouns", [])),
        judgement_links=frozenset(data.get("judgement_links", [])),
        particle_cues=frozenset(data.get("particle_cues", [])),
        articles=frozenset(data.get("articles", [])),
        relatives=frozenset(data.get("relatives", [])),
        concessives=frozenset(data.get("concessives", [])),
        subordinators=frozenset(data.get("subordinators", [])),
        clause_breaks=frozenset(data.get("clause_breaks", [])),
        proper_noun_ends_phrase=bool(data.get("proper_noun_ends_phrase", False)),
        homographs=frozenset(data.get("homographs", [])),
        subject_after_cue=bool(data.get("subject_after_cue", False)),
        reporting_phrases=tuple(data.get("reporting_phrases", [])),
        first_person=frozenset(data.get("first_person", [])),
        non_speakers=frozenset(data.get("non_speakers", [])),
        organisation_nouns=frozenset(data.get("organisation_nouns", [])),
        person_roles=_person_roles(language),
        frame_forms=_forms({k: v["forms"] for k, v in data["object_frames"].items()}),
        frame_objects={k: frozenset(v["objects"]) for k, v in data["object_frames"].items()},
    )
