"""Marking an article's spans for the page: nested and crossing spans become well-formed pieces
that cover exactly each span, and the text is kept as it is (the template escapes it)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from thucydides.serve.highlight import Mark, pieces


def _covered(text: str, steps: list) -> dict[str, str]:  # type: ignore[type-arg]
    """What text each mark's pieces hold, and that every close has its open."""
    stack: list[Mark] = []
    held: dict[str, str] = {}
    for step in steps:
        if step.op == "open":
            stack.append(step.mark)
        elif step.op == "close":
            assert stack, "a close without an open"
            stack.pop()
        else:
            for mark in stack:
                held[mark.key] = held.get(mark.key, "") + step.text
    assert not stack
    return held


def test_an_actor_inside_an_event_inside_a_quote_and_a_crossing_place() -> None:
    text = 'Gondor said "Arnor attacked Rohan at dawn" on Monday.'
    marks = [
        Mark(12, 41, "quote", "qu-0", "quote"),
        Mark(13, 18, "actor", "ac-0", "actor"),
        Mark(19, 27, "event", "ev-e000", "event", "quad-4"),
        Mark(24, 33, "place", "pl-0", "place"),  # crosses the event's end
        Mark(0, 6, "speaker", "qs-0", "speaker"),
    ]
    steps = pieces(text, marks)
    assert "".join(s.text for s in steps if s.op == "text") == text
    held = _covered(text, steps)
    for mark in marks:
        assert held[mark.key] == text[mark.start : mark.end], mark.key
    firsts = [s.mark.key for s in steps if s.op == "open" and s.first]
    assert sorted(firsts) == sorted(m.key for m in marks)  # one focusable first piece each
    assert [s.mark.key for s in steps if s.op == "open"].count("pl-0") == 2  # split where it crosses


spans = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 12)), max_size=8)


@given(st.text(min_size=1, max_size=40), spans)
def test_any_spans_cover_exactly_their_text(text: str, found: list[tuple[int, int]]) -> None:
    marks = [
        Mark(start, min(start + width, len(text)), "actor", f"ac-{i}", "")
        for i, (start, width) in enumerate(found) if start < len(text)
    ]
    steps = pieces(text, marks)
    assert "".join(s.text for s in steps if s.op == "text") == text
    held = _covered(text, steps)
    for mark in marks:
        assert held[mark.key] == text[mark.start : mark.end]
