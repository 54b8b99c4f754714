"""One article of a batch analysed, its failure a ``Skipped`` record: what each worker runs."""

from __future__ import annotations

import warnings
from dataclasses import replace

from sayso.errors import SaysoError, SaysoWarning
from sayso.options import Options
from sayso.records import Analysis, Article, Skipped


def analyse_quietly(article: Article, options: Options) -> tuple[Analysis | Skipped, tuple[str, ...]]:
    """The analysis of one article (sayso's warnings about it added to its ``notes``) and those warnings, or its
    ``Skipped`` record: one article never stops a batch. Prints nothing, so that a worker process can run it."""
    from sayso import pipeline  # looked up at call time: tests put a stand-in analysis in its place

    origin = article.origin or article.id
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SaysoWarning)
        try:
            result: Analysis | Skipped = pipeline.analyze(article, options=options)
        except SaysoError as err:
            result = Skipped(origin, str(err))
        except Exception as err:  # a bug in sayso: said as one, and the batch goes on
            result = Skipped(
                origin,
                f"{origin}: sayso failed on this article ({type(err).__name__}: {str(err)[:200]}); "
                "this is a bug in sayso: please report it with the article",
            )
    said = tuple(str(w.message) for w in caught if issubclass(w.category, SaysoWarning))
    for w in caught:
        if not issubclass(w.category, SaysoWarning):
            warnings.showwarning(w.message, w.category, w.filename, w.lineno)
    if said and isinstance(result, Analysis):
        result = replace(result, notes=(*result.notes, *said))  # kept with the article in the store
    return result, said
