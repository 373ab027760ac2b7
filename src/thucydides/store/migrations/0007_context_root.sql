-- 0007_context_root: (PLOVER contexts and root events)
-- plover_context: the event's PLOVER contexts from the CAMEO-to-PLOVER table, separated by |
-- (empty when the table gives none). root: 1 when the event is told in the title or the lead
-- paragraph (for a merged event: in any of its reports). Both are NULL for events stored before
-- this version; ingesting the same files again fills them.

ALTER TABLE events ADD COLUMN plover_context TEXT;
ALTER TABLE events ADD COLUMN root INTEGER;
ALTER TABLE merged_events ADD COLUMN plover_context TEXT;
ALTER TABLE merged_events ADD COLUMN root INTEGER;
