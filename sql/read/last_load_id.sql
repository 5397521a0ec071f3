-- the warehouse's latest load: the one a publish records (warehouse/snapshot.py), and the one a
-- landing-manifest mark must still be the latest for (flows/inputs.py settle_landed)
select load_id from loads order by finished_at desc, load_id limit 1
