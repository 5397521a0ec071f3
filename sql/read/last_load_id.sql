-- the warehouse's latest load (a landing-manifest mark is trusted only while it is still the latest:
-- flows/inputs.py settle_landed)
select load_id from loads order by finished_at desc, load_id desc limit 1
