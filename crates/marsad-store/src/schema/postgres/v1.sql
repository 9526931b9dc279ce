-- Schema version 1 of the marsad store in PostgreSQL: the tables and columns of
-- ../v1.sql (docs/store.md describes every column), in PostgreSQL's types. Keys and
-- revision numbers are BIGINT (BIGSERIAL), as SQLite's 64-bit INTEGER keys; offsets
-- and counts INTEGER (a text value holds at most 1 GB, so an offset into it fits,
-- and `substr(text, start + 1, "end" - start)` takes them as they are); REAL is
-- DOUBLE PRECISION, the compressed layers BYTEA, flags BOOLEAN; times stay TEXT in
-- the same 'YYYY-MM-DDTHH:MM:SSZ' form; `end` is a reserved word, so it is quoted.

CREATE TABLE articles (
    id               BIGSERIAL PRIMARY KEY,
    outlet           TEXT NOT NULL,          -- '' when unknown
    url              TEXT,                   -- as first given
    canonical_url    TEXT,                   -- identity: (outlet, canonical_url)
    title            TEXT,
    author           TEXT,
    published        TEXT,                   -- YYYY-MM-DD
    external_id      TEXT,                   -- the record's own `id`
    current_revision BIGINT,                 -- revisions.id of the newest version
    first_seen       TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
);
CREATE UNIQUE INDEX articles_outlet_url ON articles (outlet, canonical_url) WHERE canonical_url IS NOT NULL;
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_outlet ON articles (outlet);

CREATE TABLE revisions (
    id          BIGSERIAL PRIMARY KEY,
    article_id  BIGINT NOT NULL REFERENCES articles (id),
    number      BIGINT NOT NULL,             -- 1, 2, … per article
    text        TEXT NOT NULL,               -- the article as analysed (spans index into it)
    text_hash   TEXT NOT NULL,               -- SHA-256 of text
    norm_hash   TEXT NOT NULL,               -- SHA-256 of the normalised text
    title       TEXT,
    source      TEXT,                        -- where it was read: path, path:line
    ingested_at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    UNIQUE (article_id, number)
);
CREATE INDEX revisions_norm_hash ON revisions (norm_hash);

CREATE TABLE layers (
    revision_id     BIGINT PRIMARY KEY REFERENCES revisions (id),
    document_schema TEXT NOT NULL,           -- the JSON schema version of the document
    profile         TEXT NOT NULL,           -- 'compact' (docs/schema/README.md)
    encoding        TEXT NOT NULL,           -- 'deflate'
    json            BYTEA NOT NULL
);
-- already deflated: PostgreSQL's own compression would spend time for nothing
ALTER TABLE layers ALTER COLUMN json SET STORAGE EXTERNAL;

CREATE TABLE entities (
    id           BIGSERIAL PRIMARY KEY,
    revision_id  BIGINT NOT NULL REFERENCES revisions (id),
    key          TEXT NOT NULL,              -- E1, E2… within the document
    kind         TEXT NOT NULL,
    name         TEXT NOT NULL,
    name_en      TEXT,
    link         TEXT,
    country      TEXT,
    lat          DOUBLE PRECISION,
    lon          DOUBLE PRECISION,
    mentions     INTEGER NOT NULL,
    first_start  INTEGER,
    first_end    INTEGER,
    rule         TEXT NOT NULL,
    confidence   DOUBLE PRECISION NOT NULL
);
CREATE INDEX entities_revision ON entities (revision_id);
CREATE INDEX entities_name ON entities (name);
CREATE INDEX entities_link ON entities (link);

CREATE TABLE events (
    id                 BIGSERIAL PRIMARY KEY,
    revision_id        BIGINT NOT NULL REFERENCES revisions (id),
    event_type         TEXT NOT NULL,
    mode               TEXT,
    cameo              TEXT NOT NULL,
    quad_class         INTEGER NOT NULL,
    goldstein          DOUBLE PRECISION NOT NULL,
    modality           TEXT NOT NULL,
    trigger            TEXT NOT NULL,
    trigger_start      INTEGER NOT NULL,
    trigger_end        INTEGER NOT NULL,
    sentence           INTEGER NOT NULL,
    actor              TEXT,
    actor_start        INTEGER,
    actor_end          INTEGER,
    actor_entity       TEXT,
    actor_name         TEXT,
    actor_code         TEXT,
    actor_country      TEXT,
    recipient          TEXT,
    recipient_start    INTEGER,
    recipient_end      INTEGER,
    recipient_entity   TEXT,
    recipient_name     TEXT,
    recipient_code     TEXT,
    recipient_country  TEXT,
    date               TEXT,
    location           TEXT,
    source_kind        TEXT,
    contexts           TEXT NOT NULL,
    rule               TEXT NOT NULL,
    confidence         DOUBLE PRECISION NOT NULL
);
CREATE INDEX events_revision ON events (revision_id);
CREATE INDEX events_type ON events (event_type);
CREATE INDEX events_date ON events (date);

CREATE TABLE claims (
    id               BIGSERIAL PRIMARY KEY,
    revision_id      BIGINT NOT NULL REFERENCES revisions (id),
    sentence         INTEGER NOT NULL,
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    source_kind      TEXT NOT NULL,
    source_entity    TEXT,
    source_text      TEXT,
    stance           TEXT NOT NULL,
    hedged           BOOLEAN NOT NULL,
    vague            BOOLEAN NOT NULL,
    checkworthiness  DOUBLE PRECISION NOT NULL,
    rank             INTEGER NOT NULL,
    rule             TEXT NOT NULL,
    confidence       DOUBLE PRECISION NOT NULL
);
CREATE INDEX claims_revision ON claims (revision_id);

CREATE TABLE techniques (
    id           BIGSERIAL PRIMARY KEY,
    revision_id  BIGINT NOT NULL REFERENCES revisions (id),
    technique    TEXT NOT NULL,
    class        TEXT NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    cues         TEXT NOT NULL,
    rule         TEXT NOT NULL,
    confidence   DOUBLE PRECISION NOT NULL
);
CREATE INDEX techniques_revision ON techniques (revision_id);
CREATE INDEX techniques_technique ON techniques (technique);

CREATE TABLE tone (
    revision_id        BIGINT PRIMARY KEY REFERENCES revisions (id),
    words              INTEGER NOT NULL,
    positive           DOUBLE PRECISION NOT NULL,
    negative           DOUBLE PRECISION NOT NULL,
    tone               DOUBLE PRECISION NOT NULL,
    polarity           DOUBLE PRECISION NOT NULL,
    emotional_density  DOUBLE PRECISION NOT NULL,
    group_density      DOUBLE PRECISION NOT NULL,
    propagandistic     BOOLEAN NOT NULL
);

CREATE TABLE duplicates (
    article_id     BIGINT NOT NULL REFERENCES articles (id),
    of_article_id  BIGINT NOT NULL REFERENCES articles (id),
    kind           TEXT NOT NULL,            -- 'copy': the same normalised text from another outlet
    PRIMARY KEY (article_id, of_article_id)
);
CREATE INDEX duplicates_of ON duplicates (of_article_id);
