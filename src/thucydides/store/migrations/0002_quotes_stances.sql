-- 0002: quotes keep their speaker's words and span and their cue's span; stances on issues.
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
