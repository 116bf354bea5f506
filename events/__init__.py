"""The domain: the events table and its validation, the taxonomy, countries, places, the default timeline."""

from events.schema import COLUMNS, Validated, validate

__all__ = ["COLUMNS", "Validated", "validate"]
