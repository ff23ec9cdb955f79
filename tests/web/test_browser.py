"""End-to-end: Debian's headless chromium, driven by Playwright, against a real uvicorn server.

Installs chromium with apt when it is missing and we are root; skips (with the reason) only when it
cannot be installed. Screenshots go to tests/artifacts/ (gitignored).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
from pathlib import Path

import pytest

from . import fixtures_db

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.slow


def ensure_chromium() -> str:
    if os.path.exists(CHROMIUM):
        return CHROMIUM
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("chromium is not installed and cannot be installed here (needs root and apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1200)
        if done.returncode != 0:
            pytest.skip(f"could not install chromium ({' '.join(cmd)}): {done.stderr.strip()[-300:]}")
    if not os.path.exists(CHROMIUM):
        pytest.skip("apt-get installed chromium but /usr/bin/chromium is absent")
    return CHROMIUM


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from accord.web import create_app

    db = tmp_path_factory.mktemp("browserdb") / "accord.db"
    ids = fixtures_db.build(db)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))  # a free port, held until uvicorn takes the socket over
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(str(db)), log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        thread.join(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}", ids
    srv.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    path = ensure_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, headless=True, args=CHROME_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    p = ctx.new_page()
    p.dialogs = []  # any alert() would land here
    p.console_errors = []
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    p.on("console", lambda m: m.type == "error" and p.console_errors.append(m.text))
    p.on("pageerror", lambda e: p.console_errors.append(str(e)))
    yield p
    ctx.close()


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5000
    return path


def test_filter_dyad_open_signing_event_see_highlighted_evidence(server, page):
    base, _ids = server
    page.goto(base + "/")
    assert page.locator("#events-table tbody tr").count() == 4
    page.fill("input[name=a]", "irn")
    page.fill("input[name=b]", "chn")
    page.click("#apply-filters")
    page.wait_for_url("**/?*a=IRN*")
    assert "b=CHN" in page.url and "actor=" not in page.url  # empty fields left out, codes upper-cased
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 3
    shot(page, "dashboard_irn_chn.png")
    page.locator("#events-table a.event-link", has_text="057").click()
    page.wait_for_selector("#evidence .mention")
    mention = page.locator("#evidence .mention").filter(has_text="twenty cooperation documents")
    sentence = mention.locator("blockquote.sentence")
    assert sentence.inner_text().startswith("Iran signed twenty cooperation documents with China")
    trigger = sentence.locator("mark.hl-trigger")
    assert trigger.inner_text() == "signed"
    assert sentence.locator("mark.hl-source").inner_text() == "Iran"
    assert sentence.locator("mark.hl-target").inner_text() == "China"
    bg = trigger.evaluate("el => getComputedStyle(el).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")  # the stylesheet loaded under the CSP
    assert page.locator("#evidence .mention").count() == 2  # both reports of the one signing
    shot(page, "event_signing.png")
    assert page.dialogs == [] and page.console_errors == []


def test_dyad_chart_and_network_draw(server, page):
    base, _ids = server
    page.goto(base + "/dyad?a=IRN&b=CHN")
    page.wait_for_selector("#dyad-chart[data-ready='1'] svg")
    assert page.locator("#dyad-chart svg rect").count() >= 2
    assert page.locator("#dyad-chart svg polyline.gline").count() == 1
    shot(page, "dyad_irn_chn.png")
    page.goto(base + "/network")
    page.wait_for_selector("#network[data-ready='1'] svg")
    labels = sorted(page.locator("#network svg .node text").all_text_contents())
    assert labels == ["CHN", "IRN", "USA"]
    shot(page, "network.png")
    assert page.console_errors == []


def test_xss_payload_never_executes(server, page):
    base, ids = server
    xss_event = next(e["id"] for e in ids["events"] if e["article_id"] == ids["xss_article"])
    for url in (f"/articles/{ids['xss_article']}", f"/events/{xss_event}", "/", "/facts", "/dyad?a=CHN&b=IRN",
                "/network"):
        page.goto(base + url)
        page.wait_for_load_state("load")
        assert page.locator("img").count() == 0, url
        assert page.evaluate("document.querySelectorAll('script:not([src])').length") == 0, url
    page.goto(base + f"/articles/{ids['xss_article']}")
    title = page.locator("h1.article-title").inner_text()
    assert fixtures_db.XSS_SCRIPT in title and fixtures_db.XSS_IMG in title  # shown as text
    shot(page, "article_xss.png")
    assert page.dialogs == []
