-- member_title_month: the viewing sessions up to the as-of date added up per member, title and calendar month.
-- Titles' figures (title_period, the top titles) and members' genres read this; a title's viewers in a month are its
-- rows.

SELECT v.user_id,
       v.title_id,
       CAST(date_trunc('month', v.started_at) AS DATE) AS month,
       sum(v.minutes_watched) AS minutes,
       count(*) AS sessions,
       count(*) FILTER (WHERE v.completed) AS completed_sessions
FROM viewing_sessions AS v
WHERE CAST(v.started_at AS DATE) <= {{as_of}}
GROUP BY v.user_id, v.title_id, CAST(date_trunc('month', v.started_at) AS DATE)
