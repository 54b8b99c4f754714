"""Adding articles from the browser: the pasted text or the uploaded files are written to a folder of their own
and read by ``sayso.ingest`` (the same rules as ``sayso ingest``), then analysed and stored one by one in a
thread, with its progress kept for the page that shows it."""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sayso.errors import SaysoError
from sayso.options import Options
from sayso.records import Analysis, Article, Skipped, id_with_hash

Analyse = Callable[..., Analysis]  # analyze(article, options=...)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
KEPT = 50  # jobs remembered


@dataclass
class Job:
    """One batch being added: counts so far, the articles stored, and why the others were skipped."""

    id: str
    total: int
    done: int = 0
    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    state: str = "waiting"  # waiting, analysing, clustering, done, failed
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "state": self.state,
            "total": self.total,
            "done": self.done,
            "percent": round(100 * self.done / self.total) if self.total else 100,
            "added": list(self.added),
            "already_there": list(self.already),
            "skipped": list(self.skipped),
            "error": self.error,
        }


def file_name(name: str | None, fallback: str) -> str:
    """A file name safe to write into the job's folder: the base name, odd characters replaced, a known suffix."""
    base = _UNSAFE.sub("_", Path(name or "").name).strip("._")[:100] or fallback
    return base if base.lower().endswith(SUFFIXES) else f"{base}.txt"


def unique(folder: Path, name: str) -> Path:
    """``folder / name``, or ``name-2``, ``name-3`` ... when two uploads share a name."""
    path, n = folder / name, 1
    while path.exists():
        n += 1
        path = folder / f"{Path(name).stem}-{n}{Path(name).suffix}"
    return path


def write_batch(folder: Path, text: str, pasted_id: str | None, uploads: list[tuple[str, bytes]]) -> int:
    """Write the pasted text (named by its id, else ``pasted-<hash>``) and the uploaded files into the batch's
    folder; how many files."""
    written = 0
    if text.strip():
        name = file_name(pasted_id, "pasted") if pasted_id else file_name(id_with_hash("pasted", text), "pasted")
        unique(folder, name).write_text(text, encoding="utf-8")
        written += 1
    for name, data in uploads:
        unique(folder, file_name(name, f"upload-{written}")).write_bytes(data)
        written += 1
    return written


def count_articles(folder: Path) -> int:
    """Articles in the folder: one a text or HTML file, one a non-empty JSONL line."""
    total = 0
    for f in folder.iterdir():
        if f.suffix.lower() == ".jsonl":
            total += sum(1 for line in f.read_bytes().splitlines() if line.strip())
        else:
            total += 1
    return total


class Jobs:
    """The batches of this server, each in a thread of its own that opens its own store connection."""

    def __init__(self, open_store: Callable[[], Any], analyse: Analyse | None = None) -> None:
        self._open_store = open_store
        self._analyse = analyse
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self.threads: list[threading.Thread] = []

    def folder(self) -> Path:
        return Path(tempfile.mkdtemp(prefix="sayso-web-"))

    def start(self, folder: Path, options: Options) -> Job:
        job = Job(secrets.token_hex(8), count_articles(folder))
        with self._lock:
            self._jobs[job.id] = job
            for old in list(self._jobs)[:-KEPT]:
                del self._jobs[old]
        thread = threading.Thread(target=self._run, args=(job, folder, options), name=f"sayso-job-{job.id}")
        thread.daemon = True
        self.threads.append(thread)
        thread.start()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def _run(self, job: Job, folder: Path, options: Options) -> None:
        from sayso.batch.ingest import ClusterEvery
        from sayso.ingest import iter_articles

        try:
            with self._open_store() as store:
                when = ClusterEvery(store)  # as `sayso ingest` does: a large upload is clustered on its way
                job.state = "analysing"
                for item in iter_articles([folder], options=options):
                    if when.due(self._one(store, job, item, options)):
                        job.state = "clustering"
                        store.cluster()
                        when.done()
                        job.state = "analysing"
                    job.done += 1
                job.state = "clustering"
                store.cluster()
            job.state = "done"
        except Exception as err:  # the thread's end: said on the job's page, never lost
            job.state, job.error = "failed", f"{type(err).__name__}: {err}"
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _one(self, store: Any, job: Job, item: Article | Skipped, options: Options) -> int:
        """One input into the store, said on the job; how many of its claims wait for a cluster."""
        if isinstance(item, Skipped):
            job.skipped.append(_shown(item))
            return 0
        known = store.stored_id(item.text)
        if known is not None:
            job.already.append(known)
            return 0
        try:
            analysis = self._analysis(item, options)
            result = store.add(analysis, cluster=False)
        except SaysoError as err:
            job.skipped.append(f"{item.id}: {err}")
            return 0
        (job.added if result.added else job.already).append(result.article_id)
        return int(result.waiting)

    def _analysis(self, article: Article, options: Options) -> Analysis:
        if self._analyse is not None:
            return self._analyse(article, options=options)
        from sayso.pipeline import analyze

        return analyze(article, options=options)


def _shown(skipped: Skipped) -> str:
    """A skipped input's reason, with the job's temporary folder left out of it."""
    return re.sub(r"\S*sayso-web-[^/\s]+/", "", skipped.reason)
