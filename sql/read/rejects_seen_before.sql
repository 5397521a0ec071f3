-- the batch's rejects already in rejects (the same URI, content hash, stage and reason: the same
-- reject_id): an input rejected again the same way, which is not new data (migration 016)
select reject_id from batch_rejects semi join rejects using (reject_id)
