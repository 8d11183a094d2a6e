-- member_title: each member's viewing of each title, up to the as-of date, all months together: a title's viewers are
-- its rows, which the top titles and co-viewing count, and members' genres add its minutes up.

-- The sum is stored as DECIMAL(18,2) and the counts as INTEGER, half the width DuckDB gives them (DECIMAL(38,2), BIGINT)
-- and still exact (a session is at most 1,440 minutes): the layer's largest tables are held in memory beside the events,
-- and at a hundred million events the narrower columns save 1.7 GB that DuckDB would otherwise spill to disk.
SELECT v.user_id,
       v.title_id,
       CAST(sum(v.minutes_watched) AS DECIMAL(18,2)) AS minutes,
       CAST(count(*) AS INTEGER) AS sessions,
       CAST(count(*) FILTER (WHERE v.completed) AS INTEGER) AS completed_sessions
FROM viewing_sessions AS v
WHERE v.started_at < {{as_of}} + INTERVAL '1' DAY
GROUP BY v.user_id, v.title_id
