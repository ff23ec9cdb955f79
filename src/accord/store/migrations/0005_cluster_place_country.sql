-- 0005: country of a cluster's place, so a country-level place and a city in it are compatible.
ALTER TABLE clusters ADD COLUMN place_country TEXT;
UPDATE clusters SET place_country = (SELECT e.location_country FROM events e WHERE e.id = clusters.rep_event_id)
WHERE place_name IS NOT NULL;
