"""Whatever bytes arrive, the first checks answer with text or a Rejection, never an exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from thucydides.ingest.checks import check_bytes, check_text, decode
from thucydides.records import Rejection


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048), st.integers(min_value=1, max_value=4096))
def test_any_bytes_are_read_or_rejected_with_a_reason(data: bytes, max_bytes: int) -> None:
    rejection = check_bytes(data, max_bytes)
    if rejection is None:
        text, rejection = decode(data)
        assert (text is None) != (rejection is None)
        if text is not None:
            rejection = check_text(text, max_bytes)
    assert rejection is None or (isinstance(rejection, Rejection) and rejection.reason and rejection.detail)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=500))
def test_any_decoded_text_is_accepted_or_rejected_with_a_reason(text: str) -> None:
    rejection = check_text(text, 1_000)
    assert rejection is None or rejection.reason in {"empty", "too_large", "undecodable"}


def test_a_lone_surrogate_is_rejected_not_raised() -> None:
    rejection = check_text("The council met \ud800 today.", 1_000)
    assert rejection is not None and rejection.reason == "undecodable"
