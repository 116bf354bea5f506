"""The page driven by Streamlit's AppTest: widgets, filters, the URL, evidence and loading pasted text."""

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.dashboard.conftest import make_events

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
DATA = Path(__file__).resolve().parents[1] / "data" / "dashboard"


def start(query: dict | None = None, events=None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    if events is not None:
        at.session_state["events"] = events
        at.session_state["source_label"] = "test events"
    at.run()
    assert not at.exception, at.exception
    return at


def summary(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("Showing")).replace("\\", "")


def charts(at: AppTest) -> dict:
    import json

    return {c.proto.id: json.loads(c.proto.spec) for c in at.get("plotly_chart")}


def test_opens_on_the_default_timeline_with_every_view():
    at = start()
    assert summary(at) == "Showing 14 of 14 events (no filters)"
    assert len(at.get("plotly_chart")) == 3
    assert len(at.dataframe) >= 1
    assert dict(at.query_params) == {}


def test_filtering_by_a_country_changes_the_count_the_charts_and_the_url():
    at = start()
    before = charts(at)
    at.multiselect(key="f_countries").select("UKR").run()
    assert summary(at) == "Showing 1 of 14 events: country Ukraine"
    assert at.query_params["country"] in ("UKR", ["UKR"])
    assert charts(at) != before
    at.multiselect(key="f_types").select("meeting").run()
    assert summary(at).startswith("Showing 0 of 14 events: country Ukraine; type Meeting")


@pytest.mark.parametrize(
    ("query", "sentence"),
    [
        ({"country": ["RUS"], "type": ["meeting"]}, "Showing 3 of 14 events: country Russia; type Meeting"),
        (
            {"from": "2023-09-01", "to": "2023-09-30", "modality": "planned"},
            "Showing 1 of 14 events: from 2023-09-01 to 2023-09-30; modality planned",
        ),
        ({"q": "Vladivostok"}, 'Showing 2 of 14 events: text "Vladivostok"'),
    ],
)
def test_a_link_opens_its_view(query, sentence):
    at = start(query)
    assert summary(at) == sentence


def test_a_bad_link_is_read_as_far_as_possible_and_says_what_it_ignored():
    at = start({"country": ["RUS"], "type": ["picnic"], "lanes": "type"})
    assert summary(at) == "Showing 9 of 14 events: country Russia"
    assert any("type=picnic" in w.value for w in at.warning)
    assert at.radio(key="lanes").value == "type"


def test_clear_filters():
    at = start({"country": ["RUS"], "q": "drill"})
    at.button(key="clear").click().run()
    assert summary(at) == "Showing 14 of 14 events (no filters)"
    assert dict(at.query_params) == {}


def test_choosing_an_event_shows_its_evidence_with_the_date_expression_marked():
    from events.default import default_timeline

    events = default_timeline()
    ulchi = events.loc[events["title"].str.startswith("Ulchi Freedom Shield"), "event_id"].item()
    at = start()
    at.selectbox(key="event").select(ulchi).run()
    (panel,) = at.html
    assert "<mark>11-day</mark>" in panel.proto.body and "<blockquote" in panel.proto.body
    assert "<dd>2023-08-21 to 2023-08-31 (precision: day)</dd>" in panel.proto.body
    assert at.query_params["event"] == ulchi


HOSTILE = "<img src=x onerror=alert(1)>"


def test_hostile_text_shows_as_text_in_summary_evidence_and_table():
    events = make_events(
        {
            "event_id": "x1",
            "title": HOSTILE,
            "start": "2024-01-05",
            "countries": "FRA",
            "source": "[a](javascript:alert(1))",
            "evidence": f'{HOSTILE} <a href="javascript:alert(1)">on Friday</a>',
            "date_text": "on Friday",
        }
    )
    at = start({"source": "[a](javascript:alert(1))"}, events=events)
    assert "\\[a\\]\\(javascript\\:alert\\(1\\)\\)" in next(
        m.value for m in at.markdown if m.value.startswith("Showing")
    )
    at.selectbox(key="event").select("x1").run()
    body = at.html[0].proto.body
    assert "<img" not in body and "<a href" not in body and "&lt;img src=x onerror=alert(1)&gt;" in body
    assert at.dataframe[0].value["title"].tolist() == [HOSTILE]


def test_loading_with_nothing_chosen_says_so():
    at = start()
    at.button(key="load").click().run()
    assert any("Choose files or paste an article" in e.value for e in at.error)


def test_a_pasted_article_adds_its_events():
    at = start()
    at.text_area(key="pasted").input((DATA / "article_port_visit.txt").read_text(encoding="utf-8"))
    at.date_input(key="published").set_value(dt.date(2024, 6, 5))
    at.button(key="load").click().run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    total = int(summary(at).split(" of ")[1].split()[0])
    assert total > 14
    assert any("Added" in s.value for s in at.success)
    assert "pasted-article.txt" in at.multiselect(key="f_sources").options


def test_replace_shows_only_the_new_events_and_reset_brings_back_the_start_data():
    at = start()
    at.text_area(key="pasted").input((DATA / "article_port_visit.txt").read_text(encoding="utf-8"))
    at.date_input(key="published").set_value(dt.date(2024, 6, 5))
    at.radio(key="load_mode").set_value("Replace what is shown")
    at.button(key="load").click().run()
    total = int(summary(at).split(" of ")[1].split()[0])
    assert 0 < total < 14
    at.button(key="reset").click().run()
    assert summary(at) == "Showing 14 of 14 events (no filters)"


def test_a_filter_on_a_country_the_new_data_lacks_is_dropped_not_an_error():
    at = start({"country": ["UKR"]})
    at.text_area(key="pasted").input((DATA / "article_port_visit.txt").read_text(encoding="utf-8"))
    at.date_input(key="published").set_value(dt.date(2024, 6, 5))
    at.radio(key="load_mode").set_value("Replace what is shown")
    at.button(key="load").click().run()
    assert not at.exception
    assert "country Ukraine" not in summary(at)


def test_the_same_story_pasted_twice_is_one_set_of_events():
    text = (DATA / "article_port_visit.txt").read_text(encoding="utf-8")
    at = start()
    for _ in range(2):
        at.text_area(key="pasted").input(text)
        at.date_input(key="published").set_value(dt.date(2024, 6, 5))
        at.button(key="load").click().run()
    once = int(summary(at).split(" of ")[1].split()[0])
    assert once > 14
    assert any("Added 0 events" in s.value for s in at.success)
