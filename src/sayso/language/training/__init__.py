"""Reproducible training of sayso-nl, the Dutch spaCy pipeline shipped in ``sayso/language/models/nl``.

    from sayso.language.training import train_dutch
    scores = train_dutch(Path("/work/shared/data"), Path("out/nl"), seed=0, max_minutes=40)

or ``OMP_NUM_THREADS=1 python -m sayso.language.training --data DATA --out DIR``.
The two training configs, ``ud.cfg`` and ``ner.cfg``, sit beside this file;
docs/dutch-model.md tells how the shipped model was made and how well it does.
"""

from sayso.language.training._dutch import train_dutch

__all__ = ["train_dutch"]
