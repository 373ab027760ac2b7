"""Reading PETRARCH/TABARI actor and agent dictionaries, and matching actor phrases."""

from __future__ import annotations

from pathlib import Path

import pytest

from thucydides.errors import InputError
from thucydides.resolve.legacy import (
    LegacyActor,
    LegacyCode,
    LegacyDictionary,
    match_actor,
    read_actors,
    read_agents,
    read_dictionary,
)

from .conftest import DATA, need_data

DICTS = DATA / "petrarch" / "dictionaries"
PETR2 = DICTS / "petrarch2_head"
UDPETR = DICTS / "udpetrarch_validate_2_02"

ACTORS = """\
<!-- A TEST ACTOR DICTIONARY -->
<!-- a comment block
     over two lines [NOT_A_CODE] -->
<! -- an odd comment that PETRARCH skips too -->
VALINOR_  [VAL]  # a trailing underscore: the whole word
+UNDYING_LANDS
NUMENOR [NUM]
+WESTERNESSE_
BELFAL  [bfl]   ; old KEDS comment
UMBAR_CORSAIRS [UMBMIL]

HALBARAD
+RANGER_CAPTAIN_
\t[RNG < 950601]
#\t[RNGOLD 900101]
\t[RNGGOV 19950601 - 19990815]
\t[RNGREB > 990816]

LOSSARNACH  [ARD]  # default when no restriction applies
\t[ARDGOV 20100101-20101231]

MORTHOND  [---]
LEBENNIN [GON
+ERUI
PELARGIR  [PEL]
"""

AGENTS = """\
<!-- A TEST AGENT DICTIONARY -->
!SMITH! = SMITH, SMITHS, SMITHY
RIVER_WARDEN [~GOV]  # regular plural
HARBOUR_GUARD {} [~MIL]  # no plural formed
STEWARD {STEWARDS,STEWARDESSES} [~GOVSTW]
LAMP!SMITH! [~BUS]
GUILD_AUTHORITY [~GOV]
LEAGUE_OF_HEALERS [NGO~]
HERALD
SCRIBE {SCRIBES [~MED]
"""


@pytest.fixture
def actors_file(tmp_path: Path) -> Path:
    path = tmp_path / "test.actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    return path


@pytest.fixture
def agents_file(tmp_path: Path) -> Path:
    path = tmp_path / "test.agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    return path


@pytest.fixture
def dictionary(actors_file: Path, agents_file: Path) -> LegacyDictionary:
    return read_dictionary(actors_file, agents_file)


def _actor(actors: tuple[LegacyActor, ...], first: str) -> LegacyActor:
    return next(a for a in actors if a.phrases[0][0] == first)


def test_actors_phrases_synonyms_and_stems(actors_file: Path) -> None:
    actors, skipped = read_actors(actors_file)
    assert [a.phrases[0] for a in actors] == [
        ("valinor",),
        ("numenor",),
        ("belfal",),
        ("umbar", "corsairs"),
        ("halbarad",),
        ("lossarnach",),
        ("morthond",),
        ("pelargir",),
    ]
    valinor = _actor(actors, "valinor")
    assert valinor.phrases == (("valinor",), ("undying", "lands"))
    assert valinor.prefix == (False, True)
    numenor = _actor(actors, "numenor")
    assert numenor.prefix == (True, False)
    assert _actor(actors, "belfal").codes == (LegacyCode("BFL", None, None),)  # upper-cased
    # the unclosed "[GON" line is skipped, and its orphaned "+ERUI" synonym with it
    assert skipped == 2


def test_actors_date_restricted_code_block(actors_file: Path) -> None:
    actors, _ = read_actors(actors_file)
    halbarad = _actor(actors, "halbarad")
    assert halbarad.phrases == (("halbarad",), ("ranger", "captain"))
    assert halbarad.codes == (
        LegacyCode("RNG", None, "1995-06-01"),
        LegacyCode("RNGGOV", "1995-06-01", "1999-08-15"),
        LegacyCode("RNGREB", "1999-08-16", None),
    )
    assert halbarad.code_on("1990-03-04") == "RNG"
    assert halbarad.code_on("1997-01-01") == "RNGGOV"
    assert halbarad.code_on("2001-01-01") == "RNGREB"
    assert halbarad.code_on(None) == "RNG"
    lossarnach = _actor(actors, "lossarnach")
    assert lossarnach.code_on("2010-06-01") == "ARDGOV"  # a restriction beats the default
    assert lossarnach.code_on("2011-06-01") == "ARD"
    assert _actor(actors, "morthond").codes == (LegacyCode("", None, None),)


def test_agents_plurals_markers_and_sectors(agents_file: Path) -> None:
    agents, skipped = read_agents(agents_file)
    by_first = {a.phrases[0]: a for a in agents}
    warden = by_first[("river", "warden")]
    assert warden.phrases == (("river", "warden"), ("river", "wardens"))
    assert warden.sector == "GOV"
    assert by_first[("harbour", "guard")].phrases == (("harbour", "guard"),)
    assert by_first[("steward",)].phrases == (("steward",), ("stewards",), ("stewardesses",))
    assert by_first[("steward",)].sector == "GOVSTW"
    assert by_first[("lampsmith",)].phrases == (("lampsmith",), ("lampsmiths",), ("lampsmithy",))
    assert by_first[("guild", "authority")].phrases[1] == ("guild", "authorities")
    healers = by_first[("league", "of", "healers")]
    assert (healers.sector, healers.prepend) == ("NGO", True)
    assert not warden.prepend
    assert skipped == 2  # HERALD has no code; SCRIBE's plural brace is not closed


def test_match_actor_stems_exact_words_and_dates(dictionary: LegacyDictionary) -> None:
    assert match_actor(["numenoreans", "landed"], dictionary) == (1, "NUM")
    assert match_actor(["valinor", "said"], dictionary) == (1, "VAL")
    assert match_actor(["valinorean"], dictionary) is None  # "VALINOR_" is a whole word
    assert match_actor(["westernesse"], dictionary) == (1, "NUM")
    assert match_actor(["westernessean"], dictionary) is None
    assert match_actor(["umbar", "corsairs", "sailed"], dictionary) == (2, "UMBMIL")
    assert match_actor(["umbar"], dictionary) is None
    assert match_actor(["ranger", "captain"], dictionary, "1997-01-01") == (2, "RNGGOV")
    assert match_actor(["halbarad"], dictionary, "2001-01-01") == (1, "RNGREB")
    assert match_actor(["morthond"], dictionary) == (1, "")
    assert match_actor(["erui"], dictionary) is None
    assert match_actor([], dictionary) is None
    with pytest.raises(InputError):
        match_actor(["halbarad"], dictionary, "01/01/2001")


def test_match_actor_prefers_the_longest_phrase(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("ITHIL [ITH]\nITHIL_GUARD_ [ITHMIL]\nITHILIEN [ITN]\n", encoding="utf-8")
    dictionary = read_dictionary(actors=path)
    assert match_actor(["ithil", "guard", "rode"], dictionary) == (2, "ITHMIL")
    assert match_actor(["ithilien"], dictionary) == (1, "ITN")  # the longer stem wins
    assert match_actor(["ithilduin"], dictionary) == (1, "ITH")


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        read_actors(tmp_path / "nope.actors.txt")
    with pytest.raises(InputError):
        read_agents(tmp_path)  # a directory
    assert read_dictionary() == LegacyDictionary((), (), 0)


def test_petrarch2_validation_dictionaries() -> None:
    need_data(PETR2)
    dictionary = read_dictionary(
        PETR2 / "PETR.Validate.actors.txt", PETR2 / "PETR.Validate.agents.txt"
    )
    assert len(dictionary.actors) > 120  # 128 records ...
    assert sum(len(a.phrases) for a in dictionary.actors) > 150  # ... naming 161 phrases
    assert len(dictionary.agents) > 50
    assert dictionary.skipped == 0
    assert match_actor(["arnor"], dictionary) == (1, "ARN")
    assert match_actor(["minas", "tirith"], dictionary) == (2, "GON")
    assert match_actor(["gollum"], dictionary, "1997-01-01") == (1, "HOBGOV")
    assert match_actor(["gollum"], dictionary, "2001-01-01") == (1, "HOBREB")
    assert match_actor(["argentine", "navy"], dictionary) == (1, "ARG")
    # "[ORCHOB 20100109-20100112] # This should override the next restriction"
    assert match_actor(["sam", "gamgee"], dictionary, "2010-01-10") == (2, "ORCHOB")
    agents = {a.phrases[0]: a for a in dictionary.agents}
    assert agents[("foreign", "minister")].sector == "GOVFRM"
    assert ("foreign", "ministers") in agents[("foreign", "minister")].phrases
    assert ("congresswomen",) in agents[("congressman",)].phrases
    assert agents[("police",)].phrases == (("police",),)


def test_udpetrarch_validation_dictionaries() -> None:
    need_data(UDPETR)
    actors, skipped = read_actors(UDPETR / "PETR_Validate_actors_2_02.txt")
    agents, agent_skipped = read_agents(UDPETR / "PETR_Validate_agents_2_02.txt")
    assert len(actors) > 120 and len(agents) > 50
    assert skipped == agent_skipped == 0
    dictionary = LegacyDictionary(actors, agents, skipped)
    assert match_actor(["nasgul"], dictionary) == (1, "")  # [+++]
    assert match_actor(["zurich"], dictionary) == (1, "CHE")
