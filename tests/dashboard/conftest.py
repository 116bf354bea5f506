"""Shared helpers for the dashboard tests: small events tables built through the real validation."""

from __future__ import annotations

import pandas as pd
import pytest

from events.schema import validate


def make_events(*rows: dict) -> pd.DataFrame:
    """An events table from a few hand-written rows; fails loudly if a row does not validate."""
    got = validate(pd.DataFrame(list(rows)))
    assert got.rejects.empty, got.rejects.to_string()
    return got.events


@pytest.fixture
def sample() -> pd.DataFrame:
    return make_events(
        {
            "event_id": "a",
            "title": "Foreign ministers meet in Beijing",
            "start": "2024-03-05",
            "event_type": "meeting",
            "countries": "CHN;RUS",
            "location": "Beijing",
            "latitude": 39.9042,
            "longitude": 116.4074,
            "source": "wire-1",
            "evidence": "The ministers met on Tuesday in Beijing.",
            "date_text": "on Tuesday",
        },
        {
            "event_id": "b",
            "title": "Joint naval drill",
            "start": "2024-03-10",
            "end": "2024-03-16",
            "event_type": "military_exercise",
            "countries": "CHN;RUS;IRN",
            "location": "Gulf of Oman",
            "latitude": 24.5,
            "longitude": 58.5,
            "source": "wire-2",
            "evidence": "A week-long drill began Sunday.",
        },
        {
            "event_id": "c",
            "title": "Summit planned for the spring",
            "start": "2024-04",
            "date_precision": "month",
            "event_type": "meeting",
            "modality": "planned",
            "countries": "IND;CHN",
            "source": "wire-1",
            "description": "Leaders plan to meet in April.",
        },
        {
            "event_id": "d",
            "title": "Sanctions renewed",
            "start": "2023",
            "date_precision": "year",
            "event_type": "sanction",
            "countries": "USA;RUS",
            "source": "https://example.org/sanctions",
            "location": "Washington, D.C.",
            "latitude": 38.9072,
            "longitude": -77.0369,
        },
        {
            "event_id": "e",
            "title": "Statement without a date",
            "event_type": "statement",
            "countries": "FRA",
            "source": "wire-2",
            "evidence": "France condemned the test.",
        },
        {
            "event_id": "f",
            "title": "Missile launch",
            "start": "2024-03-31T23:30:00",
            "event_type": "weapons_test",
            "countries": "PRK",
            "modality": "claimed",
            "source": "wire-3",
            "location": "Beijing",
            "latitude": 39.9042,
            "longitude": 116.4074,
        },
    )


# ------------------------------------------------------------------ browser tests: a real server and Chromium

import os  # noqa: E402
import subprocess  # noqa: E402
from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS, start_streamlit, stop_server  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dashboard" / "app.py"
ARTIFACTS = ROOT / "test-artifacts"


def require_browser() -> None:
    """Skip without Chromium, unless REQUIRE_BROWSER=1 (CI): then fail, so a missing browser is noticed."""
    missing = [what for what, ok in (("Chromium at " + CHROMIUM, os.path.exists(CHROMIUM)),) if not ok]
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright package")
    if missing:
        message = f"browser tests need {' and '.join(missing)} (Debian: apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)


def start_server(*app_args: str, log_name: str = "streamlit.log") -> tuple[subprocess.Popen, str]:
    """The real Streamlit server on a free port; returns the process (its PID is Streamlit's own) and URL."""
    ARTIFACTS.mkdir(exist_ok=True)
    return start_streamlit(APP, *app_args, log_path=ARTIFACTS / log_name)


@pytest.fixture(scope="session")
def app_server():
    require_browser()
    proc, url = start_server()
    yield SimpleNamespace(url=url, pid=proc.pid, host=url.split("/")[2])
    stop_server(proc)


@pytest.fixture(scope="session")
def browser():
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, app_server, request):
    """A fresh page that records every request; a request to any other host fails the test."""
    context = browser.new_context(viewport={"width": 1400, "height": 1800}, accept_downloads=True)
    pg = context.new_page()
    pg.requests = []
    pg.dialogs = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"FAILED_{request.node.name}.png"))
    foreign = [
        u
        for u in pg.requests
        if u.split("/")[2:3] != [app_server.host] and not u.startswith(("data:", "blob:"))
    ]
    context.close()
    assert not foreign, f"requests to other hosts: {foreign[:5]}"
    assert not pg.dialogs, f"a script ran and opened a dialog: {pg.dialogs}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so the page fixture can screenshot a failure."""
    outcome = yield
    rep = outcome.get_result()
    setattr(item, f"rep_{rep.when}", rep)
