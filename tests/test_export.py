"""Every export format, read back by its real consumer: csv (the csv module), parquet (pyarrow), Web
Annotation and ClaimReview (JSON-LD, expanded by pyld), STIX (stix2) and MISP (pymisp) — issue 14."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from _export_helpers import TEXTS, make_store
from sayso.export import FORMATS, Selection, formats_for, of_analyses, select
from sayso.export.confidence import certainty_confidence, credibility_confidence, likelihood_tag
from sayso.store import open_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    return make_store(tmp_path_factory.mktemp("export") / "haven.db")


@pytest.fixture(scope="module")
def chosen(store: str) -> dict[str, Selection]:
    with open_store(store, create=False) as s:
        return {kind: select(s, kind) for kind in ("claims", "clusters", "sources")}


def _text(kind: str, fmt: str, chosen: dict[str, Selection]) -> str:
    out = FORMATS[fmt].write(kind, chosen[kind])
    assert isinstance(out, str)
    return out


# the table of formats


def test_export_every_format_names_a_writer_and_what_it_holds() -> None:
    for name, f in FORMATS.items():
        assert f.name == name and f.kinds and ":" in f.writer and f.help
    assert "parquet" not in [n for n, f in FORMATS.items() if f.article]  # binary: never to a terminal
    assert formats_for("clusters") == [n for n, f in FORMATS.items() if "clusters" in f.kinds]
    assert "webannotation" not in formats_for("sources")


def test_export_a_format_refuses_what_it_cannot_hold(chosen: dict[str, Selection]) -> None:
    from sayso.errors import InputError

    with pytest.raises(InputError, match="webannotation format holds claims, not sources; formats for sources"):
        FORMATS["webannotation"].write("sources", chosen["sources"])


# csv and tsv


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_export_csv_reads_back_with_the_csv_module(fmt: str, delimiter: str, chosen: dict[str, Selection]) -> None:
    rows = list(csv.DictReader(io.StringIO(_text("claims", fmt, chosen), newline=""), delimiter=delimiter))
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    wim = rows[0]
    assert (wim["speaker"], wim["speaker_grade"], wim["certainty"], wim["estimative"]) == (
        "Wim Kok",
        "B",
        "probable",
        "likely",
    )
    assert wim["origin"] == "the port authority" and wim["cluster"] == "1"
    assert wim["quantities"] == "40 ships = 40 ship exact" and wim["entities"] == "Rotterdam (GPE)"
    assert rows[1]["language"] == "nl" and rows[1]["said_on"] == "2025-03-15"


def test_export_csv_cells_never_start_a_formula(chosen: dict[str, Selection]) -> None:
    rows = list(csv.DictReader(io.StringIO(_text("claims", "csv", chosen), newline="")))
    formula = rows[2]["text"]
    assert formula == "'=HYPERLINK(1) fixed the bridge"  # quoted: a spreadsheet shows it as text
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_export_csv_of_clusters_and_sources(chosen: dict[str, Selection]) -> None:
    clusters = list(csv.DictReader(io.StringIO(_text("clusters", "csv", chosen), newline="")))
    assert [c["id"] for c in clusters] == ["1", "2", "3"]
    assert "60 ships" in clusters[0]["contradictions"] and clusters[0]["credibility_meaning"] == "doubtful"
    sources = {r["name"]: r for r in csv.DictReader(io.StringIO(_text("sources", "csv", chosen), newline=""))}
    assert sources["Wim Kok"]["grade"] == "B" and sources["Wim Kok"]["graded_by"] == "jdv"
    assert sources["the port authority"]["cited"] == "1"


def test_export_csv_cell_escapes_each_formula_start() -> None:
    from sayso.export.tabular import cell

    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert cell(f"{start}1+1") == f"'{start}1+1"
    assert cell(-3) == -3 and cell(None) == "" and cell(["a", "=b"]) == "a | =b"
    assert cell("a - b") == "a - b"


# parquet


def test_export_parquet_reads_back_with_pyarrow(chosen: dict[str, Selection]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = FORMATS["parquet"].write("claims", chosen["claims"])
    assert isinstance(data, bytes)
    table = pq.read_table(io.BytesIO(data))
    assert table.num_rows == 3
    assert table.schema.field("id").type == pa.int64()
    assert table.schema.field("chain").type == pa.list_(pa.string())
    rows = table.to_pylist()
    assert rows[0]["chain"] == ["Havenkrant (outlet)", "Wim Kok (speaker)", "the port authority (cited)"]
    assert rows[0]["text"] == "40 ships waited outside Rotterdam" and rows[2]["published"] is None
    assert rows[2]["text"].startswith("=")  # data, not a spreadsheet: kept as written


def test_export_parquet_of_nothing_keeps_its_columns() -> None:
    import pyarrow.parquet as pq

    data = FORMATS["parquet"].write("sources", Selection())
    assert isinstance(data, bytes)
    table = pq.read_table(io.BytesIO(data))
    assert table.num_rows == 0 and "grade" in table.column_names


# JSON-LD: the contexts cannot be fetched here, so pyld reads local ones (see docs/export.md)

# The terms of the Web Annotation context (http://www.w3.org/ns/anno.jsonld) that sayso uses, with the IRIs
# the Web Annotation Vocabulary gives them, written here for the test.
OA, AS, DC, DCT = (
    "http://www.w3.org/ns/oa#",
    "https://www.w3.org/ns/activitystreams#",
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/dc/terms/",
)
XSD_INT = "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"
ANNO_TERMS = {
    "id": "@id",
    "type": "@type",
    "Annotation": OA + "Annotation",
    "TextualBody": OA + "TextualBody",
    "TextQuoteSelector": OA + "TextQuoteSelector",
    "TextPositionSelector": OA + "TextPositionSelector",
    "Software": AS + "Application",
    "AnnotationCollection": AS + "OrderedCollection",
    "AnnotationPage": AS + "OrderedCollectionPage",
    "describing": OA + "describing",
    "identifying": OA + "identifying",
    "tagging": OA + "tagging",
    "body": {"@id": OA + "hasBody", "@type": "@id"},
    "target": {"@id": OA + "hasTarget", "@type": "@id"},
    "source": {"@id": OA + "hasSource", "@type": "@id"},
    "selector": {"@id": OA + "hasSelector", "@type": "@id"},
    "creator": {"@id": DCT + "creator", "@type": "@id"},
    "motivation": {"@id": OA + "motivatedBy", "@type": "@vocab"},
    "purpose": {"@id": OA + "hasPurpose", "@type": "@vocab"},
    "value": "http://www.w3.org/1999/02/22-rdf-syntax-ns#value",
    "format": DC + "format",
    "language": DC + "language",
    "exact": OA + "exact",
    "prefix": OA + "prefix",
    "suffix": OA + "suffix",
    "start": {"@id": OA + "start", "@type": XSD_INT},
    "end": {"@id": OA + "end", "@type": XSD_INT},
    "name": "http://xmlns.com/foaf/0.1/name",
    "label": "http://www.w3.org/2000/01/rdf-schema#label",
    "total": {"@id": AS + "totalItems", "@type": XSD_INT},
    "startIndex": {"@id": AS + "startIndex", "@type": XSD_INT},
    "first": {"@id": AS + "first", "@type": "@id"},
    "items": {"@id": AS + "items", "@container": "@list"},
}
CONTEXTS = {
    "http://www.w3.org/ns/anno.jsonld": {"@context": ANNO_TERMS},
    "https://schema.org": {"@context": {"@vocab": "https://schema.org/"}},
}


@pytest.fixture
def jsonld() -> Iterator[Any]:
    pyld = pytest.importorskip("pyld")
    jsonld = pyld.jsonld

    def loader(url: str, options: Any = None) -> dict[str, Any]:
        found = CONTEXTS.get(url.rstrip("/"))
        if found is None:
            raise AssertionError(f"the test has no local copy of {url}")
        return {"contextUrl": None, "documentUrl": url, "document": found}

    before = jsonld.get_document_loader()
    jsonld.set_document_loader(loader)
    try:
        yield jsonld
    finally:
        jsonld.set_document_loader(before)


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return {k for k in value if not k.startswith("@")} | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def _triples(jsonld: Any, doc: dict[str, Any]) -> list[tuple[str, str, str]]:
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    out = []
    for line in nquads.splitlines():
        subject, predicate, rest = line.split(" ", 2)
        out.append((subject, predicate.strip("<>"), rest.rsplit(" .", 1)[0]))
    return out


def test_export_webannotation_is_json_ld_of_the_annotation_model(
    jsonld: Any, chosen: dict[str, Selection], store: str
) -> None:
    doc = json.loads(_text("claims", "webannotation", chosen))
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld" and doc["type"] == "AnnotationCollection"
    assert _keys(doc) <= set(ANNO_TERMS), _keys(doc) - set(ANNO_TERMS)  # no key that expansion would drop
    items = doc["first"]["items"]
    assert doc["total"] == len(items) == 6  # three claims: their content and their speaker
    triples = _triples(jsonld, doc)
    annotations = {s for s, p, o in triples if p.endswith("rdf-syntax-ns#type") and o == f"<{OA}Annotation>"}
    assert len(annotations) == 6
    assert sum(p == OA + "exact" for _, p, _ in triples) == 6
    assert sum(p == OA + "start" for _, p, _ in triples) == 6


def test_export_webannotation_offsets_count_code_points(chosen: dict[str, Selection]) -> None:
    doc = json.loads(_text("claims", "webannotation", chosen))
    text = TEXTS["haven-en"].article.text
    first = doc["first"]["items"][0]
    assert first["target"]["source"] == "https://example.org/haven-en"
    quote, position = first["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
    assert text[position["start"] : position["end"]] == quote["exact"] == "40 ships waited outside Rotterdam"
    assert position["start"] == 30  # the emoji counts once, as one code point (UTF-16 would say 31)
    assert quote["prefix"].endswith("Wim Kok said ") and quote["suffix"].startswith(", citing")
    assert text[: position["start"]].endswith(quote["prefix"])
    speaker = doc["first"]["items"][1]
    assert speaker["motivation"] == "identifying" and speaker["target"]["selector"][0]["exact"] == "Wim Kok"
    nl = next(a for a in doc["first"]["items"] if a["target"]["source"] == "urn:sayso:article:haven-nl")
    assert any(b["value"] == "certainty:certain" for b in nl["body"])


def test_export_claimreview_is_schema_org_json_ld(jsonld: Any, chosen: dict[str, Selection]) -> None:
    doc = json.loads(_text("claims", "claimreview", chosen))
    types = [item["@type"] for item in doc["@graph"]]
    assert types == ["Claim", "ClaimReview", "Claim", "Claim"]  # a review only where an analyst graded
    claim, review = doc["@graph"][:2]
    assert claim["author"] == {"@type": "Person", "name": "Wim Kok"} and claim["datePublished"] == "2025-03-14"
    assert claim["appearance"]["url"] == "https://example.org/haven-en"
    assert claim["appearance"]["publisher"]["name"] == "Havenkrant"
    assert review["itemReviewed"] == {"@id": claim["@id"]} and review["author"]["name"] == "jdv"
    assert review["reviewRating"]["ratingValue"] == 4 and review["reviewRating"]["alternateName"].startswith("B:")
    triples = _triples(jsonld, doc)
    schema = "https://schema.org/"
    assert {o for s, p, o in triples if p.endswith("rdf-syntax-ns#type")} == {
        f"<{schema}{t}>" for t in ("Claim", "ClaimReview", "Person", "NewsArticle", "Organization", "Rating")
    }
    assert sum(p == schema + "appearance" for _, p, _ in triples) == 3
    assert any(p == schema + "itemReviewed" and o == "<urn:sayso:claim:1>" for _, p, o in triples)


# STIX 2.1


def test_export_stix_parses_back_with_stix2(chosen: dict[str, Selection]) -> None:
    import stix2

    bundle = stix2.parse(_text("claims", "stix", chosen), allow_custom=False)
    by_type: dict[str, list[Any]] = {}
    for obj in bundle.objects:
        by_type.setdefault(obj.type, []).append(obj)
    assert {"identity", "report", "note", "opinion", "relationship"} <= set(by_type)
    assert len(by_type["report"]) == 3
    claims = {n.content: n for n in by_type["note"] if "kind:indirect" in n.labels}
    wim = claims["40 ships waited outside Rotterdam"]
    assert wim.confidence == 70  # probable = likely: 70 on the STIX DNI scale
    assert "confidence" not in claims["=HYPERLINK(1) fixed the bridge"]  # reported: no estimate
    names = {i.id: i.name for i in by_type["identity"]}
    relations = {
        (r.source_ref, r.relationship_type, names.get(r.target_ref, r.target_ref)) for r in by_type["relationship"]
    }
    assert (wim.id, "attributed-to", "Wim Kok") in relations
    assert (wim.id, "derived-from", "the port authority") in relations
    assert any(kind == "contradicts" for _, kind, _ in relations)
    [grade] = [n for n in by_type["note"] if n.labels == ['admiralty-scale:source-reliability="b"']]
    assert grade.authors == ["jdv"] and names[grade.object_refs[0]] == "Wim Kok"
    opinions = {o.opinion for o in by_type["opinion"]}
    assert opinions == {"disagree"} and {o.confidence for o in by_type["opinion"]} == {30}  # credibility 4


def test_export_stix_ids_are_the_same_each_time(chosen: dict[str, Selection]) -> None:
    assert _text("claims", "stix", chosen) == _text("claims", "stix", chosen)


def test_export_stix_of_sources_is_identities_and_grades(chosen: dict[str, Selection]) -> None:
    import stix2

    bundle = stix2.parse(_text("sources", "stix", chosen), allow_custom=False)
    assert {o.type for o in bundle.objects} == {"identity", "note"}
    assert {o.name for o in bundle.objects if o.type == "identity"} >= {"Wim Kok", "Fleur Dekker", "sayso"}


# MISP


def test_export_misp_loads_back_with_pymisp(chosen: dict[str, Selection]) -> None:
    from pymisp import MISPEvent

    event = MISPEvent()
    event.load(_text("claims", "misp", chosen))
    objects = {o.uuid: o for o in event.objects}
    annotations = [o for o in event.objects if o.name == "annotation"]
    assert len(annotations) == 3 and len([o for o in event.objects if o.name == "news-media"]) == 3
    tags = {a.value: {t.name for t in a.tags} for o in annotations for a in o.attributes if a.object_relation == "text"}
    assert tags["40 ships waited outside Rotterdam"] == {
        'estimative-language:likelihood-probability="likely"',
        'admiralty-scale:source-reliability="b"',
        'admiralty-scale:information-credibility="4"',
    }
    assert 'estimative-language:likelihood-probability="almost-certain"' in tags["60 ships bij Rotterdam wachtten"]
    assert not any(t.startswith("estimative") for t in tags["=HYPERLINK(1) fixed the bridge"])
    wim = next(o for o in annotations if "Wim Kok" in o.comment)
    relations = {r.relationship_type: objects[r.referenced_uuid].name for r in wim.references}
    assert relations == {"annotates": "news-media", "claimed-by": "person", "related-to": "annotation"}
    person = objects[next(r.referenced_uuid for r in wim.references if r.relationship_type == "claimed-by")]
    assert [a.value for a in person.attributes if a.object_relation == "full-name"] == ["Wim Kok"]


# the mappings


def test_export_confidence_mappings_follow_the_published_scales() -> None:
    assert [certainty_confidence(c) for c in ("certain", "probable", "possible", "questioned", "denied")] == [
        95,
        70,
        50,
        30,
        5,
    ]
    assert certainty_confidence("reported") is None
    assert [credibility_confidence(k) for k in range(1, 7)] == [90, 70, 50, 30, 10, None]
    assert likelihood_tag("denied") == 'estimative-language:likelihood-probability="almost-no-chance"'


# one article: the same formats from an analysis, through a store in memory


def test_export_of_analyses_gives_the_claims_as_a_store_would() -> None:
    chosen = of_analyses([TEXTS["haven-en"], TEXTS["haven-nl"]])
    assert [c.text for c in chosen.claims] == ["40 ships waited outside Rotterdam", "60 ships bij Rotterdam wachtten"]
    assert chosen.claims[0].chain[-1].name == "the port authority" and chosen.clusters == ()
    doc = json.loads(FORMATS["webannotation"].write("claims", chosen))  # type: ignore[arg-type]
    assert doc["total"] == 4


# the command line


def test_export_command_writes_each_format(store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sayso.cli import main

    for fmt in ("csv", "tsv", "json", "webannotation", "claimreview", "stix", "misp", "text"):
        assert main(["export", "claims", "--db", store, "--format", fmt]) == 0, fmt
        assert capsys.readouterr().out.strip(), fmt
    out = tmp_path / "claims.parquet"
    assert main(["export", "claims", "--db", store, "--format", "parquet", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"PAR1")
    assert main(["export", "clusters", "--db", store, "--format", "json"]) == 0
    assert [k["id"] for k in json.loads(capsys.readouterr().out)] == [1, 2, 3]


def test_export_command_filters_like_claims(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    from sayso.cli import main

    assert main(["export", "claims", "--db", store, "--format", "csv", "--about", "bridge"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))
    assert [r["speaker"] for r in rows] == ["Anna Bos"]
    assert main(["export", "claims", "--db", store, "--format", "csv", "--since", "2025-03-15"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))
    assert [r["speaker"] for r in rows] == ["Fleur Dekker"]
    assert main(["export", "sources", "--db", store, "--format", "json", "--language", "nl"]) == 0
    assert [s["name"] for s in json.loads(capsys.readouterr().out)] == ["Fleur Dekker"]


def test_export_command_says_what_a_format_cannot_do(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    from sayso.cli import main

    assert main(["export", "sources", "--db", store, "--format", "webannotation"]) != 0
    err = capsys.readouterr().err
    assert "holds claims, not sources" in err and err.count("\n") == 1


def test_analyze_writes_an_export_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sayso import pipeline
    from sayso.cli import main

    monkeypatch.setattr(pipeline, "analyze", lambda article, options: TEXTS["haven-en"])
    (tmp_path / "haven.txt").write_text(TEXTS["haven-en"].article.text, encoding="utf-8")
    assert main(["analyze", str(tmp_path / "haven.txt"), "--format", "webannotation"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["type"] == "AnnotationCollection" and doc["total"] == 2
    assert main(["analyze", str(tmp_path / "haven.txt"), "--format", "csv"]) == 0
    assert next(csv.DictReader(io.StringIO(capsys.readouterr().out, newline="")))["speaker"] == "Wim Kok"
