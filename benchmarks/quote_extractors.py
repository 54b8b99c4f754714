"""sayso against textacy's `direct_quotations` (the standard open English quote extractor),
both on the same English spaCy pipeline, scored with sayso's scorer on hand-annotated articles.

    python benchmarks/quote_extractors.py [--gold tests/data/gold]

Needs textacy (`pip install -e ".[compare]"`). Prints, for each system, the attribution
measures over all gold attributions and the recall on the direct quotes alone (the only
kind textacy looks for).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sayso.evaluation import MEASURES, gold_articles, new_counts, score_document
from sayso.language import backbone_name
from sayso.pipeline import analyze
from sayso.serialize import analysis_to_dict

QUOTES = "\"'“”„«»‘’"
SHOWN = ("attribution", "attribution_found", "content_tokens", "cue")


def _span(tokens: Any) -> dict[str, Any] | None:
    if not len(tokens):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return {"start": start, "end": end, "text": tokens[0].doc.text[start:end]}


def textacy_output(doc: Any) -> dict[str, Any]:
    from textacy.extract.triples import direct_quotations

    out: list[dict[str, Any]] = []
    try:
        quotes = list(direct_quotations(doc))
    except ValueError:  # an odd number of quotation marks: textacy gives up on the whole article
        return {"attributions": out, "gave_up": True}
    for q in quotes:
        content = q.content
        start, end = content.start_char, content.end_char
        while start < end and doc.text[start] in QUOTES + " ,":
            start += 1
        while end > start and doc.text[end - 1] in QUOTES + " ,.":
            end -= 1
        speaker = sorted(q.speaker, key=lambda t: t.i)
        source = _span(doc[speaker[0].i : speaker[-1].i + 1]) if speaker else None
        out.append(
            {
                "source": source,
                "cue": _span(sorted(q.cue, key=lambda t: t.i)),
                "content": [{"start": start, "end": end, "text": doc.text[start:end]}],
                "speaker": source["text"] if source else None,
            }
        )
    return {"attributions": out}


def _direct_recall(gold: dict[str, Any], system: dict[str, Any], text: str) -> tuple[int, int]:
    direct = [a for a in gold["attributions"] if a["kind"] == "direct"]
    only = {"attributions": direct, "document": {"layers": ["attributions"]}}
    counts = new_counts()
    score_document(text, only, system, counts)
    return counts["attribution"].tp, len(direct)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(Path(__file__).resolve().parents[1] / "tests" / "data" / "gold"))
    args = parser.parse_args()
    try:
        import textacy  # noqa: F401
    except ImportError:
        print("benchmark: textacy is not installed; pip install -e '.[compare]'", file=sys.stderr)
        return 2
    import spacy

    nlp = spacy.load(backbone_name("en"))  # the plain pipeline, as textacy users run it
    systems = {"textacy direct_quotations": new_counts(), "sayso": new_counts()}
    direct = {name: [0, 0] for name in systems}
    gave_up = 0
    for item in gold_articles(Path(args.gold), pattern="en-*.gold.json"):
        gold, article, text = item.gold, item.article, item.article.text
        outputs = {"textacy direct_quotations": textacy_output(nlp(text)), "sayso": analysis_to_dict(analyze(article))}
        gave_up += bool(outputs["textacy direct_quotations"].get("gave_up"))
        for name, system in outputs.items():
            score_document(text, gold, system, systems[name])
            tp, n = _direct_recall(gold, system, text)
            direct[name][0] += tp
            direct[name][1] += n
    print(f"{'system':<26} " + " ".join(f"{m:>18}" for m in SHOWN) + f" {'direct recall':>14}")
    for name, counts in systems.items():
        cells = " ".join(f"{counts[m].precision:>5.3f}/{counts[m].recall:>5.3f}/{counts[m].f1:>5.3f}" for m in SHOWN)
        print(f"{name:<26} {cells} {direct[name][0] / max(1, direct[name][1]):>14.3f}")
    print(f"textacy gave up on {gave_up} of the articles (an odd number of quotation marks)")
    print("cells: P/R/F1 over all gold attributions; direct recall: right speaker and content, direct quotes only")
    assert set(SHOWN) <= set(MEASURES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
