-- per run: how many inputs each stage passed on or rejected, and for what reason
create table run_stage_counts (
    run_id varchar not null,              -- the Prefect flow run (ingest or rebuild)
    stage varchar not null,               -- discover | fetch | warc | land | extract | clean | load
    reason varchar not null,              -- a reject reason code, or passed (load: loaded, unchanged)
    is_rejected boolean not null,
    n_inputs integer not null,
    recorded_at timestamptz not null,
    primary key (run_id, stage, reason)
);
