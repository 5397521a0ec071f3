insert into loads by name
select
    $load_id as load_id, $run_id as run_id, $batch_index as batch_index, 'completed' as status,
    $started_at as started_at, $loaded_at as finished_at, $n_inputs as n_inputs,
    $n_loaded as n_loaded, $n_unchanged as n_unchanged, $n_rejected as n_rejected,
    $n_rejected_again as n_rejected_again,
    $pipeline_version as pipeline_version;
