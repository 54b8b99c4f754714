"""The web workspace through Starlette's test client: pages, the JSON API (the shared shapes), the checks that
keep it safe (headers, Host, token, anti-forgery), search, adding articles, and the XSS corpus escaped."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web workspace needs its extra: pip install 'sayso[web]'")

from starlette.testclient import TestClient

from _store_helpers import Topics
from _web_helpers import XSS, build_store, written
from sayso.records import Analysis, Article, Attribution, Span
from sayso.shapes import claim_dict, cluster_dict, source_dict
from sayso.store import open_store
from sayso.web import create_app, views
from sayso.web.highlight import pieces
from sayso.web.security import CSP

HERE = "http://127.0.0.1"
TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "sayso" / "web" / "templates"


@pytest.fixture(scope="module")
def web_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("web") / "sayso.db")


@pytest.fixture
def client(web_url: str) -> TestClient:
    return TestClient(create_app(web_url, analyse=written, embedder=Topics()), base_url=HERE)


def _csrf(client: TestClient, page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(page).text)
    assert found, f"no anti-forgery token on {page}"
    return found.group(1)


def _every_page(client: TestClient) -> list[str]:
    with open_store(client.app.state.stores.url, create=False) as store:  # type: ignore[attr-defined]
        articles = [a.id for a in store.articles(limit=1000)]
        clusters = [k.id for k in store.clusters()]
        sources = [s.id for s in store.sources()]
    from sayso.web.links import article_href

    return (
        ["/", "/clusters", "/sources", "/search", "/add", "/search?words=jets", "/search?speaker=script"]
        + [article_href(a) for a in articles]
        + [f"/clusters/{k}" for k in clusters]
        + [f"/sources/{s}" for s in sources]
    )


# pages


def test_web_article_page_highlights_every_layer_and_lists_attributions(client: TestClient) -> None:
    html = client.get("/articles/port-reuters").text
    for layer in ("source", "cue", "content", "quantity", "time", "entity", "boilerplate"):
        assert f"hl-{layer}" in html and f'data-layer="{layer}"' in html
    assert re.search(r'class="hl hl-content hl-quantity( hl-time)?"[^>]*>60<', html)
    assert "Harbour master Ella Vos" in html and "possible" in html  # the speaker and the hedged certainty
    assert re.search(r'hl-boilerplate">Read more', html)
    assert 'href="/clusters/' in html
    assert re.search(r">the port authority</a>", html)  # the chain beside the text


def test_web_cluster_page_shows_origins_timeline_and_contradictions(client: TestClient, web_url: str) -> None:
    with open_store(web_url, create=False) as store:
        k = next(k for k in store.clusters() if k.across)
    html = client.get(f"/clusters/{k.id}").text
    assert "<svg" in html and 'class="dot lang-' in html
    assert "Credibility <strong>" in html and "independent origin" in html
    assert "quantity:" in html or "denial:" in html  # the contradiction's reason
    assert 'class="side-by-side"' in html
    for c in k.claims:
        assert f'id="claim-{c.id}"' in html


def test_web_source_page_grades_and_merges(client: TestClient, web_url: str) -> None:
    with open_store(web_url, create=False) as store:
        vos = next(s for s in store.sources() if s.name == "Harbour master Ella Vos")
        other = next(s for s in store.sources() if s.name == "Havenmeester Ella Vos")
    page = client.get(f"/sources/{vos.id}").text
    assert "Reuters" in page and "60 ships" in page  # the outlet that prints it, its claims
    token = _csrf(client, f"/sources/{vos.id}")
    done = client.post(f"/sources/{vos.id}/grade", data={"csrf": token, "code": "B", "analyst": "jdv"})
    assert done.status_code == 200 and 'id="current-grade">B<' in done.text  # followed to the page
    bad = client.post(f"/sources/{vos.id}/grade", data={"csrf": token, "code": "Q"})
    assert bad.status_code == 400 and "not a source grade" in bad.text
    merged = client.post(f"/sources/{vos.id}/merge", data={"csrf": token, "other": other.name})
    assert merged.status_code == 200 and "Havenmeester Ella Vos" in merged.text  # now one of its spellings
    with open_store(web_url, create=False) as store:
        assert store.source(other.id) is None and store.source(vos.id).grade == "B"  # type: ignore[union-attr]


def test_web_search_filters_and_pages(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    found = client.get("/api/search", params={"words": "bridge", "language": "en"}).json()
    assert found["claims"] and all("bridge" in c["text"] for c in found["claims"])
    assert not client.get("/api/search", params={"words": "bridge", "language": "nl"}).json()["claims"]
    dated = client.get("/api/search", params={"words": "ships", "since": "2025-03-11"}).json()["claims"]
    assert dated and all(c["said_on"] >= "2025-03-11" for c in dated)
    assert not any(c["text"].startswith("60 ships") for c in dated)  # said on Monday 10 March
    by_speaker = client.get("/api/search", params={"speaker": "bo lind"}).json()["claims"]
    assert {c["speaker"] for c in by_speaker} == {"City engineer Bo Lind"}
    by_entity = client.get("/api/search", params={"entity": "Oekraïne"}).json()["claims"]  # no claim names it
    assert by_entity == []
    assert client.get("/api/search", params={"since": "2025-02-30"}).status_code == 400
    monkeypatch.setattr(views, "PAGE", 2)
    first = client.get("/api/search", params={"words": "jets"}).json()
    second = client.get("/api/search", params={"words": "jets", "after": first["next"]}).json()
    assert len(first["claims"]) == 2 and first["next"] == first["claims"][-1]["id"]
    assert second["claims"][0]["id"] > first["next"]
    assert 'rel="next"' in client.get("/search", params={"words": "jets"}).text


# the API mirrors the pages with the shared shapes


def test_web_api_uses_the_shared_shapes(client: TestClient, web_url: str) -> None:
    with open_store(web_url, create=False) as store:
        claim = store.claims(article="port-reuters")[1]
        k = store.cluster_of(claim.id)
        source = store.sources()[0]
        want_claim = json.loads(json.dumps({**claim_dict(claim), "cluster": cluster_dict(k) if k else None}))
        want_cluster = json.loads(json.dumps(cluster_dict(k))) if k else None
        want_source = json.loads(json.dumps(source_dict(store.source(source.id))))  # type: ignore[arg-type]
    assert client.get(f"/api/claims/{claim.id}").json() == want_claim
    if k is not None:
        assert client.get(f"/api/clusters/{k.id}").json()["cluster"] == want_cluster
    assert client.get(f"/api/sources/{source.id}").json()["source"] == want_source
    article = client.get("/api/articles/port-reuters").json()
    assert article["text"].startswith("Ships wait") and article["attributions"][0]["cluster"] is not None
    assert client.get("/api/articles/no-such").status_code == 404
    assert client.get("/api/claims/99999999999999999999").status_code == 404
    gone = client.get("/clusters/99999")  # a cluster a later run joined to another: say so and where to look
    assert gone.status_code == 404 and "joined its claims to other clusters" in gone.text
    assert "joined its claims" in client.get("/api/clusters/99999").text
    redirect = client.get(f"/claims/{claim.id}", follow_redirects=False)
    assert redirect.status_code == 303 and redirect.headers["location"].startswith("/clusters/")


def test_web_api_writes_take_json_only(client: TestClient, web_url: str) -> None:
    with open_store(web_url, create=False) as store:
        sid = next(s.id for s in store.sources() if s.name == "City engineer Bo Lind")
    as_form = client.post(f"/api/sources/{sid}/grade", data={"code": "A"})
    assert as_form.status_code == 403  # what a cross-site form could send
    foreign = client.post(f"/api/sources/{sid}/grade", json={"code": "A"}, headers={"Origin": "http://evil.example"})
    assert foreign.status_code == 403
    done = client.post(f"/api/sources/{sid}/grade", json={"code": "C", "analyst": "api"})
    assert done.status_code == 200 and done.json()["grade"] == "C" and done.json()["graded_by"] == "api"


# adding articles


def _wait(client: TestClient, job: str) -> dict[str, object]:
    for _ in range(200):
        state = client.get(f"/api/jobs/{job}").json()
        if state["state"] in ("done", "failed"):
            return state  # type: ignore[no-any-return]
        time.sleep(0.05)
    raise AssertionError(f"job {job} did not finish")


def test_web_add_pasted_text_and_uploaded_files(client: TestClient) -> None:
    token = _csrf(client, "/add")
    text = "Pilot Kim Roos :: the jets flew 4 times over Rotterdam"
    sent = client.post(
        "/add",
        data={"csrf": token, "text": text, "id": "pasted-jets", "title": "Jets", "published": "2025-03-16"},
        follow_redirects=False,
    )
    assert sent.status_code == 303
    state = _wait(client, sent.headers["location"].rsplit("/", 1)[1])
    assert state["added"] == ["pasted-jets"], state
    assert "Pilot Kim Roos" in client.get("/articles/pasted-jets").text
    lines = "\n".join(
        json.dumps({"id": f"batch-{n}", "text": f"Clerk Al Berg :: the bridge opened {n} times"}) for n in range(3)
    )
    files = [
        ("files", ("batch.jsonl", lines.encode(), "application/json")),
        ("files", ("../../evil.txt", b"Hi.", "text/plain")),
    ]
    sent = client.post("/add", data={"csrf": token}, files=files, follow_redirects=False)
    state = _wait(client, sent.headers["location"].rsplit("/", 1)[1])
    assert state["total"] == 4 and len(state["added"]) == 4 and not state["skipped"], state  # type: ignore[arg-type]
    page = client.get(sent.headers["location"]).text
    assert "done" in page and 'http-equiv="refresh"' not in page
    empty = client.post("/add", data={"csrf": token, "text": "  "})
    assert empty.status_code == 400 and "Paste" in empty.text
    again = client.post("/api/articles", json={"articles": [{"text": text, "id": "pasted-jets"}]})
    assert again.status_code == 202 and _wait(client, again.json()["id"])["already_there"] == ["pasted-jets"]


# safe by default


def test_web_every_answer_has_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/no-such-page", "/static/style.css", "/api/sources", "/articles/none"):
        answer = client.get(path)
        assert answer.headers["content-security-policy"] == CSP, path
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["x-frame-options"] == "DENY"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP and "style-src 'self'" in CSP


def test_web_on_loopback_only_its_own_host_names_are_answered(web_url: str) -> None:
    app = create_app(web_url, embedder=Topics())
    assert TestClient(app, base_url="http://localhost:8000").get("/").status_code == 200
    rebound = TestClient(app, base_url="http://attacker.example:8000").get("/")
    assert rebound.status_code == 421 and "127.0.0.1" in rebound.text


def test_web_beyond_loopback_a_token_is_needed(web_url: str) -> None:
    app = create_app(web_url, host="0.0.0.0", token="s3cret-token", embedder=Topics())
    client = TestClient(app, base_url="http://192.0.2.7:8000")
    assert client.get("/").status_code == 401
    assert client.get("/api/sources", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/sources", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
    first = client.get("/sources?token=s3cret-token", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/sources"  # the token leaves the address
    assert client.get("/sources").status_code == 200  # kept in the cookie now
    assert create_app(web_url, host="0.0.0.0", embedder=Topics()).state.access.token  # made up when not given


def test_web_forms_refuse_cross_site_posts(client: TestClient, web_url: str) -> None:
    with open_store(web_url, create=False) as store:
        sid = next(s.id for s in store.sources() if "Smet" in s.name)
    token = _csrf(client, f"/sources/{sid}")
    no_token = client.post(f"/sources/{sid}/grade", data={"code": "E"})
    wrong = client.post(f"/sources/{sid}/grade", data={"code": "E", "csrf": "x" * 43})
    foreign = client.post(
        f"/sources/{sid}/grade", data={"code": "E", "csrf": token}, headers={"Origin": "http://evil.example"}
    )
    stranger = TestClient(client.app, base_url=HERE).post(f"/sources/{sid}/grade", data={"code": "E", "csrf": token})
    for refused in (no_token, wrong, foreign, stranger):  # stranger: the right token but no session cookie
        assert refused.status_code == 403
    with open_store(web_url, create=False) as store:
        assert store.source(sid).grade is None  # type: ignore[union-attr]


def test_web_xss_corpus_is_escaped_on_every_page(client: TestClient) -> None:
    for path in _every_page(client):
        html = client.get(path).text
        for payload in XSS:
            if "<" in payload:
                assert payload not in html, (path, payload)
        assert not re.search(r"""(?:href|src)\s*=\s*["']?\s*javascript:""", html, re.IGNORECASE), path
        assert "alert(" not in re.sub(r"&[#\w]+;", "", "".join(re.findall(r"<script[^>]*>(.*?)</script>", html, re.S)))
    assert "{{ 7*7 }}" in client.get(f"/articles/xss-{len(XSS) - 1}").text  # the template engine never evaluates data


def test_web_templates_never_trust_data_or_inline_code() -> None:
    for template in TEMPLATES.glob("*.html"):
        source = template.read_text(encoding="utf-8")
        assert "|safe" not in source.replace(" ", "") and "autoescape false" not in source, template.name
        assert not re.search(r"<script(?![^>]*\bsrc=)", source), template.name  # no inline script
        assert not re.search(r"\son[a-z]+\s*=", source), template.name  # no inline event handler
        assert not re.search(r"\sstyle\s*=|<style", source), template.name  # no inline style


# pure parts


def test_web_highlight_pieces_cover_the_text_once_with_overlaps() -> None:
    text = "Ann said 60 ships came."
    content = Span.of(text, 9, 22)
    a = Attribution("indirect", Span.of(text, 0, 3), Span.of(text, 4, 8), (content,), "Ann")
    from sayso.records import Quantity

    analysis = Analysis(Article(text, id="t"), "en", attributions=(a,), quantities=(Quantity(9, 11, "60", 60.0),))
    found = pieces(analysis)
    assert "".join(p.text for p in found) == text
    assert [(p.text, p.layers) for p in found] == [
        ("Ann", ("source",)),
        (" ", ()),
        ("said", ("cue",)),
        (" ", ()),
        ("60", ("content", "quantity")),
        (" ships came", ("content",)),
        (".", ()),
    ]
    assert found[4].attribution == 1 and found[1].attribution is None


def test_web_serve_prints_where_to_open_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import uvicorn

    ran: list[tuple[str, int]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **_: ran.append((host, port)))
    from sayso.web import serve

    said: list[str] = []
    serve(str(tmp_path / "s.db"), "0.0.0.0", 8123, say=said.append)
    assert ran == [("0.0.0.0", 8123)]
    assert re.search(r"http://0\.0\.0\.0:8123/\?token=\S{20,}", said[0]) and "token is needed" in said[0]
    said.clear()
    serve(str(tmp_path / "s.db"), "127.0.0.1", 8124, say=said.append)
    assert "token" not in said[0]


def test_web_pages_answer_on_either_database(store_url: str) -> None:  # conftest's: SQLite and PostgreSQL
    from _web_helpers import ARTICLES, add_articles

    with open_store(store_url, embedder=Topics()) as store:
        add_articles(store, ARTICLES)
        k = store.cluster_of(store.claims(article="bridge-ap")[0].id)
    client = TestClient(create_app(store_url, analyse=written, embedder=Topics()), base_url=HERE)
    for page in ("/", "/articles/bridge-ap", f"/clusters/{k.id if k else 1}", "/sources", "/search?words=bridge"):
        assert client.get(page).status_code == 200, page
    assert client.get("/api/search", params={"speaker": "lind", "outlet": "ap"}).json()["claims"]


def test_web_sources_come_a_page_at_a_time(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "PAGE", 3)
    first, second = (client.get("/api/sources", params={"page": n}).json() for n in (1, 2))
    assert len(first["sources"]) == 3 and first["more"] and first["total"] > 6
    assert not {s["id"] for s in first["sources"]} & {s["id"] for s in second["sources"]}
    assert client.get("/api/sources", params={"page": "x"}).json()["page"] == 1
    assert 'rel="next"' in client.get("/sources").text


def test_web_sayso_serve_runs_and_stops(tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "sayso", "serve", "--db", str(tmp_path / "s.db"), "--port", str(port)]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as answer:
                    assert answer.status == 200 and answer.headers["Content-Security-Policy"] == CSP
                    assert "No articles yet" in answer.read().decode()
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                time.sleep(0.1)
        else:
            raise AssertionError("sayso serve did not answer within 30 s")
    finally:
        server.terminate()
        _, said = server.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in said and "token" not in said


def test_web_batch_files_never_overwrite_each_other(tmp_path: Path) -> None:
    from sayso.web.jobs import count_articles, write_batch

    uploads = [("a/index.html", b"<p>One.</p>"), ("b/index.html", b"<p>Two.</p>"), ("../../x.txt", b"Three.")]
    assert write_batch(tmp_path, "Pasted.", None, uploads) == 4
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names[:2] == ["index-2.html", "index.html"] and names[2].startswith("pasted-") and names[3] == "x.txt"
    assert count_articles(tmp_path) == 4
    assert write_batch(tmp_path, "Again.", "my id <1>", []) == 1 and (tmp_path / "my_id_1.txt").is_file()


def test_web_provenance_graph_joins_outlets_speakers_and_cited_sources() -> None:
    from sayso.web.layout import provenance, timeline

    def appearance(cid: int, outlet: str, chain: list[tuple[str, str]], repeat: bool) -> dict[str, object]:
        article = {"id": f"a{cid}", "outlet": outlet, "language": "en", "published": "2025-03-1" + str(cid)}
        links = [{"name": n, "role": r} for n, r in chain]
        return {"id": cid, "article": article, "chain": links, "repeat": repeat, "said_on": None, "text": "t"}

    shown = [
        appearance(1, "Reuters", [("Reuters", "outlet"), ("Ella Vos", "speaker"), ("port authority", "cited")], False),
        appearance(2, "AP", [("Ella Vos", "speaker"), ("port authority", "cited")], True),
    ]
    graph = provenance(shown, ["port authority"])
    assert sorted((n["role"], n["name"], n["origin"]) for n in graph["nodes"]) == [
        ("cited", "port authority", True),
        ("outlet", "AP", False),
        ("outlet", "Reuters", False),
        ("speaker", "Ella Vos", False),
    ]
    assert len(graph["edges"]) == 3 and [e["repeat"] for e in graph["edges"]].count(True) == 1  # AP -> Vos
    line = timeline(shown)
    assert [p["x"] for p in line["points"]] == [90, 720] and [t["label"] for t in line["ticks"]] == [
        "2025-03-11",
        "2025-03-12",
    ]


def test_web_clusters_list_the_best_corroborated_first(client: TestClient, web_url: str) -> None:
    listed = client.get("/api/clusters").json()["clusters"]
    with open_store(web_url, create=False) as store:
        every = store.clusters()
    assert len(listed) == len(every)
    order = [(-k["independent"], -len(k["claims"]), k["id"]) for k in listed]
    assert order == sorted(order)
    assert {k["id"] for k in listed} == {k.id for k in every}
    html = client.get("/clusters").text
    assert f'href="/clusters/{listed[0]["id"]}"' in html
