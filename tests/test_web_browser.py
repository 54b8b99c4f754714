"""The web workspace in a real browser: Debian's Chromium driven by Selenium through /usr/bin/chromedriver (so
Selenium downloads nothing), against a server on a free loopback port. Click from an article to its cluster
to a source, grade it, search, upload an article, and open every page of the XSS corpus with alert, confirm
and prompt watched: none may fire, and the Content-Security-Policy must have had nothing to block.
Screenshots go to $SAYSO_SCREENSHOTS (else the test's temporary folder). Skips, saying why, without Chromium."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the web workspace needs its extra: pip install 'sayso[web]'")
pytest.importorskip("selenium", reason="the browser tests need selenium (pip install -e '.[test]')")

from _store_helpers import Topics
from _web_helpers import XSS, build_store, written
from sayso.web import create_app

pytestmark = pytest.mark.browser

CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
WATCH = """
window.__dialogs = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = function (message) { window.__dialogs.push(name + ": " + message); return null; };
}
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    url = build_store(tmp_path_factory.mktemp("browser") / "sayso.db")
    app = create_app(url, analyse=written, embedder=Topics())
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (CHROMIUM.exists() and DRIVER.exists()):
        pytest.skip(
            f"no {CHROMIUM} and {DRIVER}: the browser tests need Debian's chromium and chromium-driver "
            "(./setup installs them when run as root: apt-get install chromium chromium-driver)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager may fetch nothing
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(DRIVER)))
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH})
    driver.implicitly_wait(2)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = os.environ.get("SAYSO_SCREENSHOTS")
    folder = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _no_dialog(driver: Any) -> list[str]:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return list(driver.execute_script("return window.__dialogs || []"))
    text = alert.text
    alert.dismiss()
    return [f"native: {text}"]


def _go(browser: Any, element: Any) -> None:
    """Click what leads to another page and wait until the browser has left this one (its elements stale):
    read at once, the page could still be the old one, which has an h1 too."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    old = browser.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(browser, 30).until(ec.staleness_of(old))


def _text(browser: Any, by: str, value: str) -> str:
    """The text of an element of a page that reloads itself (a batch's page): read again when it was replaced
    between finding it and reading it."""
    from selenium.common.exceptions import StaleElementReferenceException

    for _ in range(50):
        try:
            return str(browser.find_element(by, value).text)
        except StaleElementReferenceException:
            time.sleep(0.1)
    return str(browser.find_element(by, value).text)


def test_browser_article_to_cluster_to_source_and_grade(server: str, browser: Any, shots: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(server + "/")
    _go(browser, browser.find_element(By.LINK_TEXT, "Ships wait off Rotterdam after cyber attack"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Ships wait off Rotterdam after cyber attack"
    text = browser.find_element(By.ID, "article-text")
    assert text.find_elements(By.CSS_SELECTOR, ".hl-quantity") and text.find_elements(By.CSS_SELECTOR, ".hl-time")
    browser.find_element(By.CSS_SELECTOR, 'input[data-layer="content"]').click()  # a toggle of the legend
    assert "hide-content" in text.get_attribute("class")
    browser.find_element(By.CSS_SELECTOR, 'input[data-layer="content"]').click()
    browser.save_screenshot(str(shots / "article.png"))
    _go(browser, browser.find_element(By.CSS_SELECTOR, "#attribution-1 a.cluster-link"))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Cluster ")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.timeline circle.dot")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.provenance g.node")
    browser.save_screenshot(str(shots / "cluster.png"))
    _go(browser, browser.find_element(By.CSS_SELECTOR, "ul.chains a.source-link"))
    name = browser.find_element(By.TAG_NAME, "h1").text
    Select(browser.find_element(By.ID, "grade-code")).select_by_value("B")
    _go(browser, browser.find_element(By.ID, "grade-submit"))
    assert browser.find_element(By.TAG_NAME, "h1").text == name
    assert browser.find_element(By.ID, "current-grade").text == "B"
    browser.save_screenshot(str(shots / "source.png"))
    assert _no_dialog(browser) == []


def test_browser_search(server: str, browser: Any, shots: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "/search")
    browser.find_element(By.ID, "search-words").send_keys("bridge")
    _go(browser, browser.find_element(By.ID, "search-submit"))
    results = browser.find_elements(By.CSS_SELECTOR, "ul.results li.claim")
    assert results and all("bridge" in r.text.lower() for r in results)
    browser.save_screenshot(str(shots / "search.png"))


def test_browser_upload_an_article(server: str, browser: Any, shots: Path, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    upload = tmp_path / "lighthouse.txt"
    upload.write_text("Keeper Mia Dekker :: the ships passed the lighthouse 12 times on Monday\n", encoding="utf-8")
    browser.get(server + "/add")
    browser.find_element(By.ID, "add-files").send_keys(str(upload))
    browser.find_element(By.ID, "add-outlet").send_keys("Harbour Post")
    _go(browser, browser.find_element(By.ID, "add-submit"))
    for _ in range(30):  # the page refreshes itself every 2 seconds until the batch is done
        if _text(browser, By.ID, "job-state").lower() in ("done", "failed"):
            break
        time.sleep(0.5)
    assert _text(browser, By.ID, "job-state").lower() == "done"
    browser.save_screenshot(str(shots / "added.png"))
    _go(browser, browser.find_element(By.LINK_TEXT, "lighthouse"))
    assert "Keeper Mia Dekker" in browser.find_element(By.CLASS_NAME, "attributions").text
    assert "Harbour Post" in browser.find_element(By.CLASS_NAME, "outlet").text


def test_browser_xss_corpus_never_runs(server: str, browser: Any, shots: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get_log("browser")  # drop what came before
    pages = ["/", "/clusters", "/sources", "/search?words=jets", "/search?speaker=script"]
    pages += [f"/articles/xss-{n}" for n in range(len(XSS))]
    for page in pages:
        browser.get(server + page)
        if len(pages) < 60:  # and the clusters and sources the corpus leads to
            links = browser.find_elements(By.CSS_SELECTOR, "a.cluster-link, a.source-link")[:2]
            pages += [link.get_attribute("href").removeprefix(server) for link in links]
        assert _no_dialog(browser) == [], page
        blocked = [e["message"] for e in browser.get_log("browser") if "Content Security Policy" in e["message"]]
        assert blocked == [], (page, blocked)  # nothing of the data even reached the page as code
    browser.get(server + "/articles/xss-0")
    browser.execute_script("alert('the watch works')")
    assert _no_dialog(browser) == ["alert: the watch works"]  # so the checks above could have failed
    assert "<script>alert('script')</script>" in browser.find_element(By.TAG_NAME, "h1").text  # shown as text
    browser.save_screenshot(str(shots / "xss.png"))


@pytest.mark.slow
def test_browser_uploads_development_articles_through_the_real_pipeline(
    dev_dir: Path, browser: Any, shots: Path, tmp_path: Path
) -> None:
    """Two English and two Dutch articles of the development set (read where they are, never copied), uploaded
    in the browser, analysed by the real pipeline and clustered with the real model; then read as an analyst."""
    import uvicorn
    from selenium.webdriver.common.by import By

    app = create_app(str(tmp_path / "dev.db"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.05)
        files = sorted(dev_dir.glob("en-*.txt"))[:2] + sorted(dev_dir.glob("nl-*.txt"))[:2]
        browser.get(f"http://127.0.0.1:{port}/add")
        browser.find_element(By.ID, "add-files").send_keys("\n".join(str(f) for f in files))
        _go(browser, browser.find_element(By.ID, "add-submit"))
        for _ in range(600):  # loading the models and analysing: a minute or two on a shared machine
            if _text(browser, By.ID, "job-state").lower() in ("done", "failed"):
                break
            time.sleep(0.5)
        assert _text(browser, By.ID, "job-state").lower() == "done"
        added = browser.find_elements(By.CSS_SELECTOR, "a.article-link")
        assert len(added) == 4
        _go(browser, added[0])
        text = browser.find_element(By.ID, "article-text")
        assert text.find_elements(By.CSS_SELECTOR, ".hl-content") and text.find_elements(By.CSS_SELECTOR, ".hl-entity")
        browser.save_screenshot(str(shots / "dev-article.png"))
        browser.get(f"http://127.0.0.1:{port}/sources")
        assert browser.find_elements(By.CSS_SELECTOR, "a.source-link")
        assert _no_dialog(browser) == []
    finally:
        server.should_exit = True
        thread.join(timeout=10)
