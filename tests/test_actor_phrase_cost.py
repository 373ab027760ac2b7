"""Resolving one actor phrase costs about as much as parsing it: no step looks at every
sub-phrase of a long phrase."""

from __future__ import annotations

import dataclasses
import time

from thucydides.config import Settings
from thucydides.nlp import load_pipeline
from thucydides.resolve.gazetteer import load_gazetteer
from thucydides.resolve.kb import load_kb
from thucydides.resolve.phrases import resolve_phrase


class CountingDict(dict[str, str]):
    lookups = 0

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        CountingDict.lookups += 1
        return super().get(key, default)


def test_a_2000_word_phrase_takes_a_number_of_lookups_linear_in_its_length(settings: Settings) -> None:
    nlp = load_pipeline(settings.pipeline)
    kb = load_kb(())
    counting = dataclasses.replace(kb, sectors=CountingDict(kb.sectors))
    load_gazetteer()
    phrase = " ".join(["blue green yellow purple orange"] * 400)
    started = time.perf_counter()
    result = resolve_phrase(phrase, nlp, counting)
    elapsed = time.perf_counter() - started
    assert result.sector == ""
    longest = max(len(key.split()) for key in kb.sectors)
    assert CountingDict.lookups <= 2 * 2000 * longest
    assert elapsed < 10, f"{elapsed:.1f} s"  # cubic took minutes; linear takes a fraction of a second


def test_the_longest_role_phrase_still_wins(settings: Settings) -> None:
    nlp = load_pipeline(settings.pipeline)
    kb = load_kb(())
    assert resolve_phrase("the French foreign minister", nlp, kb).sector == "GOV"
    assert resolve_phrase("a retired army general", nlp, kb).sector == "MIL"
