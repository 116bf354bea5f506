"""validate works per distinct value (for a million rows); whatever the input dtype, the result is the same."""

import numpy as np
import pandas as pd
import pytest

from events.schema import _clean_text, _map_unique, _to_category, dtypes, period_end, validate

RAW = {
    "event_id": ["a", "b", "c", "d", "e", "f"],
    "title": [" Summit ", "Drill", None, "Drill", "nan", "Launch"],
    "description": ["", "", "only a description", "", "", ""],
    "start": ["2023-07-27", "2023-07", "2023", "2023-07-27", "1200", "3000-01-01"],
    "event_type": ["Meeting", "military_exercise", None, "military_exercise", "parade", "weapons_test"],
    "countries": ["PRK;rus", "KOR", "", "KOR", "Atlantis;KOR", "PRK;PRK"],
    "actors": ["Kim;Shoigu", "", None, "", "x", "Kim"],
    "location": ["Pyongyang", "", None, "", "", "Pyongyang"],
    "geo_precision": ["City", None, None, None, "point", "city"],
    "modality": ["occurred", "planned", None, "planned", "claimed", "occurred"],
}


def as_dtype(kind: str) -> pd.DataFrame:
    df = pd.DataFrame(RAW)
    if kind == "object":
        return df.astype(object)
    if kind == "str":
        return df.astype("str").where(df.notna(), np.nan)
    return df.astype("category")


@pytest.mark.parametrize("kind", ["str", "category"])
def test_same_result_for_every_dtype(kind):
    want = validate(as_dtype("object"))
    got = validate(as_dtype(kind))
    pd.testing.assert_frame_equal(got.events, want.events)
    pd.testing.assert_frame_equal(got.rejects, want.rejects)


@pytest.mark.parametrize("kind", ["object", "str", "category"])
def test_values_of_the_reference(kind):
    v = validate(as_dtype(kind))
    assert v.events["event_id"].tolist() == ["a", "b", "c", "d", "f"]
    assert v.events["title"].tolist() == ["Summit", "Drill", "only a description", "Drill", "Launch"]
    assert v.events["event_type"].tolist() == [
        "meeting",
        "military_exercise",
        "other",
        "military_exercise",
        "weapons_test",
    ]
    assert v.events["countries"].tolist() == [["PRK", "RUS"], ["KOR"], [], ["KOR"], ["PRK"]]
    assert v.events["actors"].tolist() == [["Kim", "Shoigu"], [], [], [], ["Kim"]]
    assert v.events["modality"].tolist() == ["occurred", "planned", "occurred", "planned", "occurred"]
    assert v.rejects[["row", "column", "value"]].values.tolist() == [
        [5, "countries", "Atlantis"],
        [5, "event_type", "parade"],
        [5, "title", ""],
    ]


def test_mixed_object_column_goes_value_by_value():
    assert _clean_text(pd.Series([1, 1.0, " x ", None, "nan"], dtype=object)).tolist() == [
        "1",
        "1.0",
        "x",
        "",
        "",
    ]


def test_map_unique_keeps_lists_whole():
    got = _map_unique(pd.Series(["a;b", "a;b", None]), lambda v: (v or "").split(";"))
    assert got.tolist() == [["a", "b"], ["a", "b"], [""]]


def test_unusable_list_cells_are_rejected():
    v = validate(pd.DataFrame({"title": ["x", "y"], "actors": [{"a": 1}, "Kim;Moon"]}))
    assert v.events["actors"].tolist() == [["Kim", "Moon"]]
    assert v.rejects[["row", "column"]].values.tolist() == [[1, "actors"]]


@pytest.mark.parametrize("column", ["event_type", "date_precision", "geo_precision", "modality"])
def test_to_category_equals_astype(column):
    t = dtypes()[column]
    values = pd.Series(list(t.categories) + ["unknown thing", None, np.nan, t.categories[0]], dtype=object)
    known = values.where(values.isin(list(t.categories)))  # astype warns about unknown values
    pd.testing.assert_series_equal(_to_category(values, t), known.astype(t))


def test_period_end_any_precision_dtype():
    start = pd.Series(pd.to_datetime(["2023-07-27", "2023-07-01", "2023-01-01", "1950-01-01"])).astype(
        "datetime64[s]"
    )
    prec = pd.Series(["day", "month", "year", "decade"])
    want = pd.Series(
        pd.to_datetime(
            ["2023-07-27 23:59:59", "2023-07-31 23:59:59", "2023-12-31 23:59:59", "1959-12-31 23:59:59"]
        )
    ).astype("datetime64[s]")
    pd.testing.assert_series_equal(period_end(start, prec), want)
    pd.testing.assert_series_equal(period_end(start, prec.astype("category")), want)


@pytest.mark.parametrize(
    "ids, rejected_rows",
    [
        (["1117829391", "1117829392", "1117829393"], []),  # in order: no repeat possible
        (["1117829391", "1117829393", "1117829393"], [3]),
        (["b", "a", "b"], [3]),  # out of order: hashed
        (["9", "10", "9"], [3]),
    ],
)
def test_duplicate_ids_with_arrow_text(ids, rejected_rows):
    df = pd.DataFrame({"event_id": pd.Series(ids, dtype="str"), "title": "Summit", "start": "2023-07-27"})
    assert validate(df).rejects["row"].tolist() == rejected_rows
