"""An actor phrase on its own gets its country and sector from general knowledge: PLOVER's
sector definitions as a table of role nouns, nationalities in their forms (plural, regional,
misspelt by one letter), seats and institutions standing for their state, well-known
organisations, and the precedence between several of them in one phrase.

Every phrase here is written for the test, across many countries and roles."""

from __future__ import annotations

import pytest

from thucydides.config import Settings
from thucydides.nlp import load_pipeline
from thucydides.resolve.lookalikes import misspelt_country, one_edit_apart
from thucydides.resolve.phrases import Resolution, resolve_phrase


def _resolve(phrase: str) -> Resolution:
    return resolve_phrase(phrase, load_pipeline(Settings()), None, "2024-05-06")


def _pair(phrase: str) -> tuple[str, str]:
    resolution = _resolve(phrase)
    return resolution.country, resolution.sector


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        # government: offices of every kind, ministries as executive divisions (PLOVER GOV)
        ("Deputy Foreign Minister of Peru", "PER", "GOV"),
        ("the acting Nigerian finance minister", "NGA", "GOV"),
        ("Chilean undersecretary of the interior", "CHL", "GOV"),
        ("the Philippine Interior Secretary", "PHL", "GOV"),
        ("Ethiopian regional administrator", "ETH", "GOV"),
        ("Norwegian state secretary", "NOR", "GOV"),
        ("Swedish foreign office", "SWE", "GOV"),
        ("Peruvian presidential palace", "PER", "GOV"),
        ("South African Department of Home Affairs", "ZAF", "GOV"),
        ("Congolese health ministry", "COD", "GOV"),
        ("the Bangladeshi High Commissioner", "BGD", "GOV"),
        ("Colombian vice-minister of defense", "COL", "GOV"),
        ("a Brazilian city council", "BRA", "GOV"),
        ("Ghanaian tax authority", "GHA", "GOV"),
        # armed forces by branch, unit and rank
        ("Ukrainian 93rd Mechanized Brigade", "UKR", "MIL"),
        ("a Malian army battalion", "MLI", "MIL"),
        ("Polish reservists", "POL", "MIL"),
        ("a Sudanese garrison", "SDN", "MIL"),
        ("Thai admiral", "THA", "MIL"),
        # police and intelligence
        ("Mexican federal police", "MEX", "COP"),
        ("Indonesian law enforcement officials", "IDN", "COP"),
        ("Iranian intelligence ministry", "IRN", "SPY"),
        ("a Chinese spy", "CHN", "SPY"),
        # courts, legislatures, parties, labour
        ("a Kenyan High Court judge", "KEN", "JUD"),
        ("Egyptian military court", "EGY", "JUD"),
        ("Paraguayan senators", "PRY", "LEG"),
        ("Cambodian opposition lawmakers", "KHM", "LEG"),  # a seat in the legislature comes first
        ("a Zimbabwean ruling party official", "ZWE", "PTY"),
        ("Argentine trade unions", "ARG", "LAB"),
        # business, media, education, health
        ("a Korean shipbuilder", "KOR", "BUS"),
        ("a Turkish startup", "TUR", "BUS"),
        ("a Mexican news website", "MEX", "MED"),
        ("a Nigerian college", "NGA", "EDU"),
        ("Chilean schoolteachers", "CHL", "EDU"),
        ("Sudanese physicians", "SDN", "HLH"),
        ("a Pakistani clinic", "PAK", "HLH"),
        # refugees, rebels, criminals, civilians, farmers
        ("South Sudanese displaced people", "SSD", "REF"),
        ("Mozambican insurgents", "MOZ", "REB"),
        ("Honduran looters", "HND", "CRM"),
        ("an Italian crime syndicate", "ITA", "CRM"),
        ("four Omani men", "OMN", "CVL"),
        ("Iraqi locals", "IRQ", "CVL"),
        ("Egyptian activists", "EGY", "CVL"),  # PLOVER CVL: "civilians, protesters, activists"
        ("Peruvian growers", "PER", "AGR"),
        ("a separatist region of Moldova", "MDA", "PRE"),
    ],
)
def test_role_nouns_give_the_sector_and_nationalities_the_country(phrase: str, country: str, sector: str) -> None:
    assert _pair(phrase) == (country, sector), _resolve(phrase).why


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("Capt. Ahmed Musa", "", "MIL"),
        ("Rear Adm. Lin Wei", "", "MIL"),
        ("Det. Carlos Ruiz", "", "COP"),
        ("Fr. Pedro Alvarez", "", "REL"),
        ("the Irish Tanaiste", "IRL", "GOV"),
        ("Chinese State Councilor", "CHN", "GOV"),
        ("the Nigerian president-elect", "NGA", "GOV"),
        ("Ugandan Chief of Defence Forces", "UGA", "MIL"),
        ("Pakistani air chief", "PAK", "MIL"),
        ("Bangladeshi security personnel", "BGD", "COP"),
    ],
)
def test_titles_and_their_abbreviations(phrase: str, country: str, sector: str) -> None:
    assert _pair(phrase) == (country, sector), _resolve(phrase).why


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("unidentified attackers", "UAF"),
        ("smuggling ring", "CRM"),
        ("conscripts", "MIL"),
        ("non-governmental organization", "NGO"),
        ("self-declared republic", "PRE"),
        ("counter-terrorism police", "COP"),
        ("farm workers", "AGR"),
        ("rioters", "CVL"),
    ],
)
def test_a_role_with_no_country_keeps_none(phrase: str, sector: str) -> None:
    assert _pair(phrase) == ("", sector), _resolve(phrase).why


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("former president", "", "ELI"),
        ("ex-prime minister", "", "ELI"),
        ("a former Chilean president", "CHL", "ELI"),
        ("ex-Zambian finance minister", "ZMB", "ELI"),
        ("the Argentine first lady", "ARG", "ELI"),  # PLOVER ELI: family members of officials
    ],
)
def test_former_officials_and_their_families_are_elites(phrase: str, country: str, sector: str) -> None:
    assert _pair(phrase) == (country, sector), _resolve(phrase).why


def test_a_former_role_names_no_holder_of_todays_office() -> None:
    resolution = _resolve("former Chinese foreign minister")
    assert (resolution.country, resolution.sector, resolution.kb_id) == ("CHN", "ELI", "")


def test_the_role_held_now_wins_over_a_past_one() -> None:
    resolution = _resolve("a former Kenyan army officer now defence minister")
    assert (resolution.country, resolution.sector, resolution.code) == ("KEN", "GOV", "KENGOV")
    assert _pair("a retired general, now a senator") == ("", "LEG")


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("US-backed rebels", "", "REB"),
        ("United States-backed forces", "", "MIL"),
        ("pro-Russian separatists", "", "REB"),
        ("a Russian-backed separatist leader", "", "REB"),
        ("the US-backed Syrian Democratic Forces", "SYR", "REB"),
        ("Saudi-led coalition", "SAU", ""),  # the leader is the coalition's country
    ],
)
def test_a_country_a_group_sides_with_is_not_its_own(phrase: str, country: str, sector: str) -> None:
    assert _pair(phrase) == (country, sector), _resolve(phrase).why


def test_a_separatist_leader_is_not_the_states_leader() -> None:
    assert _resolve("a Russian-backed separatist leader").name != "Mikhail Mishustin"
    assert _resolve("Russian separatist leader").kb_id == ""


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("British MI6", "GBR", "SPY"),  # a nationality before a known organisation is no person's name
        ("Bavarian police", "DEU", "COP"),
        ("Catalan government", "ESP", "GOV"),
        ("Tibetan monks", "CHN", "REL"),
        ("Chechen fighters", "RUS", "REB"),
        ("Texan lawmakers", "USA", "LEG"),
        ("Zanzibari fishermen", "TZA", "AGR"),
        ("Sindhi politicians", "PAK", ""),
    ],
)
def test_regional_nationalities_name_their_state(phrase: str, country: str, sector: str) -> None:
    assert _pair(phrase) == (country, sector), _resolve(phrase).why


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("Gazprom", "RUS", "BUS"),
        ("Petronas", "MYS", "BUS"),
        ("Lockheed Martin", "USA", "BUS"),
        ("Baykar", "TUR", "BUS"),
        ("Makerere University", "UGA", "EDU"),
        ("Tsinghua University", "CHN", "EDU"),
        ("Wolesi Jirga", "AFG", "LEG"),
        ("Legislative Yuan", "TWN", "LEG"),
        ("the Camorra", "ITA", "CRM"),
        ("Territorial Defence Forces", "UKR", "MIL"),
        ("the Zapatistas", "MEX", "REB"),
        ("Three Percenters", "USA", "UAF"),
    ],
)
def test_well_known_organisations_have_their_home_country(phrase: str, country: str, sector: str) -> None:
    assert _pair(phrase) == (country, sector), _resolve(phrase).why


@pytest.mark.parametrize(
    ("phrase", "country"),
    [("Kazahks", "KAZ"), ("Ghanian police", "GHA"), ("Isreali troops", "ISR"), ("Ukranian army", "UKR"), ("Afghanstan", "AFG")],
)
def test_a_nationality_misspelt_by_one_letter_still_names_its_country(phrase: str, country: str) -> None:
    assert _resolve(phrase).country == country


@pytest.mark.parametrize("phrase", ["Germain Dupont", "Romans", "a group of men", "unknown gunmen", "the governorate"])
def test_a_phrase_that_names_no_country_gets_none(phrase: str) -> None:
    assert _resolve(phrase).country == ""


def test_one_edit_apart() -> None:
    assert one_edit_apart("Kazahks", "Kazakhs")  # two neighbours swapped
    assert one_edit_apart("Ghanian", "Ghanaian")  # one left out
    assert one_edit_apart("Isreali", "Israeli")
    assert not one_edit_apart("Austrian", "Australian")
    assert not one_edit_apart("Kazakhs", "Kazakhs")


def test_a_misspelling_close_to_two_countries_names_neither() -> None:
    spellings = {"Nigerian": "NGA", "Nigerien": "NER", "Kenyan": "KEN"}
    assert misspelt_country("Nigerion", spellings) is None  # one letter from both
    assert misspelt_country("Kenyian", spellings) == "KEN"
    assert misspelt_country("Kenyan", spellings) is None  # a name itself, not a slip
    assert misspelt_country("Roman", {"Oman": "OMN"}) is None  # too short to trust


def test_a_sympathiser_country_does_not_set_an_articles_country(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("US-backed rebels attacked Syrian troops near Raqqa on Tuesday.")
    [event] = analysis.events
    assert event.source is not None and event.source.code == "SYRREB", event.source  # the story is Syria's


def test_a_group_named_after_its_member_gives_a_span_in_text_order(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "The head of Makerere University accused the Ugandan police of beating students."
    analysis = analyze_text(text)
    assert analysis.rejection is None, analysis.rejection
    [event] = analysis.events
    assert event.source is not None and event.source.code == "UGAEDUMAK", event.source
    start, end = event.source.span
    assert start < end and text[start:end] == "head of Makerere University"
