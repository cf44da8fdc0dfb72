"""smartlint: lint and coach goals against the SMART rubric.

    import smartlint
    for report in smartlint.score_many([("g1", "Grow sign-ups by 20% by June 30, 2026", date(2026, 1, 15))]):
        print(report.score)

The library API lives in smartlint.api (Linter, Settings) and smartlint.parallel (score_many with
worker processes); nothing heavy is imported until it is used.
"""

__version__ = "0.1.0"


def score_many(items, settings=None, jobs=1, chunk_size=256):
    """Reports for (id, text, reference_date) items, in input order; see smartlint.parallel."""
    from smartlint.parallel import score_many as parallel_score_many

    return parallel_score_many(items, settings, jobs=jobs, chunk_size=chunk_size)
