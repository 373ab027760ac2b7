"""TIMEX3 values as the TimeML/TIDES guidelines define them, family by family, on sentences
written for these tests. The publication date (the document creation time) is Thursday
2024-05-16, in ISO week 20, unless a test says otherwise."""

from __future__ import annotations

import pytest

from thucydides.extract.times import find_times

THURSDAY = "2024-05-16"


def values(text: str, anchor: str | None = THURSDAY) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_times(text, anchor)]


def typed(text: str, anchor: str | None = THURSDAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.type) for t in find_times(text, anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday is the last one in a past clause, the next one in a future clause
        ("Gondor's envoy said Tuesday that the talks had stalled.", ("Tuesday", "2024-05-14")),
        ("The two councils will meet Monday in Osgiliath.", ("Monday", "2024-05-20")),
        ("Rohan voted yesterday.", ("yesterday", "2024-05-15")),
        ("Gondor decides tomorrow.", ("tomorrow", "2024-05-17")),
        ("Exports fell last week.", ("last week", "2024-W19")),
        ("Exports should rise next week.", ("next week", "2024-W21")),
        ("Output will grow next month.", ("next month", "2024-06")),
        ("Arnor lost money last year.", ("last year", "2023")),
        ("Revenue rose last quarter.", ("last quarter", "2024-Q1")),
        ("The king rested last weekend.", ("last weekend", "2024-W19-WE")),
        # "ago" counts back from the publication date at the granularity of its unit
        ("The pact was signed two weeks ago.", ("two weeks ago", "2024-W18")),
        ("The bridge fell three days ago.", ("three days ago", "2024-05-13")),
        # a month without a year: the last one in a past clause, the next one in a future clause
        ("The envoy left in February.", ("February", "2024-02")),
        ("The envoy left in September.", ("September", "2023-09")),
        ("The envoy will return in September.", ("September", "2024-09")),
        ("Rohan cut rates earlier this month.", ("earlier this month", "2024-05")),
        ("The merger was agreed late last year.", ("late last year", "2023")),
        ("Gondor will decide by the end of the year.", ("the end of the year", "2024")),
    ],
)
def test_dates_relative_to_the_publication_date(text: str, expected: tuple[str, str]) -> None:
    assert expected in values(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Arnor annexed the valley in 2014.", ("2014", "2014")),
        # decades: the first three digits of their years; two-digit decades are of the 1900s
        ("Trade boomed in the 1990s.", ("the 1990s", "199")),
        ("Trade boomed in the mid-1990s.", ("the mid-1990s", "199")),
        ("The song was a hit in the '80s.", ("the '80s", "198")),
        ("The ballad was sung in the early '60s.", ("the early '60s", "196")),
        ("The city grew in the nineties.", ("the nineties", "199")),
        # centuries: the first two digits; a round hundred ("the 1800s") is a century too
        ("The 21st century began badly.", ("The 21st century", "20")),
        ("The fortress was built in the 1800s.", ("the 1800s", "18")),
        # quarters, halves and fiscal years
        ("Sales in the third quarter of 2023 rose.", ("the third quarter of 2023", "2023-Q3")),
        ("Spending rose in fiscal 2023.", ("fiscal 2023", "2023")),
        # the latest quarter or year: the last one completed
        ("Arnor's profit rose in the latest quarter.", ("the latest quarter", "2024-Q1")),
        ("Rohan's sales fell in the most recent fiscal year.", ("the most recent fiscal year", "2023")),
        # seasons: of a year, or of the year the tense points to
        ("The harbour will reopen in the summer of 2025.", ("summer of 2025", "2025-SU")),
        ("Farmers planted early in the spring.", ("in the spring", "2024-SP")),
        ("The council will meet in the fall.", ("in the fall", "2024-FA")),
        ("The river froze in the winter.", ("in the winter", "2023-WI")),
        ("The king will hunt this summer.", ("this summer", "2024-SU")),
        # parts of the day and clock times
        ("Rebels struck Saturday night.", ("Saturday night", "2024-05-11TNI")),
        ("Shots rang out on the night of March 3.", ("the night of March 3", "2024-03-03TNI")),
        ("The vote came on the morning of Oct. 9, 2020.", ("the morning of Oct. 9, 2020", "2020-10-09TMO")),
        ("Talks resumed this morning.", ("this morning", "2024-05-16TMO")),
        ("Rebels attacked the outpost late last night.", ("late last night", "2024-05-15TNI")),
        ("The convoy left at 6:30 a.m. GMT.", ("6:30 a.m. GMT", "2024-05-16T06:30")),
        # day-first dates with ordinals, US numeric dates (month first), two-digit years
        ("Rohan voted on the 21st of June 2023.", ("the 21st of June 2023", "2023-06-21")),
        ("The form was signed 3/15/98.", ("3/15/98", "1998-03-15")),
        ("The lease ended 12/31/2019.", ("12/31/2019", "2019-12-31")),
        ("The firm grew fast in '98.", ("'98", "1998")),
        # dates and years spelled out, as broadcast transcripts write them
        ("The envoy spoke on March eighth.", ("March eighth", "2024-03-08")),
        ("The envoy will speak on June twenty-first.", ("June twenty-first", "2024-06-21")),
        ("The plan was drawn up in nineteen ninety-eight.", ("nineteen ninety-eight", "1998")),
        ("The bridge will be finished by the year two thousand and ten.", ("the year two thousand and ten", "2010")),
    ],
)
def test_granularities(text: str, expected: tuple[str, str]) -> None:
    assert expected in values(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blockade lasted three years.", ("three years", "P3Y", "DURATION")),
        ("The strike lasted two months.", ("two months", "P2M", "DURATION")),
        ("The hearing took five hours.", ("five hours", "PT5H", "DURATION")),
        ("The truce held for a week.", ("a week", "P1W", "DURATION")),
        ("The oak has stood for 100 years.", ("100 years", "P100Y", "DURATION")),
        ("The vigil went on for several years.", ("several years", "PXY", "DURATION")),
        ("The feud lasted a decade.", ("a decade", "P10Y", "DURATION")),
        ("Prices rose over the past two years.", ("the past two years", "P2Y", "DURATION")),
        ("The council meets every week.", ("every week", "P1W", "SET")),
        ("The tax is paid annually.", ("annually", "P1Y", "SET")),
        ("Fares are set daily.", ("daily", "P1D", "SET")),
        # sets: every N units, every weekday, every season, N times a unit (TimeML's freq)
        ("The council meets every other week.", ("every other week", "P2W", "SET")),
        ("Elections are held every four years.", ("every four years", "P4Y", "SET")),
        ("Markets close every Friday.", ("every Friday", "XXXX-WXX-5", "SET")),
        ("Floods return each spring.", ("each spring", "XXXX-SP", "SET")),
        ("Envoys meet twice a month.", ("twice a month", "P1M", "SET")),
        # vague durations: "the weeks ahead" is "the coming weeks"; "two more weeks" is two weeks
        ("Funds will be sold in the weeks ahead.", ("the weeks ahead", "PXW", "DURATION")),
        ("The siege has two more weeks to run.", ("two more weeks", "P2W", "DURATION")),
        ("Rohan now leads the league.", ("now", "PRESENT_REF", "DATE")),
        ("Arnor currently holds the seat.", ("currently", "PRESENT_REF", "DATE")),
        ("Nowadays the roads are safe.", ("Nowadays", "PRESENT_REF", "DATE")),
        ("The mayor recently resigned.", ("recently", "PAST_REF", "DATE")),
        ("In the past, the river flooded.", ("the past", "PAST_REF", "DATE")),
        ("The duke formerly ruled the valley.", ("formerly", "PAST_REF", "DATE")),
        ("In the future, the toll may rise.", ("the future", "FUTURE_REF", "DATE")),
        # "ago" with no number says only that it was before: a reference to the past
        ("The mine closed a few years ago.", ("a few years ago", "PAST_REF", "DATE")),
        ("Several months ago the well ran dry.", ("Several months ago", "PAST_REF", "DATE")),
    ],
)
def test_durations_sets_and_reference_values(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in typed(text)


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Talks resume after Labor Day.", THURSDAY, ("Labor Day", "2024-09-02")),  # the first Monday of September
        ("The parade was held on Memorial Day.", "2024-06-10", ("Memorial Day", "2024-05-27")),  # the last Monday of May
        ("The envoy called on Mother's Day.", THURSDAY, ("Mother's Day", "2024-05-12")),  # the second Sunday of May
        ("The fair opens on Halloween.", THURSDAY, ("Halloween", "2024-10-31")),
    ],
)
def test_holidays_are_their_days(text: str, anchor: str, expected: tuple[str, str]) -> None:
    assert expected in values(text, anchor)


def test_later_and_earlier_measure_a_distance_the_signal_places() -> None:
    # TimeML: "three days" is the duration; "later" is a signal relating it to the told date
    assert ("Three days later", "P3D", "DURATION") in typed(
        "Rohan took the fort on June 2, 2022. Three days later, the rebels withdrew."
    )
    assert ("a month earlier", "P1M", "DURATION") in typed("The dam broke in May; a month earlier, engineers had warned.")
    # a year earlier in a comparison is still the year before (the TimeBank convention for results)
    assert ("a year earlier", "2023") in values("Exports doubled from a year earlier.")


def test_narrative_expressions_step_from_the_last_told_date() -> None:
    told = values(
        "Gondor signed the treaty on March 3, 2021. The next day, Rohan objected. The following week, talks began."
    )
    assert ("The next day", "2021-03-04") in told
    assert ("The following week", "2021-W10") in told  # the week after the Thursday told just before
    assert ("The previous day", "2020-10-08") in values(
        "The siege ended on Oct. 9, 2020. The previous day, the gates had burned."
    )
    assert ("the year before", "2018") in values("Arnor's output rose 4% in 2019 from the year before.")
    assert ("The day after", "2022-07-05") in values("Rohan held its vote on July 4, 2022. The day after, Arnor protested.")
    assert ("the following morning", "2022-07-05TMO") in values("The vote came on July 4, 2022, and the count the following morning.")


def test_that_day_is_the_told_day_and_nothing_when_none_was_told() -> None:
    told = values("Arnor attacked on March 3, 2021. That day, Rohan fled. The same week, Gondor mobilised.")
    assert ("That day", "2021-03-03") in told and ("The same week", "2021-W09") in told
    assert ("the morning", "2022-05-02TMO") in values("Arnor voted on May 2, 2022. In the morning, Rohan protested.")
    # anaphoric with nothing to point back to (a generic day): no value is guessed
    assert values("The old guard runs in the morning.") == []
    assert values("On days when prices fall, traders who sold that day lose.") == []


def test_narrative_expressions_step_from_the_publication_date_when_nothing_was_told() -> None:
    assert ("The next day", "2024-05-17") in values("The next day, the council will vote again.")
    assert ("The previous week", "2024-W19") in values("The previous week, prices had fallen.")


def test_a_day_before_an_event_is_not_a_day_before_the_told_date() -> None:
    # "the day before the vote" is anchored to the vote, which has no date here: nothing is guessed
    found = values("Rohan held its vote on July 4, 2022. Arnor protested the day before the count.")
    assert not any(text.lower().startswith("the day before") for text, _ in found)


def test_a_told_date_too_far_back_does_not_anchor() -> None:
    filler = "The council debated the harbour tolls at length. " * 30
    found = values(f"Gondor signed the treaty on March 3, 2021. {filler}The next day, the council will vote.")
    assert ("The next day", "2024-05-17") in found


def test_fractions_and_quotes_are_not_dates() -> None:
    assert values("Add 1/2 cup; rates of 3/4/5 percent; open 24/7.") == []
    assert values("Rohan said 'no' to Arnor's plan.") == []
    assert values("The latest year-end figures came out.") == []


def test_seasons_as_names_or_verbs_are_not_times() -> None:
    assert values("Water began to spring from the rocks.") == []
    assert values("The fall of the old fortress shocked Rohan.") == []
    assert values("Rohan joined the Winter Games.") == []
