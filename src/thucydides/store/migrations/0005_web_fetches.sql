-- 0005: what `thucydides watch` fetched, so that a restart resumes without refetching.

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
