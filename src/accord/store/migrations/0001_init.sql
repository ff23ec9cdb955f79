-- 0001: initial schema. Applied once, inside one transaction, by accord.store.db.migrate().

CREATE TABLE runs (
    id              INTEGER PRIMARY KEY,
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    sources         TEXT NOT NULL DEFAULT '[]',   -- JSON list
    articles        INTEGER NOT NULL DEFAULT 0,
    duplicates      INTEGER NOT NULL DEFAULT 0,
    near_duplicates INTEGER NOT NULL DEFAULT 0,
    events          INTEGER NOT NULL DEFAULT 0,
    facts           INTEGER NOT NULL DEFAULT 0,
    rejections      TEXT NOT NULL DEFAULT '{}',   -- JSON {reason: count}
    seconds         REAL NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    title        TEXT,
    publisher    TEXT,
    date         TEXT,
    url          TEXT,
    language     TEXT,
    text         TEXT NOT NULL,
    origin       TEXT,
    external_id  TEXT,
    near_dup_of  INTEGER REFERENCES articles(id),
    similarity   REAL,
    ingested_at  TEXT NOT NULL,
    run_id       INTEGER REFERENCES runs(id)
);
CREATE INDEX articles_near_dup ON articles(near_dup_of) WHERE near_dup_of IS NOT NULL;
CREATE INDEX articles_date ON articles(date);

-- MinHash signature of each original (non-duplicate) article, and its LSH band keys.
CREATE TABLE article_minhash (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature  BLOB NOT NULL
);
CREATE TABLE lsh_bands (
    band       INTEGER NOT NULL,
    bucket     BLOB NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX lsh_bands_lookup ON lsh_bands(band, bucket);

-- One real-world event, reported by one or more mentions (rows of `events`).
CREATE TABLE clusters (
    id             INTEGER PRIMARY KEY,
    match_key      TEXT NOT NULL,
    date_lo        TEXT,
    date_hi        TEXT,
    place_name     TEXT,
    place_lat      REAL,
    place_lon      REAL,
    rep_event_id   INTEGER,
    num_mentions   INTEGER NOT NULL DEFAULT 0,
    num_articles   INTEGER NOT NULL DEFAULT 0,
    num_sources    INTEGER NOT NULL DEFAULT 0,
    first_reported TEXT,
    first_url      TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX clusters_match ON clusters(match_key, date_lo);

CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles(id),
    cluster_id       INTEGER REFERENCES clusters(id),
    mention_key      TEXT NOT NULL UNIQUE,
    source_code      TEXT, source_country TEXT, source_sector TEXT, source_name TEXT, source_text TEXT,
    source_start     INTEGER, source_end INTEGER,
    target_code      TEXT, target_country TEXT, target_sector TEXT, target_name TEXT, target_text TEXT,
    target_start     INTEGER, target_end INTEGER,
    cameo            TEXT NOT NULL,
    cameo_root       TEXT NOT NULL,
    quad_class       INTEGER,
    goldstein        REAL,
    plover_event     TEXT,
    plover_mode      TEXT,
    date             TEXT,
    date_precision   TEXT,
    date_from_article INTEGER NOT NULL DEFAULT 1,
    location_name    TEXT,
    location_country TEXT,
    location_lat     REAL,
    location_lon     REAL,
    quantities       TEXT NOT NULL DEFAULT '[]',  -- JSON list of Quantity.to_dict()
    negated          INTEGER NOT NULL DEFAULT 0,
    modality         TEXT,
    confidence       REAL,
    evidence_text    TEXT NOT NULL,
    evidence_start   INTEGER,
    evidence_end     INTEGER,
    trigger          TEXT,
    trigger_start    INTEGER,
    trigger_end      INTEGER
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_cluster ON events(cluster_id);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_source ON events(source_country, source_code);
CREATE INDEX events_target ON events(target_country, target_code);

CREATE TABLE facts (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles(id),
    fact_key         TEXT NOT NULL UNIQUE,
    relation         TEXT NOT NULL,
    subject_code     TEXT, subject_country TEXT, subject_sector TEXT, subject_name TEXT, subject_text TEXT,
    object_code      TEXT, object_country TEXT, object_sector TEXT, object_name TEXT, object_text TEXT,
    date             TEXT,
    date_precision   TEXT,
    quantity_value   REAL,
    quantity_unit    TEXT,
    quantity_currency TEXT,
    quantity_text    TEXT,
    detail           TEXT,
    evidence_text    TEXT NOT NULL,
    evidence_start   INTEGER,
    evidence_end     INTEGER,
    trigger          TEXT,
    trigger_start    INTEGER,
    trigger_end      INTEGER
);
CREATE INDEX facts_article ON facts(article_id);
CREATE INDEX facts_subject ON facts(subject_country, subject_code);
CREATE INDEX facts_object ON facts(object_country, object_code);

CREATE TABLE rejections (
    id         INTEGER PRIMARY KEY,
    origin     TEXT NOT NULL,
    reason     TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT '',
    run_id     INTEGER REFERENCES runs(id),
    created_at TEXT NOT NULL,
    UNIQUE (origin, reason, detail)
);

-- Full-text search over evidence sentences and article title/text (external content tables).
CREATE VIRTUAL TABLE evidence_fts USING fts5(evidence_text, trigger, content='events', content_rowid='id');
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');

-- State for `accord watch` (conditional GET and entries already handled).
CREATE TABLE feed_state (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    last_polled   TEXT
);
CREATE TABLE seen_entries (
    feed_url  TEXT NOT NULL,
    entry_key TEXT NOT NULL,
    seen_at   TEXT NOT NULL,
    PRIMARY KEY (feed_url, entry_key)
);
