"""Quotes of every kind, and who spoke them.

Two readings of a document are merged:

1. **Attributions in the parse.** A cue (``extract/data/cues.yaml``) and what it governs:
   a speech or thought verb with its clausal complement ("X said (that) …", "…, X warned"), with
   a "to" complement ("vowed to fight on"), a direct or prepositional object ("denied the
   report", "called for a ceasefire"), and "according to X" with the clause it modifies. The
   speaker is the cue's subject, found through coordination, participles ("…, adding that …")
   and relative clauses ("Kirby, who said …"), or the author of a message noun ("a statement from
   the ministry said"); a passive cue with no agent ("was asked whether …") names no speaker.
   Also: "in X's view" and "in this poll" like "according to"; a view no one named holds ("is
   expected to win"); a stance noun with its holder ("his refusal to use the words"); and the
   headline, whose title case defeats the parser ("Arnor Minister Says Gondor Broke The Truce",
   "Clinton camp: …").
2. **Text in quotation marks** (“…”, "…" or '' … '', at least four words unless a cue governs
   it), which may run over several sentences and, when a paragraph opens with a quotation mark and
   does not close it, into the next paragraph.

A quoted run that is the whole content of an attribution is a direct quote with that
attribution's cue and speaker; one inside a longer content ("called it “ratification of Russian
conquest”") is part of a mixed quote, told as indirect. A quoted run with no cue of its own takes
the nearest cue in its sentences, the subject of the clause before a colon that introduces it,
or continues the quote just before it in the same or the previous paragraph.

Speaker coreference is a documented heuristic (coreferee, the spaCy library for it, is not
installable for spaCy 3.8): see :mod:`thucydides.extract.speakers`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

from thucydides.nlp.sentences import sentence_of, text_of
from thucydides.errors import ResourceError
from thucydides.extract.speakers import SpeakerResolver
from thucydides.records import Actor, Span
from thucydides.resolve.actors import DocActors

_MIN_WORDS = 4
_CONTINUE_WITHIN = 400
"""Characters after a quote within which a cue-less quote continues it."""
_COMPLEMENT_DEPS = ("ccomp",)
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


@dataclass(frozen=True)
class Cues:
    """The cue lexicon: which words introduce what someone said or holds."""

    clause_verbs: frozenset[str]
    infinitive_verbs: frozenset[str]
    object_verbs: frozenset[str]
    preposition_verbs: dict[str, frozenset[str]]
    message_nouns: frozenset[str]
    person_nouns: frozenset[str]
    passive_verbs: frozenset[str]
    stance_nouns: frozenset[str]

    @property
    def verbs(self) -> frozenset[str]:
        return self.clause_verbs | self.infinitive_verbs | self.object_verbs | frozenset(self.preposition_verbs)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The bundled cue lexicon (``extract/data/cues.yaml``)."""
    source = resources.files("thucydides.extract").joinpath("data/cues.yaml")
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ResourceError(f"cannot read the quote cue lexicon: {error}") from error

    def words(key: str) -> frozenset[str]:
        return frozenset(str(data.get(key) or "").split())

    preps = {str(verb): frozenset(str(p) for p in ps) for verb, ps in (data.get("preposition_verbs") or {}).items()}
    return Cues(
        words("clause_verbs"), words("infinitive_verbs"), words("object_verbs"), preps,
        words("message_nouns"), words("person_nouns"), words("passive_verbs"), words("stance_nouns"),
    )


@dataclass(frozen=True)
class QuoteMatch:
    """A quote found in a Doc: content, its span, the cue, the speaker, and whether it is direct."""

    content: str
    span: Span
    cue_text: str
    cue_span: Span | None
    speaker: Actor | None
    direct: bool


@dataclass(frozen=True)
class _Attribution:
    cue: Token
    cue_end: Token
    subject: Token | None
    span: Span


def find_quotes(doc: Doc, actors: DocActors) -> Iterator[QuoteMatch]:
    """Every quote in text order, each with its cue and speaker."""
    cues = load_cues()
    attributions = _attributions(doc, cues)
    quoted = quoted_runs(text_of(doc))
    # (content span, attribution or None, direct): speakers are resolved afterwards, in text
    # order, so "he added" can point to the speaker of the quote just before
    pending: list[tuple[Span, _Attribution | None, bool]] = []
    absorbed: set[int] = set()
    lines = list(_speaker_lines(doc))
    headline = _headline(doc, cues, lines)
    if headline is not None:
        lines.append(headline)
        attributions = [a for a in attributions if not _overlap(a.span, headline.span)]
    for attribution in lines:
        absorbed.update(i for i, run in enumerate(quoted) if _overlap(run, attribution.span))
        direct = text_of(doc)[max(0, attribution.cue.idx - 40) : attribution.cue.idx].lstrip().startswith(("\"", "“"))
        pending.append((attribution.span, attribution, direct))
    for attribution in attributions:
        inside = [i for i, run in enumerate(quoted) if _overlap(run, attribution.span)]
        if inside and _is_all_quoted(text_of(doc), attribution.span, [quoted[i] for i in inside]):
            continue  # told below as direct quotes
        absorbed.update(i for i in inside if _within(quoted[i], attribution.span, slack=2))
        pending.append((attribution.span, attribution, False))
    for i, run in enumerate(quoted):
        if i in absorbed:
            continue
        owner = next((a for a in attributions if _overlap(run, a.span)), None)
        if owner is None and len(text_of(doc)[run[0] : run[1]].split()) < _MIN_WORDS:
            continue  # a short quoted run with no cue of its own is a phrase, not a quote
        owner = owner or _nearest_cue(doc, run, cues)
        pending.append((run, owner, True))
    speakers = SpeakerResolver(doc, actors, cues.person_nouns)
    previous: QuoteMatch | None = None
    for span, attribution, direct in sorted(pending, key=lambda p: p[0]):
        if attribution is not None:
            match = _match(doc, span, attribution, speakers, direct)
        elif previous is not None and _continues(text_of(doc), previous.span, span):
            match = QuoteMatch(text_of(doc)[span[0] : span[1]], span, previous.cue_text, previous.cue_span, previous.speaker, True)
        else:
            match = QuoteMatch(text_of(doc)[span[0] : span[1]], span, "", None, None, True)
        speakers.remember(match.speaker, match.span)
        previous = match
        yield match


def _match(doc: Doc, span: Span, attribution: _Attribution, speakers: SpeakerResolver, direct: bool) -> QuoteMatch:
    start, end = _trim(text_of(doc), span)
    if not direct and text_of(doc)[start : start + 5].lower() == "that ":
        start += 5  # the complementizer is not what was said
    cue_end = attribution.cue_end.idx + len(attribution.cue_end.text)
    speaker = speakers.resolve(attribution.subject, (start, end)) if attribution.subject is not None else None
    return QuoteMatch(
        content=text_of(doc)[start:end],
        span=(start, end),
        cue_text=text_of(doc)[attribution.cue.idx : cue_end],
        cue_span=(attribution.cue.idx, cue_end),
        speaker=speaker,
        direct=direct,
    )


# -- quotation marks ---------------------------------------------------------------------------

_MARKS = re.compile(r"''|[“”\"\n]")
"""Quotation marks: curly, straight, and the doubled apostrophe some papers print ('' … '')."""


def quoted_runs(text: str) -> list[Span]:
    """Spans of text inside quotation marks (without the marks), in order.

    A run left open at the end of a paragraph ends there (news style reopens the quote in the
    next paragraph); a doubled opening mark is ignored; '' counts as a straight mark.
    """
    runs: list[Span] = []
    opened: int | None = None
    for mark in _MARKS.finditer(text):
        char = '"' if mark.group() == "''" else mark.group()
        if char == "\n":
            if opened is not None and text[opened : mark.start()].strip():
                runs.append((opened, mark.start()))
            opened = None
        elif char == "“" or (char == '"' and opened is None):
            # a straight mark followed by a space opens nothing: it closes a quote we missed
            if opened is None and not (char == '"' and text[mark.end() : mark.end() + 1].isspace()):
                opened = mark.end()
        elif opened is not None:
            runs.append((opened, mark.start()))
            opened = None
    if opened is not None and text[opened:].strip():
        runs.append((opened, len(text.rstrip())))
    return runs


def _is_all_quoted(text: str, span: Span, runs: list[Span]) -> bool:
    """Whether a content is (nearly) all inside the quotation marks: a direct quote, not a mixed one."""
    outside = [i for i in range(*span) if not any(s - 1 <= i < e + 1 for s, e in runs)]
    return sum(1 for i in outside if text[i].isalnum()) <= 3


def _continues(text: str, previous: Span, run: Span) -> bool:
    """A cue-less quote continues the previous one: close by, at most one paragraph break apart."""
    between = text[previous[1] : run[0]]
    return run[0] - previous[1] < _CONTINUE_WITHIN and between.count("\n\n") + between.count("\n") <= 3


def _nearest_cue(doc: Doc, run: Span, cues: Cues) -> _Attribution | None:
    """The nearest speech verb outside the quote, in the sentences the quote touches."""
    inside = doc.char_span(run[0], run[1], alignment_mode="expand")
    if inside is None or len(inside) == 0:
        return None
    sentences = {sentence_of(doc[inside.start]), sentence_of(doc[inside.end - 1])}
    after = inside.end
    while after < len(doc) and (doc[after].is_punct or doc[after].is_space) and "\n" not in doc[after].text:
        after += 1  # past the closing mark: “… fix!” Clinton said, where "!" ends a sentence
    if after < len(doc) and "\n" not in text_of(doc)[run[1] : doc[after].idx]:
        sentences.add(sentence_of(doc[after]))
    best: Token | None = None
    for sentence in sentences:
        for token in sentence:
            if run[0] - 1 <= token.idx < run[1] + 1 or token.pos_ not in ("VERB", "AUX"):
                continue
            if token.lemma_.lower() not in cues.clause_verbs:
                continue
            if best is None or _distance(token, run) < _distance(best, run):
                best = token
    if best is None:
        return _colon_cue(doc, run, cues)
    return _Attribution(best, _cue_end(best), _subject(best, cues, avoid=run), run)


def _colon_cue(doc: Doc, run: Span, cues: Cues) -> _Attribution | None:
    """ "He sighed: “…”", "Trump swiped at Ryan in a series of tweets: “…”": a quote right after a
    colon belongs to the subject of the clause before it, whatever its verb."""
    text = text_of(doc)
    window = max(0, run[0] - 8)
    before = text[window : run[0]].rstrip("“\"' \t\n")
    if not before.endswith(":") or text[window + len(before) : run[0]].count("\n") > 2:
        return None
    colon = doc.char_span(window + len(before) - 1, window + len(before), alignment_mode="expand")
    if colon is None or len(colon) == 0:
        return None
    root = sentence_of(colon[0]).root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    subject = _subject(root, cues)
    if subject is None or not _agentive(subject):
        return None
    return _Attribution(colon[0], colon[0], subject, run)


def _distance(token: Token, run: Span) -> int:
    return run[0] - token.idx if token.idx < run[0] else token.idx - run[1]


_SPEAKER_LINE = re.compile(r"^[ \t]*[\"“]?((?:[A-Z][\w.’'-]*[ \t]?){1,4}):[ \t]+(\S[^\n]*)$", re.MULTILINE)


def _speaker_lines(doc: Doc) -> Iterator[_Attribution]:
    """ "PENCE: Well, look, …" (a transcript) and "Pat Caddell: Voters worried" (a headline)."""
    for line in _SPEAKER_LINE.finditer(text_of(doc)):
        name = doc.char_span(line.start(1), line.end(1), alignment_mode="contract")
        colon = doc.char_span(line.end(1), line.end(1) + 1, alignment_mode="expand")
        if name is None or colon is None or len(name) == 0 or name[-1].lower_ in _NOT_SPEAKERS:
            continue
        # "Q: …" and "A: …" in an interview: the line is said, but the letter is no one's name
        speaker = None if name.text.lower() in ("q", "a") else name[-1]
        yield _Attribution(colon[0], colon[0], speaker, (line.start(2), line.end(2)))


_HEADLINE_WORDS = 25


def _headline(doc: Doc, cues: Cues, lines: list[_Attribution]) -> _Attribution | None:
    """The headline (the first line) as an attribution: "Clinton camp: Trump threatens security",
    "Obama Says Trump Modeling Policies On Putin", "Rose Bowl skywriters blast Trump". Title case
    defeats the parser, so the cue is found by its form: a colon, or a cue verb after the first words."""
    text = text_of(doc)
    end = text.find("\n")
    end = len(text) if end < 0 else end
    if end == 0 or len(text[:end].split()) > _HEADLINE_WORDS or any(a.span[0] < end for a in lines):
        return None
    tokens = [t for t in doc if t.idx < end]
    quoted = [r for r in quoted_runs(text) if r[0] < end]
    for position, token in enumerate(tokens[1:], start=1):
        if any(s <= token.idx < e for s, e in quoted):
            break
        lower = token.lower_
        is_cue = lower == ":" or (
            token.is_alpha and (lower in cues.verbs or (lower.endswith("s") and (lower[:-1] in cues.verbs or lower[:-2] in cues.verbs)))
            and token.pos_ != "ADP"
        )
        if not is_cue:
            continue
        rest = [t for t in tokens[position + 1 :] if not t.is_punct]
        before = tokens[position - 1]
        if not rest or before.is_punct or (lower != ":" and (before.pos_ in ("DET", "ADP", "PART", "ADJ", "AUX") or rest[0].pos_ in ("VERB", "AUX"))):
            return None
        span = _trim(text, (tokens[position + 1].idx if position + 1 < len(tokens) else end, end))
        if span[1] <= span[0]:
            return None
        source = tokens[:position]
        named = [t for t in source if t.ent_type_ in _AGENT_ENTS]
        speaker = named[-1] if named else source[-1]
        if speaker.lower_ in _NOT_SPEAKERS:
            return None
        return _Attribution(token, token, speaker, span)
    return None


_NOT_SPEAKERS = frozenset({"update", "note", "editor", "correction", "watch", "read", "related", "photo", "video"})


# -- attributions in the parse -----------------------------------------------------------------


def _attributions(doc: Doc, cues: Cues) -> list[_Attribution]:
    found: list[_Attribution] = []
    taken: set[int] = set()
    quoted = quoted_runs(text_of(doc))
    for token in doc:
        if any(start <= token.idx < end for start, end in quoted):
            continue  # "I think" inside someone's quote is part of what they said
        attribution = (
            _according_to(token) or _verb_attribution(token, cues) or _raising(token, cues) or _noun_attribution(token, cues)
        )
        if attribution is None:
            continue
        # one attribution per content: "said … and added" both pointing at one clause count once
        key = attribution.span[0]
        if key in taken:
            continue
        taken.add(key)
        found.append(attribution)
    return _drop_nested(found)


def _drop_nested(found: list[_Attribution]) -> list[_Attribution]:
    """Where one content holds another's cue ("X said Y told him …"), keep the outer one only once
    it is split: the inner one is what was said."""
    kept = []
    for attribution in found:
        outer = [o for o in found if o is not attribution and o.span[0] <= attribution.cue.idx < o.span[1]]
        if outer and any(_within(attribution.span, o.span, slack=0) for o in outer):
            continue
        kept.append(attribution)
    return kept


def _verb_attribution(token: Token, cues: Cues) -> _Attribution | None:
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX"):
        return None
    if lemma in cues.verbs:
        content = _content(token, lemma, cues)
    elif GENERIC and lemma not in _NOT_CUES and token.pos_ == "VERB":
        content = _stance_content(token)
    else:
        return None
    if content is None:
        return None
    if lemma in cues.verbs and _passive_without_agent(token):
        # "Trump was asked whether …", "Asked about the deal, Daley said …": the one asking is not named
        return _Attribution(token, _cue_end(token), None, content)
    subject = _subject(token, cues, avoid=content)
    if subject is None:
        return None
    if lemma not in cues.verbs and not _agentive(subject):
        return None
    return _Attribution(token, _cue_end(token), subject, content)


GENERIC = False


def _passive_without_agent(token: Token) -> bool:
    """A passive cue that names no agent: "was asked", or a fronted participle "Asked about it, …"."""
    if any(c.dep_ == "agent" for c in token.children):
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return True
    return token.tag_ == "VBN" and token.dep_ == "advcl" and not any(c.dep_ in _SUBJECT_DEPS for c in token.children)


_NOT_CUES = frozenset("be have do get go come take make give put let become remain seem keep begin start use leave win lose run hold meet visit kill die".split())
_AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _agentive(subject: Token) -> bool:
    """A subject that can hold a view: a person, a group, an organisation, a country."""
    return subject.ent_type_ in _AGENT_ENTS or subject.lower_ in ("he", "she", "they", "we", "i", "who")


def _stance_content(token: Token) -> Span | None:
    """What any verb of a person or organisation is about: "Trump touted his ability to …"."""
    for child in token.children:
        if child.dep_ == "ccomp":
            return _subtree_span(child, exclude=token)
    for child in token.children:
        if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return _subtree_span(child, exclude=token)
    for child in token.children:
        if child.dep_ == "dobj" and child.pos_ != "PRON":
            return _subtree_span(child, exclude=token)
    return None


def _content(token: Token, lemma: str, cues: Cues) -> Span | None:
    children = list(token.children)
    if lemma in cues.clause_verbs:
        for child in children:
            if child.dep_ in _COMPLEMENT_DEPS and child.i != token.i:
                return _subtree_span(child, exclude=token)
        if (
            token.dep_ in ("parataxis", "ccomp") and _is_clause(token.head) and token.head.i != token.i
            # not the complement of another cue: "Clinton’s team says she’ll continue" is the team's, not hers
            and not (token.dep_ == "ccomp" and token.head.lemma_.lower() in cues.verbs)
        ):
            # "…, Kirby said." and "These employees, Stumpf explained, were …": the cue sits
            # inside the clause it reports
            return _subtree_span(token.head, exclude=token)
    if lemma in cues.infinitive_verbs:
        for child in children:
            if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                return _subtree_span(child, exclude=token)
    if lemma in cues.object_verbs:
        for child in children:
            if child.dep_ in ("dobj", "oprd") and child.pos_ not in ("PRON",):
                start, end = _subtree_span(child, exclude=token)
                for other in children:  # "called it a ratification": the object predicate too
                    if other.dep_ == "oprd" and other.i != child.i:
                        end = max(end, _subtree_span(other, exclude=token)[1])
                    # "accused Obama of bungling it", "sees Christie as an ally", "blamed X for Y"
                    elif other.dep_ in ("prep", "xcomp") and other.i > child.i:
                        end = max(end, _subtree_span(other, exclude=token)[1])
                return start, end
    for preposition in cues.preposition_verbs.get(lemma, ()):
        for child in children:
            if child.dep_ == "prep" and child.lower_ == preposition:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    return _subtree_span(objects[0], exclude=token)
    return None


_VIEW_NOUNS = frozenset({"poll", "survey", "study", "eye", "view", "opinion", "estimation", "estimate", "analysis", "judgment", "judgement"})


def _according_to(token: Token) -> _Attribution | None:
    """ "according to X, …" and "in X's view / in this poll, …": X is the speaker, the clause it
    modifies the content."""
    if token.lower_ == "according":
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is None:
            return None
        source = next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None)
        if source is not None and source.dep_ == "pcomp":  # "according to show insiders", misparsed
            source = next((c for c in source.children if c.dep_ == "dobj"), source)
    elif token.lower_ == "in" and token.dep_ == "prep" and token.head.pos_ in ("VERB", "AUX") and token.i < token.head.i:
        to = token
        source = next((c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in _VIEW_NOUNS), None)
        if source is not None and source.lemma_.lower() in ("eye", "view", "opinion", "estimation", "judgment", "judgement"):
            source = next((c for c in source.children if c.dep_ == "poss"), None)
    else:
        return None
    if source is None:
        return None
    head = token.head
    while head.dep_ not in ("ROOT",) and head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    while head.dep_ == "conj" and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX"):
        head = head.head  # "A won 37 percent and B 36 percent, according to …": all of it
    phrase = {t.i for t in token.subtree}
    tokens = [t for t in head.subtree if t.i not in phrase and sentence_of(t) == sentence_of(token)]
    span = _largest_run(tokens)
    if span is None:
        return None
    return _Attribution(token, to, source, span)




def _raising(token: Token, cues: Cues) -> _Attribution | None:
    """A view held by no one named: "Sanders is expected to win", "the deal seems to be failing",
    "Washington appears weak". The content runs from the subject to the end of the complement."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX"):
        return None
    passive = any(c.dep_ == "auxpass" for c in token.children)
    if not (passive and lemma in cues.passive_verbs):
        return None
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in ("it", "there", "which", "that", "who"):
        return None
    complement = next(
        (c for c in token.children if c.i > token.i and c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)),
        None,
    )
    if complement is None:
        return None
    start = subject.left_edge.idx
    end = _subtree_span(complement, exclude=token)[1]
    return _Attribution(token, _cue_end(token), None, (start, end))


_NOUN_PREPS = frozenset({"for", "of", "about", "against", "on", "that"})


def _noun_attribution(token: Token, cues: Cues) -> _Attribution | None:
    """A stance told by a noun: "his refusal to use the words", "Sanders' call for a debate", "the
    claim that …". Its holder is the possessor or the "by"/"from" phrase, else no one named."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in cues.stance_nouns:
        return None
    content: Span | None = None
    for child in token.children:
        if child.i < token.i:
            continue
        if child.dep_ in ("acl", "ccomp") and (child.pos_ in ("VERB", "AUX")):
            content = _subtree_span(child, exclude=token)
        elif child.dep_ == "prep" and child.lower_ in _NOUN_PREPS:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                content = _subtree_span(objects[0], exclude=token)
        if content is not None:
            break
    if content is None:
        return None
    source = next((c for c in token.children if c.dep_ == "poss"), None)
    if source is None:
        for child in token.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
                source = next((c for c in child.children if c.dep_ == "pobj"), None)
    if source is None:
        return None  # a stance noun with no holder named is too often no one's view
    return _Attribution(token, token, source, content)


def _subject(verb: Token, cues: Cues, avoid: Span | None = None) -> Token | None:
    """The subject of a cue verb, through coordination, participles and relative clauses; not one
    inside what was said (``avoid``): in "“Anybody who attacks him …,” said Louise Sunshine" the
    parser gives "said" two subjects, and the speaker is the one outside the quote."""
    current = verb
    for _ in range(4):
        candidates = [
            c for c in current.children
            if c.dep_ in _SUBJECT_DEPS and not (avoid is not None and avoid[0] <= c.idx < avoid[1])
        ]
        subject = min(candidates, key=lambda c: abs(c.i - current.i)) if candidates else None
        if subject is None:
            agent = next((c for c in current.children if c.dep_ == "agent"), None)
            if agent is not None:
                subject = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if subject is not None:
            return _author(subject, cues)
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ in ("conj", "advcl", "xcomp", "acl") and current.head.i != current.i:
            current = current.head
            continue
        return None
    return None


def _author(subject: Token, cues: Cues) -> Token:
    """The author behind a message noun: "a statement from the ministry" -> ministry."""
    if subject.lemma_.lower() not in cues.message_nouns:
        return subject
    for child in subject.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of", "for"):
            author = next((c for c in child.children if c.dep_ == "pobj"), None)
            if author is not None and subject.lemma_.lower() not in ("spokesman", "spokeswoman", "spokesperson", "representative"):
                return author
        if child.dep_ == "poss" and subject.lemma_.lower() not in ("spokesman", "spokeswoman", "spokesperson"):
            return child
    return subject


def _cue_end(token: Token) -> Token:
    """The last word of the cue: a particle ("pointed out") or "in a statement" stays with it."""
    last = token
    for child in token.children:
        if child.dep_ == "prt" and child.i == last.i + 1:
            last = child
    return last


def _is_clause(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or any(c.dep_ in _SUBJECT_DEPS for c in token.children)


def _subtree_span(token: Token, exclude: Token) -> Span:
    """The characters of a subtree, without the cue's own subtree where it sits at an edge."""
    skip = {t.i for t in exclude.subtree} if exclude.i in {t.i for t in token.subtree} else set()
    tokens = [t for t in token.subtree if t.i not in skip]
    span = _largest_run(tokens)
    assert span is not None
    return span


def _largest_run(tokens: list[Token]) -> Span | None:
    """The longest run of consecutive tokens, as a character span."""
    if not tokens:
        return None
    tokens = sorted(tokens, key=lambda t: t.i)
    runs: list[list[Token]] = [[tokens[0]]]
    for token in tokens[1:]:
        if token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    best = max(runs, key=lambda r: r[-1].idx + len(r[-1].text) - r[0].idx)
    return best[0].idx, best[-1].idx + len(best[-1].text)


def _trim(text: str, span: Span) -> Span:
    """Without surrounding spaces, quotation marks and trailing commas."""
    start, end = span
    while start < end and (text[start].isspace() or text[start] in "“”\"‘’'"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "“”\"‘’',;:—–-"):
        end -= 1
    return start, end


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _within(inner: Span, outer: Span, slack: int) -> bool:
    return outer[0] - slack <= inner[0] and inner[1] <= outer[1] + slack
