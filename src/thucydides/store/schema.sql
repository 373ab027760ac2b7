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

ALTER TABLE quotes ADD COLUMN speaker_text TEXT;
ALTER TABLE quotes ADD COLUMN speaker_start INTEGER;
ALTER TABLE quotes ADD COLUMN speaker_end INTEGER;
ALTER TABLE quotes ADD COLUMN cue_start INTEGER;
ALTER TABLE quotes ADD COLUMN cue_end INTEGER;

CREATE INDEX quotes_speaker_code ON quotes (speaker_code);

CREATE TABLE stances (
    article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    holder_name    TEXT NOT NULL,
    holder_text    TEXT NOT NULL,
    holder_code    TEXT NOT NULL,
    holder_country TEXT,
    issue          TEXT NOT NULL,
    polarity       TEXT NOT NULL,
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE INDEX stances_issue ON stances (issue);

-- 0003_times_places: (times, places, event dates and locations)

ALTER TABLE events ADD COLUMN location_name TEXT;
ALTER TABLE events ADD COLUMN location_country TEXT;
ALTER TABLE events ADD COLUMN location_lat REAL;
ALTER TABLE events ADD COLUMN location_lon REAL;
ALTER TABLE events ADD COLUMN location_geonameid INTEGER;

CREATE INDEX events_location_country ON events (location_country);

CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    name       TEXT NOT NULL,
    country    TEXT,
    lat        REAL,
    lon        REAL,
    geonameid  INTEGER,
    feature    TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE INDEX places_country ON places (country);

CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      TEXT NOT NULL,
    type       TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

-- 0004_stories_mentions: (stories, merged events and their mentions)

-- Each article in a story, with the MinHash signature it was clustered by.
CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL,
    shingles   INTEGER NOT NULL,
    minhash    BLOB NOT NULL
);

CREATE INDEX story_articles_story ON story_articles (story_id);

-- The LSH index: one row per article and signature band; candidates are looked up by band.
CREATE TABLE story_bands (
    band       INTEGER NOT NULL,
    hash       INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, article_id)
) WITHOUT ROWID;

CREATE INDEX story_bands_article ON story_bands (article_id);

-- VADER sentiment of each article's text (tone: mean sentence compound x 10, -10..10).
CREATE TABLE article_tone (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    tone       REAL NOT NULL,
    positive   REAL NOT NULL,
    negative   REAL NOT NULL,
    polarity   REAL NOT NULL,
    sentences  INTEGER NOT NULL
);

-- One row per real-world event: the reports (event mentions) of the same event merged.
CREATE TABLE merged_events (
    id                 TEXT PRIMARY KEY,
    source_code        TEXT,
    source_country     TEXT,
    source_sector      TEXT,
    source_name        TEXT,
    target_code        TEXT,
    target_country     TEXT,
    target_sector      TEXT,
    target_name        TEXT,
    cameo              TEXT NOT NULL,
    plover_type        TEXT NOT NULL,
    plover_mode        TEXT,
    quad_class         INTEGER NOT NULL,
    goldstein          REAL NOT NULL,
    intensity          REAL NOT NULL,
    modality           TEXT NOT NULL,
    date               TEXT,
    day_first          TEXT,
    day_last           TEXT,
    location_name      TEXT,
    location_country   TEXT,
    location_lat       REAL,
    location_lon       REAL,
    location_geonameid INTEGER,
    location_feature   TEXT,
    sentence           TEXT NOT NULL,
    first_article_id   TEXT NOT NULL,
    first_seen         TEXT,
    num_mentions       INTEGER NOT NULL,
    num_articles       INTEGER NOT NULL,
    num_sources        INTEGER NOT NULL,
    num_stories        INTEGER NOT NULL,
    confidence         REAL NOT NULL,
    avg_tone           REAL,
    dirty              INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX merged_events_key ON merged_events (source_code, target_code, plover_type, day_first);
CREATE INDEX merged_events_date ON merged_events (day_first);
CREATE INDEX merged_events_dirty ON merged_events (id) WHERE dirty = 1;

-- Which merged event each stored event (a mention) belongs to.
CREATE TABLE event_mentions (
    article_id TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    merged_id  TEXT NOT NULL,
    PRIMARY KEY (article_id, event_id),
    FOREIGN KEY (article_id, event_id) REFERENCES events (article_id, id) ON DELETE CASCADE
);

CREATE INDEX event_mentions_merged ON event_mentions (merged_id);

-- A mention deleted (its article replaced) marks its merged event; the cross-document stage
-- (thucydides.crossdoc) derives it again and clears the mark.
CREATE TRIGGER event_mentions_deleted AFTER DELETE ON event_mentions
BEGIN
    UPDATE merged_events SET dirty = 1 WHERE id = OLD.merged_id;
END;

-- Each feed followed, with the validators of its last answer for a conditional GET.
CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    status        INTEGER,
    fetched_at    TEXT NOT NULL,
    etag          TEXT,
    last_modified TEXT,
    reason        TEXT
);

-- Each page a feed linked to, keyed by its normalised URL: when it was fetched, the HTTP status,
-- its validators, a hash of its content (a page published again elsewhere is stored once), the
-- article it became, or why it did not.
CREATE TABLE pages (
    url           TEXT PRIMARY KEY,
    feed_url      TEXT,
    entry_updated TEXT,
    final_url     TEXT,
    status        INTEGER,
    fetched_at    TEXT NOT NULL,
    etag          TEXT,
    last_modified TEXT,
    content_hash  TEXT,
    article_id    TEXT,
    reason        TEXT,
    detail        TEXT,
    attempts      INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX pages_content_hash ON pages (content_hash);

-- 0006_date_precision: (the days an event's date covers and its precision)

ALTER TABLE events ADD COLUMN date_precision TEXT;
ALTER TABLE events ADD COLUMN day_first TEXT;
ALTER TABLE events ADD COLUMN day_last TEXT;
ALTER TABLE merged_events ADD COLUMN date_precision TEXT;

CREATE INDEX events_day ON events (day_first, day_last);

-- 0007_context_root: (PLOVER contexts and root events)

ALTER TABLE events ADD COLUMN plover_context TEXT;
ALTER TABLE events ADD COLUMN root INTEGER;
ALTER TABLE merged_events ADD COLUMN plover_context TEXT;
ALTER TABLE merged_events ADD COLUMN root INTEGER;

-- 0008_location_basis: (where, for every event, and how it is known)

ALTER TABLE events ADD COLUMN location_feature TEXT;
ALTER TABLE events ADD COLUMN location_precision TEXT;
ALTER TABLE events ADD COLUMN location_basis TEXT;
ALTER TABLE merged_events ADD COLUMN location_precision TEXT;
ALTER TABLE merged_events ADD COLUMN location_basis TEXT;

-- 0009_crossdoc: (the cross-document stage: pending work, links between copies)

CREATE TABLE crossdoc_pending (
    kind TEXT NOT NULL,
    id   TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

CREATE TABLE story_links (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    other_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, other_id)
) WITHOUT ROWID;

CREATE INDEX story_links_other ON story_links (other_id);
CREATE INDEX events_merge_key ON events (plover_type, source_code, target_code);

CREATE TRIGGER articles_written AFTER INSERT ON articles
BEGIN
    INSERT OR IGNORE INTO crossdoc_pending (kind, id) VALUES ('article', NEW.id);
END;

CREATE TRIGGER story_articles_deleted AFTER DELETE ON story_articles
BEGIN
    INSERT OR IGNORE INTO crossdoc_pending (kind, id) VALUES ('story', OLD.story_id);
END;

-- 0010_location_admin1: (the first-level division, ADM1, of an event's place and of every place)

ALTER TABLE events ADD COLUMN location_admin1 TEXT;
ALTER TABLE events ADD COLUMN location_admin1_name TEXT;
ALTER TABLE merged_events ADD COLUMN location_admin1 TEXT;
ALTER TABLE merged_events ADD COLUMN location_admin1_name TEXT;
ALTER TABLE places ADD COLUMN admin1 TEXT;
ALTER TABLE places ADD COLUMN admin1_name TEXT;

PRAGMA user_version = 10;
