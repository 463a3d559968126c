"""The Sozialbericht in a real browser: Debian's Chromium driven by Playwright.

The page is opened from disk (file://) and from a loopback web server; it must load
without console errors and without any request leaving the folder, the year slider
must change the map, and a click on a planning region must list its municipalities.
Needs the ``playwright`` Python package and ``/usr/bin/chromium`` (apt ``chromium``);
Playwright's own browser download is not used.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from geolib.sozialbericht import write_sozialbericht
from tests.geolib.test_sozialbericht import german, sozialformel_inputs

CHROMIUM = Path("/usr/bin/chromium")
sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="playwright is not installed (it is not packaged in Debian; the host covers this test)",
)
if not CHROMIUM.exists():  # pragma: no cover - depends on the machine
    pytest.skip("Chromium is not installed (apt install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def inputs(examples):
    return sozialformel_inputs(examples)


@pytest.fixture(scope="module")
def report(inputs, gemeinden, tmp_path_factory) -> Path:
    """A Sozialbericht with withheld index rows (suppress_index), in German."""
    config, mapping, result = inputs
    index, _ = write_sozialbericht(
        tmp_path_factory.mktemp("web") / "sozialbericht",
        gemeinden,
        result.table,
        groups=result.groups,
        mapping=mapping,
        config=config,
        translate_text=german,
    )
    return index.parent


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(report):
    handler = functools.partial(_QuietHandler, directory=str(report))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def _open(browser, url: str, origin: str):
    """A page at ``url``; collects console errors, page errors and foreign requests."""
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on(
        "request",
        lambda r: (
            None
            if r.url.startswith(origin) or r.url.startswith("data:")
            else problems.append(f"request outside the folder: {r.url}")
        ),
    )
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.goto(url)
    page.wait_for_selector("#map path.area")
    return page, problems


def _check_page(page, problems):
    assert page.locator("#map path.area").count() == 49
    assert page.locator("#year-label").inner_text() == "2023"
    assert page.locator("#map-heading").inner_text() == "Sozialformel der Gemeinden, 2023"
    assert "synthetische Beispielwerte" in page.locator("#synthetic").inner_text()
    assert page.locator("#ranking tbody tr.region").count() == 19
    assert page.locator(".chart canvas").count() >= 5  # uPlot drew the five indicators
    assert "GeoBasis-DE / BKG" in page.locator("#sources").inner_text()
    assert problems == []


def test_loads_from_disk_without_errors(browser, report):
    page, problems = _open(browser, (report / "index.html").as_uri(), report.as_uri())
    _check_page(page, problems)
    page.close()


def test_loads_from_a_web_server_without_errors(browser, server):
    page, problems = _open(browser, f"{server}/index.html", server)
    _check_page(page, problems)
    page.close()


def _fills(page) -> dict[str, str]:
    return page.eval_on_selector_all(
        "#map path.area",
        "ps => Object.fromEntries(ps.map(p => [p.dataset.key, p.getAttribute('fill')]))",
    )


def test_the_year_slider_changes_the_map(browser, report):
    page, problems = _open(browser, (report / "index.html").as_uri(), report.as_uri())
    before = _fills(page)
    titles_before = page.eval_on_selector_all(
        "#map path.area title", "ts => ts.map(t => t.textContent)"
    )
    slider = page.locator("#year")
    slider.focus()
    for _ in range(4):
        slider.press("ArrowLeft")
    assert page.locator("#year-label").inner_text() == "2019"
    assert page.locator("#map-heading").inner_text() == "Sozialformel der Gemeinden, 2019"
    after = _fills(page)
    assert set(before) == set(after)
    assert before != after  # some municipalities are in another class (or withheld) in 2019
    titles_after = page.eval_on_selector_all(
        "#map path.area title", "ts => ts.map(t => t.textContent)"
    )
    assert titles_before != titles_after
    # withheld municipalities are hatched and say so; their title has no rank
    withheld = [t for t in titles_after if t.endswith(": geheim")]
    assert withheld and all("Rang" not in t for t in withheld)
    assert "url(#withheld)" in after.values()
    assert page.locator("#ranking-heading").inner_text() == "Rangfolge der Planungsräume, 2019"
    assert problems == []
    page.close()


def test_a_click_on_a_region_lists_its_municipalities(browser, report, inputs):
    mapping = inputs[1]
    pinnau = sorted(mapping.loc[mapping["planungsraum"] == "Pinnau", "name"])
    page, problems = _open(browser, (report / "index.html").as_uri(), report.as_uri())
    row = page.locator('#ranking tr.region[data-region="Pinnau"]')
    assert row.get_attribute("aria-expanded") == "false"
    row.click()
    row = page.locator('#ranking tr.region[data-region="Pinnau"]')
    assert row.get_attribute("aria-expanded") == "true"
    listing = page.locator('#ranking tr.members[data-region="Pinnau"]')
    assert listing.locator("h3").inner_text() == "Gemeinden in Pinnau, 2023"
    names = listing.locator("tbody tr td:first-child").all_inner_texts()
    assert sorted(names) == pinnau and len(pinnau) == 5
    # the members are marked on the map, the charts show the region
    assert page.locator("#map path.area.member").count() == len(pinnau)
    assert page.locator("#charts-heading").inner_text() == "Indikatoren im Zeitverlauf: Pinnau"
    # a click on a municipality of the map opens its region and shows it in the charts
    page.locator('#map path.area[data-key="01056015"]').click()  # Elmshorn
    assert page.locator("#charts-heading").inner_text() == "Indikatoren im Zeitverlauf: Elmshorn"
    assert page.locator('#ranking tr.members[data-region="Elmshorn"]').count() == 1
    assert page.locator('#ranking tr.members[data-region="Pinnau"]').count() == 0
    assert problems == []
    page.close()
