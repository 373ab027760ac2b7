"""Quotes of every kind, and who spoke them.

Two readings of a document are merged:

1. **Attributions in the parse.** A cue (``extract/data/cues.yaml``) and what it governs:
   a speech or thought verb with its clausal complement ("X said (that) …", "…, X warned"), with
   a "to" complement ("vowed to fight on"), a direct or prepositional object ("denied the
   report", "called for a ceasefire"), and "according to X" with the clause it modifies. The
   speaker is the cue's subject, found through coordination, participles ("…, adding that …")
   and relative clauses ("Kirby, who said …"), or the author of a message noun ("a statement from
   the ministry said", "the ministry issued a statement saying"); a passive cue's agent is its
   speaker ("was asked by the moderator whether …"), and with no agent it names no speaker.
   Also (:mod:`thucydides.extract.view_cues`): "in X's view" and "in this poll" like "according
   to"; a view no one named holds ("is expected to win") or one it seems so to ("seemed doomed to
   Rohan"; with no one to whom it seems, "seems" is the writer's hedge, not a quote); an attitude
   adjective ("eager to sign"); a stance noun with its holder ("his refusal to use the words") or
   with a clause ("allegations that …"); a reaction whose subject is its content ("the plan drew
   criticism from Rohan"); and the headline, whose title case defeats the parser ("Arnor Minister Says Gondor Broke The Truce",
   "Clinton camp: …").
2. **Text in quotation marks** (“…”, "…" or '' … '', at least four words unless a cue governs
   it), which may run over several sentences and, when a paragraph opens with a quotation mark and
   does not close it, into the next paragraph.

A quoted run that is the whole content of an attribution is a direct quote with that
attribution's cue and speaker; one inside a longer content ("called it “ratification of Russian
conquest”") is part of a mixed quote, told as indirect. A quoted run with no cue of its own takes
the nearest cue in its sentences (with, where the parser gave that cue no subject, the name
beside it: "“…,” said Vale", "“…,” Ann Vale, a Rohan aide, said"), the subject of the clause
before a colon that introduces it, or continues the quote just before it in the same or the
previous paragraph; with none of these it is a title, a slogan or scare quotes, and no quote. A
transcript line ("HALDOR: Well, I think …") is its speaker's, and so is
every attribution inside it, as "I think" inside quotation marks is part of the quote; a line
headed "Q:" or "A:" names no one, and is no quote.

Speaker coreference is a documented heuristic (coreferee, the spaCy library for it, is not
installable for spaCy 3.8): see :mod:`thucydides.extract.speakers`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpanTokens

from thucydides.nlp.sentences import sentence_of, text_of
from thucydides.extract.attributions import (
    AGENT_ENTS,
    Attribution,
    Cues,
    agentive,
    cue_end,
    passive_without_agent,
    load_cues,
    overlap,
    quoted_runs,
    subject_of,
    trim,
    verb_attribution,
    within,
)
from thucydides.extract.speakers import SpeakerResolver
from thucydides.extract.view_cues import according_to, adjective_attribution, noun_attribution, raising, reaction_attribution
from thucydides.records import Actor, Span
from thucydides.nlp.annotations import doc_actors

_MIN_WORDS = 4
_CONTINUE_WITHIN = 400
"""Characters after a quote within which a cue-less quote continues it."""


@dataclass(frozen=True)
class QuoteMatch:
    """A quote found in a Doc: content, its span, the cue, the speaker, and whether it is direct."""

    content: str
    span: Span
    cue_text: str
    cue_span: Span | None
    speaker: Actor | None
    direct: bool


def find_quotes(doc: Doc) -> Iterator[QuoteMatch]:
    """Every quote in text order, each with its cue and speaker (among the Doc's actors)."""
    actors = doc_actors(doc)
    cues = load_cues()
    attributions = attributions_in(doc, cues)
    quoted = quoted_runs(text_of(doc))
    # (content span, attribution or None, direct): speakers are resolved afterwards, in text
    # order, so "he added" can point to the speaker of the quote just before
    pending: list[tuple[Span, Attribution | None, bool]] = []
    absorbed: set[int] = set()
    lines = list(_speaker_lines(doc))
    # "Q: …" / "A: …" or "HALDOR: …": an interview, where "I" is the one interviewed
    interview = any(line.subject is None or line.subject.text.isupper() for line in lines)
    headline = _headline(doc, cues, lines)
    if headline is not None:
        lines.append(headline)
        attributions = [a for a in attributions if not overlap(a.span, headline.span)]
    attributions = [_in_line(a, lines) for a in attributions]
    for attribution in lines:
        absorbed.update(i for i, run in enumerate(quoted) if overlap(run, attribution.span))
        if attribution.subject is None:
            continue  # "Q: …", "A: …": said, but by no one the line names, so no one's quote
        direct = text_of(doc)[max(0, attribution.cue.idx - 40) : attribution.cue.idx].lstrip().startswith(("\"", "“"))
        pending.append((attribution.span, attribution, direct))
    for attribution in attributions:
        inside = [i for i, run in enumerate(quoted) if overlap(run, attribution.span)]
        if inside and _is_all_quoted(text_of(doc), attribution.span, [quoted[i] for i in inside]):
            continue  # told below as direct quotes
        absorbed.update(i for i in inside if within(quoted[i], attribution.span, slack=2))
        pending.append((attribution.span, attribution, False))
    for i, run in enumerate(quoted):
        if i in absorbed:
            continue
        owner = next((a for a in attributions if overlap(run, a.span)), None)
        if owner is None and len(text_of(doc)[run[0] : run[1]].split()) < _MIN_WORDS:
            continue  # a short quoted run with no cue of its own is a phrase, not a quote
        owner = owner or _nearest_cue(doc, run, cues)
        pending.append((run, owner, True))
    speakers = SpeakerResolver(doc, actors, cues.person_nouns, cues.body_nouns)
    authors_voice = not interview and not any(a is not None and a not in lines and _named(a.subject) for _, a, _ in pending)
    previous: QuoteMatch | None = None
    for span, attribution, direct in sorted(pending, key=lambda p: p[0]):
        if authors_voice and attribution is not None and _writer_or_reader(attribution):
            continue  # the author's own voice ("I prefer 8-ounce jars") or the reader's ("you want to")
        if attribution is not None:
            match = _match(doc, span, attribution, speakers, direct)
        elif previous is not None and _continues(text_of(doc), previous.span, span):
            match = QuoteMatch(text_of(doc)[span[0] : span[1]], span, previous.cue_text, previous.cue_span, previous.speaker, True)
        else:
            continue  # words in quotation marks that no one is told to say: a title, a slogan, scare quotes
        speakers.remember(match.speaker, match.span)
        previous = match
        yield match


FIRST_AND_SECOND_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "you", "your", "yourself", "ourselves", "myself"})
"""Pronouns of the writer and the reader."""


def _writer_or_reader(attribution: Attribution) -> bool:
    """Whether an attribution's speaker is "I", "we" or "you". Outside quotation marks these are
    the page's author and its reader. On a page that names no one as saying anything and holds no
    interview lines, they are the author's own voice ("I prefer 8-ounce jars", "we talk about
    why focus matters") or an address to the reader ("you want to stir it slowly"): a blog, a
    recipe, a how-to, where no one is anyone's source, so such a clause is no quote. Where someone
    is named as a speaker, or the page is an interview ("Q: … A: I think …"), "I" may be the one
    interviewed or a columnist whose view news reports, and stays a quote."""
    return attribution.subject is not None and attribution.subject.lower_ in FIRST_AND_SECOND_PERSON


def _named(subject: Token | None) -> bool:
    """Whether a speaker is named: a person, an organisation, a country, a people."""
    return subject is not None and (subject.ent_type_ in AGENT_ENTS or subject.pos_ == "PROPN")


def _match(doc: Doc, span: Span, attribution: Attribution, speakers: SpeakerResolver, direct: bool) -> QuoteMatch:
    start, end = trim(text_of(doc), span)
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


def _in_line(attribution: Attribution, lines: list[Attribution]) -> Attribution:
    """An attribution inside a named speaker's line is told in that speaker's words ("FALLIN: Well,
    I think …", "TAPPER: Trump released a video …"): the line's speaker is its speaker, as "I
    think" inside quotation marks is part of the quote. A "Q:"/"A:" line names no one to give."""
    for line in lines:
        if line.subject is not None and line.span[0] <= attribution.cue.idx < line.span[1]:
            return Attribution(attribution.cue, attribution.cue_end, line.subject, attribution.span)
    return attribution


# -- attributions in the parse -----------------------------------------------------------------

_CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
_CUE_WORDS = frozenset({"according", "in"})
"""What a token must be for a rule of :func:`attributions_in` to take it as a cue: a verb
(``verb_attribution``, ``raising``, ``reaction_attribution``), a noun (``noun_attribution``), an
adjective (``adjective_attribution``), or "according"/"in" (``according_to``). A new rule whose
cue is another part of speech adds it here."""


def attributions_in(doc: Doc, cues: Cues) -> list[Attribution]:
    """Every attribution in the parse, one per content, outside quotation marks."""
    found: list[Attribution] = []
    taken: set[int] = set()
    inside = _quoted_tokens(doc, quoted_runs(text_of(doc)))
    for token in doc:
        if token.i in inside:
            continue  # "I think" inside someone's quote is part of what they said
        if token.pos_ not in _CUE_POS and token.lower_ not in _CUE_WORDS:
            continue  # no rule below takes this token: each asks for one of these first
        attribution = (
            according_to(token) or verb_attribution(token, cues) or raising(token, cues)
            or noun_attribution(token, cues) or adjective_attribution(token, cues) or reaction_attribution(token, cues)
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


def _quoted_tokens(doc: Doc, runs: list[tuple[int, int]]) -> frozenset[int]:
    """Indices of the tokens that start inside a quoted run (runs are in text order)."""
    inside: set[int] = set()
    for start, end in runs:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            inside.update(t.i for t in span if start <= t.idx < end)
    return frozenset(inside)


def _drop_nested(found: list[Attribution]) -> list[Attribution]:
    """Where one content holds another's cue ("X said Y told him …"), keep the outer one only once
    it is split: the inner one is what was said."""
    kept = []
    for attribution in found:
        outer = [o for o in found if o is not attribution and o.span[0] <= attribution.cue.idx < o.span[1]]
        if outer and any(within(attribution.span, o.span, slack=0) for o in outer):
            continue
        kept.append(attribution)
    return kept


# -- quotation marks ---------------------------------------------------------------------------

def _is_all_quoted(text: str, span: Span, runs: list[Span]) -> bool:
    """Whether a content is (nearly) all inside the quotation marks: a direct quote, not a mixed one."""
    start, end = span
    if end <= start:
        return True
    quoted = bytearray(end - start)  # each character of the span, 1 where a run (or its marks) covers it
    for s, e in runs:
        low, high = max(s - 1, start), min(e + 1, end)
        if low < high:
            quoted[low - start : high - start] = b"\x01" * (high - low)
    return sum(1 for i in range(start, end) if not quoted[i - start] and text[i].isalnum()) <= 3


def _continues(text: str, previous: Span, run: Span) -> bool:
    """A cue-less quote continues the previous one: close by, at most one paragraph break apart."""
    between = text[previous[1] : run[0]]
    return run[0] - previous[1] < _CONTINUE_WITHIN and between.count("\n\n") + between.count("\n") <= 3


def _nearest_cue(doc: Doc, run: Span, cues: Cues) -> Attribution | None:
    """The nearest speech verb outside the quote, in the sentences the quote touches."""
    inside = doc.char_span(run[0], run[1], alignment_mode="expand")
    if inside is None or len(inside) == 0:
        return None
    signed = _signature(doc, run)
    if signed is not None:
        return signed
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
    speaker = subject_of(best, cues, avoid=run) or _beside_quote(doc, best, run)
    if speaker is None and not passive_without_agent(best):
        # "said" with no one the parse or the words beside the quote name: the cue has a speaker
        # we cannot find, and a quote needs someone who says it (a passive "was asked" names no one)
        return _colon_cue(doc, run, cues)
    return Attribution(best, cue_end(best), speaker, run)


_SIGNATURE = re.compile(r"[\"”'’]*[ \t]*\n\s*([-—–―]+[ \t]*)?(\S[^\n]*)")
_SIGNATURE_WORDS = 16


def _signature(doc: Doc, run: Span) -> Attribution | None:
    """A quote set as a paragraph of its own and signed on the next line with the speaker's name:
    "“…”\n\n— Ann Vale, mayor of Bree." or "“…\nAnn Vale, mayor of Bree.”" (a pull quote, an
    epigraph). The line opens with a name and a comma, is short, and tells nothing itself (no
    verb but a participle: "— Ann Vale, tweeting after the vote"); the name is the speaker."""
    text = text_of(doc)
    if text[text.rfind("\n", 0, run[0]) + 1 : run[0]].strip(" \t\"“'‘"):
        return None  # the quote does not open its paragraph
    line = _SIGNATURE.match(text, run[1])
    if line is None or line.start(2) - run[1] > 8:
        return None
    tokens = doc.char_span(line.start(2), line.end(2), alignment_mode="expand")
    if tokens is None or len(tokens) == 0 or len(tokens) > _SIGNATURE_WORDS + 4:
        return None
    if sum(1 for t in tokens if t.is_alpha) > _SIGNATURE_WORDS or any(t.tag_ in ("VB", "VBD", "VBN", "VBZ", "VBP", "MD") for t in tokens):
        return None  # "Ann Vale, for her part, sided with Bree.": a sentence, not a signature
    name = _signed_name(tokens)
    if name is None or name.end >= len(doc) or doc[name.end].text != ",":
        return None  # a signature is "Name, who or where": a heading has no comma
    return Attribution(name[0], name[-1], name[-1], run)  # the signature is the cue


def _signed_name(line: SpanTokens) -> SpanTokens | None:
    """The name a signature line opens with: a person the parser names, or two or more capitalised
    proper nouns, after at most two words ("—President Ann Vale, …")."""
    person = next((e for e in line.ents if e.label_ == "PERSON"), None)
    if person is not None and all(t.is_title or t.is_punct for t in line.doc[line.start : person.start]) and person.start - line.start <= 2:
        return person  # "Ann Vale", "President Vale", not "According to Ann Vale"
    start = line.start
    while start < line.end and (line.doc[start].is_punct or line.doc[start].is_space):
        start += 1
    end = start
    while end < line.end and line.doc[end].pos_ == "PROPN" and line.doc[end].is_title:
        end += 1
    return line.doc[start:end] if end - start >= 2 else None


_NAME_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "ADV"})


def _beside_quote(doc: Doc, cue: Token, run: Span) -> Token | None:
    """The speaker of a quote whose cue the parser left with no subject, by position: the name
    right after the closing mark ("“…,” Ann Vale, a Rohan aide, said") or right after a cue that
    follows it ("“…,” said Vale", "recalled Mr. Vale"), its last word capitalised."""
    if cue.idx < run[1]:
        return None
    start = doc.char_span(run[1], run[1] + 1, alignment_mode="expand")
    if start is None or len(start) == 0:
        return None
    first = start[0].i
    while first < cue.i and (doc[first].is_punct or doc[first].is_space):
        first += 1
    if first == cue.i:
        first = cue.i + 1
    elif "\n" in text_of(doc)[run[1] : doc[first].idx]:
        return None
    head = None
    for token in doc[first : min(len(doc), first + 6)]:
        if token.pos_ not in _NAME_POS or token.i == cue.i:
            break
        if token.pos_ in ("PROPN", "NOUN") or token.is_title:
            head = token
    return head if head is not None and (head.is_title or head.ent_type_ == "PERSON") else None


def _colon_cue(doc: Doc, run: Span, cues: Cues) -> Attribution | None:
    """ "He sighed: “…”", "The senator swiped at the governor in a string of posts: “…”": a quote right after a
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
    subject = subject_of(root, cues)
    if subject is None or not agentive(subject):
        return None
    return Attribution(colon[0], colon[0], subject, run)


def _distance(token: Token, run: Span) -> int:
    return run[0] - token.idx if token.idx < run[0] else token.idx - run[1]


_SPEAKER_LINE = re.compile(r"^[ \t]*[\"“]?((?:[A-Z][\w.’'-]*[ \t]?){1,4}):[ \t]+(\S[^\n]*)$", re.MULTILINE)


def _speaker_lines(doc: Doc) -> Iterator[Attribution]:
    """ "PENCE: Well, look, …" (a transcript) and "Pat Caddell: Voters worried" (a headline)."""
    for line in _SPEAKER_LINE.finditer(text_of(doc)):
        name = doc.char_span(line.start(1), line.end(1), alignment_mode="contract")
        colon = doc.char_span(line.end(1), line.end(1) + 1, alignment_mode="expand")
        if name is None or colon is None or len(name) == 0 or name[-1].lower_ in _NOT_SPEAKERS:
            continue
        # "Q: …" and "A: …" in an interview: the line is said, but the letter is no one's name
        speaker = None if name.text.lower() in ("q", "a") else name[-1]
        yield Attribution(colon[0], colon[0], speaker, (line.start(2), line.end(2)))


_HEADLINE_WORDS = 25


def _headline(doc: Doc, cues: Cues, lines: list[Attribution]) -> Attribution | None:
    """The headline (the first line) as an attribution: "Clinton camp: Trump threatens security",
    "Mayor Says Governor Copying Rival's Budget", "Rose Bowl skywriters blast Trump". Title case
    defeats the parser, so the cue is found by its form: a colon, or a cue verb after the first words."""
    text = text_of(doc)
    end = text.find("\n")
    end = len(text) if end < 0 else end
    if end == 0 or len(text[:end].split()) > _HEADLINE_WORDS or any(a.span[0] < end for a in lines):
        return None
    if text[:end].rstrip().endswith(".") and not text[:end].rstrip().endswith(".."):
        return None  # a headline has no full stop: a first line that ends with one is a sentence
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
        span = trim(text, (tokens[position + 1].idx if position + 1 < len(tokens) else end, end))
        if span[1] <= span[0]:
            return None
        source = tokens[:position]
        named = [t for t in source if t.ent_type_ in AGENT_ENTS]
        speaker = named[-1] if named else source[-1]
        if speaker.lower_ in _NOT_SPEAKERS:
            return None
        return Attribution(token, token, speaker, span)
    return None


_NOT_SPEAKERS = frozenset({"latest", "update", "note", "editor", "correction", "watch", "read", "related", "photo", "video"})

