"""Domestic actors and their sectors: member nouns take their institution's sector, role words in
all their forms, legislatures, state media, a surname with a role of its own, acronyms.

Every phrase and sentence here is written for the test."""

from __future__ import annotations

import pytest

from thucydides.config import Settings
from thucydides.nlp import load_pipeline
from thucydides.resolve.kb import load_kb
from thucydides.resolve.phrases import resolve_phrase


def _code(phrase: str, date: str | None = "2024-05-06") -> str:
    return resolve_phrase(phrase, load_pipeline(Settings()), None, date).code


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("a Kenyan police spokesman", "KENCOP"),
        ("the Chilean army commander", "CHLMIL"),
        ("a Peruvian court spokesman", "PERJUD"),
        ("Nigerian party officials", "NGAPTY"),
        ("a Duma deputy", "RUSLEG"),
        ("Knesset members", "ISRLEG"),
        ("the head of the Ghanaian police", "GHACOP"),
        ("a spokesman for the Zambian army", "ZMBMIL"),
        ("Pentagon officials", "USAMIL"),
        ("a Colombian rebel leader", "COLREB"),
        ("Bolivian union leaders", "BOLLAB"),
        ("a Mexican police commander", "MEXCOP"),
    ],
)
def test_a_member_noun_takes_its_institutions_sector(phrase: str, code: str) -> None:
    assert _code(phrase) == code


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("a Kenyan spokesman", "KENGOV"),  # nobody's but the state's
        ("Chilean officials", "CHLGOV"),
        ("the Peruvian deputy spokesman", "PERGOV"),  # "deputy" names no institution
    ],
)
def test_a_member_noun_of_no_institution_keeps_its_own_sector(phrase: str, code: str) -> None:
    assert _code(phrase) == code


def test_the_institution_decides_in_an_article(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("A Ugandan army spokesman accused Kenyan police officers of smuggling fuel.")
    [event] = analysis.events
    assert event.source is not None and event.source.code == "UGAMIL", event.source
    assert event.target is not None and event.target.code == "KENCOP", event.target


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Mexican army chiefs", "MEXMIL"),  # plural of a listed singular
        ("two Indian spokesmen", "INDGOV"),
        ("a Brazilian investigator", "BRACOP"),  # singular of a listed plural
        ("Tanzanian magistrates", "TZAJUD"),
        ("Ecuadorian prosecutors general", "ECUJUD"),
        ("a Ukrainian prosecutor general", "UKRJUD"),  # not a general of the army
        ("the Kenyan Director of Public Prosecutions", "KENJUD"),
        ("Japanese carmakers", "JPNBUS"),
        ("Indian television channels", "INDMED"),
        ("an Iraqi parliamentary committee", "IRQLEG"),
        ("Sri Lankan trade unionists", "LKALAB"),
    ],
)
def test_role_words_in_every_form(phrase: str, code: str) -> None:
    assert _code(phrase) == code


def test_a_singular_is_not_derived_where_it_means_something_else() -> None:
    sectors = load_kb().sectors
    assert sectors["investigator"] == "COP" and sectors["spokesmen"] == "GOV"
    assert "plane" not in sectors and "deputy" not in sectors  # one plane is often civilian; "his deputy"


@pytest.mark.parametrize(
    ("phrase", "code"),
    [("the Knesset", "ISRLEG"), ("the State Duma", "RUSLEG"), ("the Bundestag", "DEULEG"), ("Capitol Hill", "USALEG")],
)
def test_a_parliament_named_by_its_house_is_a_legislature(phrase: str, code: str) -> None:
    assert _code(phrase).startswith(code)
    assert _code("the Kremlin") == "RUSGOV"  # a seat of government stays the government


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Iranian state media", "IRNGOV"),
        ("the state-run Egyptian newspaper", "EGYGOV"),
        ("a government-run Syrian television channel", "SYRGOV"),
        ("an Egyptian newspaper", "EGYMED"),
        ("Mexican journalists", "MEXMED"),
    ],
)
def test_state_media_speak_for_the_government(phrase: str, code: str) -> None:
    assert _code(phrase) == code


def test_a_surname_with_a_role_of_its_own_is_not_a_famous_namesake(analyze_text) -> None:  # type: ignore[no-untyped-def]
    found = resolve_phrase("prosecutor Persson", load_pipeline(Settings()), None, "2024-05-06")
    assert found.sector == "JUD" and "Persson" not in found.kb_id, found
    analysis = analyze_text("Prosecutor Persson said Sweden would appeal against the verdict.")
    persson = next(a for a in analysis.actors if "Persson" in a.text)
    assert persson.sector == "JUD" and not (persson.kb_id and "Persson" in persson.kb_id), persson


def test_an_acronym_phrase_keeps_its_case() -> None:
    assert _code("FSB").startswith("RUSSPY")
    assert _code("TEHRAN") == "IRNGOV"  # an all-capitals name is still read as a name


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("the Pakistani Foreign Office", "PAKGOV"),  # not Britain's Foreign Office
        ("the Chinese Embassy in London", "CHNGOV"),  # an embassy serves its own country
        ("the US Embassy in Kabul", "USAGOV"),
        ("the Kenyan Red Cross", "KENNGO"),  # a national society
        ("a Red Cross spokesman", "NGOICRCNGO"),
        ("Amnesty International researchers", "NGOAMNNGO"),
    ],
)
def test_an_institution_named_with_a_country_is_that_countrys(phrase: str, code: str) -> None:
    assert _code(phrase) == code


def test_an_embassy_in_a_capital_is_not_the_hosts(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Norway's foreign minister met Kenyan farmers. Later the embassy in Nairobi criticised the new tax.")
    embassy = next(a for a in analysis.actors if a.text.endswith("embassy"))
    assert embassy.country != "KEN", embassy


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Abkhazia", "GEOPRE"),  # PLOVER: the claiming state's country, sector PRE
        ("Transnistrian officials", "MDAPRE"),
        ("the self-declared republic", "---PRE"),
        ("a breakaway state", "---PRE"),
        ("Somaliland's president", "SOMPRE"),
        ("Somalia's president", "SOMGOV"),  # the recognised state stays itself
    ],
)
def test_a_partially_recognised_entity_is_its_claimants_with_sector_pre(phrase: str, code: str) -> None:
    assert _code(phrase).startswith(code)


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [("unknown gunmen", "UAF"), ("a pro-government militia", "PRM"), ("Sudanese paramilitaries", "PRM")],
)
def test_armed_groups_follow_plovers_sector_definitions(phrase: str, sector: str) -> None:
    assert resolve_phrase(phrase, load_pipeline(Settings()), None, None).sector == sector


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("Lt. Gen. Joseph Mwangi", "MIL"),
        ("Brig. Gen. Ahmed Salim", "MIL"),
        ("Col. Juan Perez", "MIL"),
        ("Gov. Anne Waiguru", "GOV"),
        ("Rev. Peter Mwangi", "REL"),
        ("Justice David Maraga", "JUD"),
    ],
)
def test_an_abbreviated_title_gives_its_sector(phrase: str, sector: str) -> None:
    assert resolve_phrase(phrase, load_pipeline(Settings()), None, None).sector == sector


@pytest.mark.parametrize(
    ("phrase", "code"),
    [("the Sinaloa Cartel", "MEXCRM"), ("Brazilian drug gangs", "BRACRM"), ("the Wagner Group", "RUSPRM")],
)
def test_gangs_are_criminals_and_state_aligned_paramilitaries_prm(phrase: str, code: str) -> None:
    assert _code(phrase).startswith(code)


@pytest.mark.parametrize("phrase", ["Sen. Feliciano Valencia", "John Madrid, a police officer", "Mayor Paris Hilton"])
def test_a_place_inside_a_persons_name_gives_no_country(phrase: str) -> None:
    found = resolve_phrase(phrase, load_pipeline(Settings()), None, None)
    assert found.country == "" and found.sector != "", found


def test_a_country_after_of_in_a_name_still_counts() -> None:
    assert _code("King Abdullah of Jordan") == "JORGOV"


def test_a_country_tagged_as_a_person_with_its_possessive_is_still_the_country() -> None:
    assert _code("Burkina Faso\u2019s displaced").startswith("BFA")


def test_a_former_office_holder_in_a_new_post_is_what_the_phrase_says() -> None:
    nlp = load_pipeline(Settings())
    assert resolve_phrase("Kenyan opposition leader Raila Odinga", nlp, None, "2024-05-06").code == "KENOPP"
    assert resolve_phrase("Raila Odinga", nlp, None, "2024-05-06").code == "KENELI"  # no post named: PLOVER's elite
    assert resolve_phrase("President Bush", nlp, None, "2024-05-06").code == "USAELI"  # his old title, no new post


@pytest.mark.parametrize(("phrase", "code"), [("the BBC", "GBRMED"), ("Al Jazeera", "QATMED"), ("Agence France-Presse", "FRAMED")])
def test_news_organisations_are_media_of_their_country(phrase: str, code: str) -> None:
    assert _code(phrase).startswith(code)


def test_a_house_of_parliament_is_a_legislature() -> None:
    assert resolve_phrase("the lower house", load_pipeline(Settings()), None, None).sector == "LEG"
    assert resolve_phrase("House of Representatives", load_pipeline(Settings()), None, None).sector == "LEG"


def test_abstract_nouns_and_ranks_are_not_actors(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Kenya has the authority to tax imports, and doing business there is hard.")
    assert [a.text for a in analysis.actors] == ["Kenya"], analysis.actors
    analysis = analyze_text("The Center for Media Justice criticised the police.")
    assert not any(a.sector == "JUD" for a in analysis.actors), analysis.actors
    analysis = analyze_text("Justice Ann Vale said the court would hear the case in June.")
    assert any(a.text == "Ann Vale" and a.sector == "JUD" for a in analysis.actors), analysis.actors


def test_a_titled_surname_needs_the_full_name_in_the_article(analyze_text) -> None:  # type: ignore[no-untyped-def]
    alone = analyze_text("Mr. Baker told reporters in Washington that the United States would keep its tariffs.")
    assert not any(a.kb_id and "Baker" in a.kb_id for a in alone.actors), alone.actors  # not James Baker
    named = analyze_text("Goran Persson visited Finland on Monday. Mr. Persson said Sweden would help.")
    assert [a.text for a in named.actors if a.kb_id and "Persson" in a.kb_id] == ["Goran Persson", "Persson"], named.actors
    role = analyze_text("Mr. Persson, a Swedish prosecutor, said the two men would go on trial in Sweden.")
    persson = next(a for a in role.actors if a.text == "Persson")
    assert persson.code == "SWEJUD" and not persson.kb_id, persson


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("a Labour MP", "GBRLEG"),  # a party member in a state office acts in the office
        ("a Republican senator", "USALEG"),
        ("a Labour spokesman", "GBRPTY"),  # a member noun speaks for the party
        ("a Taliban commander", "AFGREB"),  # an armed group's man is the group's
    ],
)
def test_a_party_member_in_a_state_office_acts_in_the_office(phrase: str, code: str) -> None:
    assert _code(phrase).startswith(code)


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("Puerto Penasco", "MEX"),  # a town of some 60,000 as the whole phrase, a name of two words
        ("Madras High Court", "IND"),  # a city's former name, for a city of millions
        ("Karachi police", "PAK"),
    ],
)
def test_a_place_named_in_the_phrase_gives_its_country(phrase: str, country: str) -> None:
    assert resolve_phrase(phrase, load_pipeline(Settings()), None, None).country == country



@pytest.mark.parametrize("phrase", ["MLA Sandra Jansen", "Scottish MSPs", "two Ontario MPPs", "a Belgian MEP"])
def test_legislators_by_their_initials(phrase: str) -> None:
    assert resolve_phrase(phrase, load_pipeline(Settings()), None, None).sector == "LEG"
