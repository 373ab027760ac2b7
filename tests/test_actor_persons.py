"""Who a named person is, from what the article says of them: a relative clause naming their
office, the body after "of"/"from", an apposition, and later mentions by surname alone.

Every sentence here is written for the test; the people are invented."""

from __future__ import annotations

import pytest

from thucydides.config import Settings
from thucydides.nlp import load_pipeline
from thucydides.records import Actor, Analysis
from thucydides.resolve.phrases import resolve_phrase


def _person(analysis: Analysis, text: str) -> Actor:
    return next(a for a in analysis.actors if a.text == text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("John Kamau, who heads Kenya's foreign ministry, accused Uganda of lying.", "KENGOV"),
        ("Ann Lee, who is a member of the Kenyan parliament, accused the police of lying.", "KENLEG"),
        ("Ann Lee, who was elected to the Kenyan senate in 2017, accused the police of lying.", "KENLEG"),
        ("Ann Lee, who was appointed Kenya's interior minister last year, accused the opposition of lying.", "KENGOV"),
        ("Ann Lee, who leads the Kenyan teachers' union, accused the government of lying.", "KENLAB"),  # a union, not teachers
    ],
)
def test_a_relative_clause_names_the_persons_office(analyze_text, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    name = text.split(",")[0]
    assert _person(analyze_text(text), name).code == code


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee, who was Kenya's foreign minister until 2019, accused Uganda of lying.",
        "Ann Lee, who led the Kenyan army during the war, accused Uganda of lying.",
        "Ann Lee, who had served as Kenya's interior minister, accused Uganda of lying.",
    ],
)
def test_an_office_a_relative_clause_puts_in_the_past_is_a_former_one(analyze_text, text: str) -> None:  # type: ignore[no-untyped-def]
    lee = _person(analyze_text(text), "Ann Lee")
    assert (lee.country, lee.sector) == ("KEN", "ELI"), lee


def test_a_relative_clause_that_names_no_office_says_nothing_of_the_person(analyze_text) -> None:  # type: ignore[no-untyped-def]
    lee = _person(analyze_text("Ann Lee, who lives in Nairobi, accused the police of lying."), "Ann Lee")
    assert lee.code == "---", lee


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ann Lee of the Kenyan teachers' union called for a strike.", "KENLAB"),
        ("Ann Lee from Human Rights Watch accused the Kenyan police of torture.", "NGOHRW"),
        ("Ann Lee of Kenya's electoral commission rejected the complaint.", "KENGOV"),
    ],
)
def test_the_body_after_of_or_from_is_the_persons(analyze_text, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert _person(analyze_text(text), "Ann Lee").code == code


def test_a_place_after_of_is_where_someone_lives_not_whom_they_act_for(analyze_text) -> None:  # type: ignore[no-untyped-def]
    lee = _person(analyze_text("Ann Lee of Nairobi accused the police of lying."), "Ann Lee")
    assert lee.code == "---", lee  # a resident of Kenya's capital is not Kenya


def test_a_party_member_holding_a_state_office_acts_in_it_however_the_office_is_written(analyze_text) -> None:  # type: ignore[no-untyped-def]
    for text in ("John Kamau, a Labour MP, criticised the budget.", "Labour MP John Kamau criticised the budget."):
        assert _person(analyze_text(text), "John Kamau").code == "GBRLEG", text
    # the party's own spokesman speaks for the party
    assert _person(analyze_text("Labour spokesman John Kamau criticised the budget."), "John Kamau").sector == "PTY"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("John Kamau, who heads Kenya's foreign ministry, accused Uganda of lying. Kamau later accused Uganda of arming the rebels.", "KENGOV"),
        ("Ann Lee, a Kenyan judge, accused the police of lying. Lee later accused the officers of beating the suspects.", "KENJUD"),
    ],
)
def test_a_surname_later_in_the_article_is_the_same_person(analyze_text, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text(text)
    surname = text.split(",")[0].split()[-1]
    assert _person(analysis, surname).code == code
    assert [e.source.code for e in analysis.events if e.source is not None and e.source.text == surname] != []


@pytest.mark.parametrize(
    ("text", "surname", "code"),
    [
        ("Kenyan prosecutor Mary Trump charged the minister. Trump accused the minister of fraud.", "Trump", "KENJUD"),
        ("Sarah Putin, a teacher from Ohio, criticized the school board. Putin said the board had failed.", "Putin", "---EDU"),
    ],
)
def test_a_surname_is_the_articles_own_person_not_a_namesake_in_office(analyze_text, text: str, surname: str, code: str) -> None:  # type: ignore[no-untyped-def]
    person = _person(analyze_text(text, "2020-05-01"), surname)
    assert person.code == code and person.kb_id is None, person


def test_a_surname_stays_the_office_holder_when_the_article_names_him_or_his_office(analyze_text) -> None:  # type: ignore[no-untyped-def]
    both = analyze_text("Donald Trump met his niece Mary Trump in New York. Trump criticised China.", "2020-05-01")
    assert _person(both, "Trump").code == "USAGOV"
    titled = analyze_text("Mary Trump wrote a book. President Trump criticised China.", "2020-05-01")
    assert _person(titled, "Trump").code == "USAGOV"


def test_a_relative_clause_describes_the_name_it_follows_and_only_by_its_head(analyze_text) -> None:  # type: ignore[no-untyped-def]
    coordinated = analyze_text("The minister met Ann Lee and John Kamau, who heads Kenya's electoral commission, in Nairobi.")
    assert _person(coordinated, "John Kamau").code == "KENGOV"
    assert _person(coordinated, "Ann Lee").sector is None  # the clause is Kamau's, not Lee's
    # parsed as if the clause were on the first conjunct: it is still the nearest name's
    misparsed = analyze_text("The letters passed between Ann Vale and Tom Ruark, who was then her chief of staff.")
    assert _person(misparsed, "Ann Vale").sector is None
    # a clause whose object is no office ("an effort") says nothing, whatever words it holds
    effort = analyze_text("Ann Lee, who runs the senator's effort for military families, criticised the plan.")
    assert _person(effort, "Ann Lee").code == "---"


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        # "general" after an office noun is the adjective of "attorney general", not an army rank
        ("the Kenyan auditor general", "KENGOV"),
        ("Ghana's director general of immigration", "GHAGOV"),
        ("the Kenyan police inspector general", "KENCOP"),
        ("a Turkish general", "TURMIL"),
        # offices and bodies of the civil state
        ("a Kenyan district commissioner", "KENGOV"),
        ("the Peruvian ombudsman", "PERGOV"),
        ("Nigerian civil servants", "NGAGOV"),
        ("a Kenyan government agency", "KENGOV"),
        ("a Ghanaian news agency", "GHAMED"),  # the longer role phrase wins
        # people named by their trade or side
        ("Ugandan lecturers", "UGAEDU"),
        ("Somali pastoralists", "SOMAGR"),
        ("Nigerian peacekeepers", "NGAMIL"),
        ("Malian commandos", "MLIMIL"),
        ("Ghanaian jailers", "GHACOP"),
        ("a Zambian barrister", "ZMBJUD"),
        ("Cameroonian secessionists", "CMRREB"),
    ],
)
def test_role_words_and_their_sectors(phrase: str, code: str) -> None:
    assert resolve_phrase(phrase, load_pipeline(Settings()), None, "2024-05-06").code == code


def test_a_regulators_head_speaks_for_the_regulator(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Kenya's energy regulator head John Kamau accused the power companies of fraud.")
    assert _person(analysis, "John Kamau").code == "KENGOV"


@pytest.mark.parametrize(
    ("text", "surname", "code"),
    [
        # the office is said after the event, in a sentence of its own
        ("John Kamau accused the police of lying. Kamau is the head of Kenya's electoral commission.", "John Kamau", "KENGOV"),
        ("Ann Lee became Kenya's chief justice in 2021. Lee rejected the petition.", "Lee", "KENJUD"),  # held now
        ("Ann Lee was Kenya's foreign minister until 2019. Lee accused Uganda of lying.", "Lee", "KENELI"),
    ],
)
def test_a_clause_with_the_name_as_subject_names_the_persons_office(analyze_text, text: str, surname: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert _person(analyze_text(text), surname).code == code


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee leads the protest against the tax.",
        "Ann Lee is the daughter of the president.",
        "Ann Lee was arrested by Kenyan police.",
    ],
)
def test_a_clause_that_gives_no_office_describes_nobody(analyze_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _person(analyze_text(text), "Ann Lee").code == "---"


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Bo Tarn, a former member of Kenya's parliament, accused the police of torture.", "Bo Tarn", "KENELI"),
        ("Bo Tarn, a Kenyan lawmaker, accused the police of torture.", "Bo Tarn", "KENLEG"),
        ("Bo Tarn, who heads Kenya's foreign ministry, accused Uganda of lying.", "Bo Tarn", "KENGOV"),
        ("Thandiwe Mkhize of the ANC accused the Democratic Alliance of lying.", "Thandiwe Mkhize", "ZAFPTYANC"),
    ],
)
def test_a_name_the_tagger_missed_is_a_person_by_what_the_sentence_says_of_them(analyze_text, text: str, name: str, code: str) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text(text)
    assert _person(analysis, name).code == code
    [event] = analysis.events
    assert event.source is not None and event.source.code == code


def test_capitalised_words_with_nothing_said_of_a_person_are_no_person(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Safaricom Group, the Kenyan telecom company, raised prices.")
    assert not any(a.text == "Safaricom Group" and a.sector != "BUS" for a in analysis.actors), analysis.actors


def test_a_clause_tells_an_office_holders_past_not_who_he_is(analyze_text) -> None:  # type: ignore[no-untyped-def]
    putin = _person(analyze_text("Putin, who was a KGB officer, criticised NATO."), "Putin")
    assert putin.code == "RUSGOV" and putin.kb_id is not None, putin
