-- member_title: each member's viewing of each title, up to the as-of date, all months together: a title's viewers are
-- its rows, which the top titles and co-viewing count, and members' genres add its minutes up.

SELECT v.user_id,
       v.title_id,
       sum(v.minutes_watched) AS minutes,
       count(*) AS sessions,
       count(*) FILTER (WHERE v.completed) AS completed_sessions
FROM viewing_sessions AS v
WHERE CAST(v.started_at AS DATE) <= {{as_of}}
GROUP BY v.user_id, v.title_id
