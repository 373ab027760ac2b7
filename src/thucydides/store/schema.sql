-- The current full schema: what applying every file in migrations/ in order produces.
-- A test checks the two agree; change both together (a new migration, then this file).

CREATE TABLE articles (
    id            TEXT PRIMARY KEY,
    title         TEXT,
    date          TEXT,
    url           TEXT,
    source        TEXT,
    origin        TEXT,
    dateline_json TEXT,
    byline        TEXT,
    language      TEXT,
    text          TEXT,
    analysis_json TEXT NOT NULL,
    ingested_at   TEXT NOT NULL
);

CREATE TABLE events (
    article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id             TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    sentence       TEXT NOT NULL,
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    source_code    TEXT,
    source_country TEXT,
    source_sector  TEXT,
    source_name    TEXT,
    source_text    TEXT,
    target_code    TEXT,
    target_country TEXT,
    target_sector  TEXT,
    target_name    TEXT,
    target_text    TEXT,
    cameo          TEXT NOT NULL,
    plover_type    TEXT NOT NULL,
    plover_mode    TEXT,
    quad_class     INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    modality       TEXT NOT NULL,
    date           TEXT,
    date_text      TEXT,
    speaker_name   TEXT,
    rule           TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
);

CREATE INDEX events_date ON events (date);
CREATE INDEX events_source_country ON events (source_country);
CREATE INDEX events_target_country ON events (target_country);
CREATE INDEX events_cameo ON events (cameo);

CREATE TABLE actor_mentions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    name       TEXT NOT NULL,
    code       TEXT NOT NULL,
    country    TEXT,
    sector     TEXT,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    kb_id      TEXT,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE quotes (
    article_id      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    speaker_name    TEXT,
    speaker_code    TEXT,
    speaker_country TEXT,
    cue             TEXT NOT NULL,
    content         TEXT NOT NULL,
    span_start      INTEGER NOT NULL,
    span_end        INTEGER NOT NULL,
    direct          INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE INDEX quotes_speaker_name ON quotes (speaker_name);

-- No foreign key: a rejected input may never have become an article (a malformed JSONL line),
-- so article_id can be a synthetic id such as "file:path:line".
CREATE TABLE rejections (
    article_id  TEXT NOT NULL,
    origin      TEXT,
    stage       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    detail      TEXT NOT NULL,
    rejected_at TEXT NOT NULL,
    PRIMARY KEY (article_id, stage)
);

-- 0002_quotes_stances: (quotes with speakers, stances)

-- 0003_times_places: (times, places, event dates and locations)

-- 0004_stories_mentions: (stories, merged events and their mentions)

PRAGMA user_version = 4;
