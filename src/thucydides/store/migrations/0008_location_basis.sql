-- 0008_location_basis: (where, for every event, and how it is known)
-- location_precision: city, region, country or area (seas, straits, continents), from the place's
-- feature; location_basis: clause (named in the event's clause), dateline, actors (the one country
-- of its actors) or article (the article's main country). Events stored before this version have
-- NULL; ingesting the same files again fills them.

ALTER TABLE events ADD COLUMN location_feature TEXT;
ALTER TABLE events ADD COLUMN location_precision TEXT;
ALTER TABLE events ADD COLUMN location_basis TEXT;
ALTER TABLE merged_events ADD COLUMN location_precision TEXT;
ALTER TABLE merged_events ADD COLUMN location_basis TEXT;

UPDATE merged_events SET location_precision = CASE location_feature
    WHEN 'city' THEN 'city' WHEN 'county' THEN 'region' WHEN 'state' THEN 'region' WHEN 'region' THEN 'region'
    WHEN 'country' THEN 'country' ELSE 'area' END
WHERE location_feature IS NOT NULL;
