"""The store's commands: ingest articles, query claims and sources, grade a source. Each only calls the API."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sayso._threads import one_thread_each
from sayso.cli.commands import Command, _date, _language, _options, add_article_options, say_warning
from sayso.cli.progress import Progress, count_inputs
from sayso.cli.render import plural, skip_line, terminal_safe
from sayso.errors import InputError, StoreError
from sayso.records import Skipped
from sayso.shapes import CREDIBILITY, claim_dict, cluster_dict, source_dict, to_json

if TYPE_CHECKING:
    from sayso.store import SourceRow, Store, StoredClaim, StoredCluster

DB_HELP = "the store: a SQLite file or a postgresql:// URL (default: $SAYSO_DB, else ./sayso.db)"


def open_store(url: str | None, **kwargs: Any) -> Store:
    """``sayso.store.open_store``, imported on first use: ``sayso --help`` does not load the store's code."""
    from sayso.store import open_store as _open

    return _open(url, **kwargs)


def _meanings() -> dict[str, str]:
    from sayso.store.records import GRADE_MEANINGS

    return GRADE_MEANINGS


# ingest


def run_ingest(args: argparse.Namespace) -> int:
    one_thread_each()  # before numpy loads: the same vectors from 1 or N workers (sayso/_threads.py)
    from sayso.batch import cluster_batch, ingest_each, open_workers
    from sayso.ingest import iter_articles

    options = _options(args)
    counts: Counter[str] = Counter({"added": 0, "already there": 0, "skipped": 0})
    skipped: list[Skipped] = []
    claims = 0  # added since the last clustering
    every = _every(args)
    with open_store(args.db) as store, Progress(sys.stderr, count_inputs(args.paths), verb="ingesting") as progress:
        try:
            progress.phase(_loading(args))
            with open_workers(args.workers, args.cluster) as running:

                def clustering(waiting: int) -> None:
                    nonlocal claims
                    progress.phase(f"clustering {plural(waiting, 'new claim')}")
                    claims = 0

                items = iter_articles(args.paths, options=options)
                batch = ingest_each(
                    store, items, options=options, running=running, warn=say_warning, every=every, clustering=clustering
                )
                for outcome in batch:
                    if isinstance(outcome, Skipped):
                        skipped.append(outcome)
                        outcome = ("skipped", 0)
                    counts[outcome[0]] += 1
                    claims += outcome[1]
                    progress.advance(counts)
                progress.finish(counts)
                if claims:
                    progress.phase(f"clustering {plural(claims, 'new claim')}")
                cluster_batch(store, running)  # the batch's claims join the clusters, in one transaction
        finally:
            progress.close()
            print(", ".join(f"{k} {v}" for k, v in counts.items()))  # the summary, once
            for s in skipped:
                print(f"skipped: {skip_line(s)}")
    return 1 if skipped else 0


def _loading(args: argparse.Namespace) -> str:
    if args.cluster:
        return f"starting the Dask cluster {args.cluster}"
    return "loading models" + (f" in {args.workers} workers" if args.workers > 1 else "")


def _ingest_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="text or HTML files, folders, JSONL batches, or - for stdin"
    )
    p.add_argument("--db", metavar="URL", help=DB_HELP)
    add_article_options(p)
    p.add_argument("--language", type=_language, help="the articles' language, nl or en (detected when absent)")
    p.add_argument(
        "--workers",
        type=_workers,
        default=1,
        metavar="N",
        help="analyse in N processes (each loads the models once; about 0.5 GB each); one writer keeps the "
        "input order, so the store is the same for any N (default: 1)",
    )
    p.add_argument(
        "--cluster",
        metavar="ADDRESS",
        help="analyse on Dask instead: local (a cluster of --workers processes on this machine) or "
        "dask://HOST:PORT (a running scheduler); this process writes the store (docs/scale.md)",
    )
    p.add_argument(
        "--cluster-every",
        type=_claims,
        metavar="N",
        help="cluster the new claims whenever N of them wait for a cluster, and at the end (default: 2000, about "
        "200-400 articles; clustering's time grows with the square of its claims); 0: only at the end",
    )


# queries


def _speaker(c: StoredClaim) -> str:
    if c.speaker is None:
        return f"({c.kind}: the article itself)"
    return (c.source or c.speaker) + (f" [{c.speaker_grade}]" if c.speaker_grade else "")


def _oneline(text: str) -> str:
    return " ".join(text.split())


def _claim_line(c: StoredClaim) -> str:
    day = c.said_on.isoformat() if c.said_on else f"{'no date':<10}"
    return terminal_safe(f"{c.id:>6}  {day}  {c.article.id}  {_speaker(c)}: {_oneline(c.text)}  · {c.certainty}")


def run_claims(args: argparse.Namespace) -> int:
    with open_store(args.db, create=False) as store:
        found = store.claims(args.about, args.speaker, args.since, limit=args.limit, **_claim_scope(args))
        undated = store.claims_without_date(args.about, args.speaker, **_claim_scope(args)) if _dated(args) else 0
    if undated:
        print(_undated_hint(undated), file=sys.stderr)
    if args.format == "json":
        print(to_json([claim_dict(c) for c in found]))
    else:
        for c in found:
            print(_claim_line(c))
        print(plural(len(found), "claim"), file=sys.stderr)
    return 0


def _claim_scope(args: argparse.Namespace) -> dict[str, Any]:
    return {"language": args.language, "article": args.article, "outlet": args.outlet}


def _dated(args: argparse.Namespace) -> bool:
    return args.since is not None or args.until is not None


def _undated_hint(count: int) -> str:
    claims = "claim has" if count == 1 else "claims have"
    return (
        f"{count} {claims} no date and so no place in --since/--until; a claim's date is the day it was said, "
        "else its article's publication date: ingest undated articles with --published YYYY-MM-DD"
    )


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number; give e.g. --limit 20")
    return int(text)


def _workers(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes; give e.g. --workers 2")
    return int(text)


def _every(args: argparse.Namespace) -> int:
    """``--cluster-every``, or the default of ``sayso.batch`` (read when a command runs, not when parsing)."""
    from sayso.batch.ingest import CLUSTER_EVERY

    return CLUSTER_EVERY if args.cluster_every is None else int(args.cluster_every)


def _claims(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of claims; give e.g. --cluster-every 2000")
    return int(text)


def _claims_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--about",
        metavar="WORDS",
        help="words that each appear in the claim, its speaker or a name it mentions (a name in any language)",
    )
    p.add_argument("--speaker", metavar="NAME", help="part of the speaker's name (case does not matter)")
    p.add_argument("--since", type=_date, metavar="DATE", help="only claims said on or after this day (YYYY-MM-DD)")
    p.add_argument("--until", type=_date, metavar="DATE", help="only claims said on or before this day (YYYY-MM-DD)")
    p.add_argument("--language", type=_language, metavar="LANG", help="only claims of articles in this language")
    p.add_argument("--article", metavar="ID", help="only the claims of this article (its id, as `claims` shows it)")
    p.add_argument("--outlet", metavar="NAME", help="only claims of articles from this outlet (part of its name)")
    p.add_argument("--limit", type=_positive, metavar="N", help="at most N claims, the first stored first")
    _query_args(p)


def _claim_text(c: StoredClaim) -> str:
    a = c.article
    grade = f"{c.speaker_grade} ({_meanings()[c.speaker_grade]})" if c.speaker_grade else "not graded"
    chain = " -> ".join(f"{link.name} ({link.role})" for link in c.chain)
    lines = [
        f"claim {c.id}: {c.kind}, {c.polarity}",
        f"  text        {_oneline(c.text)}",
        f"  speaker     {c.speaker or '(the article itself)'}"
        + (f" · {c.speaker_type}" if c.speaker_type else "")
        + (f" · source grade {grade}" if c.speaker else ""),
        f"  certainty   {c.certainty} (as the text presents it)",
        f"  said        {c.said_on or 'unknown'}" + (f" ({c.said_at})" if c.said_at else ""),
    ]
    if chain:
        lines.append(f"  chain       {chain}; origin: {c.chain[-1].name}")
    meta = " · ".join(str(x) for x in (a.title, a.outlet, a.published, a.url) if x)
    lines.append(f"  article     {a.id} [{a.language}]" + (f" · {meta}" if meta else "") + f" · from {a.origin}")
    lines += [
        f"  quantity    {q.text!r}: " + " ".join(str(x) for x in (q.value, q.unit, q.qualifier) if x is not None)
        for q in c.quantities
    ]
    lines += [f"  time        {t.text!r}: {t.value} ({t.kind})" for t in c.times]
    lines += [
        f"  entity      {e.label} {e.canonical}" + (f" ({e.text})" if e.text != e.canonical else "") for e in c.entities
    ]
    return terminal_safe("\n".join(lines))


def _cluster_text(c: StoredClaim, k: StoredCluster | None) -> str:
    if k is None:
        return "  cluster     none yet (it joins one at the end of the ingest that stored it)"
    grade = f"{c.speaker_grade} ({_meanings()[c.speaker_grade]})" if c.speaker_grade else "not graded"
    lines = [
        f"  cluster     {k.id}: {plural(len(k.claims), 'appearance')}, "
        f"{k.independent} independent {'origin' if k.independent == 1 else 'origins'}: {'; '.join(k.origins)}",
        f"  credibility {k.credibility} ({CREDIBILITY[k.credibility]}), proposed from corroboration"
        f" · the speaker's source grade, by an analyst: {grade if c.speaker else 'no speaker'}",
    ]
    for other in k.claims:
        if other.id == c.id:
            continue
        mark = " (repeats)" if other.id in k.repeats else ""
        lines.append(
            f"  also        {other.id} {other.article.id} [{other.article.language}] "
            f"{other.speaker or '(the article itself)'}: {_oneline(other.text)}{mark}"
        )
    lines += [f"  contradicts {a} vs {b}: {reason}" for a, b, reason in k.contradictions if c.id in (a, b)]
    lines += [
        f"  contradicts {b} (cluster {other}), about the same entities and time: {reason}"
        for a, b, other, reason in k.across
        if a == c.id
    ]
    return terminal_safe("\n".join(lines))


def run_claim(args: argparse.Namespace) -> int:
    with open_store(args.db, create=False) as store:
        found = store.claim(args.id)
        if found is None:
            raise StoreError(f"no claim {args.id} in {store.url}; 'sayso claims' lists the claims and their ids")
        cluster = store.cluster_of(found.id)
    if args.format == "json":
        print(to_json({**claim_dict(found), "cluster": cluster_dict(cluster) if cluster else None}))
    else:
        print(_claim_text(found) + "\n" + _cluster_text(found, cluster))
    return 0


def _claim_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", type=int, metavar="ID", help="the claim's number, as 'sayso claims' shows it")
    _query_args(p)


def _source_line(s: SourceRow) -> str:
    grade = s.grade or "-"
    extra = " · ".join(x for x in (s.type, s.affiliation and f"of {s.affiliation}") if x)
    aka = f"  also: {'; '.join(s.aliases)}" if s.aliases else ""
    return terminal_safe(f"{s.claims:>6} {s.cited:>6}  {grade:<5}  {s.name}" + (f"  ({extra})" if extra else "") + aka)


def run_sources(args: argparse.Namespace) -> int:
    if args.action == "merge":
        if len(args.names) != 2:
            raise InputError("'sayso sources merge' takes two names: the source to keep, then the one to merge into it")
        with open_store(args.db, create=False) as store:
            row = store.merge_sources(*args.names)
        print(
            f"{args.names[1]} is now {row.name}: {plural(row.claims, 'claim')}"
            + (f", grade {row.grade}" if row.grade else "")
        )
        return 0
    if args.names:
        raise InputError(
            f"'sayso sources' takes no names ({' '.join(args.names)}); to merge two: sayso sources merge A B"
        )
    with open_store(args.db, create=False) as store:
        found = store.sources()
    if args.format == "json":
        print(to_json([source_dict(s) for s in found]))
    else:
        print(f"{'claims':>6} {'cited':>6}  grade  source")
        for s in found:
            print(_source_line(s))
    return 0


def _sources_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "action",
        nargs="?",
        choices=["merge"],
        help="merge: make the two sources NAMES one, under the first's name (its spellings, claims and grades)",
    )
    p.add_argument("names", nargs="*", metavar="NAME", help="for merge: the source to keep, then the one to merge")
    _query_args(p)


def run_grade(args: argparse.Namespace) -> int:
    with open_store(args.db, create=False) as store:
        row = store.grade(args.source, args.code, analyst=args.analyst)
    by = f" by {row.graded_by}" if row.graded_by else ""
    print(f"{row.name}: {row.grade} ({_meanings()[row.grade or 'F']}){by}")
    return 0


def _default_analyst() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


def _grade_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", metavar="SOURCE", help="the source's name, as 'sayso sources' lists it")
    p.add_argument(
        "code",
        metavar="A-F",
        help="reliability (NATO Admiralty code): A completely, B usually, C fairly, D not usually reliable, "
        "E unreliable, F cannot be judged",
    )
    p.add_argument(
        "--analyst", default=_default_analyst(), metavar="NAME", help="who grades (default: your login name)"
    )
    p.add_argument("--db", metavar="URL", help=DB_HELP)


# export


def _cluster_summary(k: StoredCluster) -> str:
    """A cluster as text: its counts, its origins, each contradiction with its reason, then its claims."""
    lines = [
        f"cluster {k.id}: {plural(len(k.claims), 'claim')}, {k.independent} independent, "
        f"{plural(len(k.repeats), 'repeat')}, {plural(len(k.contradictions), 'contradiction')}, "
        f"{len(k.across)} across clusters, credibility {k.credibility} ({CREDIBILITY[k.credibility]})",
        f"  origins     {'; '.join(k.origins) or 'none'}",
    ]
    lines += [f"  contradicts {a} vs {b}: {reason}" for a, b, reason in k.contradictions]
    lines += [f"  contradicts {a} vs {b} (cluster {other}): {reason}" for a, b, other, reason in k.across]
    lines += [
        f"  {c.id:>6}  {c.article.id} [{c.article.language}]  {_speaker(c)}: {_oneline(c.text)}" for c in k.claims
    ]
    return terminal_safe("\n".join(lines))


def run_export(args: argparse.Namespace) -> int:
    from sayso.export import FORMATS, select

    if args.what == "datasette":
        return _export_datasette(args)
    with open_store(args.db, create=False) as store:
        chosen = select(
            store, args.what, about=args.about, speaker=args.speaker, since=args.since, until=args.until,
            language=args.language,
        )  # fmt: skip
    if args.format == "text":
        lines = _TEXT_LINES[args.what]
        emit("".join(lines(item) + "\n" for item in getattr(chosen, args.what)), args.out)
    else:
        emit(FORMATS[args.format].write(args.what, chosen), args.out, name=args.format)
    return 0


_TEXT_LINES: dict[str, Callable[[Any], str]] = {
    "claims": _claim_line,
    "clusters": _cluster_summary,
    "sources": _source_line,
}


def _export_datasette(args: argparse.Namespace) -> int:
    from pathlib import Path

    from sayso.export.datasette import metadata_yaml

    if args.format != "text":
        raise InputError("'sayso export datasette' writes Datasette's metadata.yml; it takes no --format")
    with open_store(args.db, create=False) as store:  # opening migrates it: the index and views are there
        if store.backend != "sqlite":
            raise InputError(f"{store.url}: Datasette reads SQLite stores; export this one's claims instead")
        name = Path(store.url).stem
    emit(metadata_yaml(name), args.out)
    return 0


def emit(data: str | bytes, out: str | None, *, name: str = "") -> None:
    """``data`` into the file ``out``, else to stdout; bytes never to a terminal."""
    if out:
        with open(out, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    elif isinstance(data, bytes):
        if sys.stdout.isatty():
            raise InputError(f"{name} is binary and stdout is a terminal; give --out FILE, or pipe it")
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
    else:
        sys.stdout.write(data)


def _export_args(p: argparse.ArgumentParser) -> None:
    from sayso.export import FORMATS, KINDS

    p.add_argument(
        "what",
        choices=[*KINDS, "datasette"],
        help="what to export: claims, clusters (claims stating the same proposition), sources, or datasette "
        "(a metadata.yml for `datasette STORE.db -m metadata.yml`)",
    )
    p.add_argument("--db", metavar="URL", help=DB_HELP)
    p.add_argument(
        "--format",
        choices=["text", *FORMATS],
        default="text",
        help="output format (default: text): "
        + "; ".join(f"{name}: {f.help}" for name, f in FORMATS.items())
        + " (docs/export.md)",
    )
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout (parquet: needed on a terminal)")
    p.add_argument("--about", metavar="WORDS", help="only claims about these words (as 'sayso claims --about')")
    p.add_argument("--speaker", metavar="NAME", help="only claims of this speaker (part of the name)")
    p.add_argument("--since", type=_date, metavar="DATE", help="only claims said on or after this day (YYYY-MM-DD)")
    p.add_argument("--until", type=_date, metavar="DATE", help="only claims said on or before this day (YYYY-MM-DD)")
    p.add_argument("--language", type=_language, metavar="LANG", help="only claims of articles in this language")


def _query_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", help=DB_HELP)
    p.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")


STORE_COMMANDS: tuple[Command, ...] = (
    Command(
        "ingest",
        "Analyse articles and add them to the store, one transaction each; already stored texts are skipped.",
        run_ingest,
        _ingest_args,
    ),
    Command("claims", "List stored claims, filtered by topic, speaker and date.", run_claims, _claims_args),
    Command(
        "claim", "Show one stored claim: article, speaker, chain, certainty, numbers, dates.", run_claim, _claim_args
    ),
    Command(
        "sources", "List speakers and cited sources with their claim counts and grades.", run_sources, _sources_args
    ),
    Command("grade", "Grade a source's reliability (A-F) as an analyst.", run_grade, _grade_args),
    Command(
        "export",
        "Export claims, clusters (appearances, origins, independent count, repeats, contradictions, proposed "
        "credibility 1-6) or sources as text, JSON, csv, tsv, parquet, Web Annotation, ClaimReview, STIX or "
        "MISP; or Datasette's metadata.yml for the store.",
        run_export,
        _export_args,
    ),
)


# recluster (issue 11)


def run_recluster(args: argparse.Namespace) -> int:
    with open_store(args.db, create=False) as store:
        claims = store.recluster(every=_every(args))
        clusters = len(store.clusters())
    print(f"reclustered {plural(claims, 'claim')} into {plural(clusters, 'cluster')}")
    return 0


def _recluster_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", help=DB_HELP)
    p.add_argument(
        "--cluster-every",
        type=_claims,
        metavar="N",
        help="cluster in runs of N claims, taken in order of publication, each clustering the nearest clusters "
        "of the runs before again (default: 2000; one run's time grows with the square of its claims); "
        "0: all in one run, exactly one batch",
    )


STORE_COMMANDS = (  # recluster comes last, after the commands that fill and read the store
    *STORE_COMMANDS,
    Command(
        "recluster",
        "Cluster every stored claim again (one transaction), in runs of 2,000 claims in order of publication: "
        "the same articles give the same clusters in whatever order they were ingested. Grades and merged "
        "sources stay.",
        run_recluster,
        _recluster_args,
    ),
)
