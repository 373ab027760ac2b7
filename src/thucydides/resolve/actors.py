"""Actors in one parsed document: which noun phrase denotes which country, organisation or person.

Resolution works on the dependency parse, per head token:

- a knowledge-base name (country, capital or seat of government used as actor, organisation,
  armed group, office holder on the article's date);
- a person named by NER, described by the words around the name ("Chinese Foreign Minister Qin
  Gang", "Nataliia Butyrska, a Ukrainian political scientist"), and later mentions of the same
  person by part of the name ("Xi" after "Xi Jinping");
- a role or group noun with its nationality ("Russian troops", "Ukraine's army", "Kremlin
  spokesman").

The document is read twice: first every person's description is learned, then mentions resolve,
so a headline's "Xi" inherits what the body says of "Chinese President Xi Jinping".
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from thucydides.nlp.sentences import sentence_back, sentence_of
from thucydides.nlp.words import QUANTIFIERS
from thucydides.records import Actor
from thucydides.resolve.gazetteer import Entry, load_gazetteer
from thucydides.resolve.groups import (
    PROTEST_NOUNS, bare_members, body_before, colleagues_body, country_of_places, majority_country, protest_joined,
    role_word_alone,
)
from thucydides.resolve.kb import ROLE_SYNONYMS, KBEntry, KnowledgeBase
from thucydides.resolve.legacy import LegacyDictionary, match_actor
from thucydides.resolve.pronouns import person_genders, pronoun_gender, search_order
from thucydides.resolve.lookalikes import followed_by_us_state, inside_a_state_name, is_us_state, names_water, sympathiser
from thucydides.resolve.titles import one_of, shared_title, surname_mention, title_before, titled, us_party_and_state

_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "nummod", "det", "case", "punct", "prep", "pobj"})
_FORMER = frozenset({"former", "ex", "ex-", "onetime", "erstwhile"})
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."})


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    entries: tuple[KBEntry, ...]


@lru_cache(maxsize=4)
def _matchers(vocab: Vocab, kb: KnowledgeBase) -> tuple[PhraseMatcher, PhraseMatcher]:
    from spacy.lang.en import English

    # English's rule-based tokenizer on the pipeline's own vocabulary: each phrase is tokenized
    # straight into Docs the matchers can take (no second Doc per phrase, no second vocabulary).
    tokenizer = English(vocab=vocab).tokenizer
    names = PhraseMatcher(vocab, attr="ORTH")
    for surface, doc in zip(kb.names, tokenizer.pipe(list(kb.names))):
        names.add(surface, [doc])
    sectors = PhraseMatcher(vocab, attr="LOWER")
    for word, doc in zip(kb.sectors, tokenizer.pipe(list(kb.sectors))):
        # an abbreviated title is one token only as written, with its capital ("Sen.", "Lt. Gen.")
        written = " ".join(w.capitalize() for w in word.split())
        sectors.add(word, [doc, tokenizer(written)] if word.endswith(".") else [doc])
    return names, sectors


class ActorResolver:
    """Resolves the actors of one document; ask ``actor_for(token)`` for the actor a head token
    denotes. The actors component (:mod:`thucydides.resolve.components`) runs it and writes what
    it finds on the Doc, which extractors read through :class:`thucydides.nlp.annotations.DocActors`."""

    def __init__(
        self,
        doc: Doc,
        kb: KnowledgeBase,
        date: str | None = None,
        legacy: LegacyDictionary | None = None,
        bias: tuple[str, ...] = (),
    ) -> None:
        self.doc = doc
        self.bias = bias
        """Countries the article leans to before reading it: the dateline's, the user's bias."""
        self.kb = kb
        self.date = date
        self._entity_texts: dict[int, str] | None = None
        self._lemmas: dict[str, list[int]] | None = None
        self._answers: dict[int, Actor | None] | None = None
        self._gazetteer_places: dict[str, list[Entry]] = {}
        names, sectors = _matchers(doc.vocab, kb)
        self._kb_at: dict[int, _Match] = {}
        for match_id, start, end in sorted(names(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            surface = doc.vocab.strings[match_id]
            entries = kb.lookup(surface, date)
            if not entries or any(i in self._kb_at for i in range(start, end)):
                continue
            if entries[0].kind in ("capital", "country") and followed_by_us_state(doc, end):
                continue  # "San Jose, Calif." is not Costa Rica's capital
            if entries[0].kind == "country" and start > 1 and doc[start - 1].text == "," and is_us_state(surface):
                continue  # "Athens, Georgia" names the state
            if entries[0].kind in ("country", "adjective", "capital") and inside_a_state_name(doc, start, end):
                continue  # "New Mexico" is a US state
            if entries[0].kind in ("country", "adjective", "capital") and names_water(doc, start, end):
                continue  # "the Sea of Japan", "the South China Sea" belong to no one
            if entries[0].kind == "person" and any(t.ent_type_ in ("DATE", "TIME") for t in doc[start:end]):
                continue  # "in May" is the month, not Theresa May
            if entries[0].kind in ("country", "capital") and _inside_a_persons_name(doc, start, end, kb.sectors):
                continue  # "Paris Hilton", "Jordan Henderson": a name, not a place
            found = _Match(start, end, entries)
            for i in range(start, end):
                self._kb_at[i] = found
        self._unsupported: set[str] = set()
        """Former office holders whose surname alone the article does not support."""
        self._drop_unsupported_namesakes()
        self._sector_at: dict[int, tuple[int, str]] = {}
        self._abbreviated: set[int] = set()
        """Where an abbreviated role word stands whose period the tokenizer split off ("Sens", "Maj")."""
        for match_id, start, end in sorted(sectors(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            # A role phrase is known at its last word, its head ("foreign minister" -> minister),
            # an abbreviation at its word, not its period ("Sens" of "Sens.", split by the tokenizer)
            last = end - 2 if end - start > 1 and doc[end - 1].text == "." else end - 1
            if last == end - 2:
                self._abbreviated.add(last)
            self._sector_at.setdefault(last, (start, kb.sectors[doc.vocab.strings[match_id]]))
            root = doc[start : last + 1].root.i
            if root != last and any(t.lower_ == "of" for t in doc[root:last]):
                # "chief of staff", "member of parliament": the phrase's head is its first noun,
                # which the parse makes the subject or object; known there too
                self._sector_at.setdefault(root, (start, kb.sectors[doc.vocab.strings[match_id]]))
        if legacy is not None:
            self._apply_legacy(legacy)
        self._apply_institutions()
        self._persons: dict[int, Actor] = {}
        self._by_name: dict[str, Actor] = {}
        self._full_names: dict[str, list[list[str]]] = {}
        """The full names of the article's persons by their last word ("Kamau": [["John", "Kamau"]])."""
        self._all: list[Actor] | None = None
        self._named_countries: list[str] = []
        self.dominant_country = self._dominant_country()
        self._setting: str | None | object = _UNREAD
        self._learn_persons()
        self._learn_organisations()
        # Learned: from here on actor_for's answer for a token never changes, and each is kept
        # (the actors component and place_country ask for every token, _find_all again)
        self._answers = {}

    def _drop_unsupported_namesakes(self) -> None:
        """A surname alone ("Persson said", "Ms Persson, a prosecutor") is a former office holder
        only when the article supports it: his full name in it ("Goran Persson … Persson"), or his
        country named in it. A sitting office holder's surname is who the news means by it; a
        former one's is as likely anyone else's (a prosecutor, a namesake). With a courtesy
        title ("Mr. Baker", "Ms Persson") only the full name supports it: news style names a
        person in full before calling them "Mr." or "Ms"."""
        matches = {id(m): m for m in self._kb_at.values()}.values()
        countries = {m.entries[0].country for m in matches if m.entries[0].kind in ("country", "capital", "seat", "adjective")}
        full_names = {m.entries[0].kb_id for m in matches if m.end - m.start > 1}
        for found in list(matches):
            entry = found.entries[0]
            if found.end - found.start > 1 or entry.kind != "person" or entry.sector != "ELI":
                continue
            titled = found.start > 0 and self.doc[found.start - 1].lower_ in _HONORIFICS
            if entry.kb_id in full_names or (not titled and (entry.country in countries or entry.country in self.bias)):
                continue
            self._unsupported.add(entry.kb_id)
            for i in range(found.start, found.end):
                del self._kb_at[i]

    def _apply_institutions(self) -> None:
        """A member noun takes the sector of the institution it belongs to: "a police spokesman"
        is police (COP), "the army commander" military, "a court spokesman" judicial, "party
        officials" a party's, "a Duma deputy" and "Knesset members" legislators, "the head of
        the police" police. English names whose member someone is by a noun before the member
        noun (a compound or possessor) or by an "of"/"for" complement after it."""
        for token in self.doc:
            if token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() not in MEMBER_NOUNS:
                continue
            found = self._institution_of(token)
            if found is not None:
                first, sector = found
                start = min(first, self._sector_at.get(token.i, (token.i, ""))[0])
                self._sector_at[token.i] = (start, sector)

    def _institution_of(self, member: Token) -> tuple[int, str] | None:
        """(first token, sector) of the institution a member noun names as its own, if any."""
        before = sorted(
            (c for c in member.children if c.i < member.i and c.dep_ in ("compound", "amod", "nmod", "poss")),
            key=lambda c: -c.i,
        )
        after = [
            p for prep in member.children if prep.dep_ == "prep" and prep.lower_ in ("of", "for")
            for p in prep.children if p.dep_ == "pobj"
        ]
        for candidate in [*before, *after]:
            if (candidate.lemma_.lower() in MEMBER_NOUNS or candidate.lower_ in _RANKS) and candidate.i not in self._kb_at:
                continue  # "deputy spokesman", "executive director": still nobody's
            role = self._sector_at.get(candidate.i)
            if role is not None and role[1] not in ("CVL", "ELI"):
                return min(role[0], candidate.left_edge.i) if candidate.i > member.i else role[0], role[1]
            found = self._kb_at.get(candidate.i)
            if found is not None and found.entries[0].kind in ("group", "igo") and found.entries[0].sector:
                return found.start, found.entries[0].sector  # "Pentagon officials", "Knesset members", "Red Cross workers"
        return None

    def _apply_legacy(self, legacy: LegacyDictionary) -> None:
        """A user's PETRARCH/TABARI dictionaries take precedence over the bundled knowledge base."""
        words = [t.lower_ for t in self.doc]
        i = 0
        while i < len(words):
            found = match_actor(words[i : i + 8], legacy, self.date) if not self.doc[i].is_space else None
            if found is None or found[0] == 0 or not found[1]:
                i += 1
                continue
            length, code = found
            entry = KBEntry(f"legacy:{code}", self.doc[i : i + length].text, "legacy", code, code[:3], code[3:] or None)
            match = _Match(i, i + length, (entry,))
            for j in range(i, i + length):
                self._kb_at[j] = match
            i += length
        for start, end, sector in _legacy_agents(words, legacy):
            self._sector_at[end - 1] = (start, sector)

    # -- persons -------------------------------------------------------------------------------

    def _person_spans(self) -> list[Span]:
        titles = {i for end, (start, _sector) in self._sector_at.items() for i in range(start, end + 1)}
        spans = [self._without_title(ent, titles) for ent in self.doc.ents if ent.label_ == "PERSON" and not self._known_non_person(ent)]
        covered = {i for span in spans for i in range(span.start, span.end)}
        for found in {id(m): m for m in self._kb_at.values()}.values():
            if found.entries[0].kind == "person" and not covered & set(range(found.start, found.end)):
                spans.append(self.doc[found.start : found.end])
                covered.update(range(found.start, found.end))
        for span in self._untagged_names(covered) + self._titled_organisation_names(covered):
            spans.append(span)
            covered.update(range(span.start, span.end))
        # "John Kamau … Kamau is the head of the commission": a surname alone that the tagger did
        # not call a person, in a clause that says what office the person holds, is still the
        # person the article named in full (elsewhere the name resolves through the full name)
        surnames = {_name_words(span)[-1] for span in spans if len(_name_words(span)) > 1}
        for token in self.doc:
            if (
                token.text in surnames and token.pos_ == "PROPN" and token.i not in covered and token.i not in self._kb_at
                and token.i not in self._sector_at and token.ent_type_ in ("", "PERSON", "ORG")
                and not (token.dep_ == "compound" and token.head.pos_ == "PROPN")
            ):
                surname = self.doc[token.i : token.i + 1]
                if any(office for office, _past in self._clauses_on(surname)):
                    spans.append(surname)
        return sorted(spans, key=lambda s: s.start)

    def _untagged_names(self, covered: set[int]) -> list[Span]:
        """Names the tagger did not see, known as a person's by what the sentence says of them:
        two or more capitalised proper nouns, no entity, no known name or role word, followed by a
        relative clause with "who" that names an office ("Bo Tarn, who heads the ministry"), an
        apposition headed by a noun for a person ("Bo Tarn, a former member of parliament", "…, a
        Kenyan lawmaker"), or "of"/"from" and a known group ("Thandi Dube of the ANC")."""
        found: list[Span] = []
        for head in self.doc:
            if not self._could_be_a_name(head, covered) or (head.dep_ == "compound" and head.head.pos_ == "PROPN"):
                continue
            start = head.i
            while start > 0 and self.doc[start - 1].head.i == head.i and self._could_be_a_name(self.doc[start - 1], covered):
                start -= 1
            if start == head.i or any(t.ent_type_ for t in self.doc[start : head.i]):
                continue  # only a surname may be one the tagger took for a place: "a Kansas City, Kan., firefighter": a city
            if any(self._says_a_person(child) for child in head.children if child.i > head.i):
                found.append(self.doc[start : head.i + 1])
        return found

    def _without_title(self, name: Span, titles: set[int]) -> Span:
        """A PERSON entity without the title and place the tagger put in it ("Lisbon Mayor Rui
        Costa" is Rui Costa, "Lisbon Mayor" his description, as when the tagger leaves them out)."""
        if any((found := self._kb_at.get(t.i)) is not None and found.entries[0].kind == "person" for t in name):
            return name  # "Prince Harry", "President Xi Jinping": the knowledge base knows the name as written
        start = name.start
        while start < name.end - 1 and (
            start in titles or ((found := self._kb_at.get(start)) is not None and found.entries[0].kind != "person")
        ):
            start += 1
        return name if start == name.start else self.doc[start : name.end]

    def _titled_organisation_names(self, covered: set[int]) -> list[Span]:
        """Names the tagger called an organisation that a title for a person stands before: "Afghan
        presidential spokesman Sediq Sediqqi", "Interior Minister Kithure Kindiki" (see
        :func:`thucydides.resolve.titles.titled`). Only capitalised words, none of them a known
        name or role word: "the Interior Ministry" stays a ministry."""
        return [
            ent for ent in self.doc.ents
            if ent.label_ == "ORG" and len(ent) <= 4
            and all(
                t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha and t.i not in covered
                and t.i not in self._kb_at and t.i not in self._sector_at
                for t in ent
            )
            and titled(ent, self._sector_at, _names_a_person, self._abbreviated)
        ]

    def _could_be_a_name(self, token: Token, covered: set[int]) -> bool:
        return (
            # the tagger takes many a surname for a place ("Ana Silva, Brazil's justice minister")
            token.pos_ == "PROPN" and token.is_title and token.is_alpha and token.ent_type_ in ("", "GPE")
            and token.i not in covered and token.i not in self._kb_at and token.i not in self._sector_at
        )

    def _says_a_person(self, child: Token) -> bool:
        """Whether a dependent of a name says its bearer is a person (see :meth:`_untagged_names`)."""
        if child.dep_ == "relcl":  # and the clause names an office: what makes the name worth an actor
            return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "who" for c in child.children) and bool(
                self._relative_role(child)[0]
            )
        if child.dep_ == "appos":
            return child.i in self._sector_at and _names_a_person(child)
        if child.dep_ == "prep" and child.lower_ in _AFFILIATION_PREPOSITIONS:
            return any(
                p.dep_ == "pobj" and (found := self._kb_at.get(p.i)) is not None and found.entries[0].kind in ("group", "igo")
                for p in child.children
            )
        return False

    def _dominant_country(self) -> str | None:
        """The country most of the article's country mentions name, when it is a clear majority."""
        counts: Counter[str] = Counter({country: 2 for country in self.bias})
        for found in {id(m): m for m in self._kb_at.values()}.values():
            entry = found.entries[0]
            if entry.kind in ("country", "capital", "seat", "adjective") and entry.country and not sympathiser(
                self.doc, found.start, found.end
            ):  # "US-backed rebels" are not an American story's
                counts[entry.country] += 1
        # the places component's context: the countries of the known actors that are no toponym
        self._named_countries = sorted({
            found.entries[0].country for found in self._kb_at.values()
            if found.entries[0].kind in ("person", "group", "seat") and found.entries[0].country
        })
        return majority_country(counts)

    @property
    def setting(self) -> str | None:
        """The country the article is set in: the one most of its country mentions name, else the
        one most of its places lie in ("Red Deer", "Alberta", "Edmonton" name no country)."""
        if self._setting is _UNREAD:
            self._setting = self.dominant_country
            if self._setting is None:
                self._setting = country_of_places(self.doc, self._named_countries, self.bias[0] if self.bias else None)
        return self._setting  # type: ignore[return-value]

    def _learn_organisations(self) -> None:
        """ "the Oslo-based Nordic Policy Research Centre": an organisation the knowledge base
        does not know takes its country from a place or nationality in its name or premodifiers
        and its sector from the role word in its name."""
        for ent in self.doc.ents:
            if ent.label_ not in ("ORG", "NORP") or any(i in self._kb_at or i in self._persons for i in range(ent.start, ent.end)):
                continue
            sector = next((self._sector_at[i][1] for i in range(ent.end - 1, ent.start - 1, -1) if i in self._sector_at), None)
            if sector is None or role_word_alone(ent, self._sector_at, self.kb.sectors):
                continue  # "MPs", "the Police": a role word the tagger called a name is the role
            country = None
            for token in [*ent.root.subtree, *ent]:
                found = self._kb_at.get(token.i)
                if found is not None and found.entries[0].kind in ("country", "capital", "adjective", "seat"):
                    country = found.entries[0].country
                    break
            actor = Actor(ent.text, ent.text, _code(country, sector), country, sector, (ent.start_char, ent.end_char))
            for token in ent:
                self._persons[token.i] = actor
            self._by_name.setdefault(ent.text, actor)

    def _known_non_person(self, span: Span) -> bool:
        """NER calls "Malawi" a person now and then; the knowledge base knows better."""
        found = [self._kb_at.get(i) for i in range(span.start, span.end)]
        # "British MI6": a nationality before an organisation's name is still no person's name
        kinds = [m.entries[0].kind if m is not None else None for m in found]
        return None not in kinds and "person" not in kinds and any(kind != "adjective" for kind in kinds)

    def _learn_persons(self) -> None:
        spans = self._person_spans()
        for span in spans:
            words = _name_words(span)
            if len(words) > 1:
                self._full_names.setdefault(words[-1], []).append(words)
        described: list[tuple[Span, Actor]] = []
        for span in spans:
            actor = self._describe_person(span)
            described.append((span, actor))
            if actor.country or actor.sector:
                for key in _name_keys(span):
                    self._by_name.setdefault(key, actor)
        for span, actor in described:
            if not (actor.country or actor.sector):
                learned = next((self._by_name[k] for k in _name_keys(span) if k in self._by_name), None)
                if learned is not None:
                    actor = replace(learned, text=span.text, span=(span.start_char, span.end_char))
            for token in span:
                self._persons[token.i] = actor
            for key in _name_keys(span):
                self._by_name.setdefault(key, actor)

    def _describe_person(self, span: Span) -> Actor:
        name = " ".join(t.text for t in span if t.lower_ not in _HONORIFICS and t.tag_ != "POS")
        country: str | None = None
        sector: str | None = None
        kb_id: str | None = None
        entries = [e for e in self.kb.lookup(span.text, self.date) if e.kind == "person"]
        named = self._named_country(span)
        if entries and named is not None and entries[0].country != named:
            entries = []  # "King Abdullah of Jordan", "Jordanian King Abdullah": not the Saudi king of that name
        description = self._description_tokens(span, clauses=False) + [
            t for t in span if t.i in self._sector_at or self._nationality_at(t)
        ]
        if entries and len(name.split()) == 1:
            role = next((self._sector_at[t.i][1] for t in description if t.i in self._sector_at), None)
            if entries[0].kb_id in self._unsupported or (role not in (None, "GOV", "MIL", "ELI") and role != entries[0].sector):
                # "Ms Persson" with nothing else of the former prime minister's in the article;
                # "prosecutor Persson", "Ms Persson, a prosecutor": the role says who she is
                entries = []
            elif self._another_persons_surname(name, entries[0], role):
                entries = []  # "Kenyan prosecutor Mary Trump … Trump said": the article's Trump
        held_before = False
        if not entries:
            # a clause about the name says who someone the knowledge base does not know is; of
            # an office holder it tells his past ("Trump was a businessman"), not who he is
            for office, past in self._clauses_on(span):
                description.extend(office)
                held_before = held_before or past
        organisation: str | None = None
        if entries:
            entry = entries[0]
            name, country, sector, kb_id = entry.name, entry.country, entry.sector, entry.kb_id
            if country is None and entry.code.startswith("IGO"):
                organisation = entry.code  # the UN secretary-general speaks for the UN
        group: KBEntry | None = None
        for token in description:
            found = self._kb_at.get(token.i)
            if found and _posted_to(token, self._sector_at):
                found = None  # "ambassador to Britain": where he serves, not whom he serves
            if found and country is None and organisation is None:
                entry = found.entries[0]
                if entry.kind == "person":
                    owner = self._persons.get(token.i)
                    country = owner.country if owner else entry.country
                elif entry.kind == "igo":
                    organisation = entry.code
                elif _speaks_for_a_group(entry) and not entries and not (
                    entry.sector in ("PTY", "OPP") and self._holds_a_state_office(description)
                ):
                    group, country = entry, entry.country  # "Taliban spokesman Zabihullah Mujahid"
                else:
                    country = entry.country
                    if entry.kind == "seat" and sector is None:
                        sector = "GOV"
            if token.i in self._sector_at and sector is None:
                sector = self._sector_at[token.i][1]
        if entries and (entries[0].role or "").startswith("former ") and not any(t.lower_ in _FORMER for t in description):
            # "Kenyan opposition leader Raila Odinga": a former prime minister in a post of another
            # kind now is what the phrase says he is (PLOVER's ELI is for those holding none)
            held = self.kb.sectors.get((entries[0].role or "").removeprefix("former "), "GOV")
            now = next((self._sector_at[t.i][1] for t in description if t.i in self._sector_at), None)
            if now is not None and now not in (held, "ELI"):
                sector = now
        if group is not None and not any(t.lower_ in _FORMER for t in description):
            return Actor(
                text=span.text, name=name, code=group.code, country=group.country, sector=group.sector,
                span=(span.start_char, span.end_char), kb_id=kb_id,
            )
        if sector is None and span.start > 0 and self.doc[span.start - 1].text == "Justice":
            sector = "JUD"  # "Justice Antonin Scalia": the title of a judge of a higher court
        if any(t.lower_ in _FORMER for t in description) or held_before:
            sector = "ELI"
        if country is None and organisation is None and us_party_and_state(span):
            country = "USA"  # "Sen. Tom Reedy, R-Texas"
        if country is None and organisation is None and sector is not None:
            title = min((t.i for t in span if t.i in self._sector_at), default=span.start)
            # "Aleppo Mayor Brita Hasan"; "Alberta MLA Ann Vale", the place tagged inside the name
            country = self._city_country(description) or next(
                (c for t in span if t.i < title and t.pos_ == "PROPN" and t.i not in self._kb_at for c in [self.place_country(t)] if c),
                None,
            )
        if country is None and organisation is None and sector is not None:
            country = self._place_after_name(span)  # "Mayor Ann Vale of Lyon"
        if country is None and organisation is None and sector is not None and self.dominant_country is not None:
            country = self.dominant_country  # the article's own country breaks the tie
        return Actor(
            text=span.text,
            name=name,
            code=organisation + (sector if sector not in (None, "IGO") else "") if organisation and country is None else _code(country, sector),
            country=country,
            sector=sector,
            span=(span.start_char, span.end_char),
            kb_id=kb_id,
        )

    def _place_after_name(self, span: Span) -> str | None:
        """The country of the place a titled name is "of": "Mayor Ann Vale of Lyon", "Governor
        Tom Reed of Sindh" (English puts the jurisdiction of a title after the name)."""
        for prep in span.root.children:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i >= span.end:
                for place in prep.children:
                    if place.dep_ == "pobj" and (place.ent_type_ in ("GPE", "LOC") or place.pos_ == "PROPN"):
                        return self.place_country(place)
        return None

    def _another_persons_surname(self, word: str, entry: KBEntry, role: str | None) -> bool:
        """Whether a one-word name is the surname of someone else the article names in full: news
        style names a person in full at the first mention and by surname after, so "Trump" in a
        story that introduced "Mary Trump", and not Donald Trump, is Mary Trump, even while a
        namesake holds office. A role of the namesake's kind at the mention ("President Trump")
        keeps the namesake; a full name with the namesake's first name ("Donald J. Trump") or
        one the knowledge base takes for him is him."""
        full_names = self._full_names.get(word, [])
        if not full_names or (role is not None and role == entry.sector):
            return False
        first = entry.name.split()[0]
        return not any(
            words[0] == first or any(e.kb_id == entry.kb_id for e in self.kb.lookup(" ".join(words), self.date))
            for words in full_names
        )

    def _holds_a_state_office(self, description: list[Token]) -> bool:
        """Whether a person's description names a state office by its own noun ("Bo Tarn, a Labour
        MP", "Republican senator Ann Lee"): a party member holding one acts in the office, as
        :meth:`_role_actor` codes "a Labour MP"; "a Labour spokesman" still speaks for the party."""
        return any(
            self._sector_at[t.i][1] in _STATE_OFFICES and t.lemma_.lower() not in MEMBER_NOUNS
            for t in description if t.i in self._sector_at and self._kb_at.get(t.i) is None
        )

    def _nationality_at(self, token: Token) -> bool:
        found = self._kb_at.get(token.i)
        return found is not None and found.entries[0].kind in ("adjective", "country")

    def _named_country(self, span: Span) -> str | None:
        """The country a person's own phrase names: a nationality or country before the name
        ("Jordanian King Abdullah", "Jordan's King Abdullah") or after it ("King Abdullah of
        Jordan"); None when it names none."""
        root = span.root
        after = [p for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        for token in [*self._description_tokens(span), *span, *after]:
            if self._nationality_at(token) and not _posted_to(token, self._sector_at):
                return self._kb_at[token.i].entries[0].country
        for token in after:  # "of Jordan" inside a longer name the knowledge base matched ("King Abdullah of Jordan")
            entries = self.kb.lookup(token.text, self.date)
            if entries and entries[0].kind == "country":
                return entries[0].country
        return None

    def _description_tokens(self, span: Span, clauses: bool = True) -> list[Token]:
        """Words describing a named person: premodifiers of the name, an apposition, the body after
        "of"/"from", and (``clauses``) the office a clause about the name gives."""
        root = span.root
        if root.dep_ == "pobj" and root.head.lower_ in _POSTED and root.head.head.i in self._sector_at:
            # "China's ambassador to Britain Liu Xiaoming", parsed as if Liu were the post: the
            # name stands beside the role noun, which its possessor or adjective describes
            role = root.head.head
            return [t for t in role.subtree if t.i <= role.i and sentence_of(t) == sentence_of(root)]
        own = sentence_of(root)
        tokens = [t for t in root.subtree if t.i < span.start and sentence_of(t) == own]
        tokens.extend(title_before(span, self._sector_at, _names_a_person, self._abbreviated))  # "chief of staff John Kelly", misparsed
        for child in root.children:
            if child.dep_ == "appos":
                tokens.extend(child.subtree)
            elif child.dep_ == "prep" and child.lower_ in _AFFILIATION_PREPOSITIONS and child.i >= span.end:
                tokens.extend(self._affiliation(child))
        if clauses:
            for office, _past in self._clauses_on(span):
                tokens.extend(office)
        # "counterpart Dmytro Kuleba" where the name is the apposition of a role noun
        tokens.extend(one_of(span, self._sector_at))  # "opposition leaders such as Ann Wairimu"
        tokens.extend(shared_title(span, self._sector_at, self._plural_role, self._abbreviated))  # "Kenyan MPs Ann Wairimu and Tom Odera"
        if root.dep_ == "appos" and root.head.i < span.start:
            tokens.extend(t for t in root.head.subtree if t.i < span.start)
        return tokens

    def _plural_role(self, token: Token) -> bool:
        """Whether a role word is plural ("senators", "MPs": the tagger calls "MPs" singular)."""
        return token.tag_ in ("NNS", "NNPS") or (
            token.lower_.endswith("s") and (token.lower_[:-1] in self.kb.sectors or token.lower_[:-1] + "." in self.kb.sectors)
        )  # "Sens." of "Sen."

    def _affiliation(self, prep: Token) -> list[Token]:
        """ "Bo Tarn of the Jubilee party", "Ann Lee from Human Rights Watch": the body a name's
        "of"/"from" complement names is the person's, when it is one (a role word or a known
        organisation); a place alone ("Ann Lee of Nairobi") tells where she lives, not whom she
        acts for."""
        return [t for p in prep.children if p.dep_ == "pobj" and self._names_a_body(p) for t in _head_first(p)]

    def _names_a_body(self, head: Token) -> bool:
        """Whether a noun phrase's head is a role or institution word ("the ministry", "a member of
        parliament") or a known organisation ("Human Rights Watch"), not just any phrase that
        holds one ("Clinton's effort for military families")."""
        found = self._kb_at.get(head.i)
        return head.i in self._sector_at or (found is not None and found.entries[0].kind in ("group", "igo", "seat"))

    def _relative_role(self, clause: Token) -> tuple[list[Token], bool]:
        """ "Bo Tarn, who heads Kenya's foreign ministry", "Ann Lee, who is a member of the Kenyan
        parliament", "who served as army chief until 2019": a relative clause on a name whose verb
        holds an office describes the person as an apposition does (see :meth:`_office_held`)."""
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that") for c in clause.children):
            return [], False
        if clause.left_edge.i - clause.head.i > 2:
            return [], False  # "Ann Vale and Tom Ruark, who was her deputy": Ruark's, not Vale's
        return self._office_held(clause)

    def _office_held(self, verb: Token) -> tuple[list[Token], bool]:
        """The office a clause says its subject holds: its verb holds one (be, head, lead, chair,
        serve as, was appointed, was elected to …) and its object's head is a role word or a known
        organisation. Returns the office's words, head first, and whether the clause puts it in
        the past ("was", "led", "had served": a former holder, PLOVER's elite)."""
        lemma = verb.lemma_.lower()
        if lemma not in _HOLDING_VERBS and lemma not in _APPOINTING_VERBS:
            return [], False
        objects = [c for c in verb.children if c.dep_ in ("attr", "dobj", "oprd")]
        # "served as army chief", "serves in the army", "was elected to the senate"
        # "sits in the senate", "sits on the council": a member's seat in a body
        prepositions = {"as", "to"} if lemma in _APPOINTING_VERBS else {"as", "in", "on"} if lemma in ("serve", "sit") else {"as"}
        objects += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in prepositions for p in c.children if p.dep_ == "pobj"]
        tokens = [t for o in objects if self._names_a_body(o) for t in _head_first(o)]
        if not tokens:
            return [], False
        auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        # "who was his chief of staff and is now the acting secretary": a present office too
        now = any(c.dep_ == "conj" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
        past = lemma in _HOLDING_VERBS and (verb.tag_ == "VBD" or "had" in auxiliaries) and not now
        return tokens, past

    def _clauses_on(self, span: Span) -> list[tuple[list[Token], bool]]:
        """The offices clauses about a name give it: a relative clause on it ("Bo Tarn, who heads
        the ministry") and a clause it is the subject of ("Tarn is the head of Kenya's electoral
        commission", "Lee was elected to the senate in 2017")."""
        root = span.root
        found = [self._relative_role(c) for c in root.children if c.dep_ == "relcl"]
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
            found.append(self._office_held(root.head))
        return found

    # -- resolution ----------------------------------------------------------------------------

    def actor_for(self, token: Token) -> Actor | None:
        """The actor the noun phrase headed by ``token`` denotes, if any."""
        answers = self._answers
        if answers is None:  # still learning the document: an answer now may not be the final one
            return self._actor_for(token)
        if token.i not in answers:
            answers[token.i] = self._actor_for(token)
        return answers[token.i]

    def _actor_for(self, token: Token) -> Actor | None:
        person = self._persons.get(token.i)
        if person is not None and person.code != "---":
            return person
        found = self._kb_at.get(token.i)
        if found is not None and person is not None and found.entries[0].kind == "person":
            found = None  # "Juan Carlos" inside "Juan Carlos Jobet" is not King Juan Carlos
        if found is not None and found.entries[0].kind != "adjective":
            return self._owned(self._kb_actor(found), found)
        if token.i in self._sector_at:
            return self._role_actor(token)
        # read once: each read of a token's string attribute looks the string up anew, and this
        # runs for every token of every document
        pos, lemma, tag = token.pos_, token.lemma_.lower(), token.tag_
        if pos == "NOUN" and lemma == "side":
            return self._national_side(token)
        if pos == "NOUN" and lemma in _STATE_WORDS and tag == "NN" and any(
            c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS for c in token.children
        ) and not any(c.dep_ in ("compound", "amod", "prep") for c in token.children):
            country = self._last_state(token)  # "Norway held elections. The country also …"
            if country is not None:
                return Actor(token.text, token.text, country, country, None, _span(token, token))
        named = (
            self._by_name.get(token.text)
            if (pos == "PROPN" and token.ent_type_ not in ("DATE", "TIME")) or (pos == "NOUN" and surname_mention(token, self._full_names))
            else None
        )
        if named is not None and named.code != "---":
            return replace(named, text=token.text, span=(token.idx, token.idx + len(token.text)))
        if found is not None and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "amod", "compound", "conj", "appos") and (
            token.tag_ in ("NNPS", "NNS") or (token.dep_ in ("pobj", "dobj", "amod", "compound") and token.head.dep_ == "agent")
            or (token.dep_ in ("pobj", "dobj") and not any(c.dep_ in ("compound",) for c in token.children))
        ):
            # "the Americans", "Ukrainians": a people as actor
            entry = found.entries[0]
            return Actor(token.text, entry.name, _code(entry.country, None), entry.country, None, _span(token, token))
        if tag in ("NNS", "NNPS") and (token.dep_ in ("nsubj", "nsubjpass", "dobj", "conj", "appos") or _counted(token)) and (
            lemma not in _CONSUMERS and token.lower_ not in _CONSUMERS
        ):
            # "Palestinian prisoners", "Iraqi Kurds": a group named by its nationality
            for child in token.children:
                if child.i < token.i and child.dep_ in ("amod", "compound"):
                    nationality = self.nationality_of(child)
                    if nationality is not None:
                        return replace(nationality, text=self.doc[child.i : token.i + 1].text, span=_span(child, token))
        if pos == "NOUN" and lemma in _ORGANISERS:
            protesters = self._protest_organisers(token) or self._compound_protest_organisers(token)
            if protesters is not None:
                return protesters
        if person is None and lemma in BODIES:
            # "Kenya's electoral commission … the commission said"; "Hamas fired … The group said"
            return self._same_head_before(token) or self._organisation_before(token, None)
        if person is not None or pos != "NOUN":
            return person  # what follows asks for a common noun of no person's name
        if (body_head := colleagues_body(token)) is not None and self._names_a_body(body_head):
            body = self.actor_for(body_head)  # "her colleagues in the legislature": the legislature's members
            if body is not None and body.code != "---":
                return replace(body, text=self.doc[token.i : body_head.i + 1].text, span=_span(token, body_head))
        if bare_members(token):
            body = body_before(token, self.actor_for, lambda t: self._names_a_body(t) and not _names_a_person(t))
            if body is not None:  # "Unite called a strike. Members rejected the offer"
                return replace(body, text=token.text, name=body.name, span=_span(token, token), kb_id=body.kb_id)
        return person

    def _protest_organisers(self, token: Token) -> Actor | None:
        """ "organisers of a rally in London", "participants in the march": the people who hold a
        protest are protesters (civilians), of the country it is held in, else of the country
        the article is about."""
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "in"):
                continue
            for protest in prep.children:
                if protest.dep_ != "pobj" or protest.lemma_.lower() not in _PROTESTS:
                    continue
                country = self._placed_in(protest) or self._city_country([t for t in _modifiers(protest) if t.i < protest.i])
                if country is None:
                    nationality = next((self.nationality_of(m) for m in _modifiers(protest) if self.nationality_of(m)), None)
                    country = nationality.country if nationality is not None else self.setting
                if country is None:
                    return None
                end = protest.right_edge if protest.right_edge.i >= protest.i else protest
                return Actor(
                    text=self.doc[token.i : end.i + 1].text, name=token.text, code=_code(country, "CVL"),
                    country=country, sector="CVL", span=_span(token, end),
                )
        return None

    def _compound_protest_organisers(self, token: Token) -> Actor | None:
        """ "rally organizers", "protest organisers in Nairobi", "march participants": the noun
        compound says what "organisers of a rally" does. Protesters of the country they are
        placed in or whose city names them, else of the article's country, else of the one state
        named just before."""
        protest = next(
            (c for c in token.children if c.dep_ == "compound" and c.i < token.i and c.lemma_.lower() in _PROTESTS), None
        )
        if protest is None:
            return None
        country = self._placed_in(token) or self._city_country([t for t in _modifiers(token) if t.i < protest.i])
        if country is None:
            nationality = next((self.nationality_of(m) for m in _modifiers(token) if self.nationality_of(m)), None)
            country = nationality.country if nationality is not None else self.setting or self._last_state(token)
        if country is None:
            return None
        first = min(protest.left_edge, protest, key=lambda t: t.i)
        return Actor(
            text=self.doc[first.i : token.i + 1].text, name=token.text, code=_code(country, "CVL"),
            country=country, sector="CVL", span=_span(first, token),
        )

    def nationality_of(self, token: Token) -> Actor | None:
        """The country of a nationality adjective used as a premodifier ("Indian posts")."""
        found = self._kb_at.get(token.i)
        if found is None or found.entries[0].kind != "adjective":
            return None
        entry = found.entries[0]
        return Actor(token.text, entry.name, _code(entry.country, None), entry.country, None, _span(token, token), entry.kb_id)

    def _post_abroad(self, head: Token) -> str | None:
        """The host country of a post abroad ("the embassy in Nairobi"): the one it does not serve."""
        if head.lemma_.lower() not in _POSTS_ABROAD:
            return None
        places = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"]
        return self.place_country(places[0]) if places else None

    def _placed_in(self, head: Token) -> str | None:
        """ "farmers in Lyon": the country a group is placed in; none for a post abroad ("the
        embassy in London", "the ambassador in Moscow" serve another country there)."""
        if head.lemma_.lower() in _POSTS_ABROAD:
            return None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                for place in prep.children:
                    if place.dep_ == "pobj" and place.i not in self._sector_at:
                        return self.place_country(place)
        return None

    def _city_country(self, tokens: list[Token]) -> str | None:
        """The country of a place that names whose a role is ("Aleppo mayor", "Kabul police"): a
        name before the role that the gazetteer knows (a city of 50,000 or more when the tagger
        did not call it a place)."""
        for token in tokens:
            if (
                token.pos_ == "PROPN" and token.ent_type_ in ("GPE", "LOC", "ORG", "")
                and token.dep_ in ("compound", "nmod", "poss") and token.i not in self._kb_at and token.i not in self._sector_at
            ):
                country = self.place_country(token)
                if country is not None:
                    return country
        return None

    def place_country(self, token: Token) -> str | None:
        """The country of a place name: a capital or country we know, else that of the most
        populous place so called in the gazetteer (a city of 50,000 or more when the tagger did
        not call the name a place)."""
        found = self.actor_for(token)
        if found is not None:
            return found.country
        if token.ent_type_ != "GPE" and token.pos_ != "PROPN":
            return None
        name = self._entity_text_at().get(token.i)
        places: list[Entry] | None = None
        if name is None:  # "Khyber Pakhtunkhwa", untagged: the proper-noun compound the token heads
            first = min((c.left_edge for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i),
                        key=lambda t: t.i, default=token)
            name = self.doc[first.i : token.i + 1].text
            if first.i < token.i:
                places = self._gazetteer_entries(name) or None
                name = name if places else token.text
        if places is None:
            places = self._gazetteer_entries(name)
        if not places and name != token.text and token.ent_type_ not in ("GPE", "LOC"):
            places = self._gazetteer_entries(token.text)  # "Alberta MLA Ann Vale", tagged as one name
        if token.ent_type_ != "GPE":
            places = [p for p in places if p.population >= 50_000]
        return max(places, key=lambda e: e.population).country if places else None

    def _gazetteer_entries(self, name: str) -> list[Entry]:
        places = self._gazetteer_places.get(name)
        if places is None:
            places = self._gazetteer_places[name] = [c.entry for c in load_gazetteer().lookup(name) if c.entry.country]
        return places

    def _entity_text_at(self) -> dict[int, str]:
        """The text of the entity each token is in (``doc.ents`` read once: it builds its spans anew at each read)."""
        if self._entity_texts is None:
            self._entity_texts = {}
            for entity in self.doc.ents:
                text = entity.text  # built anew at each read too: once per entity, not per token
                for i in range(entity.start, entity.end):
                    self._entity_texts[i] = text
        return self._entity_texts

    def person_mentions(self) -> list[tuple[int, Actor]]:
        """Each token of a named person (or of an organisation learned from its name) with its actor."""
        return list(self._persons.items())

    def all_actors(self) -> list[Actor]:
        """Every actor mention in the document, in text order, one per noun-phrase head."""
        if self._all is None:
            self._all = self._find_all()
        return list(self._all)

    def _find_all(self) -> list[Actor]:
        seen: set[tuple[int, int]] = set()
        found: list[Actor] = []
        for token in self.doc:
            if token.pos_ not in ("PROPN", "NOUN"):
                continue
            actor = self.actor_for(token)
            if actor is None or actor.span in seen:
                continue
            if token.dep_ in ("compound", "amod") and token.head.pos_ in ("PROPN", "NOUN"):
                continue
            seen.add(actor.span)
            found.append(actor)
        return sorted(found, key=lambda a: a.span)

    def _kb_actor(self, found: _Match) -> Actor:
        entry = found.entries[0]
        span = self.doc[found.start : found.end]
        return Actor(
            text=span.text,
            name=entry.name,
            code=entry.code,
            country=entry.country,
            sector=entry.sector,
            span=(span.start_char, span.end_char),
            kb_id=entry.kb_id,
        )

    def _owned(self, actor: Actor, found: _Match) -> Actor:
        """ "Chile's Defense Department", "Chilean Conservatives", "the Pakistani Foreign Office",
        "the Kenyan Red Cross": a generic institution or party name, a seat of government or an
        international charity's name owned by another country is that country's own (its
        ministry, its national society)."""
        entry = found.entries[0]
        if entry.kind not in ("group", "seat") and not (entry.kind == "igo" and entry.sector == "NGO"):
            return actor
        head = self.doc[found.end - 1]
        for child in head.children:
            owner = self._kb_at.get(child.i)
            owning = child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and child.i < found.start)
            if owning and owner is not None and owner.entries[0].kind in ("country", "adjective", "capital") and (
                owner.entries[0].country not in (None, actor.country)
            ):
                country = owner.entries[0].country
                return replace(actor, country=country, code=_code(country, actor.sector), kb_id=None)
        return actor

    def _role_actor(self, head: Token, own_only: bool = False) -> Actor | None:
        """ "Russian troops", "Ukraine's army", "Kremlin spokesman", "the court": role + country.
        ``own_only``: only a country or organisation the phrase itself names (its modifiers,
        "in" place), none taken from the rest of the article."""
        first, sector = self._sector_at[head.i]
        country: str | None = None
        code: str | None = None
        start = self.doc[first]
        civilian = False
        """Whether the owner is a person or a civilian body of a state, whose "chief of staff"
        runs an office, not an army ("Macron's chief of staff", "White House chief of staff")."""
        for token in _modifiers(head):
            found = self._kb_at.get(token.i)
            if found is None and token.dep_ == "poss" and token.lemma_.lower() in _STATE_WORDS and any(
                c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS for c in token.children
            ):
                country = self._last_state(token)  # "the country's foreign minister"
                if country is not None:
                    start = min(start, token.left_edge, key=lambda t: t.i)
                    break
            if found is None and token.dep_ == "poss" and not own_only:
                owner = self._possessor(token)  # "Norway voted. Its foreign ministry …"; "the commission's spokesman"
                if owner is not None:
                    civilian = token.lower_ in ("his", "her") or token.i in self._persons or owner.sector not in (None, "MIL")
                    country, code = owner.country, None if owner.country else owner.code.removesuffix(owner.sector or "")
                    start = min(start, token, key=lambda t: t.i)
                    break
            if found is None or sympathiser(self.doc, found.start, found.end) or _posted_to(token, self._sector_at):
                continue  # "Arnor's envoy to Gondor": Gondor is where the envoy serves
            entry = found.entries[0]
            civilian = entry.kind == "person" or entry.sector not in (None, "MIL")
            if entry.kind == "person":
                owner = self._persons.get(token.i)
                country = owner.country if owner else entry.country
            elif entry.kind == "igo" or (entry.kind == "group" and entry.country is None):
                code = entry.code  # "UN troops", "al-Qaeda leaders"
            elif (
                _speaks_for_a_group(entry) and not any(t.lower_ in _FORMER for t in _modifiers(head))
                and not (entry.sector in ("PTY", "OPP") and sector in _STATE_OFFICES and head.lemma_.lower() not in MEMBER_NOUNS)
            ):
                # "a Taliban spokesman", "Hamas fighters": the group's own man, not his state's;
                # but "a Labour MP", "a Republican senator" hold a state office: their party is
                # what they belong to, the legislature what they act in
                # the group may come after the role ("a professor at Columbia University")
                left = min(self.doc[found.start], head, key=lambda t: t.i)
                right = max(self.doc[found.end - 1], head, key=lambda t: t.i)
                return Actor(
                    text=self.doc[left.i : right.i + 1].text, name=entry.name, code=entry.code,
                    country=entry.country, sector=entry.sector, span=_span(left, right), kb_id=entry.kb_id,
                )
            else:
                country = entry.country
            start = min(start, self.doc[found.start], key=lambda t: t.i)
            if country or code:
                break
        if country is None and code is None and head.tag_ not in ("NNS", "NNPS") and not (_definite(head) or _bare_institution(head)):
            return None
        if country is None and code is None:
            country = self._city_country([t for t in _modifiers(head) if t.i < head.i])  # "Kabul police"
        if country is None and code is None:
            country = self._placed_in(head)  # "farmers in Lyon"
        if own_only and country is None and code is None:
            return None
        if country is None and code is None:
            country, code = self._antecedent_owner(head)  # "Egypt's foreign ministry … the ministry said"
        if country is None and code is None:
            named = self._organisation_before(head, sector)  # "Amnesty International … the rights group"
            if named is not None:
                return replace(named, text=self.doc[first : head.i + 1].text, span=_span(self.doc[first], head))
        if country is None and code is None:
            holder = self._holder_before(head, first)  # "Emmanuel Macron arrived … The president said"
            if holder is not None:
                return holder
        if (
            country is None and code is None and self.dominant_country is not None
            and self.dominant_country != self._post_abroad(head) and self.dominant_country not in self._clause_targets(head)
        ):
            country = self.dominant_country  # "police arrested 40 protesters" in a Kenyan story
        if country is None and code is None and sector == "CVL" and (protest := protest_joined(head)) is not None:
            country = self._placed_in(protest) or self.setting  # "200 people attended the rally": protesters
        if country is None and code is None and sector in _STATE_OFFICES and head.tag_ == "NN" and any(
            c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS for c in head.children
        ):
            country = self._last_state(head)  # "Norway held elections. The president …"
        if sector == "MED" and any(t.text in _STATE_OWNED for t in _modifiers(head) if t.i < head.i):
            sector = "GOV"  # "the state-run Egyptian newspaper": the government's voice
        last = next(
            (t for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.children
             if t.dep_ == "pobj" and self._sector_at.get(t.i, (-1, None))[0] == first),
            head,
        )  # "chief of staff" ends at its last word
        if sector == "MIL" and head.lemma_.lower() == "chief" and last.i != head.i:
            bare = _definite(head) and all(c.dep_ == "det" for c in head.children if c.i < head.i)
            if civilian or (bare and self._civilian_staff_before(head)):
                sector = "GOV"  # a president's or a ministry's chief of staff heads an office
        if any(t.lower_ in _FORMER for t in _modifiers(head)):
            sector = "ELI"  # "a former CIA official": PLOVER's elites
        return Actor(
            text=self.doc[start.i : last.i + 1].text,
            name=self.doc[start.i : last.i + 1].text,
            code=(code + (sector or "")) if code and country is None else _code(country, sector),
            country=country,
            sector=sector,
            span=_span(start, last),
        )


    def _clause_targets(self, head: Token) -> set[str]:
        """The countries the clause of a subject names as whom its act is done to ("The president
        criticised Russia", "the minister accused Russia's army of …"): its object, or a
        preposition's object other than a place where it happens ("in", "at"). A bare title is not
        the article's own country when that country is what it acts on."""
        if head.dep_ not in ("nsubj", "nsubjpass"):
            return set()
        verb = head.head
        targets: list[Token] = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        targets += [o for c in verb.children if c.dep_ == "prep" and c.lower_ not in _LOCATIVE for o in c.children if o.dep_ == "pobj"]
        found: set[str] = set()
        for target in targets:
            for token in (target, *(c for c in target.children if c.dep_ == "poss")):
                match = self._kb_at.get(token.i)
                if match is not None and match.entries[0].kind in ("country", "capital", "adjective") and match.entries[0].country:
                    found.add(match.entries[0].country)
        return found

    def _civilian_staff_before(self, head: Token) -> bool:
        """Whether "the chief of staff" names again a civilian one named before: "White House chief
        of staff Ann Ward … the chief of staff", "the president and his chief of staff … the chief
        of staff" (an owner before it that is a person or a civilian body)."""
        doc = self.doc
        for i in self._lemma_positions().get("chief", []):
            if i >= head.i - 2 or doc[i + 1].lower_ != "of" or doc[i + 2].lower_ != "staff":
                continue
            for owner in doc[max(0, i - 3) : i]:
                found = self._kb_at.get(owner.i)
                if owner.lower_ in ("his", "her") or owner.tag_ == "POS" and doc[owner.i - 1].i in self._persons:
                    return True
                if found is not None and found.entries[0].kind in ("group", "seat") and found.entries[0].sector not in (None, "MIL"):
                    return True
        return False

    def _antecedent_owner(self, head: Token) -> tuple[str | None, str | None]:
        """Whose a definite role noun with no owner of its own is: "Egypt's foreign ministry
        summoned the ambassador. The ministry said …" is Egypt's. A definite description ("the
        ministry", "the court", "this army") refers back to the last role phrase with the same
        head word and sector that names its owner; with none, it is not resolved here."""
        if not any(c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS for c in head.children):
            return None, None
        lemma, sector = head.lemma_.lower(), self._sector_at[head.i][1]
        positions = self._lemma_positions().get(lemma, [])
        for i in reversed(positions[: bisect_left(positions, head.i)]):  # the same lemma, before it
            if self._sector_at.get(i, (0, None))[1] != sector:
                continue
            earlier = self._role_actor(self.doc[i], own_only=True)
            if earlier is not None:
                return earlier.country, None if earlier.country else earlier.code.removesuffix(sector or "")
        if lemma in _STATE_WORDS:
            return self._last_state(head), None  # "Syria's army shelled it. Turkey accused the regime"
        return None, None

    def _possessor(self, token: Token) -> Actor | None:
        """The owner a possessive names that is no name of its own: "its"/"their" is the one state
        named in the nearest stretch before ("Norway voted on Sunday. Its foreign ministry
        said …"; two states there: unclear, none), or the one international organisation named
        there ("NATO met in Vilnius. Its secretary general …"), and a body named again ("the
        commission's spokesman") is that body."""
        if token.lower_ in ("its", "their"):
            earliest = sentence_back(token, 1).start
            organisations = sorted(
                (m for m in self._kb_at.values() if earliest <= m.start < token.i and m.entries[0].kind in ("igo", "group")),
                key=lambda m: m.start,
            )
            if organisations:  # "NATO met in Vilnius. Its secretary general …" is NATO's, no state's
                entry = organisations[-1].entries[0]
                if token.lower_ == "its" and entry.kind == "igo" and len({m.entries[0].kb_id for m in organisations}) == 1:
                    return Actor(token.text, entry.name, entry.code, entry.country, entry.sector, _span(token, token), entry.kb_id)
                return None
            country = self._last_state(token)
            return Actor(token.text, token.text, _code(country, None), country, None, _span(token, token)) if country else None
        if token.lower_ in ("his", "her"):
            person = self._whose(token)
            if person is not None and person.country:
                return Actor(token.text, token.text, _code(person.country, None), person.country, None, _span(token, token))
            return None
        person = self._persons.get(token.i)
        if person is not None and person.country and (token.pos_ == "PROPN" or token.ent_type_ == "PERSON"):
            # "Lund's chief of staff", "Lund's foreign minister": the named person's country
            return Actor(token.text, token.text, _code(person.country, None), person.country, None, _span(token, token))
        if token.pos_ == "NOUN" and token.lemma_.lower() in BODIES:
            found = self.actor_for(token)
            return found if found is not None and found.code != "---" else None
        return None

    def _whose(self, pronoun: Token) -> Actor | None:
        """Who "his" or "her" is: the person the clause is about ("Trump praised his chief of
        staff"), else the last person named in its sentence or the one before."""
        verb = pronoun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        genders = person_genders(self.doc, self._persons.values())
        wanted = pronoun_gender(pronoun.lower_)

        def fits(person: Actor) -> bool:  # "Ana Vale met Olaf Lund. Her chief of staff …" is Vale's
            return person.code != "---" and genders.get(person.name, wanted) == wanted

        for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i):
            person = self._persons.get(subject.i)
            if person is not None and fits(person):
                return person
        earliest = sentence_back(pronoun, 1).start
        named = [person for i, person in self._persons.items() if earliest <= i < pronoun.i and fits(person)]
        ordered = search_order(self.doc, named, pronoun.idx)
        return ordered[0] if ordered else None

    def _national_side(self, token: Token) -> Actor | None:
        """ "the Russian side", "the Ukrainian side said": in talks and disputes a nation's side is
        its government (its delegation); "the Syrian side of the border" is a place."""
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return None
        for child in token.children:
            if child.i < token.i and child.dep_ in ("amod", "compound", "poss"):
                found = self._kb_at.get(child.i)
                if found is not None and found.entries[0].kind in ("adjective", "country") and found.entries[0].country:
                    country = found.entries[0].country
                    return Actor(
                        self.doc[child.i : token.i + 1].text, self.doc[child.i : token.i + 1].text, _code(country, "GOV"),
                        country, "GOV", _span(child, token),
                    )
        return None

    def _holder_before(self, head: Token, first: int) -> Actor | None:
        """The office holder a definite role phrase with no owner names again: "Emmanuel Macron
        arrived in Berlin. The president said …" is Macron, the latest person named before it
        whom the knowledge base knows to hold that office on the article's date ("the minister"
        names a foreign minister as well)."""
        if head.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS for c in head.children):
            return None
        role = self.doc[first : head.i + 1].text.lower()
        roles = ROLE_SYNONYMS.get(role, (role,))
        matches = sorted({id(m): m for m in self._kb_at.values()}.values(), key=lambda m: -m.start)
        for found in matches:
            entry = found.entries[0]
            held = (entry.role or "").lower()
            if held.startswith("former ") or found.end > first or entry.kind != "person" or not (held in roles or held.endswith(" " + role)):
                continue  # "the minister" is a foreign minister too; a former one holds no office
            person = self.actor_for(self.doc[found.end - 1])
            if person is not None and person.kb_id == entry.kb_id:
                if any(t.lower_ in _FORMER for t in _modifiers(head)):
                    # "the former president": who held it, now one of PLOVER's elites
                    person = replace(person, sector="ELI", code=_code(person.country, "ELI"))
                return replace(person, text=self.doc[first : head.i + 1].text, span=_span(self.doc[first], head))
        return None

    def _same_head_before(self, head: Token) -> Actor | None:
        """The body a definite description names again by its head noun: "Kenya's electoral
        commission met … The commission later said", "the Duma's ethics committee … the ethics
        committee dismissed". A definite noun phrase whose head repeats an earlier phrase's head
        refers to the latest such phrase (a head match, the strictest test of coreference by
        description), when that phrase is an actor or names its owner (a possessor, a
        nationality). Its own words must all be words of the earlier phrase, so "the electoral
        commission" is not "the trade commission"; a phrase naming an owner of its own is
        resolved by its owner, not here."""
        determiners = [c for c in head.children if c.dep_ == "det"]
        if not any(c.lower_ in _DEFINITE_DETERMINERS for c in determiners):
            return None
        if any(c.dep_ in ("poss", "nummod", "appos") for c in head.children) or any(
            c.dep_ == "prep" and c.lower_ in ("of", "from", "in") for c in head.children
        ):
            return None
        own = [c for c in head.children if c.i < head.i and c.dep_ in ("amod", "compound")]
        if any(self._kb_at.get(t.i) is not None for c in own for t in c.subtree):
            return None  # "the Swedish commission" names its own country
        words = {t.lower_ for c in own for t in c.subtree}
        positions = self._lemma_positions().get(head.lemma_.lower(), [])
        for i in reversed(positions[: bisect_left(positions, head.i)]):
            earlier = self.doc[i]
            if earlier.pos_ not in ("NOUN", "PROPN") or earlier.dep_ in ("compound", "amod"):
                continue
            if not words <= {t.lower_ for c in earlier.children if c.i < i for t in c.subtree}:
                continue
            found = self.actor_for(earlier) or self._owner_of(earlier)
            if found is None or found.code == "---":
                continue
            first = min([head, *own], key=lambda t: t.i)
            return replace(found, text=self.doc[first.i : head.i + 1].text, span=_span(first, head))
        return None

    def _organisation_before(self, head: Token, sector: str | None) -> Actor | None:
        """The organisation a definite description by its kind names: "Hamas fired rockets. The
        group said …", "NATO met in Vilnius. The alliance condemned …", "Amnesty International …
        the rights group", and a body noun of a sector other than a state's ("the party", "the
        union") the latest organisation of that sector ("The Orange Democratic Movement met. The
        party said …"). A general noun for an organisation ("group", "organisation",
        "movement"; "alliance" and "bloc" for one of states) after "the" refers to the latest
        organisation named (as a noun phrase of its own, not "Republican voters") in its sentence
        or the two before, other than its own clause's subject, whose sector agrees with the
        description's own ("the rights group" is no rebel group). A description with words of its
        own ("the anti-Trump movement") other than a sector's names something else."""
        lemma = head.lemma_.lower()
        kind = lemma in _ORGANISATION_NOUNS or (sector is not None and sector not in _STATE_OFFICES and lemma in BODIES)
        if not kind or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None  # "that group" points at a set just described ("those who said …"), not a body
        if any(c.dep_ in ("poss", "nummod", "appos") for c in head.children):
            return None
        if sector is None and any(c.dep_ in ("amod", "compound", "nmod") and c.i < head.i for c in head.children):
            return None  # "the anti-Trump movement" says which it is by its own words
        own = _clause_subject_tokens(head)
        earliest = sentence_back(head, 2).start
        matches = sorted({id(m): m for m in self._kb_at.values()}.values(), key=lambda m: -m.start)
        for found in matches:
            entry = found.entries[0]
            if found.start < earliest or found.end > head.i or found.start in own:
                continue
            if self.doc[found.end - 1].dep_ in ("compound", "amod") and self.doc[found.end - 1].head.pos_ in ("NOUN", "PROPN"):
                continue  # "Republican voters": the name only describes other people
            if entry.kind not in ("group", "igo") or (lemma in _STATE_ALLIANCES and entry.kind != "igo"):
                continue
            if entry.kind == "group" and entry.sector in _STATE_OFFICES:
                continue  # "the Pentagon", "the Foreign Office": a state's own body, not "the group"
            if sector is not None and entry.sector is not None and entry.sector != sector:
                continue
            actor = self.actor_for(self.doc[found.end - 1])
            if actor is not None and actor.code != "---":
                return replace(actor, text=head.text, span=_span(head, head))
        return None

    def _owner_of(self, head: Token) -> Actor | None:
        """The country a noun phrase names as its owner: its possessor ("Norway's energy agency")
        or a nationality or country before it ("the Norwegian energy agency")."""
        for child in head.children:
            if child.dep_ == "poss" or (child.i < head.i and child.dep_ in ("amod", "compound")):
                found = self.actor_for(child) or self.nationality_of(child)
                if found is not None and found.country is not None:
                    return found
        return None

    def _lemma_positions(self) -> dict[str, list[int]]:
        """Each lower-cased lemma of the document with the positions of its tokens, in order
        (read once, not once per definite role noun)."""
        if self._lemmas is None:
            self._lemmas = {}
            for token in self.doc:
                self._lemmas.setdefault(token.lemma_.lower(), []).append(token.i)
        return self._lemmas

    def _last_state(self, head: Token) -> str | None:
        """The state a definite description of one ("the country", "the regime", "the kingdom")
        refers back to: the one country named in the nearest stretch before it (the sentence so
        far, else the one before, else the one before that) that names any, leaving out its own
        clause's subject ("Turkey accused the regime" is not Turkey). Two countries there: unclear,
        none."""
        own = _clause_subject_tokens(head)
        sentence = sentence_of(head)
        end = head.i
        for _ in range(3):
            named = {
                found.entries[0].country
                for i in range(sentence.start, end)
                for found in [self._kb_at.get(i)]
                if found is not None and found.start == i and i not in own
                and found.entries[0].kind in ("country", "capital", "adjective") and found.entries[0].country
            }
            if named:
                return named.pop() if len(named) == 1 else None
            if sentence.start == 0:
                return None
            sentence = sentence_of(self.doc[sentence.start - 1])
            end = sentence.end
        return None


MEMBER_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson spokespeople official member representative leader head chief
    commander officer deputy chairman chairwoman chair director aide adviser advisor source figure
    committee staff employee researcher worker volunteer""".split()
)
"""Nouns for someone who speaks or acts for a body, whose sector is that body's: a police
spokesman is police, a party official the party's (lemmas)."""

_UNREAD = object()

_STATE_OFFICES = frozenset({"LEG", "GOV", "JUD", "COP", "MIL"})
"""Sectors of the offices of a state, which a party member holding one acts in."""

_RANKS = frozenset({"executive", "general", "managing", "senior", "chief"})
"""Words before a member noun that give its rank, not its body ("executive director")."""

_POSTS_ABROAD = frozenset({"embassy", "consulate", "ambassador", "envoy", "consul", "mission", "delegation", "attache"})
"""Role nouns whose "in" place is where they serve, not whom."""

_STATE_OWNED = frozenset({"state", "government", "official", "state-run", "state-owned", "government-run", "state-controlled"})
"""Premodifiers that make a news outlet the state's voice (PLOVER and CAMEO code state media as
government): "state-run Egyptian newspaper", "official news agency"."""

_CONSUMERS = frozenset(
    """user customer consumer buyer fan player gamer viewer reader listener subscriber owner driver rider
    diner cook baker collector follower audience spectator""".split()
)
"""People named by what they buy, use, own, watch or play ("French users", "Belgian fans",
"Brazilian players"): not a political group by its nationality, unlike "Palestinian prisoners" or
"Iraqi Kurds" (GUIDE: actors are states, officials, armed groups, parties, police, protesters…).
Their nationality makes no actor, so "German users criticized the update" codes nothing."""

_ORGANISERS = frozenset({"organiser", "organizer", "participant", "marcher", "attendee"})
_PROTESTS = PROTEST_NOUNS
"""Who organise or take part in a protest are protesters (PLOVER PROTEST: civilians demonstrating)."""

BODIES = frozenset(
    """commission committee agency council board department office bureau panel body authority
    organisation organization group alliance bloc outfit faction coalition federation association
    league movement network front delegation mission regulator watchdog tribunal union party ministry court
    parliament legislature assembly senate cabinet government administration""".split()
)
"""Nouns for bodies (organisations, institutions, their offices and delegations) that a definite
description names again by its head noun: "the commission", "the committee", "the agency"."""

_ORGANISATION_NOUNS = frozenset(
    """group organisation organization movement alliance bloc body outfit faction coalition""".split()
)
"""General nouns for an organisation, which a definite description uses for one named before it."""

_STATE_ALLIANCES = frozenset({"alliance", "bloc", "coalition"})
"""Kinds of organisation whose members are states: an international organisation."""

_LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "within", "across", "around", "throughout", "across"})
"""Prepositions of where an act happens, whose object is a place, not whom it is done to."""

_DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})
_STATE_WORDS = frozenset({"country", "nation", "kingdom", "republic", "government", "regime", "administration"})
"""Head words of definite descriptions of a state or its government."""


def _clause_subject_tokens(head: Token) -> set[int]:
    """The tokens of the subject of the clause a noun is an argument in."""
    verb = head.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != head.i for t in c.subtree}


def _inside_a_persons_name(doc: Doc, start: int, end: int, roles: Mapping[str, str]) -> bool:
    """Whether tokens ``start:end`` are part of a longer PERSON entity ("Paris Hilton", "John
    Madrid") other than after "of" ("King Abdullah of Jordan" names his country) or before a title
    the tagger put in the name ("Lisbon Mayor Rui Costa": ``roles`` holds the role words)."""
    first, last = doc[start], doc[end - 1]
    if first.ent_type_ != "PERSON" or last.ent_type_ != "PERSON":
        return False
    if end < len(doc) and doc[end].lower_ in roles:
        return False
    entity = next((e for e in doc.ents if e.start <= start and end <= e.end), None)
    if entity is None or entity.label_ != "PERSON":
        return False
    others = [t for t in entity if not start <= t.i < end and t.is_alpha and t.tag_ != "POS"]
    return bool(others) and not (start > entity.start and doc[start - 1].lower_ == "of")  # "Burkina Faso's" is no one


def _counted(token: Token) -> bool:
    """ "Kurds" in "thousands of Iraqi Kurds": the object of a quantifier is the group itself."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in QUANTIFIERS


def _legacy_agents(words: list[str], legacy: LegacyDictionary) -> list[tuple[int, int, str]]:
    """(start, end, sector) of agent phrases ("foreign minister" -> GOVFRM) in lower-case words."""
    phrases = {phrase: agent.sector for agent in legacy.agents for phrase in agent.phrases}
    longest = max((len(p) for p in phrases), default=0)
    found: list[tuple[int, int, str]] = []
    for start in range(len(words)):
        for length in range(min(longest, len(words) - start), 0, -1):
            sector = phrases.get(tuple(words[start : start + length]))
            if sector is not None:
                found.append((start, start + length, sector))
                break
    return found


def _modifiers(head: Token) -> list[Token]:
    """Tokens modifying a role noun: premodifiers, possessors, and "of"/"from" complements."""
    tokens: list[Token] = []
    for child in head.children:
        if child.i < head.i and child.dep_ in _MODIFIER_DEPS:
            tokens.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in ("of", "from"):
            tokens.extend(child.subtree)
    return sorted(tokens, key=lambda t: t.i)


_PERSON_SUFFIXES = ("er", "or", "ist", "man", "woman", "person", "ian", "ant")
_PERSON_NOUNS = frozenset({"mp", "mla", "mep", "president", "judge", "chief", "general", "head", "member", "envoy", "diplomat", "deputy"})


def _names_a_person(noun: Token) -> bool:
    """Whether a role noun names a person ("lawmaker", "minister", "spokeswoman", "MP") rather
    than a body ("parliament", "ministry", "party"): English forms agent nouns with these endings."""
    lemma = noun.lemma_.lower()
    return lemma in _PERSON_NOUNS or lemma in MEMBER_NOUNS or lemma.endswith(_PERSON_SUFFIXES)


def _head_first(head: Token) -> list[Token]:
    """A phrase's words with its head first: the head's role word says what the whole phrase is
    ("the teachers' union" is a union, LAB, not teachers)."""
    return [head, *(t for t in head.subtree if t.i != head.i)]


def _definite(token: Token) -> bool:
    return any(c.dep_ in ("det", "poss") for c in token.children)


def _bare_institution(token: Token) -> bool:
    """A singular role noun with no determiner as subject or object: "parliament will vote",
    "police arrested 40": English leaves out the article only for the one such body there is."""
    return (
        token.tag_ == "NN" and token.dep_ in ("nsubj", "nsubjpass", "dobj")
        and not any(c.dep_ in ("det", "poss", "nummod", "compound", "amod") for c in token.children)
    )


def _name_words(span: Span) -> list[str]:
    """A person's name as written, without courtesy titles and a possessive 's."""
    return [t.text for t in span if t.lower_ not in _HONORIFICS and t.tag_ != "POS"]


def _name_keys(span: Span) -> list[str]:
    words = _name_words(span)
    keys = [" ".join(words)]
    if len(words) > 1:
        keys.extend([words[-1], words[0]])
    return keys


def _span(first: Token, last: Token) -> tuple[int, int]:
    return first.idx, last.idx + len(last.text)


_POSTED = frozenset({"to", "at"})

_AFFILIATION_PREPOSITIONS = frozenset({"of", "from"})
"""Prepositions after a name that name the body a person belongs to ("Bo Tarn of the Jubilee
party", "Ann Lee from the teachers' union")."""

_HOLDING_VERBS = frozenset({"be", "head", "lead", "chair", "run", "direct", "command", "serve", "remain", "manage", "sit"})
"""Verbs of a clause that say which office its subject holds ("who heads the ministry", "Tarn
is Kenya's chief justice")."""

_APPOINTING_VERBS = frozenset({"appoint", "elect", "name", "nominate", "promote", "install", "choose", "swear", "become"})
"""Verbs of a clause that say which office its subject was given ("who was elected senator",
"Lee became chief justice"): the office is held now, whatever the tense."""


def _posted_to(token: Token, roles: dict[int, tuple[int, str]]) -> bool:
    """Whether a name is the post of a role noun ("ambassador to Britain", "envoy to the UN",
    "representative at the WTO"): the place someone serves in, not the country they serve."""
    head = token
    while head.dep_ in ("compound", "amod", "det", "poss") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in _POSTED and head.head.head.i in roles


def _speaks_for_a_group(entry: KBEntry) -> bool:
    """A non-state group of a country (rebels, a party, a union): its members and spokesmen act
    for it, not for their state's government."""
    return entry.kind == "group" and entry.country is not None and entry.sector not in (None, "GOV", "MIL", "COP", "JUD", "LEG")


def _code(country: str | None, sector: str | None) -> str:
    if country is None and sector is None:
        return "---"
    return (country or "---") + (sector or "")
