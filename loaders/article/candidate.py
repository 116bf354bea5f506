"""The record an event is built in while the extractor reads an article."""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders.article.actors import Actor
from loaders.article.dates import When
from loaders.article.triggers import Trigger

GEO_RANK = {"point": 0, "city": 1, "sea": 2, "region": 3, "country": 4, "unknown": 5}


@dataclass
class Candidate:
    """One event as it is being built from one or more triggers and sentences."""

    type: str
    triggers: list[Trigger]
    sentences: list[int]
    when: When | None = None
    duration_days: int | None = None
    countries: list[str] = field(default_factory=list)
    topic: list[str] = field(default_factory=list)  # countries talked about (statements)
    actors: list[Actor] = field(default_factory=list)
    place: object | None = None  # events.places.Place
    place_text: str = ""
    modality: str = "occurred"
    explicit_place: bool = False
    host: str | None = None  # a country added only because the event happened in it
    places_named: int = 0  # "hit targets in Sanaa and Hodeidah": an event over several places
    anaphoric: bool = False  # refers back: "the exercise", "He would meet"
    definite: bool = False  # by a definite noun phrase: "the exercise", "the 11-day drills"
    topic_span: tuple[int, int] | None = None  # what a statement says: "... that North Korea fired"
    complement_has_event: bool = False
    # event types this one is about ("proposes ... an exercise")
    objects: list[str] = field(default_factory=list)
    alone: bool = False  # another event the sentence refers to ("in retaliation for attacks")
    after: list[str] = field(default_factory=list)  # countries named after the trigger: what it is done to
    inferred_date: bool = False  # no date of its own: the day the article's lead reports


def people(c: Candidate) -> set[str]:
    return {a.name for a in c.actors if a.kind == "person"}
