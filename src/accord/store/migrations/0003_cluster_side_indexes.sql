-- 0003: index one-sided cluster look-ups by side, so they stay index seeks on large databases.
DROP INDEX IF EXISTS clusters_code;
CREATE INDEX clusters_src ON clusters(code_key, src_key, date_lo);
CREATE INDEX clusters_tgt ON clusters(code_key, tgt_key, date_lo);
