"""Read the Europeana Newspapers NER corpus (one ``token TAG`` a line, IOB) into Docs.

The file is one stream of OCRed newspaper text without sentence or document
breaks, and stretches of it were never annotated (place names such as
``Amsterdam`` stay ``O`` there). So the stream is cut and cleaned before
training:

0. ``repair_iob``: names tagged B- on every token are joined into one entity.
1. ``split_sentences``: a pseudo-sentence ends after a token ending in
   ``.``, ``!`` or ``?`` that is followed by a capitalised token or a digit
   (initials such as ``J.`` do not end one), or after 80 tokens.
2. ``make_blocks``: consecutive sentences form blocks of about 1,000 tokens,
   the unit of the train/dev/test split and of the annotation check.
3. ``is_annotated``: a block is dropped as not annotated when it has fewer
   than 10 entity mentions per 1,000 tokens, or when fewer than half of the
   occurrences of the corpus's own frequent names (``frequent_names``) in it
   are tagged.
4. ``is_garbage``: a sentence whose tokens are mostly OCR debris is dropped.

``sentence_to_doc`` rebuilds the text and tokenizes it with the pipeline's own
tokenizer, so that training sees the tokens the model will see (the corpus
keeps punctuation attached: ``Amsterdam,``); the entity spans are mapped to
the new tokens without their edge punctuation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.util import filter_spans

from sayso.errors import InputError

LABELS = ("PER", "LOC", "ORG")
_TAG = re.compile(r"^(?:O|[BI]-(?:PER|LOC|ORG))$")
_SENT_END = re.compile(r"[.!?][\"'»”’)]*$")
_INITIAL = re.compile(r"^(?:[A-Z][a-z]?|[a-z])\.$")  # J., Th., v.
_ORDINAL = re.compile(r"^\d+(?:e|de|ste|°)\.?,?$")  # 2e, 3de, 1°.
_WORD = re.compile(r"^[\"'«„“‘(\[]*[^\W\d_]+(?:[-'][^\W\d_]+)*[.,;:!?\"'»”’)\]]*$")
_NUMBER = re.compile(r"^[\"'(]*\d+(?:[.,/:-]\d+)*[.,;:)%]*$")
_PUNCT = re.compile(r"^[^\w\s]+$")
_EDGE_LEFT = '"«„“‘([*'
_EDGE_RIGHT = '.,;:!?"»”’)]*'


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    tag: str  # "O", "B-PER", "I-LOC", ...
    line: int


@dataclass(frozen=True, slots=True)
class Block:
    """About 1,000 consecutive tokens, cut at sentence ends; ``first_line`` identifies it."""

    first_line: int
    sentences: tuple[tuple[Token, ...], ...]

    @property
    def n_tokens(self) -> int:
        return sum(len(s) for s in self.sentences)

    @property
    def n_mentions(self) -> int:
        return sum(1 for s in self.sentences for t in s if t.tag.startswith("B-"))


def read_bio(text: str, *, source: str = "<string>") -> list[Token]:
    """Tokens of a ``token TAG`` file; I- tags that start an entity become B- tags."""
    tokens: list[Token] = []
    previous = "O"
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            previous = "O"
            continue
        parts = line.split()
        if len(parts) != 2 or not _TAG.match(parts[1]):
            raise InputError(
                f"{source}, line {line_no}: expected 'TOKEN TAG' with TAG O, B-/I-PER, LOC or ORG, "
                f"found {line!r}; give the Europeana enp_NL.kb.bio file"
            )
        word, tag = parts
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        tokens.append(Token(word, tag, line_no))
        previous = tag
    return tokens


def repair_iob(tokens: Sequence[Token]) -> tuple[list[Token], int]:
    """Join names that the corpus tags B- on every token (``van B-PER Hoëvell B-PER``).

    Parts of the corpus mark each token of a multi-word name as a new entity.
    A B- tag right after a B- or I- of the same type becomes I-, unless the
    token before ends a list item (``Amsterdam, Rotterdam``): it ends in
    ``,;:)]`` or in a full stop that is not an initial or a short title
    (``J.``, ``Mr.``), or the token opens a bracket or a quote. Returns the
    tokens and how many tags were changed.
    """
    out: list[Token] = []
    changed = 0
    for tok in tokens:
        prev = out[-1] if out else None
        if (
            prev is not None
            and tok.tag.startswith("B-")
            and prev.tag[2:] == tok.tag[2:]
            and not prev.text.endswith((",", ";", ":", ")", "]"))
            and not (prev.text.endswith(".") and len(prev.text) > 3)
            and not tok.text.startswith(("(", "[", '"', "«", "„"))
        ):
            tok = Token(tok.text, "I-" + tok.tag[2:], tok.line)
            changed += 1
        out.append(tok)
    return out, changed


def split_sentences(tokens: Sequence[Token], *, max_len: int = 80) -> list[tuple[Token, ...]]:
    """Pseudo-sentences of the token stream (the corpus has no sentence breaks)."""
    sentences: list[tuple[Token, ...]] = []
    current: list[Token] = []
    for i, tok in enumerate(tokens):
        current.append(tok)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        ends = (
            nxt is not None
            and _SENT_END.search(tok.text) is not None
            and _INITIAL.match(tok.text) is None
            and (nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.text[:1] in '"«„“')
            and not nxt.tag.startswith("I-")
        )
        if nxt is None or ends or (len(current) >= max_len and not nxt.tag.startswith("I-")):
            sentences.append(tuple(current))
            current = []
    return sentences


def make_blocks(sentences: Sequence[tuple[Token, ...]], *, size: int = 1000) -> list[Block]:
    """Consecutive sentences in blocks of at least ``size`` tokens (the last may be smaller)."""
    blocks: list[Block] = []
    current: list[tuple[Token, ...]] = []
    count = 0
    for sent in sentences:
        current.append(sent)
        count += len(sent)
        if count >= size:
            blocks.append(Block(current[0][0].line, tuple(current)))
            current, count = [], 0
    if current:
        blocks.append(Block(current[0][0].line, tuple(current)))
    return blocks


def is_annotated(
    block: Block, names: frozenset[str], *, min_mentions: float = 10.0, min_name_recall: float = 0.5
) -> bool:
    """Whether the block looks annotated: at least ``min_mentions`` entity mentions per 1,000
    tokens, and, where ``names`` occur ten times or more, at least ``min_name_recall`` of them tagged."""
    if block.n_tokens == 0 or 1000.0 * block.n_mentions / block.n_tokens < min_mentions:
        return False
    tagged, untagged = name_recall(block, names)
    return tagged + untagged < 10 or tagged / (tagged + untagged) >= min_name_recall


def _is_clean(text: str) -> bool:
    """Whether a token looks like a word, an initial, a number or punctuation, not OCR debris."""
    if _INITIAL.match(text) or _ORDINAL.match(text) or text.lower() in {"'s", "'t", "'n"}:
        return True
    if _WORD.match(text):
        core = text.strip(_EDGE_LEFT + _EDGE_RIGHT).lower()
        # a lone letter other than a Dutch one-letter word is debris
        return sum(c.isalpha() for c in text) > 1 or core in {"a", "à", "f", "o", "u"}
    return bool(_NUMBER.match(text) or (_PUNCT.match(text) and len(text) <= 3))


def frequent_names(tokens: Sequence[Token], *, min_count: int = 8) -> frozenset[str]:
    """Capitalised words tagged as (part of) an entity at least ``min_count`` times and more often
    than not: the corpus's own list of names, used to find stretches left unannotated."""
    tagged: Counter[str] = Counter()
    untagged: Counter[str] = Counter()
    for tok in tokens:
        word = tok.text.strip(_EDGE_LEFT + _EDGE_RIGHT)
        if len(word) > 1 and word[:1].isupper():
            (untagged if tok.tag == "O" else tagged)[word] += 1
    return frozenset(w for w, n in tagged.items() if n >= min_count and n > untagged[w])


def name_recall(block: Block, names: frozenset[str]) -> tuple[int, int]:
    """(tagged, untagged) occurrences of ``names`` in the block."""
    tagged = untagged = 0
    for sent in block.sentences:
        for tok in sent:
            if tok.text.strip(_EDGE_LEFT + _EDGE_RIGHT) in names:
                if tok.tag == "O":
                    untagged += 1
                else:
                    tagged += 1
    return tagged, untagged


def is_garbage(sentence: Sequence[Token], *, max_noise: float = 0.3, min_tokens: int = 3) -> bool:
    """A sentence shorter than ``min_tokens`` or with more than ``max_noise`` debris tokens."""
    if len(sentence) < min_tokens:
        return True
    noisy = sum(1 for t in sentence if not _is_clean(t.text))
    return noisy / len(sentence) > max_noise


def entity_spans(sentence: Sequence[Token]) -> tuple[str, list[tuple[int, int, str]]]:
    """The sentence text (tokens joined by spaces) and its entities as character spans.

    Edge punctuation is left out of an entity (``Amsterdam,`` -> ``Amsterdam``).
    """
    text_parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    offset = 0
    start = -1
    label = ""
    for tok in sentence:
        if start >= 0 and not tok.tag.startswith("I-"):
            spans.append((start, offset - 1, label))
            start = -1
        if tok.tag.startswith("B-"):
            start, label = offset, tok.tag[2:]
        text_parts.append(tok.text)
        offset += len(tok.text) + 1
    if start >= 0:
        spans.append((start, offset - 1, label))
    text = " ".join(text_parts)
    trimmed = []
    for a, b, lab in spans:
        while a < b and text[a] in _EDGE_LEFT:
            a += 1
        while b > a and text[b - 1] in _EDGE_RIGHT:
            b -= 1
        if a < b:
            trimmed.append((a, b, lab))
    return text, trimmed


def sentence_to_doc(make_doc: Callable[[str], Doc], sentence: Sequence[Token]) -> Doc:
    """A Doc tokenized by ``make_doc`` with the sentence's entities; all other tokens are O."""
    text, spans = entity_spans(sentence)
    doc = make_doc(text)
    ents = []
    for a, b, label in spans:
        span = doc.char_span(a, b, label=label, alignment_mode="expand")
        if span is not None:
            ents.append(span)
    doc.set_ents(filter_spans(ents), default="outside")
    return doc
