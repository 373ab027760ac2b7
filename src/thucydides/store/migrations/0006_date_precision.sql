-- 0006_date_precision: (the days an event's date covers and its precision)
-- An event's date is a day, an ISO week, a month or a year; day_first and day_last are the days
-- it covers (of the article's date when the event has none), date_precision says which it is.
-- Filters compare windows with these two days, so a partial date is never read as its first day.

ALTER TABLE events ADD COLUMN date_precision TEXT;
ALTER TABLE events ADD COLUMN day_first TEXT;
ALTER TABLE events ADD COLUMN day_last TEXT;
ALTER TABLE merged_events ADD COLUMN date_precision TEXT;

CREATE INDEX events_day ON events (day_first, day_last);

-- Existing rows: the same reading as thucydides.dates.read_date, in SQL: the event's own date,
-- else (none, or none that reads as a date) its article's.
UPDATE events SET day_first = date;

UPDATE events SET date_precision = CASE
    WHEN day_first GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
      OR day_first GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][T ]*'
    THEN CASE WHEN date(substr(day_first, 1, 10), '+0 days') = substr(day_first, 1, 10) THEN 'day' END
    WHEN day_first GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]'
    THEN CASE WHEN CAST(substr(day_first, 7, 2) AS INTEGER) BETWEEN 1 AND 53 THEN 'week' END
    WHEN day_first GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'
    THEN CASE WHEN CAST(substr(day_first, 6, 2) AS INTEGER) BETWEEN 1 AND 12 THEN 'month' END
    WHEN day_first GLOB '[0-9][0-9][0-9][0-9]' THEN 'year'
END;

UPDATE events SET day_first = (SELECT a.date FROM articles AS a WHERE a.id = events.article_id)
WHERE date_precision IS NULL;

UPDATE events SET date_precision = CASE
    WHEN day_first GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
      OR day_first GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][T ]*'
    THEN CASE WHEN date(substr(day_first, 1, 10), '+0 days') = substr(day_first, 1, 10) THEN 'day' END
    WHEN day_first GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]'
    THEN CASE WHEN CAST(substr(day_first, 7, 2) AS INTEGER) BETWEEN 1 AND 53 THEN 'week' END
    WHEN day_first GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'
    THEN CASE WHEN CAST(substr(day_first, 6, 2) AS INTEGER) BETWEEN 1 AND 12 THEN 'month' END
    WHEN day_first GLOB '[0-9][0-9][0-9][0-9]' THEN 'year'
END
WHERE date_precision IS NULL;

UPDATE events SET day_last = CASE date_precision
    WHEN 'day' THEN substr(day_first, 1, 10)
    WHEN 'week' THEN date(substr(day_first, 1, 4) || '-01-04',
        '-' || ((CAST(strftime('%w', substr(day_first, 1, 4) || '-01-04') AS INTEGER) + 6) % 7) || ' days',
        '+' || ((CAST(substr(day_first, 7, 2) AS INTEGER) - 1) * 7 + 6) || ' days')
    WHEN 'month' THEN date(day_first || '-01', '+1 month', '-1 day')
    WHEN 'year' THEN day_first || '-12-31'
END;

UPDATE events SET day_first = CASE date_precision
    WHEN 'day' THEN substr(day_first, 1, 10)
    WHEN 'week' THEN date(day_last, '-6 days')
    WHEN 'month' THEN day_first || '-01'
    WHEN 'year' THEN day_first || '-01-01'
END;

UPDATE merged_events SET date_precision = CASE
    WHEN day_first IS NULL THEN NULL
    WHEN day_first = day_last THEN 'day'
    WHEN date GLOB '*-W[0-9][0-9]' THEN 'week'
    WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN 'month'
    ELSE 'year'
END;
