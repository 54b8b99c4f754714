"""The JSON API under ``/api/``: the data of every page (``views``) as JSON, and the writes (grade, merge, add
articles) for scripts. Writes take ``application/json`` only (see ``security``)."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from sayso.errors import SaysoError
from sayso.options import Options
from sayso.shapes import claim_dict, cluster_dict, source_dict, to_json
from sayso.store import Store
from sayso.web import views
from sayso.web.jobs import file_name
from sayso.web.security import api_write_is_genuine

MAX_BODY = 20_000_000  # bytes of one JSON post


def answer(data: Any, status: int = 200) -> Response:
    return Response(to_json(data), status_code=status, media_type="application/json")


def problem(message: str, status: int) -> Response:
    return answer({"error": message}, status)


def _store(request: Request) -> Store:
    return request.app.state.stores.get()  # type: ignore[no-any-return]


async def home(request: Request) -> Response:
    return answer(views.home(_store(request), views.page_number(request.query_params)))


async def article(request: Request) -> Response:
    data = views.article(_store(request), request.path_params["article_id"])
    return problem("no such article", 404) if data is None else answer(data)


async def clusters(request: Request) -> Response:
    return answer(views.clusters(_store(request), views.page_number(request.query_params)))


async def cluster(request: Request) -> Response:
    data = views.cluster(_store(request), request.path_params["cluster_id"])
    gone = "no such cluster: a later clustering run may have joined its claims to other clusters (see each claim's)"
    return problem(gone, 404) if data is None else answer(data)


async def claim(request: Request) -> Response:
    store = _store(request)
    found = store.claim(request.path_params["claim_id"])
    if found is None:
        return problem("no such claim", 404)
    k = store.cluster_of(found.id)
    return answer({**claim_dict(found), "cluster": cluster_dict(k) if k else None})  # as `sayso claim --format json`


async def sources(request: Request) -> Response:
    return answer(views.sources(_store(request), views.page_number(request.query_params)))


async def source(request: Request) -> Response:
    data = views.source(_store(request), request.path_params["source_id"])
    return problem("no such source", 404) if data is None else answer(data)


async def search(request: Request) -> Response:
    data = views.search(_store(request), views.Query.of(request.query_params))
    return answer(data, 400 if "error" in data else 200)


async def _body(request: Request) -> dict[str, Any] | Response:
    if not api_write_is_genuine(request):
        return problem("send JSON (Content-Type: application/json) from this workspace or a script", 403)
    raw = await request.body()
    if len(raw) > MAX_BODY:
        return problem(f"the body is over {MAX_BODY:,} bytes; send fewer articles at a time", 413)
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return problem("the body is not JSON", 400)
    return body if isinstance(body, dict) else problem("send a JSON object", 400)


async def grade(request: Request) -> Response:
    body = await _body(request)
    if isinstance(body, Response):
        return body
    store = _store(request)
    row = store.source(request.path_params["source_id"])
    if row is None:
        return problem("no such source", 404)
    analyst = body.get("analyst")
    try:
        graded = store.grade(row.name, str(body.get("code", "")), analyst=analyst if isinstance(analyst, str) else None)
    except SaysoError as err:
        return problem(str(err), 400)
    return answer(source_dict(graded))


async def merge(request: Request) -> Response:
    body = await _body(request)
    if isinstance(body, Response):
        return body
    store = _store(request)
    row = store.source(request.path_params["source_id"])
    if row is None:
        return problem("no such source", 404)
    try:
        merged = store.merge_sources(row.name, str(body.get("other", "")))
    except SaysoError as err:
        return problem(str(err), 400)
    return answer(source_dict(merged))


async def add(request: Request) -> Response:
    """``{"articles": [{"text": ..., "title": ..., ...}]}``, each as a JSONL line of ``sayso ingest`` is."""
    body = await _body(request)
    if isinstance(body, Response):
        return body
    if not request.app.state.stores.writable:
        return problem("this store is read-only here", 403)
    articles = body.get("articles")
    if not isinstance(articles, list) or not articles or not all(isinstance(a, dict) for a in articles):
        return problem('send {"articles": [{"text": "...", "title": "...", ...}, ...]}', 400)
    jobs = request.app.state.jobs
    folder = jobs.folder()
    lines = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
    (folder / file_name("api.jsonl", "api.jsonl")).write_text(lines, encoding="utf-8")
    job = jobs.start(folder, Options())
    return answer(job.as_dict(), 202)


async def job(request: Request) -> Response:
    found = request.app.state.jobs.get(request.path_params["job_id"])
    return problem("no such batch", 404) if found is None else answer(found.as_dict())


def routes() -> list[Route]:
    return [
        Route("/articles", home),
        Route("/articles", add, methods=["POST"]),
        Route("/articles/{article_id:path}", article),
        Route("/clusters", clusters),
        Route("/clusters/{cluster_id:int}", cluster),
        Route("/claims/{claim_id:int}", claim),
        Route("/sources", sources),
        Route("/sources/{source_id:int}", source),
        Route("/sources/{source_id:int}/grade", grade, methods=["POST"]),
        Route("/sources/{source_id:int}/merge", merge, methods=["POST"]),
        Route("/search", search),
        Route("/jobs/{job_id}", job),
    ]
