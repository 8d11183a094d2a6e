-- Watch time: hours watched per calendar month, up to the as-of date.
-- A month in which fewer than k members watched is not published (privacy).
-- name: monthly_hours
SELECT
    CAST(date_trunc('month', started_at) AS DATE) AS month,
    CAST(sum(minutes_watched) AS DOUBLE) / 60 AS watch_hours,
    count(DISTINCT user_id) AS viewers
FROM viewing_sessions
WHERE CAST(started_at AS DATE) <= {{as_of}}
GROUP BY 1
HAVING count(DISTINCT user_id) >= {{k}}
ORDER BY 1

-- Executive KPI: watch hours in the as-of month against the same days of the previous month and of the
-- same month a year earlier. A window the data does not cover gives NULL, shown as "n/a".
-- name: kpis
WITH windows AS (
    SELECT
        CAST(date_trunc('month', {{as_of}}) AS DATE) AS current_start,
        {{as_of}} AS current_end,
        CAST(date_trunc('month', {{as_of}}) - INTERVAL '1' MONTH AS DATE) AS previous_start,
        CAST({{as_of}} - INTERVAL '1' MONTH AS DATE) AS previous_end,
        CAST(date_trunc('month', {{as_of}}) - INTERVAL '12' MONTH AS DATE) AS year_ago_start,
        CAST({{as_of}} - INTERVAL '12' MONTH AS DATE) AS year_ago_end,
        extract(DAY FROM {{as_of}} + INTERVAL '1' DAY) <> 1 AS partial
),
coverage AS (
    SELECT CAST(min(started_at) AS DATE) AS first_day FROM viewing_sessions
),
hours AS (
    SELECT
        CAST(sum(s.minutes_watched) FILTER (WHERE CAST(s.started_at AS DATE) BETWEEN w.current_start AND w.current_end) AS DOUBLE) / 60 AS current_hours,
        CAST(sum(s.minutes_watched) FILTER (WHERE CAST(s.started_at AS DATE) BETWEEN w.previous_start AND w.previous_end) AS DOUBLE) / 60 AS previous_hours,
        CAST(sum(s.minutes_watched) FILTER (WHERE CAST(s.started_at AS DATE) BETWEEN w.year_ago_start AND w.year_ago_end) AS DOUBLE) / 60 AS year_ago_hours
    FROM viewing_sessions AS s CROSS JOIN windows AS w
)
SELECT
    'watch_hours' AS kpi,
    'Watch hours' AS label,
    'hours' AS unit,
    coalesce(h.current_hours, 0.0) AS value,
    CASE WHEN c.first_day <= w.previous_start THEN coalesce(h.previous_hours, 0.0) END AS previous_month,
    CASE WHEN c.first_day <= w.year_ago_start THEN coalesce(h.year_ago_hours, 0.0) END AS year_ago,
    w.partial AS partial,
    true AS higher_is_better,
    CASE WHEN w.partial
        THEN 'days 1–' || CAST(extract(DAY FROM w.current_end) AS VARCHAR) || ' of the month vs the same days earlier'
        ELSE 'whole month vs whole month' END AS comparison
FROM hours AS h CROSS JOIN windows AS w CROSS JOIN coverage AS c
