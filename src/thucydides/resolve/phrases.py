"""Resolving one actor phrase on its own: `thucydides actor "Foreign Minister Park Jin"`.

The phrase is parsed, its head resolved as in an article (knowledge-base names, people with
their offices on the date, role words with a nationality), and what is still missing is taken
from the phrase's other words, then from the context sentence. A role with a country and no
name ("the Chinese foreign minister") names its holder on the date. ``why`` says which step
decided each part.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from thucydides.nlp.annotations import DocActors, doc_actors, prepare_doc
from thucydides.records import Actor
from thucydides.resolve.actors import MEMBER_NOUNS
from thucydides.resolve.gazetteer import load_gazetteer
from thucydides.resolve.kb import ROLE_SYNONYMS, KnowledgeBase
from thucydides.resolve.lookalikes import misspelt_country, sympathiser


@dataclass(frozen=True)
class Resolution:
    id: str
    name: str
    code: str
    country: str
    sector: str
    kb_id: str
    why: str

    def to_dict(self) -> dict[str, str]:
        return {
            "id": self.id, "name": self.name, "code": self.code, "country": self.country,
            "sector": self.sector, "kb_id": self.kb_id, "why": self.why,
        }


def resolve_phrase(
    phrase: str, nlp: Language, kb: KnowledgeBase | None = None, date: str | None = None, context: str = "", id: str = ""
) -> Resolution:
    """``phrase`` resolved by the pipeline ``nlp`` (its actors component, with its knowledge
    base, resolves the mentions on ``date``); ``kb``, by default that component's, answers for
    role words and office holders."""
    if kb is None:
        kb = nlp.get_pipe("thucydides_actors").knowledge_base  # type: ignore[attr-defined]
    if phrase.isupper() and phrase not in kb.names:
        phrase = phrase.title()  # "TEHRAN", "SECURITY COUNCIL": names are matched by their case; "FSB" is one
    doc = _parsed(nlp, phrase, date)
    actors = doc_actors(doc)
    why: list[str] = []
    head = _head(doc)
    actor = actors.actor_for(head) if head is not None else None
    if actor is None:
        found = actors.all_actors()
        actor = found[-1] if found else None
    country = actor.country if actor else None
    sector = actor.sector if actor else None
    name = actor.name if actor else ""
    kb_id = (actor.kb_id or "") if actor else ""
    code = actor.code if actor and actor.code != "---" else ""
    if actor is not None:
        why.append(f"{actor.text!r} -> {actor.code}" + (f" ({actor.kb_id})" if actor.kb_id else ""))
    if country is None and not code.startswith(("IGO", "NGO", "IMG")):
        country = _country_in(doc, actors)
        if country:
            why.append(f"country {country} from a nationality or place in the phrase")
    organisation = code.startswith(("IGO", "NGO", "IMG")) or bool(actor and actor.kb_id and actor.kb_id.startswith(("igo:", "group:")))
    if sector is None and not organisation:
        sector = _sector_in(doc, kb)
        if sector:
            why.append(f"sector {sector} from a role word in the phrase")
    now = next((t.i for t in doc if t.lower_ in ("now", "currently") and t.i > 0), None)
    later = _sector_in(doc[now + 1 :], kb) if now is not None else None
    if later is not None and later != sector:
        sector, code = later, ""  # "a former army officer, now defence minister": what the person is now
        why.append(f"sector {sector} from the role the phrase says is held now")
    if country is None and not organisation and not code.startswith("IGO"):
        place = _place_in(doc)
        if place:
            country = place
            why.append(f"country {country} from a place named in the phrase (gazetteer)")
    if country is None and not organisation and not code.startswith("IGO"):
        country = _misspelt_country_in(doc, kb)
        if country:
            why.append(f"country {country} from a misspelt nationality or country name")
    if country is None and context:
        parsed = _parsed(nlp, context, date)
        country = _country_in(parsed, doc_actors(parsed))
        if country:
            why.append(f"country {country} from the context")
    role = _role_in(doc, kb)
    if country and role and sector == "GOV" and not kb_id and not _has_name(doc):
        # a state office's holder: not a "separatist leader", not a "former foreign minister"
        holders = kb.holders(country, role, date)
        if holders:
            holder = holders[0]
            name, kb_id = holder.name, holder.kb_id
            why.append(f"{role} of {country} on {date or 'the latest date known'}: {holder.name}")
    if country or sector:
        code = code if code and (country is None or code.startswith(country)) else (country or "---") + (sector or "")
    if not why:
        why.append("no country, organisation, person or role recognised")
    return Resolution(id, name, code, country or "", sector or "", kb_id, "; ".join(why))


def _parsed(nlp: Language, text: str, date: str | None) -> Doc:
    """``text`` through the whole pipeline, its actors resolved on ``date``."""
    return nlp(prepare_doc(nlp.make_doc(text), date))


def _place_in(doc: Doc) -> str | None:
    """The country of a city or region in the phrase ("Madras High Court", "Puerto Penasco"),
    from the gazetteer: names of up to four proper nouns, the longest first. A city of under
    100,000 counts only when it is the whole phrase; a former or other name of a city only for
    a city of a million ("Madras" is Chennai)."""
    gazetteer = load_gazetteer()
    names = [t for t in doc if t.pos_ == "PROPN" and t.ent_type_ != "PERSON"]  # "Feliciano Valencia" is a person
    words = [t for t in doc if not t.is_punct and t.pos_ != "DET"]
    for length in (4, 3, 2, 1):
        for start in range(len(names) - length + 1):
            span = names[start : start + length]
            if span[-1].i - span[0].i != length - 1:
                continue  # not adjacent
            if sympathiser(doc, span[0].i, span[-1].i + 1):
                continue  # "US-backed rebels"
            text = doc[span[0].i : span[-1].i + 1].text
            candidates = [
                c.entry for c in gazetteer.lookup(text)
                if c.entry.country and (not c.alias or c.entry.population >= 1_000_000)
            ]
            if not candidates:
                continue
            best = max(candidates, key=lambda e: (e.feature == "country", e.capital, e.population))
            whole = [t.i for t in words] == [t.i for t in span]
            if best.population >= 100_000 or best.feature != "city" or (whole and best.population >= 10_000):
                return best.country
    return None


def _misspelt_country_in(doc: Doc, kb: KnowledgeBase) -> str | None:
    """The country of a capitalised word one typing slip away from a country's name or
    nationality ("Kazahks", "Ghanian police"), for a word that names nothing itself and is no
    part of a longer name (the tagger takes such a slip for a person's name: "Ghanian" is
    one word, "Germain Dupont" two)."""
    spellings = _country_spellings(kb)
    for token in doc:
        neighbours = [t for t in (doc[token.i - 1] if token.i else None, doc[token.i + 1] if token.i + 1 < len(doc) else None) if t]
        if token.text in kb.names or any(t.pos_ == "PROPN" and t.is_title for t in neighbours):
            continue
        country = misspelt_country(token.text, spellings)
        if country is not None:
            return country
    return None


@lru_cache(maxsize=4)
def _country_spellings(kb: KnowledgeBase) -> dict[str, str | None]:
    """Every name and nationality of a country in the knowledge base -> its ISO code."""
    return {
        surface: entries[0].country for surface, entries in kb.names.items()
        if entries and entries[0].kind in ("country", "adjective")
    }


def _head(doc: Doc) -> Token | None:
    """The phrase's head: the parser's root when it is a noun, else the last noun or capitalised
    word (an English noun phrase ends on its head: "the US-backed Syrian Democratic Forces",
    whose "Forces" the tagger may take for a verb)."""
    nouns = [t for t in doc if t.pos_ in ("NOUN", "PROPN") or (t.is_title and t.i > 0 and t.pos_ not in ("ADP", "DET", "CCONJ"))]
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if roots and roots[0].pos_ in ("NOUN", "PROPN"):
        return roots[0]
    return nouns[-1] if nouns else (roots[0] if roots else None)


def _country_in(doc: Doc, actors: DocActors) -> str | None:
    for token in doc:
        end = token.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1  # "United States-backed": the whole name is followed by the alignment
        if sympathiser(doc, token.i, end):
            continue  # "US-backed rebels", "pro-Russian separatists" are not the named country's
        nationality = actors.nationality_of(token)
        if nationality is not None and nationality.country:
            return nationality.country
        actor = actors.actor_for(token)
        if actor is not None and actor.country:
            return actor.country
    return None


def _sector_in(doc: Doc | Span, kb: KnowledgeBase) -> str | None:
    """The sector of the longest role phrase in the doc, the rightmost on ties.

    Only windows as long as the longest role phrase are tried, so a long phrase costs time in
    proportion to its length (every sub-phrase was tried once: minutes for 2,000 words)."""
    words = [t.lower_ for t in doc]
    longest = max((len(key.replace("-", " - ").split()) for key in kb.sectors), default=0)
    best: tuple[int, int, str] | None = None
    for start in range(len(words)):
        for end in range(min(len(words), start + longest), start, -1):
            phrase = " ".join(words[start:end])
            lemma = " ".join([*words[start : end - 1], doc[end - 1].lemma_.lower()])
            written = doc[start:end].text.lower()  # "non-governmental organization", "counter-terrorism police"
            sector = kb.sectors.get(phrase)
            if sector is None and lemma != phrase:
                sector = kb.sectors.get(lemma)
            if sector is None and written != phrase:
                sector = kb.sectors.get(written)
            if sector is not None:
                # a member noun ("army spokesman", "party officials") ranks below the body it names
                member = end - start == 1 and doc[start].lemma_.lower() in MEMBER_NOUNS
                candidate = (not member, end - start, start, sector)
                if best is None or candidate[:3] > best[:3]:
                    best = candidate
                break
    if best is not None and _former(doc, best[2]):
        return "ELI"  # "a former interior minister", "ex-president": PLOVER's elites
    return best[3] if best else None


def _former(doc: Doc | Span, start: int) -> bool:
    """Whether the role phrase starting at ``start`` is a past one: "former", "ex-" or "onetime"
    right before it, with at most a nationality or a determiner between ("a former Chilean
    minister", "ex-Zambian finance minister")."""
    for token in reversed(doc[max(0, start - 3) : start]):
        word = token.lower_.rstrip("-")
        if word in _FORMER:
            return True
        if token.text != "-" and token.pos_ not in ("DET", "ADJ", "PROPN"):
            return False
    return False


_FORMER = frozenset({"former", "ex", "onetime", "one-time", "erstwhile"})


def _role_in(doc: Doc, kb: KnowledgeBase) -> str | None:
    words = [t.lower_ for t in doc]
    for length in (3, 2, 1):
        for start in range(len(words) - length + 1):
            phrase = " ".join(words[start : start + length])
            if phrase in ROLE_SYNONYMS:
                return phrase
    return None


def _has_name(doc: Doc) -> bool:
    return any(ent.label_ == "PERSON" for ent in doc.ents)


def actor_from(resolution: Resolution, text: str) -> Actor:
    """The Actor record for a resolution (span into the phrase itself)."""
    return Actor(text, resolution.name or text, resolution.code or "---", resolution.country or None,
                 resolution.sector or None, (0, len(text)), resolution.kb_id or None)
