-- 0004: syndicated copies (near-duplicate articles) of the articles reporting a clustered event.
ALTER TABLE clusters ADD COLUMN num_copies INTEGER NOT NULL DEFAULT 0;
UPDATE clusters SET num_copies = (
    SELECT count(*) FROM articles x
    WHERE x.near_dup_of IN (SELECT e.article_id FROM events e WHERE e.cluster_id = clusters.id));
