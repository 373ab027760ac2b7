"""Quotes and their speakers: invented sentences, the reference article, and the PolNeAR floor."""

from __future__ import annotations


import pytest

from thucydides.config import Settings
from thucydides.evaluate.quotes import evaluate_quotes
from thucydides.evaluate.scores import Report
from thucydides.records import Analysis, Quote

from .conftest import DATA, need_data
from .floors import FLOORS, check_floors

POLNEAR_SUBSET = 60
"""The per-measure floor tests score the first 60 articles of PolNeAR dev; one test scores all 309."""


def _quote(analysis: Analysis, start: str) -> Quote:
    found = [q for q in analysis.quotes if q.content.startswith(start)]
    assert found, f"no quote starting {start!r}: {[q.content for q in analysis.quotes]}"
    return found[0]


def test_a_direct_quote_and_its_continuation_have_the_speaker(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenyan Foreign Minister Jane Mwangi met the envoy in Nairobi on Monday.\n\n"
        "“We will not accept any deal that divides the country,” Mwangi told reporters.\n\n"
        "“Our borders are not for sale to anyone,” she said."
    )
    analysis = analyze_text(text)
    first = _quote(analysis, "We will not accept")
    assert first.direct and first.cue == "told"
    assert first.speaker is not None and first.speaker.name == "Jane Mwangi" and first.speaker.country == "KEN"
    second = _quote(analysis, "Our borders are not")
    assert second.speaker is not None and second.speaker.name == "Jane Mwangi"
    assert second.speaker.text == "she" and text[slice(*second.speaker.span)] == "she"
    assert text[slice(*second.span)] == second.content


def test_indirect_quotes_name_their_speaker_and_are_not_direct(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "The Norwegian government warned that the talks could collapse within days."
    [quote] = analyze_text(text).quotes
    assert not quote.direct and quote.cue == "warned"
    assert quote.content.startswith("the talks could collapse")
    assert quote.speaker is not None and quote.speaker.country == "NOR"


def test_according_to_names_the_speaker(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "Troops crossed the river overnight, according to the Finnish defence ministry."
    [quote] = analyze_text(text).quotes
    assert quote.content.startswith("Troops crossed the river")
    assert quote.speaker is not None and quote.speaker.country == "FIN"


def test_a_partial_quote_inside_a_report_is_one_mixed_quote(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "Chile said it would reject the plan as “a betrayal of our farmers and workers”."
    analysis = analyze_text(text)
    assert len(analysis.quotes) == 1
    quote = analysis.quotes[0]
    assert not quote.direct and "a betrayal of our farmers" in quote.content and "reject the plan" in quote.content
    assert quote.speaker is not None and quote.speaker.country == "CHL"


def test_a_statement_from_a_ministry_speaks_for_it(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "A statement from the Egyptian foreign ministry said the border crossing would reopen on Sunday."
    [quote] = analyze_text(text).quotes
    assert quote.speaker is not None and quote.speaker.country == "EGY"


def test_the_minister_is_the_minister_named_before(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peruvian Interior Minister Carlos Quispe visited the flooded districts on Tuesday.\n\n"
        "The minister said the army would deliver drinking water to every village by Friday."
    )
    quote = _quote(analyze_text(text), "the army would deliver")
    assert quote.speaker is not None and quote.speaker.name == "Carlos Quispe"
    assert quote.speaker.text == "The minister"


def test_doubled_apostrophes_are_quotation_marks(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "Aragorn spoke in Minas Tirith on Monday. ''We hold the fords,'' said Aragorn. ''Not one of them.''"
    analysis = analyze_text(text)
    first = _quote(analysis, "We hold the fords")
    assert first.direct and first.speaker is not None and first.speaker.name == "Aragorn"
    second = _quote(analysis, "Not one of them")
    assert second.speaker is not None and second.speaker.name == "Aragorn"


def test_a_headline_tells_who_says_what(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "Arnor Minister Says Gondor Broke The Truce\n\nThe talks in Bree ended on Monday without a deal."
    quote = _quote(analyze_text(text), "Gondor Broke The Truce")
    assert quote.cue == "Says" and quote.speaker is not None and "Arnor" in quote.speaker.text


def test_a_quote_after_a_colon_is_the_subjects(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "Faramir shrugged off the question:\n\n“There is nothing left to say to them now.”"
    quote = _quote(analyze_text(text), "There is nothing left")
    assert quote.speaker is not None and quote.speaker.name == "Faramir"


def test_a_passive_cue_names_no_speaker(analyze_text) -> None:  # type: ignore[no-untyped-def]
    [quote] = analyze_text("Faramir was asked whether the border would reopen.").quotes
    assert quote.content == "whether the border would reopen" and quote.speaker is None


def test_an_accusation_keeps_what_it_is_about(analyze_text) -> None:  # type: ignore[no-untyped-def]
    [quote] = analyze_text("Aragorn accused Gondor of breaking the truce at the river.").quotes
    assert quote.cue == "accused" and quote.content.startswith("Gondor of breaking the truce")
    assert quote.speaker is not None and quote.speaker.name == "Aragorn"


_HEADLINE = "Talks in Bree\n\n"
"""A first line of its own, so that the sentence under test is not read as the headline."""


def _cue(analysis: Analysis, cue: str) -> Quote:
    found = [q for q in analysis.quotes if q.cue == cue]
    assert found, f"no quote with cue {cue!r}: {[(q.cue, q.content) for q in analysis.quotes]}"
    return found[0]


def test_the_object_of_a_speech_verb_is_what_was_said(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text(_HEADLINE + "Aragorn stressed the need for a truce at the river. Faramir told reporters.")
    quote = _cue(analysis, "stressed")
    assert quote.content == "the need for a truce at the river"
    assert quote.speaker is not None and quote.speaker.name == "Aragorn"
    assert not [q for q in analysis.quotes if q.content == "reporters"]


def test_an_object_verb_takes_a_pronoun_object(analyze_text) -> None:  # type: ignore[no-untyped-def]
    quote = _cue(analyze_text(_HEADLINE + "Aragorn called it a betrayal of the north."), "called")
    assert quote.content == "it a betrayal of the north"


def test_a_gerund_is_an_object(analyze_text) -> None:  # type: ignore[no-untyped-def]
    quote = _cue(analyze_text(_HEADLINE + "Arnor's envoys support reforming the council."), "support")
    assert quote.content == "reforming the council"


def test_a_plan_is_told_by_its_to_complement(analyze_text) -> None:  # type: ignore[no-untyped-def]
    quote = _cue(analyze_text(_HEADLINE + "Gondor plans to close the border before the winter."), "plans")
    assert quote.content == "to close the border before the winter"
    assert quote.speaker is not None and "Gondor" in quote.speaker.text


def test_a_passive_object_verb_is_about_its_subject(analyze_text) -> None:  # type: ignore[no-untyped-def]
    quote = _cue(analyze_text(_HEADLINE + "Gondor was criticized for the raid on the river villages."), "criticized")
    assert quote.content.startswith("Gondor") and quote.content.endswith("the raid on the river villages")
    assert quote.speaker is None


def test_what_a_comment_is_on_or_a_focus_is_on_is_the_content(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = _HEADLINE + "Faramir commented on the treaty with Rohan.\n\nEowyn focused on the defence of the fords."
    analysis = analyze_text(text)
    assert _cue(analysis, "commented").content == "the treaty with Rohan"
    assert _cue(analysis, "focused").content == "the defence of the fords"


def test_a_content_runs_over_what_the_cue_governs_after_it(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = _HEADLINE + "Aragorn called for a ceasefire in March after the battle at the river."
    assert _cue(analyze_text(text), "called").content == "a ceasefire in March after the battle at the river"


def test_a_participle_speaks_for_the_noun_it_modifies(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = _HEADLINE + "A group of elders calling for a boycott of the council met in Bree on Monday."
    quote = _cue(analyze_text(text), "calling")
    assert quote.content == "a boycott of the council"
    assert quote.speaker is not None and "elders" in quote.speaker.text


def test_a_speaker_is_found_through_a_preposition(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = _HEADLINE + "Faramir inspected the fords before confirming that they were safe."
    quote = _cue(analyze_text(text), "confirming")
    assert quote.content == "they were safe" and quote.speaker is not None and quote.speaker.name == "Faramir"


def test_the_complement_after_the_cue_is_what_was_said(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = _HEADLINE + "The council met in Bree on Monday (its chairman later disclosed that the vote had failed)."
    quote = _cue(analyze_text(text), "disclosed")
    assert quote.content == "the vote had failed"


def test_a_cue_inside_a_clause_reports_it_only_when_set_off(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text(_HEADLINE + "The hope in Gondor has been that the Arnor delegates respond quickly.")
    assert not [q for q in analysis.quotes if q.content.startswith("The hope")]


def test_what_seems_so_to_someone_is_their_view(analyze_text) -> None:  # type: ignore[no-untyped-def]
    quote = _cue(analyze_text(_HEADLINE + "The truce between Gondor and Rohan seemed to Faramir to be failing."), "seemed")
    assert quote.content.startswith("The truce between Gondor and Rohan") and quote.content.endswith("to be failing")
    assert quote.speaker is not None and "Faramir" in quote.speaker.text


def test_what_seems_so_to_no_one_named_is_the_writers_hedge_not_a_quote(analyze_text) -> None:  # type: ignore[no-untyped-def]
    for sentence in ("The truce between Gondor and Rohan seems to be failing.", "The envoy appeared to blame the guards for the delay."):
        analysis = analyze_text(_HEADLINE + sentence)
        assert not [q for q in analysis.quotes if q.cue in ("seems", "appeared")], (sentence, analysis.quotes)


def test_words_in_quotation_marks_that_no_one_is_told_to_say_are_no_quote(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = _HEADLINE + 'The council of Bree printed its motto, "Bread and peace for every hearth", on the new banners.'
    assert not analyze_text(text).quotes


def test_interview_lines_headed_q_and_a_name_no_speaker_and_give_no_quote(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        _HEADLINE + "Q: Will the fords of the Isen be open before the winter comes?\n\n"
        "A: The wardens have not decided that yet, and the council meets next week.\n"
    )
    assert not [q for q in analyze_text(text).quotes if q.content.startswith(("Will the fords", "The wardens have"))]


def test_an_attitude_adjective_needs_someone_to_hold_it(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text(_HEADLINE + "The harvest figures are critical to the planning of the winter stores.")
    assert not [q for q in analysis.quotes if q.cue == "critical"], analysis.quotes
    quote = _cue(analyze_text(_HEADLINE + "The minister was critical of the plan to close the fords."), "critical")
    assert quote.content == "the plan to close the fords"


def test_an_attitude_adjective_tells_a_stance(analyze_text) -> None:  # type: ignore[no-untyped-def]
    quote = _cue(analyze_text(_HEADLINE + "Gondor is eager to sign the treaty with Rohan."), "eager")
    assert quote.content == "to sign the treaty with Rohan"
    assert quote.speaker is not None and "Gondor" in quote.speaker.text


def test_a_stance_verb_of_a_named_actor_tells_a_view(analyze_text) -> None:  # type: ignore[no-untyped-def]
    quote = _cue(analyze_text(_HEADLINE + "Governor Tomas Brandt favors the new pipeline through the valley."), "favors")
    assert quote.content == "the new pipeline through the valley"
    assert quote.speaker is not None and quote.speaker.name == "Tomas Brandt"


def test_a_verb_of_learning_tells_what_was_learned(analyze_text) -> None:  # type: ignore[no-untyped-def]
    quote = _cue(analyze_text(_HEADLINE + "Senator Maria Ekwueme learned that the vote had been delayed."), "learned")
    assert quote.content == "the vote had been delayed"
    assert quote.speaker is not None and quote.speaker.name == "Maria Ekwueme"


def test_a_stance_verb_needs_a_person_or_organisation_as_subject(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text(_HEADLINE + "The minister learned the news.")
    assert not [q for q in analysis.quotes if q.cue == "learned"]


def test_a_reaction_drawn_from_someone_is_their_view_of_the_subject(analyze_text) -> None:  # type: ignore[no-untyped-def]
    quote = _cue(analyze_text(_HEADLINE + "The pipeline plan drew criticism from Senator Maria Ekwueme."), "drew")
    assert quote.content == "The pipeline plan"
    assert quote.speaker is not None and quote.speaker.name == "Maria Ekwueme"


@pytest.mark.parametrize(
    "text",
    [
        "The sudden tax increase alarmed Governor Tomas Brandt.",
        "The expulsion of the envoys by Gondor angered the council in Bree.",
        "The decision worried investors in Bree.",
    ],
)
def test_a_feeling_caused_is_not_a_quote(analyze_text, text: str) -> None:  # type: ignore[no-untyped-def]
    """Nobody said, wrote or judged anything: the subject is not content and the object no speaker."""
    assert analyze_text(_HEADLINE + text).quotes == ()


def test_a_first_line_ending_in_a_full_stop_is_a_sentence_not_a_headline(analyze_text) -> None:  # type: ignore[no-untyped-def]
    assert analyze_text("Gondor had success in brokering talks between Arnor and Rohan.").quotes == ()
    assert analyze_text("Gondor Says Arnor Broke The Truce\n\nThe council met.").quotes


def test_a_stance_noun_with_a_clause_needs_no_holder(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = _HEADLINE + "Allegations that the minister hid the payments from auditors spread quickly in Bree."
    quote = _cue(analyze_text(text), "Allegations")
    assert quote.content == "the minister hid the payments from auditors" and quote.speaker is None


def test_a_cue_inside_a_transcript_line_is_the_line_speakers(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = _HEADLINE + "HALDOR: Well, I think the harbour deal is dead.\n\nMORVEN: The ministers signed it on Friday."
    quote = _cue(analyze_text(text), "think")
    assert quote.speaker is not None and text[slice(*quote.speaker.span)] == "HALDOR"


def test_a_name_the_parser_left_beside_a_quote_is_its_speaker() -> None:
    import spacy
    from spacy.tokens import Doc

    from thucydides.extract.quotes import _beside_quote

    # “We need the boats,” said Skelmer. — with "Skelmer" misparsed as an adverb of "said"
    words = ["“", "We", "need", "the", "boats", ",", "”", "said", "Skelmer", "."]
    doc = Doc(
        spacy.blank("en").vocab, words=words, spaces=[False, True, True, True, False, False, True, True, False, False],
        heads=[7, 2, 7, 4, 2, 7, 7, 7, 7, 7], deps=["punct", "nsubj", "ccomp", "det", "dobj", "punct", "punct", "ROOT", "advmod", "punct"],
        pos=["PUNCT", "PRON", "VERB", "DET", "NOUN", "PUNCT", "PUNCT", "VERB", "ADV", "PUNCT"],
    )
    run = (doc[1].idx, doc[5].idx + 1)
    speaker = _beside_quote(doc, doc[7], run)
    assert speaker is not None and speaker.text == "Skelmer"


def test_the_agent_of_a_passive_cue_is_its_speaker(analyze_text) -> None:  # type: ignore[no-untyped-def]
    quote = _cue(analyze_text(_HEADLINE + "Ilse Varga was asked by Tomas Brandt whether the tax plan would pass."), "asked")
    assert quote.speaker is not None and quote.speaker.name == "Tomas Brandt"


def test_a_possessive_holder_is_the_subject_of_its_clause(analyze_text) -> None:  # type: ignore[no-untyped-def]
    quote = _cue(analyze_text(_HEADLINE + "Senator Ilse Varga gave her first public comments on the strike on Monday."), "comments")
    assert quote.speaker is not None and quote.speaker.name == "Ilse Varga" and quote.speaker.text == "her"


def test_a_statement_put_out_speaks_for_who_put_it_out(analyze_text) -> None:  # type: ignore[no-untyped-def]
    quote = _cue(analyze_text(_HEADLINE + "The Rohan embassy issued a statement saying that the border would stay open."), "saying")
    assert quote.speaker is not None and "embassy" in quote.speaker.text and "statement" not in quote.speaker.text


def test_two_titles_and_a_name_are_one_speaker(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = _HEADLINE + "Presidential contender and former surgeon Ann Vale responded to claims that she had lied about her past."
    quote = _cue(analyze_text(text), "responded")
    assert quote.speaker is not None and quote.speaker.name == "Ann Vale"


def test_the_reference_article_quotes_have_their_speakers(settings: Settings) -> None:
    from thucydides.ingest import read_inputs
    from thucydides.pipeline import analyze

    path = need_data(DATA / "seed" / "seed.jsonl")
    [(_, analysis)] = list(analyze(read_inputs([str(path)]), settings))
    expected = {
        "Obviously, security issues are now the top priority": "Putin",
        "Don’t devote yourself to the dragon": "Poita",
        "A truce is now again effectively the ratification": "Kirby",
        "I am sure that our leader": "Ushakov",
        "I underscored the importance": "Kuleba",
        "Any peace deal that is not based on Ukraine": "Davies",
        "At present, with the accelerated development": "Wang Wenbin",
    }
    for start, who in expected.items():
        quote = _quote(analysis, start)
        assert quote.direct
        assert quote.speaker is not None and who in quote.speaker.name, (start, quote.speaker)


@pytest.mark.parametrize("measure", sorted(FLOORS["quotes_polnear_dev_first60"]))
def test_polnear_scores_stay_above_their_floors(measure: str, polnear_report: Report) -> None:
    floor = FLOORS["quotes_polnear_dev_first60"][measure]
    assert polnear_report.scores[measure] >= floor - 0.01, f"{measure} {polnear_report.scores[measure]} < floor {floor}"
    check = polnear_report.parts["check"].scores[measure]
    floor = FLOORS["check"]["quotes_polnear_dev_first60"][measure]
    assert check >= floor - 0.01, f"{measure} of the check part {check} < floor {floor}"


def test_polnear_full_dev_stays_above_its_floors(settings: Settings) -> None:
    """The issue's own measures (content recall, attribution F1) on all 309 articles: about a minute."""
    path = need_data(DATA / "polnear_quotes" / "dev.jsonl")
    check_floors(evaluate_quotes(path, settings), "quotes_polnear_dev", noise=0.005)


@pytest.fixture(scope="module")
def polnear_report(settings: Settings) -> Report:
    path = need_data(DATA / "polnear_quotes" / "dev.jsonl")
    return evaluate_quotes(path, settings, limit=POLNEAR_SUBSET)


@pytest.mark.parametrize(
    "text",
    ["Ann Vale was the first senator to endorse Bo Tarn.", "Bo Tarn's rivals will need to oppose him."],
)
def test_a_person_as_object_of_a_cue_in_an_infinitive_is_no_quote(analyze_text, text: str) -> None:  # type: ignore[no-untyped-def]
    """An infinitive tells an act, and a name or pronoun as its object tells whom it is done to:
    endorsing Tarn is not something Vale said."""
    analysis = analyze_text(_HEADLINE + text)
    assert not [q for q in analysis.quotes if q.cue in ("endorse", "oppose")]


def test_what_a_cue_in_an_infinitive_says_is_still_a_quote(analyze_text) -> None:  # type: ignore[no-untyped-def]
    quote = _cue(analyze_text(_HEADLINE + "Bo Tarn's rivals need to oppose the tax plan before the vote."), "oppose")
    assert quote.content.startswith("the tax plan")


def test_a_person_as_object_of_a_cue_that_took_place_is_a_quote(analyze_text) -> None:  # type: ignore[no-untyped-def]
    quote = _cue(analyze_text(_HEADLINE + "Ann Vale endorsed Bo Tarn."), "endorsed")
    assert quote.content == "Bo Tarn"
    assert quote.speaker is not None and quote.speaker.name == "Ann Vale"


def test_it_after_an_organisations_quote_is_that_organisation(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = _HEADLINE + (
        "“The border is closed to all trucks,” Peru's foreign ministry said on Monday.\n\n"
        "“Nobody will cross it without a permit,” it added."
    )
    quote = _quote(analyze_text(text), "Nobody will cross")
    assert quote.speaker is not None and quote.speaker.code == "PERGOV"
    assert quote.speaker.text == "it"


def test_an_organisation_nominal_is_the_organisation_that_spoke_before(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = _HEADLINE + (
        "The United Nations warned on Friday that food stocks would run out by May. "
        "“Millions of people will go hungry,” the agency said."
    )
    quote = _quote(analyze_text(text), "Millions of people")
    assert quote.speaker is not None and quote.speaker.code == "IGOUNO"
    assert quote.speaker.text == "the agency"


def test_an_organisation_nominal_is_not_another_kind_of_body(analyze_text) -> None:  # type: ignore[no-untyped-def]
    """ "the agency" is not Chile's government, even when the government spoke last."""
    text = _HEADLINE + (
        "The United Nations warned on Friday that food stocks would run out by May. "
        "Chile's government said the ports were open. “Millions of people will go hungry,” the agency said."
    )
    quote = _quote(analyze_text(text), "Millions of people")
    assert quote.speaker is None or quote.speaker.country != "CHL"


def test_the_writers_own_voice_is_no_quote(analyze_text) -> None:  # type: ignore[no-untyped-def]
    # a recipe, a blog, a how-to: the author and the reader are no one's source
    text = (
        _HEADLINE + "I prefer small glass jars for this plum butter, and I think a wide funnel helps. "
        "We talk about why patience matters. You want to stir it slowly so it does not burn."
    )
    assert analyze_text(text).quotes == ()


def test_i_inside_a_named_speakers_words_stays_theirs(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = _HEADLINE + "“I think the harbour deal is dead,” the Arnor foreign minister said on Friday."
    quote = _quote(analyze_text(text), "I think the harbour deal")
    assert quote.speaker is not None and "minister" in text[slice(*quote.speaker.span)]


def test_i_on_a_page_that_names_a_speaker_may_be_a_columnist_and_stays(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = _HEADLINE + "Mayor Ann Vale said the harbour toll would rise in spring. I think the toll is a mistake for Bree."
    assert [q.cue for q in analyze_text(text).quotes] == ["said", "think"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Rival senators scrambled to mount a last-ditch effort to deny Ann Vale the nomination.", "Rival senators"),
        ("Bo Tarn has quarrelled with the council, once calling the mayor a crook.", "Bo Tarn"),
        ("Gondor’s attempt to deny the charges failed in the end.", "Gondor’s"),
    ],
)
def test_a_noun_a_clause_completes_is_not_its_doer(analyze_text, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    """ "an effort to deny", "at one point calling": the noun is what the clause completes; who
    does it is the noun's possessor or the subject of the clause the noun sits in."""
    [quote] = analyze_text(_HEADLINE + text).quotes
    assert quote.speaker is not None and quote.speaker.text in speaker


def test_a_noun_a_clause_completes_with_no_doer_names_no_speaker(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text(_HEADLINE + "The attempt to deny the charges failed in the end.")
    assert all(q.speaker is None or "attempt" not in q.speaker.text for q in analysis.quotes)


@pytest.mark.parametrize(
    "text",
    [
        "Halvard Dunn joined a movement called the Northern Front in 2008.",
        "The posts came from a group that calls itself the Free Voice.",
    ],
)
def test_a_name_given_is_no_quote(analyze_text, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "a movement called X", "calls itself X": a name, not something said about anything."""
    assert analyze_text(_HEADLINE + text).quotes == ()


def test_a_relative_pronoun_object_is_a_gap_not_the_content(analyze_text) -> None:  # type: ignore[no-untyped-def]
    """In "what they consider a refuge" the object is the gap the relative clause leaves: what is
    held is "a refuge", not "what"."""
    analysis = analyze_text(_HEADLINE + "Many members regret losing what they consider a haven near the city.")
    assert [q.content for q in analysis.quotes if q.cue == "consider"] == ["a haven near the city"]
    assert not [q for q in analyze_text(_HEADLINE + "Bo Tarn never got what Ann Vale wanted.").quotes if q.content.lower() == "what"]


def test_a_quote_whose_cue_names_no_one_is_no_quote(analyze_text) -> None:  # type: ignore[no-untyped-def]
    """ "explained" must have someone who explains: where neither the parse nor the words beside the
    quote name anyone, the quote has no speaker to give and is left out (an agentless passive,
    "was asked whether …", names no one by design and stays)."""
    text = _HEADLINE + "The mayor spoke on Monday. Fixing the roads, explained at length, “will take the whole of next year and most of the budget.”"
    assert [q for q in analyze_text(text).quotes if q.speaker is None] == []
    asked = _HEADLINE + "The envoy was asked whether the roads would be fixed by May."
    assert [q.content for q in analyze_text(asked).quotes if q.speaker is None] == ["whether the roads would be fixed by May"]


def test_what_is_found_is_a_quote_only_as_a_clause(analyze_text) -> None:  # type: ignore[no-untyped-def]
    """ "found ways to press his agenda", "found the posting": a thing found, not something held;
    "found that …" reports a finding."""
    things = _HEADLINE + "Bo Tarn found ways to press his agenda in the council. Rohan's exporters will find new suppliers."
    assert not [q for q in analyze_text(things).quotes if q.cue.startswith(("found", "find"))]
    finding = _cue(analyze_text(_HEADLINE + "The inquiry found that the ministry hid the payments from auditors."), "found")
    assert finding.content == "the ministry hid the payments from auditors"


def test_an_as_clause_attributes_the_clause_it_is_set_in(analyze_text) -> None:  # type: ignore[no-untyped-def]
    """ "As X reported, …": the "as" clause leaves out what was reported, and the clause it is set
    in is that; "as he boasted about the course" has its own complement and reports nothing else."""
    quote = _cue(analyze_text(_HEADLINE + "As the Bree Gazette revealed, the council agreed to let Ann Vale use the harbour in May."), "revealed")
    assert quote.content.startswith("the council agreed to let Ann Vale use the harbour")
    assert quote.speaker is not None and "Gazette" in quote.speaker.text
    passive = _cue(analyze_text(_HEADLINE + "As reported by the Bree Gazette, the council agreed to close the harbour in May."), "reported")
    assert passive.content.startswith("the council agreed") and passive.speaker is not None and "Gazette" in passive.speaker.text
    boast = analyze_text(_HEADLINE + "Workers stood beside Bo Tarn as he boasted about the new harbour.")
    assert not [q for q in boast.quotes if q.content.startswith("Workers")]


def test_in_someones_words_names_the_speaker(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = _HEADLINE + "The port closed because, in the mayor’s words, the tolls “had become a burden on every family.”"
    quote = _quote(analyze_text(text), "the tolls")
    assert quote.speaker is not None and "mayor" in quote.speaker.text


def test_a_quote_signed_on_the_next_line_is_the_signers(analyze_text) -> None:  # type: ignore[no-untyped-def]
    """A pull quote or an epigraph: a paragraph that is all quote, and on the next line the name
    and a comma ("— Ann Vale, tweeting after the ceremony.", "Bo Tarn, chairman of the board.")."""
    text = (
        "Talks in Bree\n\nThe harbour reopened on Monday.\n\n"
        "\"Great day for the harbour. We waited years for this, and nobody should forget who paid for it.\"\n\n"
        "—Ann Vale, tweeting after the ceremony.\n\n"
        "\"The fishermen of this town are the reason we are here at all, and the council should remember it.\n"
        "Bo Tarn, chairman of the harbour board.\"\n\nThe tolls will fall in May."
    )
    analysis = analyze_text(text)
    assert [(q.speaker.text if q.speaker else None) for q in analysis.quotes] == ["Ann Vale", "Bo Tarn"]


def test_a_paragraph_after_a_quote_that_tells_something_signs_nothing(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Talks in Bree\n\n\"Great day for the harbour. We waited years for this, and nobody should forget it.\"\n\n"
        "Ann Vale, for her part, sided with the fishermen.\n\nHarbour Tolls\n\n\"The tolls will fall in May and the council will pay.\"\n\nHarbour Board\n"
    )
    assert all(q.speaker is None or q.speaker.text not in ("Ann Vale", "Harbour Board") for q in analyze_text(text).quotes)


def test_a_thing_made_known_by_no_one_named_is_no_quote(analyze_text) -> None:  # type: ignore[no-untyped-def]
    """ "The details were revealed on Monday": something was made known, but nobody is told to say
    or hold anything; "Gondor was criticized for the raid" is a view held of Gondor."""
    revealed = analyze_text(_HEADLINE + "The details of the harbour deal were revealed on Monday. A new map was released in May.")
    assert revealed.quotes == ()
    criticized = _cue(analyze_text(_HEADLINE + "Gondor was criticized for the raid on the harbour."), "criticized")
    assert criticized.content.startswith("Gondor")
