"""Helpers that turn hand-written annotations (span text + context) into offsets.

Every span is located by its text inside a context string that occurs exactly
once in the article, so no offset is typed by hand. Each span is checked with
text[start:end] == span text.
"""

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAYERS = ["attributions", "quantities", "times", "entities"]


class Doc:
    def __init__(self, name, language, published, outlet="sayso held-out set"):
        self.name = name
        self.path = HERE / f"{name}.txt"
        self.text = self.path.read_text(encoding="utf-8")
        self.language = language
        self.published = published
        self.outlet = outlet
        self.attributions, self.quantities, self.times, self.entities = [], [], [], []

    def span(self, s, ctx=None, nth=None):
        """Span of s inside ctx (ctx must be unique); without ctx, the nth occurrence of s."""
        t = self.text
        if ctx is not None:
            assert t.count(ctx) == 1, f"{self.name}: context not unique ({t.count(ctx)}x): {ctx!r}"
            base = t.index(ctx)
            assert ctx.count(s) >= 1, f"{self.name}: {s!r} not in context {ctx!r}"
            assert ctx.count(s) == 1, f"{self.name}: {s!r} ambiguous in context {ctx!r}"
            start = base + ctx.index(s)
        else:
            start = -1
            for _ in range(nth or 1):
                start = t.index(s, start + 1)
            if nth is None:
                assert t.count(s) == 1, f"{self.name}: {s!r} occurs {t.count(s)}x; give a context"
        end = start + len(s)
        assert t[start:end] == s
        return {"start": start, "end": end, "text": s}

    def _sp(self, x):
        if x is None:
            return None
        if isinstance(x, str):
            return self.span(x)
        return self.span(*x)

    def attr(self, kind, source, entity, cue, content, said_at=None, based_on=None, certainty=None, note=None):
        a = {
            "id": f"a{len(self.attributions) + 1}",
            "kind": kind,
            "source": self._sp(source),
            "source_entity": entity,
            "cue": self._sp(cue),
            "content": [self._sp(c) for c in content],
        }
        if said_at:
            a["said_at"] = said_at
        if based_on:
            a["based_on"] = based_on
        if certainty:
            a["certainty"] = certainty
        if note:
            a["note"] = note
        self.attributions.append(a)

    def qty(self, s, value, unit, qualifier="exact", low=None, high=None, ctx=None, nth=None):
        sp = self.span(s, ctx, nth)
        if qualifier == "at_least":
            low = value if low is None else low
        if qualifier in ("at_most", "almost", "possibly"):
            high = value if high is None else high
        self.quantities.append({**sp, "value": value, "low": low, "high": high, "unit": unit, "qualifier": qualifier})

    def time(self, s, value, kind="date", ctx=None, nth=None):
        self.times.append({**self.span(s, ctx, nth), "value": value, "kind": kind})

    def ent(self, s, label, canonical=None, ctx=None, nth=None):
        sp = self.span(s, ctx, nth)
        # first occurrence as a word of its own: no earlier stand-alone occurrence
        for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", self.text):
            if m.start() < sp["start"]:
                print(
                    f"  NOTE {self.name}: earlier occurrence of {s!r} at {m.start()}: "
                    f"{self.text[max(0, m.start() - 25) : m.end() + 25]!r}"
                )
            break
        self.entities.append({**sp, "label": label, "canonical": canonical or s})

    def write(self):
        title = self.text.split("\n", 1)[0]
        names = [e["text"] for e in self.entities]
        assert len(names) == len(set(names)), f"{self.name}: duplicate entity name form"
        for kind in ("quantities", "times"):
            seen = set()
            for q in getattr(self, kind):
                key = (q["start"], q["end"])
                assert key not in seen, (self.name, kind, q)
                seen.add(key)
        gold = {
            "document": {
                "file": f"{self.name}.txt",
                "language": self.language,
                "published": self.published,
                "outlet": self.outlet,
                "title": title,
                "layers": LAYERS,
                "licence": "Apache-2.0, written for sayso",
            },
            "boilerplate": [],
            "attributions": self.attributions,
            "quantities": sorted(self.quantities, key=lambda q: q["start"]),
            "times": sorted(self.times, key=lambda q: q["start"]),
            "entities": sorted(self.entities, key=lambda q: q["start"]),
        }
        # final check of every span
        t = self.text

        def chk(sp):
            if sp is not None:
                assert t[sp["start"] : sp["end"]] == sp["text"], sp

        for a in self.attributions:
            chk(a["source"])
            chk(a["cue"])
            for c in a["content"]:
                chk(c)
        for k in ("quantities", "times", "entities"):
            for x in gold[k]:
                chk(x)
        out = HERE / f"{self.name}.gold.json"
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(
            f"{self.name}: {len(self.attributions)} attributions, {len(self.quantities)} quantities, "
            f"{len(self.times)} times, {len(self.entities)} entities"
        )
