"""The dashboard in headless Chromium (Selenium + Debian's chromium and chromium-driver).

Each view is opened on the coded samples, a filter applied, a drill-down followed to an
article, and what is shown checked. Screenshots of every view go to build/screenshots/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
if not (CHROMIUM and DRIVER):
    pytest.skip(
        "headless Chromium is absent: apt-get install chromium chromium-driver "
        "(.ci/run installs them)",
        allow_module_level=True,
    )
webdriver = pytest.importorskip("selenium.webdriver", reason="pip install -e '.[dev]'")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from tacitus.store import open_store  # noqa: E402
from tacitus.web import create_app  # noqa: E402
from tacitus.web.bench import serving  # noqa: E402

SHOTS = ROOT / "build" / "screenshots"


@pytest.fixture(scope="module")
def base(sample_store):
    with serving(create_app(sample_store)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--window-size=1280,1000"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(DRIVER), options=options)
    driver.set_page_load_timeout(30)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def con(sample_store):
    return open_store(sample_store)


def wait(driver, css: str, timeout: float = 10):
    return WebDriverWait(driver, timeout).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, css))
    )


def shot(driver, name: str) -> Path:
    path = SHOTS / f"{name}.png"
    height = driver.execute_script("return document.documentElement.scrollHeight")
    width = driver.get_window_size()["width"]
    driver.set_window_size(width, min(max(height, 600), 4000))
    driver.save_screenshot(str(path))
    driver.set_window_size(width, 1000)
    return path


def click_svg(driver, element) -> None:
    """Click an SVG mark as a mouse would (the event bubbles to its link)."""
    driver.execute_script(
        "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true,"
        " view: window}))",
        element,
    )


def test_overview_filter_and_a_bar_down_to_its_events(browser, base, con):
    browser.get(base + "/")
    wait(browser, "[data-chart='timeline'][data-drawn='true'] svg a rect")
    assert browser.find_element(By.ID, "count-articles").text == "53"
    shot(browser, "overview")
    browser.find_element(By.CSS_SELECTOR, "details.filter-box summary").click()
    Select(browser.find_element(By.ID, "f-quad_class")).select_by_value("4")
    browser.find_element(By.CSS_SELECTOR, "form.filters button").click()
    wait(browser, "[data-chart='timeline'][data-drawn='true']")
    expected = con.execute("SELECT count(*) FROM events WHERE quad_class = 4").fetchone()[0]
    assert browser.find_element(By.ID, "count-events").text == f"{expected:,}"
    bar = browser.find_element(By.CSS_SELECTOR, "[data-chart='timeline'] svg a rect")
    click_svg(browser, bar)
    WebDriverWait(browser, 10).until(EC.url_contains("/events?"))
    assert "quad_class=4" in browser.current_url
    badges = browser.find_elements(By.CSS_SELECTOR, "table.events .quad")
    assert badges and {b.text for b in badges} == {"4"}


def test_explorer_filter_then_open_the_article(browser, base, con):
    code = con.execute(
        "SELECT source_code FROM events WHERE source_code IS NOT NULL "
        "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    browser.get(base + "/events")
    field = browser.find_element(By.ID, "f-actor")
    field.send_keys(code)
    field.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(EC.url_contains("actor=" + code))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr")
    assert rows and all(code in row.text for row in rows)
    shot(browser, "events")
    rows[0].find_element(By.CSS_SELECTOR, "a.open").click()
    mark = wait(browser, "article.text mark.trigger")
    fragment = browser.current_url.split("#", 1)[1]
    target = browser.find_element(By.ID, fragment)
    assert target.tag_name == "mark" and target.is_displayed()
    assert browser.find_elements(By.CSS_SELECTOR, "#article-events li")
    assert mark.find_element(By.CSS_SELECTOR, ".label").text
    shot(browser, "article")


def test_actor_page_partner_to_dyad(browser, base, con):
    code = con.execute(
        "SELECT source_code FROM events WHERE source_code IS NOT NULL AND target_code IS NOT NULL"
        " GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    browser.get(f"{base}/actors/{code}")
    wait(browser, "[data-chart='timeline'][data-drawn='true']")
    assert code in browser.find_element(By.TAG_NAME, "h1").text
    shot(browser, "actor")
    browser.find_element(By.CSS_SELECTOR, f"#partners a[href^='/dyads/{code}/']").click()
    wait(browser, "[data-chart='goldstein'][data-drawn='true'] svg circle")
    assert "/dyads/" in browser.current_url
    assert browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr")
    shot(browser, "dyad")


def test_network_node_opens_its_actor(browser, base):
    browser.get(base + "/network")
    wait(browser, "[data-chart='network'][data-drawn='true'] svg circle")
    nodes = browser.find_elements(By.CSS_SELECTOR, "[data-chart='network'] svg a circle")
    edges = browser.find_elements(By.CSS_SELECTOR, "[data-chart='network'] svg a line")
    assert len(nodes) >= 3 and edges
    shot(browser, "network")
    click_svg(browser, nodes[0])
    WebDriverWait(browser, 10).until(EC.url_contains("/actors/"))
    assert browser.find_element(By.TAG_NAME, "h1").text


def test_map_place_opens_its_events(browser, base):
    browser.get(base + "/map")
    wait(browser, "[data-chart='map'][data-drawn='true'] svg a circle")
    shot(browser, "map")
    click_svg(browser, browser.find_element(By.CSS_SELECTOR, "[data-chart='map'] svg a circle"))
    WebDriverWait(browser, 10).until(EC.url_contains("location="))
    assert browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr td a.open")


def test_quotes_by_speaker_down_to_the_article(browser, base, con):
    speaker = con.execute(
        "SELECT speaker_code FROM quotes WHERE speaker_code IS NOT NULL "
        "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    browser.get(base + "/quotes")
    browser.find_element(By.ID, "q-speaker").send_keys(speaker)
    browser.find_element(By.CSS_SELECTOR, "form.filters button").click()
    # The unfiltered page lists quotes too: wait for the filtered one before reading it.
    WebDriverWait(browser, 10).until(EC.url_contains("speaker="))
    wait(browser, "#quote-list li blockquote")
    items = browser.find_elements(By.CSS_SELECTOR, "#quote-list li blockquote")
    assert items
    shot(browser, "quotes")
    browser.find_element(By.LINK_TEXT, "open the article").click()
    wait(browser, "article.text q.quote")


def test_keyboard_skip_link_and_focus(browser, base):
    browser.get(base + "/events")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.text == "Skip to content"
    active.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "main"
    browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "f-date_from"


def test_narrow_window_has_no_sideways_scroll(browser, base):
    browser.set_window_size(400, 900)
    try:
        for page in ("/", "/events", "/actors", "/quotes"):
            browser.get(base + page)
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 1, f"{page} scrolls sideways by {overflow}px at 400px"
            shot(browser, "narrow" + (page.rstrip("/").replace("/", "-") or "-overview"))
    finally:
        browser.set_window_size(1280, 1000)
