-- Schema version 2 of the marsad store: near-duplicates and stories (docs/store.md).
-- Portable SQL: the same tables are made in every backend.

-- 1.0 for 'copy'; kind 'near' = near-duplicate (wire copy, republication) of its first appearance
ALTER TABLE duplicates ADD COLUMN similarity REAL;
UPDATE duplicates SET similarity = 1.0 WHERE kind = 'copy';

-- which articles have their MinHash signature in near_bands (a text too short to
-- compare has a row with bands = 0), and of which revision
CREATE TABLE signatures (
    article_id   INTEGER PRIMARY KEY REFERENCES articles (id),
    revision_id  INTEGER NOT NULL REFERENCES revisions (id),
    shingles     INTEGER NOT NULL,           -- distinct three-word shingles of the text
    bands        INTEGER NOT NULL            -- band keys stored (0: too short, or an exact copy)
);

-- one row per band of an article's signature: articles sharing a key are candidates
CREATE TABLE near_bands (
    band_key    BIGINT NOT NULL,             -- hash of the band's number and its minimum hashes
    article_id  INTEGER NOT NULL REFERENCES articles (id)
);
CREATE INDEX near_bands_key ON near_bands (band_key);
CREATE INDEX near_bands_article ON near_bands (article_id);

CREATE TABLE stories (
    id                INTEGER PRIMARY KEY,
    first_article_id  INTEGER NOT NULL REFERENCES articles (id),  -- the first report
    first_published   TEXT,                                      -- YYYY-MM-DD
    last_published    TEXT,
    title             TEXT,                                      -- the first report's title
    articles          INTEGER NOT NULL,                          -- members
    outlets           INTEGER NOT NULL                           -- distinct outlets among them
);
CREATE TABLE story_articles (
    story_id    INTEGER NOT NULL REFERENCES stories (id),
    article_id  INTEGER NOT NULL REFERENCES articles (id),
    score       REAL NOT NULL,                                   -- how strongly it belongs (0..1)
    PRIMARY KEY (story_id, article_id)
);
CREATE INDEX story_articles_article ON story_articles (article_id);

-- the highest article id that stories were computed through: an ingest groups the
-- articles after it (also those a killed run stored but did not group)
CREATE TABLE story_progress (
    up_to  INTEGER NOT NULL
);
