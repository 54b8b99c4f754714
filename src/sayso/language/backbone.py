"""The spaCy pipeline behind each language: the best one installed, loaded once."""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from importlib import resources as _res
from pathlib import Path
from typing import Any

import numpy
import spacy
import srsly
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import load_config, registry

from sayso.errors import ModelError
from sayso.language.resources import load_lines

SHIPPED = "@shipped"
SENTENCES = "sayso_sentences"
CLOSING_QUOTES = frozenset('”»"’')
OPENING_QUOTES = frozenset('„“«"‘')


def _abbreviations(language: str) -> frozenset[str]:
    return frozenset(w for line in load_lines(language, "abbreviations") for w in line.lower().split())


def _ends_sentence(doc, i: int, abbreviations: frozenset[str]) -> bool:  # type: ignore[no-untyped-def]
    """Whether a sentence may end after token ``i`` (before token ``i + 1``); a run of spaces between two
    sentences (`injured.  Another`) stays with the first, and the second starts at its word."""
    tok, nxt = doc[i], doc[i + 1]
    if "\n" in tok.text or "\n" in tok.whitespace_:
        return True
    if nxt.is_space:
        return False
    if tok.is_space and i > 0:
        return _ends_before(doc, i - 1, nxt, abbreviations)
    return _ends_before(doc, i, nxt, abbreviations)


def _ends_before(doc, i: int, nxt, abbreviations: frozenset[str]) -> bool:  # type: ignore[no-untyped-def]
    """Whether a sentence may end after token ``i``, the next word being ``nxt``."""
    tok = doc[i]
    if not tok.whitespace_ and not nxt.is_space:
        return False
    starts = nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.text[:1] in OPENING_QUOTES
    if tok.text in CLOSING_QUOTES and i > 0:
        return starts and doc[i - 1].text[-1:] in ".!?"
    if tok.text[-1:] not in ".!?" or not starts:
        return False
    if tok.text == "." and i > 0:
        word = doc[i - 1].text.lower()
        if f"{word}." in abbreviations or (len(word) == 1 and word.isalpha() and _initial(doc, i - 1, nxt.i)):
            return False  # `dr. Jansen`, `J. Smith`
    if len(tok.text) == 2 and tok.text[0].isalpha() and _initial(doc, i, nxt.i):
        return False  # an initial the tokenizer kept whole: `V. S.`, `J. F. Kennedy`
    return tok.text.lower() not in abbreviations


def _initial(doc, letter: int, after: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether the one-letter word at ``letter`` (its period ends before ``after``) is an initial: not after
    a lower-case word (`wrote on X.`, `vitamine D.`), unless another initial follows (`naar V. S.`)."""
    before = doc[letter - 1] if letter > 0 else None
    if before is None or not before.text[:1].islower():
        return True
    nxt = doc[after].text if after < len(doc) else ""
    return (len(nxt) == 2 and nxt[0].isalpha() and nxt[1] == ".") or (len(nxt) == 1 and nxt.isalpha())


@Language.factory(SENTENCES, default_config={"language": "en"})
def make_sentences(nlp: Language, name: str, language: str):  # type: ignore[no-untyped-def]
    """Sentence boundaries by rule, before the parser: a line break, or `.!?` (and a closing quote)
    before a capital, except after the language's abbreviations. The parser keeps them."""
    abbreviations = _abbreviations(language)

    def set_sentences(doc):  # type: ignore[no-untyped-def]
        if len(doc) < 2:
            return doc
        # one array write: `Token.is_sent_start = ...` scans the whole Doc for a parse on every call
        starts = doc.to_array(SENT_START).view(numpy.int64)
        for i in range(len(doc) - 1):
            starts[i + 1] = 1 if _ends_sentence(doc, i, abbreviations) else -1
        return doc.from_array([SENT_START], starts.view(numpy.uint64))

    return set_sentences


def shipped_model_path(language: str) -> Path:
    return Path(str(_res.files("sayso") / "language" / "models" / language))


def _available(candidate: str, language: str) -> bool:
    if candidate == SHIPPED:
        return (shipped_model_path(language) / "meta.json").is_file()
    if importlib.util.find_spec(candidate) is None:
        return False
    if candidate.endswith("_trf"):
        return importlib.util.find_spec("spacy_curated_transformers") is not None or (
            importlib.util.find_spec("spacy_transformers") is not None
        )
    return True


def backbone_name(language: str, model: str | None = None) -> str:
    """Name (or path) of the pipeline that ``load_backbone`` would load."""
    if model:
        return model
    candidates = load_lines(language, "backbones")
    for candidate in candidates:
        if _available(candidate, language):
            return str(shipped_model_path(language)) if candidate == SHIPPED else candidate
    raise ModelError(
        f"no spaCy pipeline for {language!r} is installed (looked for {', '.join(candidates)}); "
        "install sayso with its dependencies: see the README's first command"
    )


SPACY_TOKENIZER = "spacy.Tokenizer.v1"
BARE_TOKENIZER = "sayso.BareTokenizer.v1"


@registry.tokenizers(BARE_TOKENIZER)
def bare_tokenizer():  # type: ignore[no-untyped-def]
    """spaCy's tokenizer with nothing in it, for a pipeline whose tokenizer is read from disk: reading it
    empties the tokenizer and sets all of it (``Tokenizer.from_bytes``), so spaCy's own factory would build
    the language's exceptions (14,000 for Dutch, a second of loading) only for them to be dropped."""

    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


def _pipeline_dir(name: str) -> Path | None:
    """The folder holding the ``config.cfg`` of the pipeline named (a path or an installed package)."""
    path = Path(name)
    if not path.exists():
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            return None
        if spec is None or spec.origin is None:
            return None
        path = Path(spec.origin).parent
    if (path / "config.cfg").is_file():
        return path
    found = list(path.glob("*/config.cfg"))  # a package keeps its pipeline in a folder of its own
    return found[0].parent if len(found) == 1 else None


def _load(name: str, language: str) -> Language:
    """``spacy.load(name)`` with the tokenizer's word abbreviations dropped (``_word_abbreviations``). When
    the pipeline reads spaCy's own tokenizer from disk, its exceptions are set once, already without them:
    spaCy builds the language's default ones first and then replaces them with the stored ones (14,000 for
    Dutch, twice, a second of loading), and dropping some sets them all a third time."""
    where = _pipeline_dir(name)
    if where is not None and _reads_spacys_tokenizer(where):
        nlp = spacy.load(name, config={"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}}, exclude=["tokenizer"])
        stored = srsly.msgpack_loads((where / "tokenizer").read_bytes())
        if isinstance(stored.get("exceptions"), dict):
            stored["exceptions"] = _without(stored["exceptions"], _word_abbreviations(stored["exceptions"], language))
        tokenizer: Any = nlp.tokenizer  # a spaCy Tokenizer (typed as any callable)
        tokenizer.from_bytes(srsly.msgpack_dumps(stored), exclude=["vocab"])  # as Language.from_disk reads it
        return nlp
    nlp = spacy.load(name)
    tokenizer = nlp.tokenizer
    drop = _word_abbreviations(tokenizer.rules, language)
    if drop:
        tokenizer.rules = _without(tokenizer.rules, drop)
    return nlp


def _reads_spacys_tokenizer(where: Path) -> bool:
    """Whether the pipeline in ``where`` builds spaCy's own tokenizer and reads it from disk."""
    if not (where / "tokenizer").is_file():
        return False
    try:
        config = load_config(where / "config.cfg", interpolate=False)
        return bool(config["nlp"]["tokenizer"]["@tokenizers"] == SPACY_TOKENIZER)
    except Exception:  # an unreadable config: spacy.load says what is wrong with it
        return False


@cache
def load_backbone(language: str, model: str | None = None) -> Language:
    """The spaCy pipeline for ``language``, or the one named by ``model``."""
    name = backbone_name(language, model)
    try:
        nlp = _load(name, language)
    except OSError as err:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {err}; install it or pass another --model") from None
    if SENTENCES not in nlp.pipe_names:
        anchor = next((p for p in ("parser", "senter") if p in nlp.pipe_names), None)
        config = {"language": language}
        if anchor:
            nlp.add_pipe(SENTENCES, before=anchor, config=config)
        else:
            nlp.add_pipe(SENTENCES, first=True, config=config)
    if nlp.lang != language:
        raise ModelError(f"spaCy pipeline {name!r} is for {nlp.lang!r}, not {language!r}; pass a {language} model")
    return nlp


def _word_abbreviations(rules: dict[str, Any], language: str) -> set[str]:
    """The tokenizer's abbreviations that are common words with a period (Dutch `dat.` for `datief`, `al.`
    for `alinea`), dropped from it: at a sentence end (`Zijn advocaat bestrijdt dat.`) the word is far more
    likely, and the glued period hid the end of the sentence and the word from every rule."""
    words = {w for line in load_lines(language, "stopwords") for w in line.lower().split()}
    return {k for k in rules if k.endswith(".") and len(k) > 2 and k[:-1].lower() in words}


def _without(rules: dict[str, Any], drop: set[str]) -> dict[str, Any]:
    return {k: v for k, v in rules.items() if k not in drop} if drop else rules


WHOLE_CHARS = 100_000  # parsed whole up to this length: far above a news article, far below spaCy's
PIECE_CHARS = 20_000  # ``nlp.max_length`` (1,000,000); longer texts in pieces of this size (parser memory)
_SENTENCE_END = re.compile(r"[.!?][\"'”’»]*\s+")


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece that starts at ``start`` ends: after the last paragraph break within ``limit``
    characters, else after the last line break, sentence end or space, else at the limit itself."""
    end = start + limit
    for mark in ("\n\n", "\n"):
        at = text.rfind(mark, start + 1, end)
        if at > start:
            return at + len(mark)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start + 1, end)]
    if ends and ends[-1] > start:
        return ends[-1]
    at = max(text.rfind(" ", start + 1, end), text.rfind("\t", start + 1, end))
    return at + 1 if at > start else end


def pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """``text`` as consecutive ``(start, end)`` pieces of at most ``limit`` characters, cut at paragraphs
    where it can (see ``_cut``); together they are the whole text."""
    out, start = [], 0
    while len(text) - start > limit:
        end = _cut(text, start, limit)
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


def parse(nlp: Language, text: str, *, whole: int = WHOLE_CHARS, limit: int = PIECE_CHARS) -> Doc:
    """``nlp(text)``; a text longer than ``whole`` is parsed piece by piece (``pieces`` of at most ``limit``)
    and the pieces joined into one ``Doc``, so that every offset still points into the whole text, no piece
    nears spaCy's length limit and the parser's memory stays that of one piece. A piece ends at a paragraph
    break where it can, where a sentence ends anyway."""
    if len(text) <= whole:
        return nlp(text)
    parts = [text[a:b] for a, b in pieces(text, limit)]
    doc = Doc.from_docs([nlp(part) for part in parts], ensure_whitespace=False)  # one at a time: less memory
    if doc.text != text:  # cannot happen: the pieces are the text; a guard for a tokenizer that drops characters
        raise ModelError(f"spaCy pipeline {describe(nlp)!r} changed the text while parsing it in pieces")
    return doc


def describe(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
