-- 0004: stories (near-duplicate articles), article tone, merged events and their mentions.

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

-- A mention deleted (its article replaced) marks its merged event for recounting; the writer
-- recounts and clears the mark before it commits.
CREATE TRIGGER event_mentions_deleted AFTER DELETE ON event_mentions
BEGIN
    UPDATE merged_events SET dirty = 1 WHERE id = OLD.merged_id;
END;
