import pytest

from events.schema import EVENT_TYPE_NAMES
from events.taxonomy import EVENT_TYPES, from_acled, from_cameo, is_event_type, label


def test_every_type_has_a_label_and_a_description():
    assert set(EVENT_TYPES) == {
        "meeting",
        "military_exercise",
        "weapons_test",
        "statement",
        "proposal",
        "agreement",
        "arms_transfer",
        "armed_conflict",
        "sanction",
        "protest",
        "other",
    }
    for name, t in EVENT_TYPES.items():
        assert t.name == name and t.label and t.description.endswith(".")
    assert EVENT_TYPE_NAMES == tuple(EVENT_TYPES)
    assert label("military_exercise") == "Military exercise" and label("nope") == "nope"
    assert is_event_type("meeting") and not is_event_type("Meeting") and not is_event_type(None)


@pytest.mark.parametrize(
    "code, expected",
    [
        ("04", "meeting"),
        ("040", "meeting"),
        ("043", "meeting"),
        ("0431", "meeting"),
        ("046", "meeting"),
        ("01", "statement"),
        ("010", "statement"),
        ("02", "statement"),
        ("09", "statement"),
        ("1383", "statement"),
        ("112", "statement"),
        ("128", "statement"),
        ("13", "statement"),
        ("03", "proposal"),
        ("036", "proposal"),
        ("0311", "proposal"),
        ("0312", "arms_transfer"),
        ("0332", "arms_transfer"),
        ("062", "arms_transfer"),
        ("072", "arms_transfer"),
        ("05", "agreement"),
        ("057", "agreement"),
        ("06", "agreement"),
        ("061", "agreement"),
        ("07", "other"),
        ("071", "other"),
        ("08", "other"),
        ("0874", "other"),
        ("14", "protest"),
        ("145", "protest"),
        ("1451", "protest"),
        ("15", "weapons_test"),
        ("152", "weapons_test"),
        ("150", "military_exercise"),
        ("154", "military_exercise"),
        ("16", "sanction"),
        ("163", "sanction"),
        ("17", "sanction"),
        ("174", "sanction"),
        ("18", "armed_conflict"),
        ("190", "armed_conflict"),
        ("195", "armed_conflict"),
        ("20", "armed_conflict"),
        ("2042", "armed_conflict"),
        # integers and text that lost their leading zero
        (43, "meeting"),
        (4, "meeting"),
        (312, "arms_transfer"),
        (190, "armed_conflict"),
        ("43", "meeting"),
        # not codes
        ("", None),
        (None, None),
        ("abc", None),
        ("00", None),
        ("2500", None),
        ("9999", None),
        ("12345", None),
        ("---", None),
    ],
)
def test_from_cameo(code, expected):
    assert from_cameo(code) == expected


@pytest.mark.parametrize(
    "event_type, sub_event_type, expected",
    [
        ("Battles", "Armed clash", "armed_conflict"),
        ("Explosions/Remote violence", "Air/drone strike", "armed_conflict"),
        ("Violence against civilians", "Attack", "armed_conflict"),
        ("Protests", "Peaceful protest", "protest"),
        ("Riots", "Violent demonstration", "protest"),
        ("Strategic developments", "Agreement", "agreement"),
        ("Strategic developments", "Arrests", "other"),
        ("Strategic developments", "Headquarters or base established", "other"),
        ("strategic  developments", None, "other"),
        ("BATTLES", None, "armed_conflict"),
        ("Picnics", None, None),
        ("", None, None),
    ],
)
def test_from_acled(event_type, sub_event_type, expected):
    assert from_acled(event_type, sub_event_type) == expected
