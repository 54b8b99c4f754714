"""Progress of a batch on stderr: a bar (count, percentage, rate, time left) on a terminal, plain lines when
stderr is a file or a pipe. Phases that take a while say so ("loading models", "clustering 12 claims")."""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from sayso.cli.render import plural

PLAIN_EVERY = 5.0  # seconds between two plain progress lines


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many articles the paths hold, counted without analysing them (files; the lines of JSONL batches;
    the HTML pages of web archives), or None when that is not known before reading (stdin)."""
    from sayso.ingest.files import count_articles
    from sayso.ingest.readers import article_files

    total = 0
    for item in paths:
        path = Path(item)
        if item == "-":
            return None
        files = article_files(path) if path.is_dir() else [path]
        total += sum(count_articles(f) if f.is_file() else 1 for f in files) or 1  # an empty folder: one skip
    return total


class Progress:
    """``advance`` after each article, ``phase`` before a slow step, ``close`` at the end (or use ``with``)."""

    def __init__(self, stream: TextIO | None, total: int | None, *, verb: str = "done") -> None:
        """``stream`` None: say nothing (one article needs no progress)."""
        self.stream, self.total, self.verb = stream, total, verb
        self.done = 0
        self.start = time.monotonic()
        self.last_line = self.start
        self.bar: Any = None
        if stream is not None and stream.isatty():
            from tqdm import tqdm

            class Bar(tqdm):  # type: ignore[type-arg]
                monitor_interval = 0  # no monitor thread: workers are forked only from a process of one thread

            self.bar = Bar(total=total, unit=" articles", file=stream, dynamic_ncols=True, leave=False)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def phase(self, text: str) -> None:
        """A slow step begins: the bar's label, or one plain line."""
        if self.bar is not None:
            self.bar.set_description_str(text)
        else:
            self._line(f"sayso: {text}")

    def advance(self, counts: Counter[str] | None = None) -> None:
        self.done += 1
        detail = ", ".join(f"{k} {v}" for k, v in counts.items()) if counts else ""
        if self.bar is not None:
            self.bar.set_description_str(self.verb)
            self.bar.set_postfix_str(detail, refresh=False)
            self.bar.update(1)
        elif time.monotonic() - self.last_line >= PLAIN_EVERY:
            self._line(self._status(detail))

    def finish(self, counts: Counter[str] | None = None) -> None:
        """The last progress line (plain mode): the count and the rate, once."""
        if self.bar is None and self.done:
            self._line(self._status(", ".join(f"{k} {v}" for k, v in counts.items()) if counts else ""))

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Write to the terminal without tearing the bar: it is cleared, then drawn again."""
        if self.bar is None:
            yield
            return
        with self.bar.external_write_mode():
            yield

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def _status(self, detail: str) -> str:
        elapsed = max(time.monotonic() - self.start, 1e-9)
        rate = self.done / elapsed
        line = f"sayso: {plural(self.done, 'article')}, {rate:.1f} articles/s"
        if self.total:
            line += f", {min(100, round(100 * self.done / self.total))}% of {self.total}"
            if self.done < self.total and rate > 0:
                line += f", about {round((self.total - self.done) / rate)} s left"
        return line + (f" ({detail})" if detail else "")

    def _line(self, text: str) -> None:
        self.last_line = time.monotonic()
        if self.stream is not None:
            print(text, file=self.stream, flush=True)
