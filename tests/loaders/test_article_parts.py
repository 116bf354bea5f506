"""The parts of the article extractor: page text and boilerplate, sentences, triggers, modality, actors, titles."""

from __future__ import annotations

import datetime as dt

import pytest

from loaders.article.actors import find_actors
from loaders.article.page import clean_text, is_html, read_page
from loaders.article.sentences import split_sentences
from loaders.article.titles import make_title
from loaders.article.triggers import find_triggers, modality
from loaders.errors import UnreadableInput

# --- boilerplate -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe",
        "Sign Up Now",
        "Sign up to receive our morning briefing in your inbox.",
        "Sign up for our Asia newsletter to get the top stories in your inbox.",
        "Advertisement",
        "Share this article",
        "Photo: Reuters",
        "Copyright 2024 Example News. All rights reserved.",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Read more: Oil prices rise on supply fears",
        "Already a subscriber? Log in",
    ],
)
def test_boilerplate_lines_are_dropped(line):
    text = f"Iran's navy seized a tanker on Monday.\n\n{line}\n\nThe ship was taken to Bandar Abbas."
    assert line not in clean_text(text)
    assert "Iran's navy seized a tanker on Monday." in clean_text(text)


@pytest.mark.parametrize(
    "line",
    [
        "Officials said the talks would resume in Geneva.",
        "The minister signed up to the plan on Monday.",  # "signed up" inside news is news
        "Sign language interpreters were present at the summit in Ottawa on Friday.",
    ],
)
def test_news_lines_are_kept(line):
    assert line in clean_text(f"First paragraph of news.\n\n{line}\n\nLast paragraph of news.")


def test_author_biography_at_the_end_is_dropped_but_not_early_news():
    news = [f"Paragraph {i} reports what happened in Manila on Monday." for i in range(5)]
    bio = "Maria Santos is a correspondent based in Manila who covers Southeast Asia."
    assert bio not in clean_text("\n\n".join([*news, bio]))
    early = "Jane Smith is based in Kyiv and reports on the war."
    assert early in clean_text("\n\n".join([early, *news]))


@pytest.mark.parametrize(
    "caption, kept",
    [
        (
            "Kim meets Putin in Vladivostok, April 25, 2019. (KCNA)",
            "Kim meets Putin in Vladivostok, April 25, 2019.",
        ),
        ("Troops march in Red Square. (AP Photo/Alexander Zemlianichenko)", "Troops march in Red Square."),
        ("The Group of Seven (G7) met in Hiroshima.", "The Group of Seven (G7) met in Hiroshima."),
    ],
)
def test_trailing_photo_credits_are_stripped(caption, kept):
    assert clean_text(caption) == kept


def test_html_page_gives_article_text_date_and_url():
    page = (
        "<!DOCTYPE html><html><head><title>T</title>"
        '<meta property="article:published_time" content="2024-02-03T10:00:00Z">'
        '<link rel="canonical" href="https://example.org/story"></head><body>'
        '<nav><a href="/">Home</a> | <a href="/subscribe">Subscribe</a></nav><div>Advertisement</div>'
        "<article><h1>Drills</h1><p>Philippine and American troops began their annual Balikatan "
        "exercise in Luzon on Monday, with more than 16,000 soldiers taking part in the drills.</p>"
        "<p>Sign up for our newsletter</p></article><footer>Copyright Example</footer></body></html>"
    )
    got = read_page(page)
    assert "Balikatan" in got.text and "Subscribe" not in got.text and "newsletter" not in got.text
    assert got.published == dt.date(2024, 2, 3) and got.url == "https://example.org/story"


@pytest.mark.parametrize(
    "text, html",
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", True),
        ("<html lang='en'><head></head></html>", True),
        ("Kim met Putin <b>twice</b> in 2023.", False),
        ("Plain story about talks in Geneva on Monday.", False),
    ],
)
def test_is_html(text, html):
    assert is_html(text) is html


def test_html_without_an_article_is_an_error():
    with pytest.raises(UnreadableInput, match="no article"):
        read_page("<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav></body></html>", name="x.html")


# --- sentences -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("Rep. Yoo spoke. He left.", ["Rep. Yoo spoke.", "He left."]),
        ("Rear Adm. Qiu Wensheng said so. It ended.", ["Rear Adm. Qiu Wensheng said so.", "It ended."]),
        ("The U.S. military said it was ready.", ["The U.S. military said it was ready."]),
        ("He flew to the U.S. The talks began.", ["He flew to the U.S.", "The talks began."]),
        ("“We will respond,” he said. Troops moved.", ["“We will respond,” he said.", "Troops moved."]),
        ("Missiles hit Kyiv on Jan. 5 at dawn.", ["Missiles hit Kyiv on Jan. 5 at dawn."]),
        (
            "Headline without a stop\n\nFirst sentence of the story.",
            ["Headline without a stop", "First sentence of the story."],
        ),
        ("John F. Kennedy met Khrushchev in Vienna.", ["John F. Kennedy met Khrushchev in Vienna."]),
        # a long headline ending in a lower-case word is still its own sentence before a blank line
        (
            "Rebels claim drone attack on an airbase as government forces push into the hills\n\nKHARTOUM - Fighting went on.",
            [
                "Rebels claim drone attack on an airbase as government forces push into the hills",
                "KHARTOUM - Fighting went on.",
            ],
        ),
        # a line wrapped inside a paragraph is not a sentence end
        (
            "The two sides agreed to meet again in the capital of\nthe neighbouring country next week.",
            ["The two sides agreed to meet again in the capital of\nthe neighbouring country next week."],
        ),
    ],
)
def test_sentences(text, sentences):
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


# --- triggers and modality ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, found",
    [
        ("The two presidents met in Geneva.", [("met", "meeting")]),
        ("They held talks in Doha.", [("held talks", "meeting")]),
        ("Navies staged war games near Guam.", [("war games", "military_exercise")]),
        ("Seoul test-fired a cruise missile.", [("test-fired", "weapons_test")]),
        ("Rebels fired rockets at an air base.", [("fired", "armed_conflict")]),
        ("The ministry launched an investigation.", []),
        ("The leaders exercised restraint and urged calm.", [("urged", "statement")]),
        ("Tokyo imposed sanctions on Moscow.", [("sanctions", "sanction")]),
        ("He tested positive for the virus.", []),
        ("Crowds protested in Belgrade.", [("protested", "protest")]),
        ("“We will strike back,” he warned.", [("warned", "statement")]),  # nothing inside quotes
        ("The newly signed treaty enters into force.", [("treaty", "agreement")]),
    ],
)
def test_triggers(text, found):
    assert [(t.text, t.type) for t in find_triggers(text)] == found


@pytest.mark.parametrize(
    "event_type, before, after, expected",
    [
        ("meeting", "Putin will ", "", "planned"),
        ("military_exercise", "The navies are set to hold ", "", "planned"),
        ("meeting", "The leaders ", " last week", "occurred"),
        ("proposal", "Seoul ", "", "proposed"),
        ("armed_conflict", "Kyiv accused Moscow of an ", "", "claimed"),
        ("armed_conflict", "The army ", " allegedly", "claimed"),
        ("statement", "The spokesman will ", "", "planned"),
    ],
)
def test_modality(event_type, before, after, expected):
    assert modality(event_type, before, after) == expected


# --- actors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, countries, expected",
    [
        (
            "Russian Defense Minister Sergei Shoigu arrived. Shoigu spoke.",
            [(0, 7, "RUS")],
            [("Sergei Shoigu", "person", "RUS"), ("Sergei Shoigu", "person", "RUS")],
        ),
        (
            "Japan's ambassador to China, Kenji Kanasugi, said so.",
            [(0, 7, "JPN"), (23, 28, "CHN")],
            [("Kenji Kanasugi", "person", "JPN")],
        ),
        ("President Maria Lopez spoke.", [], [("Maria Lopez", "person", None)]),  # nationality unknown
        (
            "President Joe Biden spoke.",
            [],
            [("Joe Biden", "person", "USA")],
        ),  # from the table of known people
        ("Putin said so.", [], [("Vladimir Putin", "person", "RUS")]),  # a well-known surname alone
        (
            "Egyptian President Abdel Fattah el-Sisi spoke.",
            [(0, 8, "EGY")],
            [("Abdel Fattah el-Sisi", "person", "EGY")],
        ),
        (
            "The Korean Central News Agency reported it.",
            [],
            [("Korean Central News Agency", "organisation", "PRK")],
        ),
        (
            "The National Intelligence Service said so.",
            [],
            [("National Intelligence Service", "organisation", None)],
        ),
        ("Tass, Russia's state news agency, said so.", [(6, 14, "RUS")], [("Tass", "organisation", "RUS")]),
        ("The U.S. Forces Korea said it.", [(4, 8, "USA")], []),  # not a person
    ],
)
def test_actors(text, countries, expected):
    got = [(a.name, a.kind, a.country) for a in find_actors(text, countries)]
    assert [g for g in got if g[1] == "person" or g in expected] == expected


# --- titles ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, title",
    [
        (
            ("meeting", "met", ["Xi Jinping", "Lula"], [], ["CHN", "BRA"], None, "occurred"),
            "Xi Jinping meets Lula",
        ),
        (("weapons_test", "launched", [], [], ["PRK"], None, "occurred"), "North Korea launches missile"),
        (("statement", "warned", ["John Kirby"], [], ["USA"], None, "occurred"), "John Kirby warns"),
        (
            ("agreement", "signed", [], [], ["JPN", "PHL"], None, "occurred"),
            "Japan and Philippines sign agreement",
        ),
        (
            ("military_exercise", "drills", [], [], ["CHN"], None, "planned"),
            "China military exercise (planned)",
        ),
        # a statement's title says what about, when its verb takes an object
        (
            ("statement", "condemned", [], [], ["IRN"], None, "occurred", (), "the strikes"),
            "Iran condemns the strikes",
        ),
        (("statement", "said", [], [], ["IRN"], None, "occurred", (), "the strikes"), "Iran says"),
    ],
)
def test_titles(args, title):
    assert make_title(*args) == title
