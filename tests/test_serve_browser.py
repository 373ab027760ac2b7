"""The pages in a real browser: Playwright drives Debian's Chromium (/usr/bin/chromium, headless)
against the real server on 127.0.0.1, over the database of the samples and a hostile article.

One browser, one server and one database serve every test here. Each page is saved as a
screenshot into $THUCYDIDES_SCREENSHOTS, or a temporary folder; the folder is printed. Without
/usr/bin/chromium these tests skip, except in CI (CI=true), where they fail.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urljoin

import httpx
import pytest

from .conftest import in_ci

CHROMIUM = Path("/usr/bin/chromium")
PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    if not CHROMIUM.exists():
        if in_ci():
            pytest.fail(f"{CHROMIUM} is missing: CI installs it (.ci/run: apt-get install -y chromium)")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium): the browser tests need Debian's Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def shots(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the screenshots go, printed on the terminal."""
    chosen = os.environ.get("THUCYDIDES_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"\nscreenshots of the pages: {folder}")
    return folder


class Watched:
    """A page with the dialogs it opened and the errors its console showed (a CSP violation is one)."""

    def __init__(self, browser, base: str) -> None:  # type: ignore[no-untyped-def]
        self.context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _dialog(self, dialog) -> None:  # type: ignore[no-untyped-def]
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def tab(browser, server: str):  # type: ignore[no-untyped-def]
    watched = Watched(browser, server)
    yield watched
    watched.context.close()
    assert watched.dialogs == [], f"a page opened a dialog: {watched.dialogs}"
    assert watched.errors == [], f"the browser console showed errors: {watched.errors}"


def test_filter_events_by_country_open_an_article_and_see_an_event_explained(tab: Watched, shots: Path) -> None:
    page = tab.page
    page.goto("/events")
    assert page.locator("table.events tbody tr").count() > 20
    page.fill("input[name=country]", "JPN")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"country=JPN"))
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 2
    for text in rows.all_inner_texts():
        assert "JPN" in text
    page.screenshot(path=str(shots / "events-country-JPN.png"), full_page=True)
    csv = httpx.get(urljoin(page.url, page.locator("a", has_text="CSV").get_attribute("href") or ""))
    assert len(csv.text.strip().splitlines()) == rows.count() + 1

    page.locator("tr", has_text="SANCTION").locator("a.sentence").first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    event_id = page.url.split("#t-ev-")[1]
    mark = page.locator(f"#t-ev-{event_id}")
    assert "event" in (mark.get_attribute("class") or "")
    assert mark.is_visible() and mark.inner_text().strip()
    assert page.locator(".hl.actor").count() >= 2 and page.locator(".hl.place").count() >= 1
    assert page.locator(".hl.time").count() >= 1

    mark.hover()
    details = page.locator("#details")
    assert details.get_attribute("data-showing") == f"ev-{event_id}"
    explained = details.inner_text()
    assert "SANCTION" in explained and re.search(r"\b16\d\b", explained)  # CAMEO 16x: reduce relations
    assert "Modality" in explained and "asserted" in explained and "Rule" in explained
    assert "→ Japan" in explained and "JPN" in explained  # how the source resolved
    page.screenshot(path=str(shots / "article-event-hovered.png"), full_page=True)

    actor = page.locator(".hl.actor[tabindex='0']").first
    actor.focus()  # the keyboard works as the mouse does
    assert details.get_attribute("data-showing") == actor.get_attribute("data-key")
    assert "→" in details.inner_text()


def test_the_map_shows_points_that_link_to_their_events(tab: Watched, shots: Path) -> None:
    page = tab.page
    page.goto("/map")
    points = page.locator("svg .map-point")
    everywhere = points.count()
    assert everywhere >= 10
    classes = {re.search(r"quad-\d", points.nth(i).get_attribute("class") or "").group(0) for i in range(points.count())}
    assert len(classes) >= 3  # coloured by quad class
    assert page.locator("svg.world-map path.land").count() >= 1  # drawn over a world outline
    box = page.locator("svg.world-map").bounding_box()
    assert box is not None and box["width"] > 600
    page.screenshot(path=str(shots / "map.png"), full_page=True)
    page.goto("/map?country=JPN")
    assert 1 <= page.locator("svg .map-point").count() < everywhere
    href = page.locator("svg a").first.get_attribute("href") or ""
    assert href.startswith("/events/")
    page.goto(href)
    assert page.locator("h1 .badge").count() == 1 and page.locator("table.mentions tbody tr").count() >= 1
    page.screenshot(path=str(shots / "event.png"), full_page=True)


def test_actor_dyad_and_network_pages(tab: Watched, shots: Path) -> None:
    page = tab.page
    page.goto("/actors/RUS")
    assert "Russia" in page.locator("h1").inner_text()
    assert page.locator("table.timeline tbody tr").count() >= 1
    assert page.locator("figure.timeline svg.graphic rect.bar").count() >= 1  # the timeline drawn
    page.screenshot(path=str(shots / "actor-RUS.png"), full_page=True)
    page.goto("/dyads")
    page.fill("input[name=one]", "RUS")
    page.fill("input[name=two]", "GBR")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"one=RUS"))
    assert page.locator("table.timeline tbody tr").count() >= 1
    assert page.locator("figure.timeline svg .goldstein").count() == 1  # with its mean Goldstein
    page.screenshot(path=str(shots / "dyad-RUS-GBR.png"), full_page=True)
    page.goto("/network")
    assert page.locator("table.network tbody tr").count() >= 5
    assert page.locator("figure.network svg a").count() >= 5  # each edge a link to its events
    page.screenshot(path=str(shots / "network.png"), full_page=True)
    page.locator("table.network tbody tr td.num a").first.click()
    page.wait_for_url(re.compile(r"/events\?.*source="))
    assert page.locator("table.events tbody tr td[colspan]").count() == 0  # the edge's events are listed
    page.goto("/")
    page.screenshot(path=str(shots / "overview.png"), full_page=True)
    page.goto("/docs")
    assert page.locator("section.endpoint").count() >= 8
    page.screenshot(path=str(shots / "api-docs.png"), full_page=True)


def test_a_hostile_article_is_text_on_every_page_and_opens_no_dialog(tab: Watched, shots: Path) -> None:
    page = tab.page
    page.goto("/articles/hostile-1")
    title = page.locator("h1.article-title").inner_text()
    assert PAYLOADS[0] in title and PAYLOADS[1] in title
    text = page.locator("#text").inner_text()
    assert all(payload in text for payload in PAYLOADS)
    page.locator(".hl.quote").first.hover()
    page.screenshot(path=str(shots / "article-hostile.png"), full_page=True)
    pages = ["/events?country=JPN&modality=all", "/events?q=alert", "/actors/JPN", "/actors/JPNGOV", "/map",
             "/network", "/"]
    merged = httpx.get(f"{page.url.split('/articles')[0]}/api/articles/hostile-1").json()["merged_ids"]
    pages += [f"/events/{m}" for m in sorted(set(merged.values()))]
    seen = 0
    for url in pages:
        page.goto(url)
        html = page.content()
        seen += html.count("&lt;script&gt;alert(1)&lt;/script&gt;")
        assert page.locator("img").count() == 0, url
        assert page.locator("script").count() in (0, 1), url  # /static/app.js only
        for src in page.locator("script").evaluate_all("scripts => scripts.map(s => s.src)"):
            assert src.endswith("/static/app.js"), url
        assert "javascript:" not in " ".join(page.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href') || '')")), url
    assert seen >= 4  # shown as text on the pages that print it
    page.goto("/events?q=alert")
    page.screenshot(path=str(shots / "events-hostile.png"), full_page=True)
