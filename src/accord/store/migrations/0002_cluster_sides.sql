-- 0002: cluster sides and code key, so a report naming only one side can join its event.
ALTER TABLE clusters ADD COLUMN src_key TEXT;
ALTER TABLE clusters ADD COLUMN tgt_key TEXT;
ALTER TABLE clusters ADD COLUMN code_key TEXT;
CREATE INDEX clusters_code ON clusters(code_key, date_lo);
