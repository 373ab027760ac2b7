"""A named person's title before the name ("White House chief of staff …", "Lisbon's mayor …",
"Kremlin spokesman …") gives the person's country and sector whatever the parser made of the
phrase, and the person keeps them when the article names them again by surname.

Every sentence here is written for the test; the people are invented."""

from __future__ import annotations

import pytest

from thucydides.records import Actor, Analysis


def _actor(analysis: Analysis, text: str) -> Actor:
    return next(a for a in analysis.actors if a.text == text)


def _sources(analysis: Analysis, text: str) -> list[str]:
    return [e.source.code for e in analysis.events if e.source is not None and e.source.text == text]


@pytest.mark.parametrize(
    ("text", "name", "surname"),
    [
        # the title parsed as an apposition of the name before it ("Okello, White House chief …"):
        # it was read as Okello's, and the chief of staff took Uganda's code
        (
            "After the premier phoned Ugandan leader Tom Okello, White House chief of staff Ann Ward "
            "said nothing. Ward later criticised the plan.",
            "Ann Ward",
            "Ward",
        ),
        (
            "Although the senator wrote a warm letter to Russian leader Ivan Orlov, White House chief of "
            "staff Mark Dunn stayed silent. Dunn later criticised the plan.",
            "Mark Dunn",
            "Dunn",
        ),
        # the title parsed as a second subject of the verb, beside the name
        ("White House chief of staff Mark Dunn was not consulted. Dunn later criticised the plan.", "Mark Dunn", "Dunn"),
    ],
)
def test_a_title_right_before_a_name_is_the_persons_whatever_the_parse(analyze_text, text: str, name: str, surname: str) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text(text, "2024-05-01")
    assert _actor(analysis, name).code == "USAGOV"
    assert _actor(analysis, surname).code == "USAGOV"
    assert "USAGOV" in _sources(analysis, surname)


def test_a_possessive_place_before_the_title_gives_the_country(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Lisbon's mayor Rui Costa criticised Spain. Costa said the border was closed.", "2024-05-01")
    assert _actor(analysis, "Rui Costa").code == "PRTGOV"
    assert _actor(analysis, "Costa").code == "PRTGOV"
    assert [e.source.code for e in analysis.events if e.source is not None] == ["PRTGOV"]


@pytest.mark.parametrize(
    ("text", "surname", "code"),
    [
        # "Costa" at the head of the sentence, tagged a common noun
        ("Oslo Mayor Kari Berg met Lisbon Mayor Rui Costa in Oslo. Costa later criticised the plan.", "Costa", "PRTGOV"),
        # a surname with a capital inside, tagged a common noun
        ("Nairobi Governor Ron DeSoto criticised the plan. DeSoto later accused the police of lying.", "DeSoto", "KENGOV"),
    ],
)
def test_a_surname_the_tagger_took_for_a_common_noun_is_the_person(analyze_text, text: str, surname: str, code: str) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text(text, "2024-05-01")
    assert _actor(analysis, surname).code == code
    assert code in _sources(analysis, surname)


def test_a_name_the_tagger_called_an_organisation_after_a_persons_title_is_a_person(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text(
        "Afghan presidential spokesman Karim Amiri accused Pakistan of sheltering militants. Amiri said talks had stalled.",
        "2024-05-01",
    )
    assert _actor(analysis, "Karim Amiri").code == "AFGGOV"
    assert _actor(analysis, "Amiri").code == "AFGGOV"
    assert _sources(analysis, "Karim Amiri") == ["AFGGOV"]


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # the place in the person's own title, not another place of the sentence
        ("Oslo Mayor Kari Berg met Lisbon Mayor Rui Costa in Oslo.", "Rui Costa", "PRTGOV"),
        ("Oslo Mayor Kari Berg met Lisbon Mayor Rui Costa in Oslo.", "Kari Berg", "NORGOV"),
        # an institution the knowledge base knows as part of a government gives its country
        ("Kremlin spokesman Ivo Petrov accused Ukraine of shelling the town.", "Ivo Petrov", "RUSGOV"),
        ("Pentagon press secretary Dan Miles condemned Iran.", "Dan Miles", "USAGOV"),
        ("State Department official Ann Wells criticised China.", "Ann Wells", "USAGOV"),
        # the title's own word gives the sector
        ("Kenyan MP Jane Wanjiru accused the police of brutality.", "Jane Wanjiru", "KENLEG"),
        ("Nairobi police chief Tom Mbugua accused the protesters of looting.", "Tom Mbugua", "KENCOP"),
        ("Kenyan prosecutor Mary Atieno charged the governor with fraud.", "Mary Atieno", "KENJUD"),
    ],
)
def test_a_place_or_institution_in_the_title_gives_the_country_and_the_title_the_sector(  # type: ignore[no-untyped-def]
    analyze_text, text: str, name: str, code: str
) -> None:
    assert _actor(analyze_text(text, "2024-05-01"), name).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ana Silva, who sits in Brazil's senate, accused the president of corruption. Silva said the courts were slow.", "BRALEG"),
        ("Ana Silva, a former member of Brazil's parliament, has long accused the president of corruption. Silva said the courts were slow.", "BRAELI"),
    ],
)
def test_a_clause_or_apposition_on_the_name_holds_for_the_surname_after(analyze_text, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text(text, "2024-05-01")
    assert _actor(analysis, "Ana Silva").code == code
    assert _actor(analysis, "Silva").code == code


def test_a_seat_that_is_no_body_says_nothing_of_the_person(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Ana Silva, who sits in a cafe every morning, accused the president of corruption.", "2024-05-01")
    assert _actor(analysis, "Ana Silva").code == "---"


def test_a_place_and_title_the_tagger_put_inside_the_name_still_give_the_country(analyze_text) -> None:  # type: ignore[no-untyped-def]
    # the tagger reads "Lisbon Mayor Rui Costa" as one person's name; Lisbon is still his city
    analysis = analyze_text(
        "Since meeting the mayor, Costa has praised the city. Lisbon Mayor Rui Costa criticised the plan.", "2024-05-01"
    )
    assert _actor(analysis, "Rui Costa").code == "PRTGOV"
    assert _actor(analysis, "Costa").code == "PRTGOV"
    assert [e.source.code for e in analysis.events if e.source is not None] == ["PRTGOV"]


@pytest.mark.parametrize(
    ("text", "names", "code"),
    [
        ("Kenyan opposition leaders such as Ann Wairimu accused the president of fraud.", ["Ann Wairimu"], "KENOPP"),
        (
            "Kenyan opposition leaders, such as Ann Wairimu and Tom Odera, accused the president of fraud.",
            ["Ann Wairimu", "Tom Odera"],
            "KENOPP",
        ),
        ("Kenyan lawmakers including Ann Wairimu accused the president of fraud.", ["Ann Wairimu"], "KENLEG"),
    ],
)
def test_a_name_given_as_one_of_a_group_has_the_groups_description(analyze_text, text: str, names: list[str], code: str) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text(text, "2024-05-01")
    for name in names:
        assert _actor(analysis, name).code == code, name


def test_a_place_with_an_apposition_for_a_person_stays_a_place(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Two men were held on Monday after a Kansas City, Kan., firefighter was hurt at a fire.", "2024-05-01")
    assert not any(a.text == "Kansas City" for a in analysis.actors), analysis.actors


def test_a_name_the_tagger_took_for_a_place_is_a_person_by_its_apposition(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text(
        "Ana Silva, Brazil's former justice minister, accused the president of corruption. Silva said the courts were slow.",
        "2024-05-01",
    )
    assert _actor(analysis, "Ana Silva").code == "BRAELI"
    assert _actor(analysis, "Silva").code == "BRAELI"


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Sen. Tom Reedy, R-Texas, criticised China. Reedy said the embassy spied on students.", "Tom Reedy", "USALEG"),
        ("Rep. Ann Lowe, D-Calif., accused the police of racism.", "Ann Lowe", "USALEG"),
        ("Sen. Ann Lowe (D-N.Y.) accused China of spying.", "Ann Lowe", "USALEG"),
        ("Ann Lowe, D-New York, accused China of spying.", "Ann Lowe", "USA"),
        # a state legislator's party and home town
        ("Rep. Clay Cox (R-Lilburn) accused Georgia of fraud.", "Clay Cox", "USALEG"),
    ],
)
def test_american_titles_and_the_party_state_tag_give_office_and_country(analyze_text, text: str, name: str, code: str) -> None:  # type: ignore[no-untyped-def]
    # the tag makes the senator American though the only country the sentence names is China
    assert _actor(analyze_text(text, "2024-05-01"), name).code == code


def test_a_party_letter_without_a_state_is_no_tag(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Ann Lowe, D-Day veteran, accused China of spying.", "2024-05-01")
    assert _actor(analysis, "Ann Lowe").country != "USA"


@pytest.mark.parametrize(
    ("text", "names", "code"),
    [
        ("Kenyan MPs Ann Wairimu and Tom Odera accused the police of brutality.", ["Ann Wairimu", "Tom Odera"], "KENLEG"),
        ("Kenyan lawmakers Ann Wairimu and Tom Odera accused the police of brutality.", ["Ann Wairimu", "Tom Odera"], "KENLEG"),
        ("US senators Tom Udale and Martin Heinz criticised China.", ["Tom Udale", "Martin Heinz"], "USALEG"),
        (
            "Kenyan opposition leaders Ann Wairimu, Tom Odera and Jane Achieng accused the president of fraud.",
            ["Ann Wairimu", "Tom Odera", "Jane Achieng"],
            "KENOPP",
        ),
    ],
)
def test_coordinated_names_share_a_plural_title(analyze_text, text: str, names: list[str], code: str) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text(text, "2024-05-01")
    for name in names:
        assert _actor(analysis, name).code == code, name


def test_a_singular_title_is_the_first_names_only(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Kenyan MP Ann Wairimu and Tom Odera accused the police of brutality.", "2024-05-01")
    assert _actor(analysis, "Ann Wairimu").code == "KENLEG"
    assert _actor(analysis, "Tom Odera").code == "---"


def test_an_abbreviated_military_rank_is_military(analyze_text) -> None:  # type: ignore[no-untyped-def]
    # sectors.tsv lists "gen." and "adm."; the text writes them with a capital, as one word each;
    # "Maj." and "Sgt." the tokenizer splits from their period, which may end the sentence for the
    # sentence splitter
    for rank in ("Gen.", "Adm.", "Maj.", "Sgt."):
        analysis = analyze_text(f"{rank} Tom Barrow accused the militias of the attack.", "2024-05-01")
        assert _actor(analysis, "Tom Barrow").sector == "MIL", rank


def test_an_abbreviated_plural_title_is_shared_by_the_names_after_it(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Sens. Tom Udale and Martin Heinz issued statements. Heinz accused the agency of lying.", "2024-05-01")
    for name in ("Tom Udale", "Martin Heinz", "Heinz"):
        assert _actor(analysis, name).sector == "LEG", name
    single = analyze_text("Sen. Tom Udale and Martin Heinz issued statements.", "2024-05-01")
    assert _actor(single, "Tom Udale").sector == "LEG"
    assert _actor(single, "Martin Heinz").sector is None


def test_a_role_word_ending_a_sentence_is_no_title_of_the_next_sentences_name(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("The crowd met the new police chief. Tom Reed accused the mayor of lying.", "2024-05-01")
    assert _actor(analysis, "Tom Reed").sector is None
