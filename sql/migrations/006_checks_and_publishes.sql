-- operations: the outcome of every data-quality check each time the checks run, and every
-- snapshot published for BI

-- one row per check per checks run (an ingest run, or `newsetl check` on demand)
create table check_results (
    check_run_id varchar not null,        -- one id per time the checks ran
    run_id varchar,                       -- the Prefect flow run; null when run on demand
    load_ids varchar[] not null,          -- the batches that run loaded ([] on demand)
    check_name varchar not null,          -- the file name in sql/checks/, without .sql
    severity varchar not null,            -- error (blocks publishing) | warn
    n_failing integer not null,           -- rows the check returned
    sample json,                          -- the first failing rows, as a json array
    checked_at timestamptz not null,
    primary key (check_run_id, check_name)
);

-- one row per read-only snapshot published under published/ (the copy holds the rows before it)
create table publishes (
    publish_id varchar primary key,
    run_id varchar,                       -- the Prefect flow run; null for `newsetl publish`
    check_run_id varchar,                 -- the checks run that allowed it
    path varchar not null,                -- the snapshot file
    storage_version varchar not null,     -- DuckDB storage version written (readable by 1.4+ clients)
    parquet_path varchar,                 -- the Parquet export, when one was made
    last_load_id varchar,                 -- the latest batch the snapshot holds
    n_loads integer not null,
    n_articles integer not null,
    n_documents integer not null,
    published_at timestamptz not null
);
