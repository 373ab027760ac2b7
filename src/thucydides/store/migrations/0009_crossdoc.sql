-- 0009_crossdoc: (the cross-document stage: its queue of pending work, and the links between copies)
-- Stories, merged events and tone are no longer written by the store: a stage of their own reads
-- what the writer stored and derives them. Every article written, and every story that lost an
-- article, is queued here by triggers in the writer's own transaction, so work left pending by a
-- run that stopped is found and finished by the next one. Stories become the connected parts of
-- the "copy of" relation (story_links), named after their smallest article id, so they no longer
-- depend on the order of ingest; every stored article is queued once here, so the next run
-- derives its stories and merged events again in the new way.

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

INSERT INTO crossdoc_pending (kind, id) SELECT 'article', id FROM articles;

CREATE TRIGGER articles_written AFTER INSERT ON articles
BEGIN
    INSERT OR IGNORE INTO crossdoc_pending (kind, id) VALUES ('article', NEW.id);
END;

CREATE TRIGGER story_articles_deleted AFTER DELETE ON story_articles
BEGIN
    INSERT OR IGNORE INTO crossdoc_pending (kind, id) VALUES ('story', OLD.story_id);
END;
