"""Read CoNLL-U treebanks into spaCy Docs for training the Dutch pipeline.

``read_conllu`` turns the text of a ``.conllu`` file into ``Sentence`` records;
``group_sentences`` cuts them into chunks of consecutive sentences of one
document (a chunk ends at a sentence without final punctuation);
``chunk_to_doc`` makes one gold ``Doc`` per chunk (several sentences, so
that the parser learns sentence boundaries too).

CoNLL-U details handled here:

- multiword-token ranges (``3-4``): the syntactic words become the tokens and
  the range's ``SpaceAfter=No`` applies to its last word (UD Dutch has none,
  other treebanks do);
- empty nodes (``8.1``, used by enhanced dependencies only) are skipped;
- lemmas are rewritten as dictionary words (see ``normalise_lemma``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.vocab import Vocab

from sayso.errors import InputError

_SENT_ID_DOC = re.compile(r"^(?P<doc>.+?)\.p\.\d+\.s\.\d+$")
_VERBAL = frozenset({"VERB", "AUX"})
_FINAL = frozenset({".", "!", "?", ":", ";", "...", "…"})
_CLOSERS = frozenset({"''", '"', "'", "»", "”", "’", ")", "]"})


@dataclass(frozen=True, slots=True)
class Word:
    """One syntactic word of a CoNLL-U sentence; ``head`` is 1-based, 0 for the root."""

    id: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    space_after: bool


@dataclass(frozen=True, slots=True)
class Sentence:
    sent_id: str
    doc_id: str
    words: tuple[Word, ...]


def normalise_lemma(form: str, lemma: str, upos: str) -> str:
    """The UD Dutch lemma as a dictionary word, without the ``_`` compound marks.

    Alpino lemmas mark compound parts and separable particles with ``_``
    (``basis_niveau``, ``aan_sporen``) and drop linking sounds
    (``ontwikkelingslanden`` -> ``ontwikkeling_land``). Verbs join their parts
    (``op_nemen`` -> ``opnemen``); other words keep the written form up to their
    last part (``ontwikkelingsland``, ``kabinet-Kok``), or join the parts when
    the last part is not written in the form.
    """
    if "_" not in lemma or lemma == "_" or set(lemma) == {"_"}:
        return lemma
    parts = [p for p in lemma.split("_") if p]
    joined = "".join(parts)
    if upos in _VERBAL:
        return joined
    last = parts[-1]
    at = form.lower().rfind(last.lower())
    if at <= 0:
        return joined
    prefix = form[:at]
    if lemma[0].islower() and prefix[:1].isupper():
        prefix = prefix[0].lower() + prefix[1:]
    return prefix + last


def _doc_id(sent_id: str, fallback: str) -> str:
    m = _SENT_ID_DOC.match(sent_id)
    return m.group("doc") if m else fallback


def _parse_word(cols: list[str], *, source: str, line_no: int) -> Word:
    try:
        head = int(cols[6])
        word_id = int(cols[0])
    except ValueError:
        raise InputError(
            f"{source}, line {line_no}: ID {cols[0]!r} or HEAD {cols[6]!r} is not a number; "
            "give a CoNLL-U file with basic dependencies"
        ) from None
    misc = cols[9].split("|")
    return Word(
        id=word_id,
        form=cols[1],
        lemma=normalise_lemma(cols[1], cols[2], cols[3]),
        upos=cols[3],
        xpos="" if cols[4] == "_" else cols[4],
        feats="" if cols[5] == "_" else cols[5],
        head=head,
        deprel=cols[7],
        space_after="SpaceAfter=No" not in misc,
    )


def read_conllu(text: str, *, source: str = "<string>") -> list[Sentence]:
    """Sentences of a CoNLL-U text; ``source`` names the file in error messages."""
    sentences: list[Sentence] = []
    words: list[Word] = []
    sent_id = ""
    doc_id = ""
    no_space_after: set[int] = set()  # last word ids of multiword tokens without a space after
    for line_no, line in enumerate(text.splitlines(), start=1):
        line = line.rstrip("\r")
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            if key.strip() == "sent_id":
                sent_id = value.strip()
            elif key.strip() in {"newdoc id", "newdoc"}:
                doc_id = value.strip()
            continue
        if not line.strip():
            if words:
                sentences.append(_finish(words, sent_id, doc_id, no_space_after, source, len(sentences)))
            words, sent_id, no_space_after = [], "", set()
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise InputError(
                f"{source}, line {line_no}: expected 10 tab-separated columns, found {len(cols)}; "
                "give a CoNLL-U file (https://universaldependencies.org/format.html)"
            )
        if "." in cols[0]:
            continue  # an empty node of the enhanced graph
        if "-" in cols[0]:
            if "SpaceAfter=No" in cols[9].split("|"):
                no_space_after.add(int(cols[0].split("-")[1]))
            continue
        words.append(_parse_word(cols, source=source, line_no=line_no))
    if words:
        sentences.append(_finish(words, sent_id, doc_id, no_space_after, source, len(sentences)))
    return sentences


def _finish(
    words: list[Word], sent_id: str, doc_id: str, no_space_after: set[int], source: str, count: int
) -> Sentence:
    sid = sent_id or f"{source}#{count + 1}"
    ids = {w.id for w in words}
    for w in words:
        if w.head and w.head not in ids:
            raise InputError(
                f"{source}, sentence {sid}: word {w.id} has head {w.head}, which is not a word of "
                "the sentence; fix the file or leave the sentence out"
            )
    fixed = tuple(
        Word(w.id, w.form, w.lemma, w.upos, w.xpos, w.feats, w.head, w.deprel, False) if w.id in no_space_after else w
        for w in words
    )
    return Sentence(sid, _doc_id(sid, doc_id or sid), fixed)


def ends_with_punctuation(sentence: Sentence) -> bool:
    """Whether the sentence ends in ``. ! ? : ; ...``, possibly followed by quotes or brackets."""
    forms = [w.form for w in sentence.words]
    while forms and forms[-1] in _CLOSERS:
        forms.pop()
    return bool(forms) and forms[-1] in _FINAL


def group_sentences(sentences: Iterable[Sentence], *, max_sentences: int = 10) -> list[list[Sentence]]:
    """Consecutive sentences of the same document, at most ``max_sentences`` a group.

    A sentence without final punctuation (a heading, a list item, a name in a
    list) ends its group: in the source it stood on a line of its own, and
    joined to the next sentence by a space it would teach the parser to start
    sentences inside running text (``Louis van || Gaal``).
    """
    groups: list[list[Sentence]] = []
    for sent in sentences:
        if (
            groups
            and groups[-1][-1].doc_id == sent.doc_id
            and len(groups[-1]) < max_sentences
            and ends_with_punctuation(groups[-1][-1])
        ):
            groups[-1].append(sent)
        else:
            groups.append([sent])
    return groups


def chunk_to_doc(vocab: Vocab, sentences: Sequence[Sentence]) -> Doc:
    """One gold Doc for consecutive sentences: words, spaces, POS, morphology, lemmas, tree."""
    words: list[str] = []
    spaces: list[bool] = []
    heads: list[int] = []
    deps: list[str] = []
    pos: list[str] = []
    tags: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    sent_starts: list[bool | int | None] = []
    for k, sent in enumerate(sentences):
        offset = len(words)
        index = {w.id: i for i, w in enumerate(sent.words)}
        for i, w in enumerate(sent.words):
            words.append(w.form)
            last = i == len(sent.words) - 1
            spaces.append(w.space_after or (last and k < len(sentences) - 1))
            heads.append(offset + (index[w.head] if w.head else i))
            deps.append("ROOT" if w.head == 0 else w.deprel)
            pos.append(w.upos)
            tags.append(w.xpos)
            morphs.append(w.feats)
            lemmas.append(w.lemma)
            sent_starts.append(i == 0)
    if spaces:
        spaces[-1] = False
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        morphs=morphs,
        lemmas=lemmas,
        sent_starts=sent_starts,
    )
