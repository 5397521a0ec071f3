-- checks over a run's loads (issue 20): what each recorded check result covered
--   run        the rows the run's loads wrote (and the rows they name)
--   ledger     the run's loads rows, checked even when the run changed no data
--   warehouse  every row (`newsetl check`), or the catalog (keys: enforced by primary keys)
--   skipped    not run: the run wrote no data (every input unchanged), nothing for it to look at
-- rows recorded before this migration covered the whole warehouse
alter table check_results add column scope varchar;
