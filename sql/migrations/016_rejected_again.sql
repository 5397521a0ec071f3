-- an input rejected again (issue 20): a reject whose reject_id is already in rejects (the same URI,
-- the same content hash -- the document id --, the same stage and reason) is not new data. The load
-- counts such rejects in n_rejected_again (a part of n_rejected: the ledger still shows them, and the
-- reject row's n_seen, last_seen_at and last_load_id still move); a run whose loads wrote no article
-- version and no new reject runs no row checks (recorded as skipped) and publishes nothing. A reject
-- whose reason (or stage, or content) changed has another reject_id: new data.
-- loads recorded before this migration: 0 (every reject counted as new, as they were)
alter table loads add column n_rejected_again integer default 0;
