"""The application: routes, templates, the store each thread reads, and ``serve`` for ``sayso serve``."""

from __future__ import annotations

import sys
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from sayso.errors import StoreUnavailableError
from sayso.store import Store, open_store
from sayso.web import api, pages
from sayso.web.jobs import Analyse, Jobs
from sayso.web.links import article_href, link_url
from sayso.web.security import Access, Guard, is_loopback

HERE = Path(__file__).resolve().parent


class Stores:
    """One open store per thread (a connection is never shared between threads); all closed at shutdown."""

    def __init__(self, url: str | None, embedder: Any = None) -> None:
        self.embedder = embedder
        try:  # a new store is made (and an old one migrated) once, here
            first = open_store(url, create=True, embedder=embedder)
            first.index_words()  # claims stored before the word index: searched through it from now on
            self.writable = True
        except StoreUnavailableError:
            first = open_store(url, create=False, embedder=embedder)
            self.writable = False  # read-only: browse, but adding and grading are refused
        self.where = first.url  # without a password
        first.close()
        self.url = url
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        found: Store | None = getattr(self._local, "store", None)
        if found is None:
            found = open_store(self.url, create=False, embedder=self.embedder)
            self._local.store = found
            with self._lock:
                self._all.append(found)
        return found

    def new(self) -> Store:
        """A store of its own, for a thread that adds articles (closed by its user)."""
        return open_store(self.url, create=False, embedder=self.embedder)

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()


def templates() -> Environment:
    env = Environment(
        loader=PackageLoader("sayso.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(article_href=article_href, link_url=link_url)
    return env


def create_app(
    db: str | None = None,
    *,
    host: str = "127.0.0.1",
    token: str | None = None,
    analyse: Analyse | None = None,
    embedder: Any = None,
) -> Starlette:
    """The workspace over the store ``db`` (as ``open_store`` reads it). ``host``: the address it will listen
    on (loopback: only its own names are answered; any other: ``token``, or a new one, is required; see
    ``app.state.access``). ``analyse`` and ``embedder`` replace the pipeline and the clustering model (tests)."""
    stores = Stores(db, embedder)
    access = Access.for_bind(host, token)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        stores.close()

    app = Starlette(
        routes=[
            *pages.routes(),
            Mount("/api", routes=api.routes()),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ],
        middleware=[Middleware(Guard, access=access)],
        lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.jobs = Jobs(stores.new, analyse)
    app.state.templates = templates()
    app.state.access = access
    return app


def serve(
    db: str | None, host: str = "127.0.0.1", port: int = 8000, *, say: Callable[[str], None] | None = None
) -> None:
    """Run the workspace with uvicorn until interrupted; print where to open it (with its token, when it needs one)."""
    import uvicorn

    app = create_app(db, host=host)
    access: Access = app.state.access
    shown = f"[{host}]" if ":" in host else host
    link = f"http://{shown}:{port}/" + (f"?token={access.token}" if access.token else "")
    (say or (lambda line: print(line, file=sys.stderr)))(
        f"sayso: the workspace over {app.state.stores.where} is at {link}"
        + ("" if is_loopback(host) else " (listening beyond this machine: the token is needed)")
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
