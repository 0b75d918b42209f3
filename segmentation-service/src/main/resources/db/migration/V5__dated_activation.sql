-- A model activation may be dated (issue 11): e.g. the Segmentation Model Review's finalisation day; its moves are
-- effective from the start of that day and clients left in their segment count as in it from then.
alter table segment_job add column effective_from date;
