"""The HTML pages: each handler asks ``views`` for the data (the same the API returns) and renders a template."""

from __future__ import annotations

import shutil
from datetime import date
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from sayso.errors import SaysoError
from sayso.options import DEFAULT_MAX_BYTES, Options
from sayso.records import iso_date
from sayso.store import Store
from sayso.web import views
from sayso.web.highlight import LAYERS
from sayso.web.jobs import write_batch
from sayso.web.layout import provenance, timeline
from sayso.web.links import article_href
from sayso.web.security import form_is_genuine, remember_session, session_token

MAX_FILES = 100


def _store(request: Request) -> Store:
    return request.app.state.stores.get()  # type: ignore[no-any-return]


def render(request: Request, name: str, status: int = 200, **data: Any) -> Response:
    template = request.app.state.templates.get_template(name)
    html = template.render(
        request=request, csrf=session_token(request), writable=request.app.state.stores.writable, **data
    )
    return remember_session(request, HTMLResponse(html, status_code=status))


def not_found(request: Request, what: str, why: str = "") -> Response:
    return render(request, "error.html", 404, message=f"{what} is not in this store.{' ' + why if why else ''}")


GONE_CLUSTER = (
    "Clusters change as articles arrive: a later clustering run may have joined its claims to other clusters "
    "(the page of each claim leads to its cluster now)."
)


async def home(request: Request) -> Response:
    return render(request, "home.html", **views.home(_store(request), views.page_number(request.query_params)))


async def article(request: Request) -> Response:
    data = views.article(_store(request), request.path_params["article_id"])
    if data is None:
        return not_found(request, "This article")
    return render(request, "article.html", a=data, layers=LAYERS)


async def clusters(request: Request) -> Response:
    return render(request, "clusters.html", **views.clusters(_store(request), views.page_number(request.query_params)))


async def cluster(request: Request) -> Response:
    data = views.cluster(_store(request), request.path_params["cluster_id"])
    if data is None:
        return not_found(request, "This cluster", GONE_CLUSTER)
    graph = provenance(data["appearances"], data["cluster"]["origins"])
    return render(request, "cluster.html", k=data, timeline=timeline(data["appearances"]), graph=graph)


async def claim(request: Request) -> Response:
    store = _store(request)
    found = store.claim(request.path_params["claim_id"])
    if found is None:
        return not_found(request, "This claim")
    k = store.clusters_of([found.id]).get(found.id)
    target = f"/clusters/{k}#claim-{found.id}" if k is not None else article_href(found.article.id)
    return RedirectResponse(target, status_code=303)


async def sources(request: Request) -> Response:
    return render(request, "sources.html", **views.sources(_store(request), views.page_number(request.query_params)))


async def source(request: Request, *, error: str | None = None, status: int = 200) -> Response:
    data = views.source(_store(request), request.path_params["source_id"])
    if data is None:
        return not_found(request, "This source")
    return render(request, "source.html", status, s=data, error=error)


async def source_named(request: Request) -> Response:
    found = _store(request).source_named(request.query_params.get("name", "")[:300])
    if found is None:
        return not_found(request, "A source of that name")
    return RedirectResponse(f"/sources/{found.id}", status_code=303)


async def _genuine_form(request: Request) -> Any:
    form = await request.form(max_files=0, max_fields=20)
    if not form_is_genuine(request, form.get("csrf")):
        return None
    return form


def _refused(request: Request) -> Response:
    return render(
        request,
        "error.html",
        403,
        message="This form did not come from this workspace's own page (or its session expired): reload the "
        "page and send it again.",
    )


async def grade(request: Request) -> Response:
    form = await _genuine_form(request)
    if form is None:
        return _refused(request)
    sid = request.path_params["source_id"]
    row = _store(request).source(sid)
    if row is None:
        return not_found(request, "This source")
    try:
        _store(request).grade(row.name, str(form.get("code", "")), analyst=str(form.get("analyst", "")).strip() or None)
    except SaysoError as err:
        return await source(request, error=str(err), status=400)
    return RedirectResponse(f"/sources/{sid}", status_code=303)


async def merge(request: Request) -> Response:
    form = await _genuine_form(request)
    if form is None:
        return _refused(request)
    sid = request.path_params["source_id"]
    store = _store(request)
    row = store.source(sid)
    if row is None:
        return not_found(request, "This source")
    try:
        store.merge_sources(row.name, str(form.get("other", "")).strip())
    except SaysoError as err:
        return await source(request, error=str(err), status=400)
    return RedirectResponse(f"/sources/{sid}", status_code=303)


async def search(request: Request) -> Response:
    query = views.Query.of(request.query_params)
    return render(request, "search.html", **views.search(_store(request), query))


async def add_form(request: Request) -> Response:
    return render(request, "add.html", error=None)


async def add(request: Request) -> Response:
    form = await request.form(max_files=MAX_FILES, max_fields=20, max_part_size=DEFAULT_MAX_BYTES)
    if not form_is_genuine(request, form.get("csrf")):
        return _refused(request)
    if not request.app.state.stores.writable:
        return render(request, "add.html", 403, error="This store is read-only here: nothing can be added.")
    jobs = request.app.state.jobs
    folder = jobs.folder()
    try:
        options = Options(
            language=_field(form, "language"),
            published=_day(_field(form, "published")),
            title=_field(form, "title"),
            outlet=_field(form, "outlet"),
            url=_field(form, "url"),
        )
        uploads = [
            (upload.filename, await upload.read())
            for upload in form.getlist("files")
            if isinstance(upload, UploadFile) and upload.filename
        ]
        written = write_batch(folder, str(form.get("text", "") or ""), _field(form, "id"), uploads)
    except SaysoError as err:
        shutil.rmtree(folder, ignore_errors=True)
        return render(request, "add.html", 400, error=str(err))
    if not written:
        shutil.rmtree(folder, ignore_errors=True)
        return render(request, "add.html", 400, error="Paste an article's text or choose files to upload.")
    job = jobs.start(folder, options)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


def _day(value: str | None) -> date | None:
    return iso_date(value, "the published date") if value else None


def _field(form: Any, name: str) -> str | None:
    value = form.get(name)
    return value.strip() or None if isinstance(value, str) else None


async def job(request: Request) -> Response:
    found = request.app.state.jobs.get(request.path_params["job_id"])
    if found is None:
        return not_found(request, "This batch")
    return render(request, "job.html", job=found.as_dict())


def routes() -> list[Route]:
    return [
        Route("/", home),
        Route("/articles/{article_id:path}", article),
        Route("/clusters", clusters),
        Route("/clusters/{cluster_id:int}", cluster),
        Route("/claims/{claim_id:int}", claim),
        Route("/sources", sources),
        Route("/sources/{source_id:int}", source),
        Route("/source", source_named),
        Route("/sources/{source_id:int}/grade", grade, methods=["POST"]),
        Route("/sources/{source_id:int}/merge", merge, methods=["POST"]),
        Route("/search", search),
        Route("/add", add_form),
        Route("/add", add, methods=["POST"]),
        Route("/jobs/{job_id}", job),
    ]
