"""Known names from ``resources/LANG/entities_gazetteer.json``, matched with spaCy's ``PhraseMatcher``.

A gazetteer entry fixes a name's label (a country is GPE) and its canonical English name
(``Rusland`` -> ``Russia``). The matcher is built once per language and cached; it runs on the
word layer (``_words``), so forms inside compounds (``Airbus`` in ``Airbus-eigenaar``) match.
The forms are split into words by the language's default spaCy tokenizer (``spacy.blank``), built with
only the special cases that occur in them (``forms_tokenizer``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
from spacy.vocab import Vocab

from sayso.entities._words import Words, words_of_text
from sayso.language.backbone import BARE_TOKENIZER
from sayso.language.resources import load_json

NORP = "NORP"  # nationality words: matched so that they are never taken for names, then dropped


@dataclass(frozen=True, slots=True)
class Entry:
    label: str
    canonical: str


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # word indices, end exclusive
    end: int
    entry: Entry


def _entries(language: str, seen: frozenset[str] = frozenset()) -> dict[str, Entry]:
    """Form -> entry for a language, included languages first so that its own forms win."""
    data: dict[str, Any] = load_json(language, "entities_gazetteer")
    forms: dict[str, Entry] = {}
    for other in data.get("include", []):
        if other not in seen and other != language:
            forms.update(_entries(other, seen | {language}))
    with_canonical = bool(data.get("canonical_is_form", True))
    for label, rows in data.get("entries", {}).items():
        for row in rows:
            canonical, *others = row
            entry = Entry(label, canonical)
            for form in ([canonical] if with_canonical else []) + others:
                forms[form] = entry
    return forms


def forms_tokenizer(language: str, forms: Iterable[str]) -> Language:
    """``spacy.blank(language)``, whose tokenizer holds only the special cases (``Defaults.
    tokenizer_exceptions``) whose text occurs in one of ``forms``. A special case applies only where its
    text is in the text tokenized, so every form is split as with all of them; building the thousands of
    others cost 0.4 s for Dutch, in every process that analyses an article."""
    nlp = spacy.blank(language, config={"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}})
    defaults = nlp.Defaults
    text = "\n".join(forms)
    nlp.tokenizer = Tokenizer(  # spaCy's default tokenizer (``spacy.language.create_tokenizer``), fewer rules
        nlp.vocab,
        rules={k: v for k, v in (defaults.tokenizer_exceptions or {}).items() if k in text},
        prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
        suffix_search=compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )
    return nlp


class Gazetteer:
    """The known names of one language and a matcher for them."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.forms = _entries(language)
        self._folded: dict[str, Entry] = {}
        for form, entry in self.forms.items():
            if len(form) > 3:
                self._folded.setdefault(form.casefold(), entry)
        self._nlp = forms_tokenizer(language, self.forms)
        self.vocab: Vocab = self._nlp.vocab
        self.stop_words: frozenset[str] = frozenset(w.lower() for w in self._nlp.Defaults.stop_words)
        self._by_key: dict[int, Entry] = {}
        self._matcher = PhraseMatcher(self.vocab, attr="ORTH")
        patterns: dict[Entry, list[Any]] = {}
        for form, entry in self.forms.items():
            words = words_of_text(form, self._nlp.tokenizer)
            if len(words):
                patterns.setdefault(entry, []).append(words.doc(self.vocab))
        for entry, docs in patterns.items():
            key = f"{entry.label}|{entry.canonical}"
            self._by_key[self.vocab.strings.add(key)] = entry
            self._matcher.add(key, docs)

    def lookup(self, form: str) -> Entry | None:
        return self.forms.get(form)

    def lookup_folded(self, form: str) -> Entry | None:
        """An entry whose form differs only in letter case (``Macbook``, ``7e7``); forms of 4+ characters."""
        return self.forms.get(form) or (self._folded.get(form.casefold()) if len(form) > 3 else None)

    def match(self, words: Words) -> list[Match]:
        """Every gazetteer form in the text (overlapping matches included)."""
        if not len(words):
            return []
        doc = words.doc(self.vocab)
        out = []
        for key, i, j in self._matcher(doc):
            entry = self._by_key[key]
            # the form that matched decides: a Dutch form may map elsewhere than the English one
            entry = self.forms.get(words.span_text(i, j), entry)
            out.append(Match(i, j, entry))
        return out


@cache
def gazetteer(language: str) -> Gazetteer:
    """The gazetteer of ``language``, built once."""
    return Gazetteer(language)
