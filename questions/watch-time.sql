-- Watch time: hours watched per calendar month, up to the as-of date.
-- A month in which fewer than k members watched is not published (privacy).
-- name: monthly_hours
SELECT
    CAST(date_trunc('month', started_at) AS DATE) AS month,
    sum(minutes_watched) / 60.0 AS watch_hours,
    count(DISTINCT user_id) AS viewers
FROM viewing_sessions
WHERE CAST(started_at AS DATE) <= {{as_of}}
GROUP BY 1
HAVING count(DISTINCT user_id) >= {{k}}
ORDER BY 1
