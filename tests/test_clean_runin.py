"""Page furniture run into the story's paragraphs (issue 12 item 7): promo labels with the headline
they introduce, standing labels, credits, copyright notices, later datelines, captions, bulletin
time stamps, and a body glued to its headline. Each is masked with its kind, offsets unchanged,
and the story's sentences around it are coded as if it were not there. Our own texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.clean import clean
from thucydides.config import Settings
from thucydides.pipeline import analyze_one
from thucydides.records import Analysis, Article


def _cleaned(text: str, title: str | None = None) -> tuple[str, list[tuple[str, str]]]:
    cleaned = clean(Article(id="x", text=text, title=title))
    assert len(cleaned.text) == len(text)
    return cleaned.text, [(r.kind, r.text) for r in cleaned.regions]


@pytest.mark.parametrize(
    ("text", "kind", "furniture", "kept"),
    [
        # a link label and the headline it introduces, up to the sentence glued to it
        (
            "Norway accused Sweden of spying on Monday. Read more: Finland and Denmark sign a deal on fishing "
            "The ministry said Norway would expel ten diplomats.",
            "related",
            "Read more: Finland and Denmark sign a deal on fishing",
            "The ministry said Norway would expel ten diplomats.",
        ),
        (
            "Norway accused Sweden of spying. RELATED: Denmark recalls envoy. The ministry gave no details.",
            "related",
            "RELATED: Denmark recalls envoy.",
            "The ministry gave no details.",
        ),
        (
            "Norway protested, a spokesman said. Watch: the envoys leave Oslo\nSweden said nothing.",
            "related",
            "Watch: the envoys leave Oslo",
            "Sweden said nothing.",
        ),
        ("Norway protested. See also: Nordic talks stall\nSweden said nothing.", "related", "See also: Nordic talks stall", "Sweden said nothing."),
        (
            "Norway protested. Advertisement The ministry said Sweden had broken the treaty.",
            "related",
            "Advertisement",
            "The ministry said Sweden had broken the treaty.",
        ),
        (
            "Norway protested. Story continues below advertisement\nThe ministry gave no details.",
            "related",
            "Story continues below advertisement",
            "The ministry gave no details.",
        ),
        (
            "Norway protested. Click here to get alerts on this story. The ministry gave no details.",
            "share",
            "Click here to get alerts on this story.",
            "The ministry gave no details.",
        ),
        (
            "Norway protested. Follow Kari Nordmann on Twitter at http://twitter.com/@kari. The ministry gave no details.",
            "share",
            "Follow Kari Nordmann on Twitter at http://twitter.com/@kari.",
            "The ministry gave no details.",
        ),
        # credits and copyright notices
        (
            "Norway protested on Monday. (Reporting by Kari Nordmann in Oslo; Editing by Ola Nordmann)\nMore later.",
            "credit",
            "(Reporting by Kari Nordmann in Oslo; Editing by Ola Nordmann)",
            "Norway protested on Monday.",
        ),
        (
            "Norway protested. Copyright 2024 The Nordic Wire. All rights reserved. This material may not be "
            "copied or reproduced in any form without our written consent.",
            "copyright",
            "Copyright 2024 The Nordic Wire. All rights reserved. This material may not be copied or reproduced "
            "in any form without our written consent.",
            "Norway protested.",
        ),
        # a digest's later item starts with its own dateline
        (
            "OSLO, Norway (AP) - Norway expelled two envoys on Friday. STOCKHOLM, Sweden (AP) - Sweden recalled "
            "its ambassador.",
            "dateline_later",
            "STOCKHOLM, Sweden (AP) -",
            "Sweden recalled its ambassador.",
        ),
        # photo captions: labelled with FILE, or closed by their credit
        (
            "FILE - In this May 3, 2024, file photo, the Norwegian prime minister speaks in Oslo.\n\nNorway protested.",
            "caption",
            "FILE - In this May 3, 2024, file photo, the Norwegian prime minister speaks in Oslo.",
            "Norway protested.",
        ),
        (
            "Farmers march in Oslo on Friday, May 3, 2024. (AP Photo/Kari Nordmann)\n\nNorway protested.",
            "caption",
            "Farmers march in Oslo on Friday, May 3, 2024. (AP Photo/Kari Nordmann)",
            "Norway protested.",
        ),
        # bulletins: the time stamp opening an item
        (
            "Norway says it will expel ten envoys.\n\n10:15 a.m. EDT Sweden denies the charges.",
            "timestamp",
            "10:15 a.m. EDT",
            "Sweden denies the charges.",
        ),
        ("7:50 p.m.\n\nNorway says it will expel ten envoys.", "timestamp", "7:50 p.m.", "Norway says it will expel ten envoys."),
        (
            "OSLO, Norway (AP) — The Latest on the fishing dispute (all times local):\n\nNorway says it will expel ten envoys.",
            "bulletin",
            "The Latest on the fishing dispute (all times local):",
            "Norway says it will expel ten envoys.",
        ),
        # a byline in capitals run into the dateline
        (
            "By KARI NORDMANN Associated Press OSLO, Norway (AP) — Norway expelled two envoys.",
            "byline",
            "By KARI NORDMANN Associated Press",
            "Norway expelled two envoys.",
        ),
    ],
)
def test_run_in_furniture_is_masked_with_its_kind(text: str, kind: str, furniture: str, kept: str) -> None:
    masked, regions = _cleaned(text)
    assert (kind, furniture) in regions
    assert furniture not in masked
    start = text.index(kept)
    assert masked[start : start + len(kept)] == kept


@pytest.mark.parametrize(
    "text",
    [
        "Norway said it would watch the talks closely. Officials met at 9:30 a.m. The talks ended at noon.",
        "Related talks stalled. Norway blamed Sweden.",
        "The copyright office said Norway had filed a claim. Copyright law was changed in 2020.",
        "Norway protested. NATO — The alliance met in Oslo on Friday, and Norway said so.",
        "Norway asked readers to follow the vote. The photo shows the king in Oslo.",
        "Norway will sign up for the treaty, the minister said. Sweden will follow on Twitter's advice.",
        "Photo credit goes to the army, Norway said.\nReuters reported that Sweden protested.",
    ],
)
def test_prose_that_mentions_the_same_words_is_kept(text: str) -> None:
    masked, regions = _cleaned(text)
    assert masked == text, regions


def test_a_title_keeps_its_label() -> None:
    # masked, a label would leave spaces before the headline, which the tagger reads differently
    for title in ("The Latest: Norway expels Swedish envoys", "Opinion | Norway is right to expel Swedish envoys"):
        masked, regions = _cleaned(title + "\n\nNorway expelled two Swedish envoys on Friday.", title=title)
        assert masked.startswith(title), regions


def test_a_byline_in_capitals_is_the_byline_and_the_dateline_after_it_is_the_dateline() -> None:
    cleaned = clean(Article(id="x", text="By KARI NORDMANN Associated Press\n\nOSLO (AP) — Norway expelled two envoys."))
    assert cleaned.byline == "KARI NORDMANN Associated Press"
    assert cleaned.dateline is not None and cleaned.dateline.place == "OSLO"


def test_a_body_glued_to_its_title_starts_a_sentence() -> None:
    title = "Norway Expels Swedish Envoys"
    glued = clean(Article(id="x", text=title + " Norway expelled two Swedish diplomats on Friday.", title=title))
    assert glued.breaks == (len(title) + 1,)
    # a title that is the first words of the lead's sentence starts none
    opening = clean(Article(id="x", text="Norway expels envoys from Sweden on Friday.", title="Norway expels envoys"))
    assert opening.breaks == ()


@pytest.fixture(scope="module")
def analyze_titled() -> Callable[[str, str | None], Analysis]:
    settings = Settings()

    def run(text: str, title: str | None = None) -> Analysis:
        return analyze_one(Article(id="t", text=text, title=title, date="2024-05-06"), settings)

    return run


def _coded(analysis: Analysis) -> set[tuple[str, str | None, str | None]]:
    def key(actor: object) -> str | None:
        return None if actor is None else (actor.country or actor.code)  # type: ignore[attr-defined]

    return {(e.plover.type, key(e.source), key(e.target)) for e in analysis.events}


def test_a_related_headline_run_into_a_sentence_is_not_coded_with_it(analyze_titled) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_titled(
        "Norway expelled two Swedish diplomats on Monday. Read more: Denmark and Finland accuse Sweden of "
        "spying on fishing fleets The Norwegian foreign ministry said Norway would close the Swedish consulate "
        "in Bergen.\n"
    )
    coded = _coded(analysis)
    assert not any(source in ("DNK", "FIN") for _, source, _ in coded), coded
    assert ("related", "Read more: Denmark and Finland accuse Sweden of spying on fishing fleets") in {
        (d.kind, d.text) for d in analysis.dropped
    }


def test_bulletin_items_are_coded_each_on_its_own(analyze_titled) -> None:  # type: ignore[no-untyped-def]
    text = (
        "OSLO, Norway (AP) — The Latest on the fishing dispute (all times local):\n\n"
        "7:50 p.m.\n\nNorway says it will expel ten Swedish diplomats.\n\n"
        "10:15 a.m. EDT Sweden condemned Norway on Tuesday.\n"
    )
    coded = _coded(analyze_titled(text))
    assert ("ACCUSE", "SWE", "NOR") in coded, coded
    assert not any(event == "ACCUSE" and source != "SWE" for event, source, _ in coded), coded


def test_a_headline_glued_to_the_lead_is_not_its_subject(analyze_titled) -> None:  # type: ignore[no-untyped-def]
    title = "Sweden Protests Over Fishing Quotas"
    analysis = analyze_titled(title + " Norway expelled two Swedish diplomats on Friday.", title)
    coded = _coded(analysis)
    assert ("SANCTION", "NOR", "SWE") in coded or ("COERCE", "NOR", "SWE") in coded, coded
    assert not any(source == "SWE" and target == "SWE" for _, source, target in coded), coded


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("By Kari Nordmann, Associated Press", "byline"),
        ("Updated 2 hours ago", "pubdate"),
        ("Posted 15 mins ago", "pubdate"),
        ("14:05 GMT", "timestamp"),
        ("AP Photo/Kari Nordmann", "caption"),
        ("Kari Nordmann/Getty Images", "caption"),
        ("Image copyright Reuters", "caption"),
        ("Image caption Farmers marched in Oslo on Friday", "caption"),
    ],
)
def test_byline_stamp_and_credit_lines(line: str, kind: str) -> None:
    masked, regions = _cleaned(line + "\n\nNorway protested on Friday.")
    assert (kind, line) in regions
    assert masked.strip() == "Norway protested on Friday."


def test_a_dateline_under_a_headline_line_is_the_dateline_without_a_title_field() -> None:
    text = "Norway Expels Swedish Envoys\n\nOSLO, Norway — Norway expelled two envoys. BERGEN, Norway — More followed."
    cleaned = clean(Article(id="x", text=text))
    assert cleaned.dateline is not None and cleaned.dateline.place == "OSLO, Norway"
    assert ("dateline_later", "BERGEN, Norway —") in [(r.kind, r.text) for r in cleaned.regions]
    # far down the text, a dateline is a later item's, not the article's
    far = clean(Article(id="x", text="Norway protested.\n\nSweden waited.\n\nFinland spoke.\n\n" + text.split("\n\n")[1]))
    assert far.dateline is None


def test_a_dateline_under_a_headline_line_is_no_actor(analyze_text) -> None:  # type: ignore[no-untyped-def]
    # A dateline under a headline line is no actor: "KYIV, Ukraine — Norway plans to visit Sweden"
    # is Norway's visit, not Ukraine's.
    analysis = analyze_text("Norway Plans Visit\n\nKYIV, Ukraine — Norway plans to visit Sweden next week.\n")
    sources = {e.source.country for e in analysis.events if e.source is not None}
    assert sources == {"NOR"}, [(e.plover.type, e.source, e.target) for e in analysis.events]


PAGE = """<html><head><title>Norway expels Swedish diplomats</title></head><body><article>
<h1>Norway expels Swedish diplomats</h1>
<p>OSLO, Norway (AP) — Norway expelled two Swedish diplomats on Monday over a dispute about fishing
rights in the North Sea, the foreign ministry said in a statement.</p>
<p>The ministry gave the diplomats a week to leave the country. <strong>Read more:</strong>
<a href="/x">Denmark and Finland accuse Sweden of spying on fishing fleets</a> The Norwegian foreign
ministry said Norway would close the Swedish consulate in Bergen.</p>
<p>Advertisement</p>
<p>7:50 p.m. Sweden condemned Norway on Tuesday and said it would respond in kind.</p>
<p>Copyright 2024 The Nordic Wire. All rights reserved. This material may not be copied
or reproduced in any form without our written consent.</p>
</article></body></html>"""


def test_the_html_path_masks_run_in_furniture() -> None:
    from thucydides.ingest.html import read_html

    analysis = analyze_one(read_html(PAGE, origin="page", date="2024-05-06"), Settings())
    coded = _coded(analysis)
    assert ("ACCUSE", "SWE", "NOR") in coded and ("SANCTION", "NOR", "SWE") in coded, coded
    assert not any(source in ("DNK", "FIN") for _, source, _ in coded), coded
    kinds = {d.kind for d in analysis.dropped}
    assert {"dateline", "related", "timestamp", "copyright"} <= kinds, kinds
