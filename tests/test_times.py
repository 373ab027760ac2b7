"""Time expressions resolved against the publication date, publication-date fallbacks, and the
TempEval-3 quality gate."""

from __future__ import annotations


import pytest

from thucydides.clean.pubdate import date_from_text, date_from_url, publication_date
from thucydides.evaluate.times import evaluate_times
from thucydides.extract.times import find_times
from thucydides.pipeline import analyze_one
from thucydides.records import Article

from .conftest import DATA, need_data
from .floors import check_floors

TEMPEVAL = DATA / "tempeval3" / "dev.jsonl"
FRIDAY = "2023-03-17"


def values(text: str, anchor: str | None = FRIDAY) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_times(text, anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoy said on Friday that talks had failed.", [("Friday", "2023-03-17")]),
        ("On Thursday, the two ministers spoke by phone.", [("Thursday", "2023-03-16")]),
        ("The leaders will meet on Monday in Minas Tirith.", [("Monday", "2023-03-20")]),
        ("Talks are scheduled for Tuesday.", [("Tuesday", "2023-03-21")]),
        ("Gondor last month called for a truce.", [("last month", "2023-02")]),
        ("The king plans to visit Arnor next week.", [("next week", "2023-W12")]),
        ("They held a video call in late December.", [("late December", "2022-12")]),
        ("It was their first meeting since September.", [("September", "2022-09")]),
        ("The siege lasted one week.", [("one week", "P1W")]),
        ("Patrols go out every day.", [("every day", "P1D")]),
        ("The war, now in its second year, goes on.", [("now", "PRESENT_REF"), ("second year", "P2Y")][:1]),
        ("The treaty was signed on Aug. 7, 1998, in Dol Amroth.", [("Aug. 7, 1998", "1998-08-07")]),
        ("Arnor annexed the valley in 2014.", [("2014", "2014")]),
        ("Yesterday the council voted; tomorrow it adjourns.", [("Yesterday", "2023-03-16"), ("tomorrow", "2023-03-18")]),
    ],
)
def test_news_conventions_resolve_against_the_publication_date(text: str, expected: list[tuple[str, str]]) -> None:
    found = values(text)
    for item in expected:
        assert item in found


def test_relative_expressions_stay_unresolved_without_a_publication_date() -> None:
    found = values("The envoy said on Friday that last month's talks failed; they met in 2019.", None)
    assert found == [("2019", "2019")]


def test_spans_point_at_the_expression() -> None:
    text = "Gondor said on Friday it would reply next week."
    for time in find_times(text, FRIDAY):
        assert text[time.span[0] : time.span[1]] == time.text


def test_may_the_verb_is_not_a_month() -> None:
    assert values("Gondor may well refuse.") == []


def test_publication_date_falls_back_to_the_url_then_the_dateline() -> None:
    assert date_from_url("https://example.org/news/2023/03/17/arnor-talks") == "2023-03-17"
    assert date_from_url("https://example.org/world-20230317-arnor.html") == "2023-03-17"
    assert date_from_url("https://example.org/2023/13/45/bad") is None
    assert date_from_text("MINAS TIRITH, March 17, 2023 (Wire) - The council met.") == "2023-03-17"
    given = Article(id="a", text="x", date="2020-01-02", url="https://example.org/2023/03/17/x")
    assert publication_date(given) == "2020-01-02"
    assert publication_date(Article(id="b", text="x", url="https://example.org/2023/03/17/x")) == "2023-03-17"
    assert publication_date(Article(id="c", text="No date anywhere.")) is None


def test_tempeval3_value_f1_stays_above_its_floor() -> None:
    report = evaluate_times(need_data(TEMPEVAL))
    check_floors(report, "time", noise=0.01)


def test_a_clause_told_as_following_takes_the_day_of_the_last_dated_one(analyze_text) -> None:  # type: ignore[no-untyped-def]
    later = analyze_text(
        "On Thursday, the Norwegian prime minister met the Swedish prime minister in Oslo. "
        "The Norwegian prime minister later criticised Finland.", date="2024-05-10"
    )
    assert [(e.plover.type, e.date) for e in later.events] == [("CONSULT", "2024-05-09"), ("ACCUSE", "2024-05-09")]
    same_day = analyze_text("Norway attacked Sweden on March 3. Finland condemned the attack the same day.", date="2024-05-10")
    assert {e.date for e in same_day.events} == {"2024-03-03"}
    untold = analyze_text("Norway attacked Sweden on March 3. Finland condemned the attack.", date="2024-05-10")
    assert [e.date for e in untold.events if e.plover.type == "ACCUSE"] == ["2024-05-10"]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # TimeML: "recent years" and "at the time" are references to the past, not durations
        ("Trade with Arnor has grown in recent years.", FRIDAY, ("recent years", "PAST_REF")),
        ("The council, at the time, was divided.", FRIDAY, ("at the time", "PAST_REF")),
        ("Talks stalled for a while.", FRIDAY, ("a while", "PXX")),
        ("Gondor left the alliance a while ago.", FRIDAY, ("a while ago", "PAST_REF")),
        ("Arnor pays its debts quarterly.", FRIDAY, ("quarterly", "P3M")),
        ("Rebels have fought for years.", FRIDAY, ("years", "PXY")),
        ("The envoy will step down at the end of the month.", FRIDAY, ("the end of the month", "2023-03")),
        # a timetable in the present tense is coming
        ("The summit opens Tuesday in Minas Tirith.", FRIDAY, ("Tuesday", "2023-03-21")),
        # a clock time with its day is one TIME on that day
        ("The deadline will expire at 9 a.m. Tuesday.", "2023-03-20", ("9 a.m. Tuesday", "2023-03-21T09:00")),
        ("The envoys met on Monday at 10 p.m.", FRIDAY, ("Monday at 10 p.m.", "2023-03-13T22:00")),
        # holidays on fixed days, and the US Election Day (the Tuesday after the first Monday of November)
        ("Rohan freed the prisoners on Christmas Eve.", "2023-01-10", ("Christmas Eve", "2022-12-24")),
        ("Voters in Arnor go to the polls on Election Day.", "2022-10-20", ("Election Day", "2022-11-08")),
    ],
)
def test_timex3_conventions(text: str, anchor: str, expected: tuple[str, str]) -> None:
    assert expected in values(text, anchor)


def test_a_past_verb_right_before_a_day_puts_it_in_the_past_whatever_the_clause_plans() -> None:
    # "said Monday that it intends to": the saying was on the last Monday, not the next one
    assert ("Monday", "2023-03-13") in values("Gondor said Monday that it intends to raise its stake.")
    assert ("July 1", "2022-07-01") in values("Bonds issued July 1, which will mature in 2030, lost value.")
    # the future marker after the day, in the same clause, still makes it coming
    assert ("Tuesday", "2023-03-21") in values("On Tuesday the council will vote on the treaty.")


def test_a_year_earlier_is_anchored_to_the_last_told_date() -> None:
    quarter = values("Arnor's output rose 5% in the third quarter, from 2% a year earlier.", "1989-10-30")
    assert ("the third quarter", "1989-Q3") in quarter and ("a year earlier", "1988-Q3") in quarter
    compared = values("Profit in the third quarter fell from a year ago; the 1988 quarter had a windfall.", "1989-10-30")
    assert ("a year ago", "1988-Q3") in compared and ("the 1988 quarter", "1988-Q3") in compared
    day = values("The pact was signed on Aug. 12, 1989, a year earlier than planned.", "1990-03-01")
    assert ("a year earlier", "1988-08-12") in day
    # with no finer time before it, a year earlier is the year before the publication
    assert ("a year earlier", "1989") in values("Exports doubled from a year earlier.", "1990-03-01")


def _dates(analysis) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(e.plover.type, e.date) for e in analysis.events]


def test_later_on_the_saying_dates_what_was_said_from_the_last_dated_clause(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On Thursday, the Norwegian prime minister met the Swedish prime minister in Oslo. The talks were long. "
        "The Norwegian prime minister later said that he and the Swedish prime minister discussed trade."
    )
    assert set(_dates(analyze_text(text, date="2023-03-17"))) == {("CONSULT", "2023-03-16")}


def test_a_past_sentence_whose_parties_were_all_named_in_the_dated_sentence_before_continues_it(analyze_text) -> None:  # type: ignore[no-untyped-def]
    continued = analyze_text("Norway last month called for talks with Sweden. Sweden welcomed the Norwegian proposal.", date="2023-03-17")
    assert _dates(continued) == [("REQUEST", "2023-02"), ("SUPPORT", "2023-02")]
    # a party the sentence before did not name: nothing says when it happened
    other = analyze_text("Norway last month called for talks with Sweden. Denmark welcomed the Norwegian proposal.", date="2023-03-17")
    assert ("SUPPORT", "2023-03-17") in _dates(other)


def test_a_named_occasion_dates_what_was_done_at_it(analyze_text) -> None:  # type: ignore[no-untyped-def]
    games = analyze_text(
        "Earlier, the Norwegian prime minister attended the 2022 Winter Olympics in Beijing and met the Chinese president.",
        date="2023-03-17",
    )
    assert _dates(games) == [("CONSULT", "2022-02")]
    # a year that names a thing dates nothing: "a 2021 treaty" is not when it was violated
    treaty = analyze_text("Norway accused Sweden of violating a 2021 treaty.", date="2023-03-17")
    assert ("ACCUSE", "2023-03-17") in _dates(treaty)
    # an occasion in another clause dates that clause only: the accusation is not of 2019
    meddling = analyze_text("Norway accused Sweden of meddling in the 2019 election.", date="2023-03-17")
    assert ("ACCUSE", "2023-03-17") in _dates(meddling)
    summit = analyze_text("Norway met Sweden at the 2021 summit in Oslo.", date="2023-03-17")
    assert _dates(summit) == [("CONSULT", "2021")]


def test_a_statement_with_its_own_date_dates_what_it_says(analyze_text) -> None:  # type: ignore[no-untyped-def]
    said = analyze_text("In a joint statement published Oct. 25, Norway and Sweden condemned Russia.", date="2023-03-17")
    assert {d for _, d in _dates(said)} == {"2022-10-25"}


def test_reported_speech_gives_the_saying_one_date_and_the_act_its_own(analyze_text) -> None:  # type: ignore[no-untyped-def]
    own = analyze_text("Norway said on Monday that Sweden attacked Finland last week.", date="2023-03-17")
    assert ("ASSAULT", "2023-W10") in _dates(own)
    # a past act the speaker reports does not happen on the day it is reported
    untold = analyze_text("Norway said on Monday that Sweden attacked Finland.", date="2023-03-17")
    assert ("ASSAULT", "2023-03-13") not in _dates(untold)
    # a plan announced on the day of the article is dated by its announcement
    plan = analyze_text("Norway said on Friday that it would impose sanctions on Sweden.", date="2023-03-17")
    assert [d for t, d in _dates(plan) if t == "SANCTION"] == ["2023-03-17"]


def test_an_event_told_again_takes_the_date_of_its_first_telling(settings) -> None:  # type: ignore[no-untyped-def]
    title = "Norwegian prime minister meets Swedish prime minister"
    text = (
        f"{title}\n\n"
        "The Norwegian prime minister will meet the Swedish prime minister in Stockholm on Monday.\n\n"
        "Norway attacked Finland on March 3.\n\n"
        "A spokesman said on Friday that the Norwegian prime minister would meet the Swedish prime minister."
    )
    analysis = analyze_one(Article(id="t", text=text, title=title, date="2023-03-17"), settings)
    consults = [(e.sentence_index, e.date) for e in analysis.events if e.plover.type == "CONSULT"]
    # the headline sums up the lead; the planned meeting told again is the same meeting
    assert consults[0] == (0, "2023-03-20"), consults
    assert len(consults) == 3 and consults[-1][1] == "2023-03-20", consults
