"""Dates, periods, durations and frequencies: normalizes the spans time_ruler marks."""
from __future__ import annotations

from spacy.language import Language


class TimeNormalizer:
    def __init__(self, default_fiscal_year_start: int):
        self.default_fiscal_year_start = default_fiscal_year_start

    def __call__(self, doc):
        return doc


@Language.factory("smartlint_time")
def make_time(nlp: Language, name: str, default_fiscal_year_start: int) -> TimeNormalizer:
    return TimeNormalizer(default_fiscal_year_start)
