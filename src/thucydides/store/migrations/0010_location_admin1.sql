-- 0010_location_admin1: (the first-level division, ADM1, of an event's place and of every place)
-- location_admin1 / places.admin1: GeoNames' key of the ADM1 the place lies in (US.IL: the
-- country's ISO2 code and GeoNames' admin1 code, as in admin1CodesASCII.txt); location_admin1_name
-- / places.admin1_name: its name where the gazetteer has one (the US states). Rows stored before
-- this version are filled from the analysis each article keeps (analysis_json); a merged event
-- from its first article's report of it at the same place.

ALTER TABLE events ADD COLUMN location_admin1 TEXT;
ALTER TABLE events ADD COLUMN location_admin1_name TEXT;
ALTER TABLE merged_events ADD COLUMN location_admin1 TEXT;
ALTER TABLE merged_events ADD COLUMN location_admin1_name TEXT;
ALTER TABLE places ADD COLUMN admin1 TEXT;
ALTER TABLE places ADD COLUMN admin1_name TEXT;

UPDATE events SET location_admin1 = kept.admin1, location_admin1_name = kept.admin1_name
FROM (
    SELECT a.id AS article_id, json_extract(e.value, '$.id') AS event_id,
           json_extract(e.value, '$.location.admin1') AS admin1,
           json_extract(e.value, '$.location.admin1_name') AS admin1_name
    FROM articles AS a, json_each(a.analysis_json, '$.events') AS e
    WHERE json_valid(a.analysis_json)
) AS kept
WHERE events.article_id = kept.article_id AND events.id = kept.event_id AND kept.admin1 IS NOT NULL;

UPDATE places SET admin1 = kept.admin1, admin1_name = kept.admin1_name
FROM (
    SELECT a.id AS article_id, p.key AS idx, json_extract(p.value, '$.admin1') AS admin1,
           json_extract(p.value, '$.admin1_name') AS admin1_name
    FROM articles AS a, json_each(a.analysis_json, '$.places') AS p
    WHERE json_valid(a.analysis_json)
) AS kept
WHERE places.article_id = kept.article_id AND places.idx = kept.idx AND kept.admin1 IS NOT NULL;

UPDATE merged_events SET location_admin1 = founder.location_admin1, location_admin1_name = founder.location_admin1_name
FROM (
    SELECT m.merged_id, e.location_admin1, e.location_admin1_name, e.article_id, e.location_name,
           e.location_geonameid, e.sentence,
           row_number() OVER (PARTITION BY m.merged_id ORDER BY e.id) AS n
    FROM event_mentions AS m JOIN events AS e ON e.article_id = m.article_id AND e.id = m.event_id
    JOIN merged_events AS x ON x.id = m.merged_id
    WHERE e.article_id = x.first_article_id AND e.location_name IS x.location_name
      AND e.location_geonameid IS x.location_geonameid AND e.sentence = x.sentence
) AS founder
WHERE merged_events.id = founder.merged_id AND founder.n = 1 AND founder.location_admin1 IS NOT NULL;
