insert into publishes by name
select
    $publish_id as publish_id, $run_id as run_id, $check_run_id as check_run_id, $path as path,
    $storage_version as storage_version, $parquet_path as parquet_path, $last_load_id as last_load_id,
    $n_loads as n_loads, $n_articles as n_articles, $n_documents as n_documents,
    $published_at as published_at, $method as method, $method_note as method_note;
