-- Schema version 2 of the marsad store in PostgreSQL: near-duplicates and stories,
-- the tables and columns of ../v2.sql (docs/store.md) in the types of v1.sql here:
-- keys BIGINT (BIGSERIAL), similarity and scores DOUBLE PRECISION, dates TEXT.

-- 1.0 for 'copy'; kind 'near' = near-duplicate (wire copy, republication) of its first appearance
ALTER TABLE duplicates ADD COLUMN similarity DOUBLE PRECISION;
UPDATE duplicates SET similarity = 1.0 WHERE kind = 'copy';

-- which articles have their MinHash signature in near_bands (a text too short to
-- compare has a row with bands = 0), and of which revision
CREATE TABLE signatures (
    article_id   BIGINT PRIMARY KEY REFERENCES articles (id),
    revision_id  BIGINT NOT NULL REFERENCES revisions (id),
    shingles     BIGINT NOT NULL,            -- distinct three-word shingles of the text
    bands        BIGINT NOT NULL             -- band keys stored (0: too short, or an exact copy)
);

-- one row per band of an article's signature: articles sharing a key are candidates
CREATE TABLE near_bands (
    band_key    BIGINT NOT NULL,             -- hash of the band's number and its minimum hashes
    article_id  BIGINT NOT NULL REFERENCES articles (id)
);
CREATE INDEX near_bands_key ON near_bands (band_key);
CREATE INDEX near_bands_article ON near_bands (article_id);

CREATE TABLE stories (
    id                BIGSERIAL PRIMARY KEY,
    first_article_id  BIGINT NOT NULL REFERENCES articles (id),   -- the first report
    first_published   TEXT,                                      -- YYYY-MM-DD
    last_published    TEXT,
    title             TEXT,                                      -- the first report's title
    articles          BIGINT NOT NULL,                           -- members
    outlets           BIGINT NOT NULL                            -- distinct outlets among them
);
CREATE TABLE story_articles (
    story_id    BIGINT NOT NULL REFERENCES stories (id),
    article_id  BIGINT NOT NULL REFERENCES articles (id),
    score       DOUBLE PRECISION NOT NULL,                       -- how strongly it belongs (0..1)
    PRIMARY KEY (story_id, article_id)
);
CREATE INDEX story_articles_article ON story_articles (article_id);

-- the highest article id that stories were computed through: an ingest groups the
-- articles after it (also those a killed run stored but did not group)
CREATE TABLE story_progress (
    up_to  BIGINT NOT NULL
);
