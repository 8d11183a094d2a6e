-- Watch time and engagement. Every statement counts viewing up to the as-of date.
-- Groups are returned whole; watch-time.md's privacy declarations say how small ones are hidden.

-- name: monthly_hours
SELECT
    CAST(date_trunc('month', started_at) AS DATE) AS month,
    CAST(sum(minutes_watched) AS DOUBLE) / 60 AS watch_hours,
    count(DISTINCT user_id) AS viewers
FROM viewing_sessions
WHERE CAST(started_at AS DATE) <= {{as_of}}
GROUP BY 1
ORDER BY 1

-- One row: the headline figures of the page.
-- name: summary
WITH per_member AS (
    SELECT user_id, CAST(sum(minutes_watched) AS DOUBLE) / 60 AS hours
    FROM viewing_sessions
    WHERE CAST(started_at AS DATE) <= {{as_of}}
    GROUP BY user_id
),
ranked AS (
    SELECT hours, ntile(4) OVER (ORDER BY hours DESC, user_id) AS quartile FROM per_member
)
SELECT
    sum(hours) AS total_hours,
    count(*) AS viewers,
    sum(hours) / count(*) AS hours_per_viewer,
    -- The top quarter is a group of its own, and so are the others: the share is shown only when both reach k.
    CASE WHEN count(*) FILTER (WHERE quartile = 1) >= {{k}} AND count(*) FILTER (WHERE quartile > 1) >= {{k}}
         THEN sum(hours) FILTER (WHERE quartile = 1) / sum(hours) END AS heavy_share,
    (SELECT CAST(count(*) FILTER (WHERE completed) AS DOUBLE) / count(*)
     FROM viewing_sessions WHERE CAST(started_at AS DATE) <= {{as_of}}) AS completion_rate
FROM ranked

-- Members by total watch hours, including active members who never watched.
-- name: distribution
WITH per_member AS (
    SELECT u.user_id, coalesce(CAST(sum(v.minutes_watched) AS DOUBLE) / 60, 0) AS hours
    FROM users AS u
    LEFT JOIN viewing_sessions AS v ON v.user_id = u.user_id AND CAST(v.started_at AS DATE) <= {{as_of}}
    WHERE u.signup_date <= {{as_of}}
    GROUP BY u.user_id
),
bucketed AS (
    SELECT CASE WHEN hours = 0 THEN 0 WHEN hours < 5 THEN 1 WHEN hours < 10 THEN 2 WHEN hours < 25 THEN 3
                WHEN hours < 50 THEN 4 WHEN hours < 100 THEN 5 WHEN hours < 250 THEN 6 ELSE 7 END AS bucket
    FROM per_member
)
SELECT
    CASE bucket WHEN 0 THEN 'none' WHEN 1 THEN 'under 5' WHEN 2 THEN '5–10' WHEN 3 THEN '10–25' WHEN 4 THEN '25–50'
                WHEN 5 THEN '50–100' WHEN 6 THEN '100–250' ELSE '250+' END AS hours_watched,
    count(*) AS members
FROM bucketed
GROUP BY bucket
ORDER BY bucket

-- name: by_device
SELECT
    coalesce(device, 'Unknown') AS device,
    CAST(sum(minutes_watched) AS DOUBLE) / 60 AS watch_hours,
    CAST(sum(minutes_watched) AS DOUBLE) / (SELECT CAST(sum(minutes_watched) AS DOUBLE) FROM viewing_sessions
                                           WHERE CAST(started_at AS DATE) <= {{as_of}}) AS share,
    CAST(count(*) FILTER (WHERE completed) AS DOUBLE) / count(*) AS completion_rate,
    count(DISTINCT user_id) AS viewers
FROM viewing_sessions
WHERE CAST(started_at AS DATE) <= {{as_of}}
GROUP BY 1
ORDER BY watch_hours DESC, device

-- Age at signup, in bands; a band with fewer than k members is left out.
-- name: by_age_band
WITH banded AS (
    SELECT user_id,
           CASE WHEN age IS NULL THEN 8 WHEN age < 18 THEN 0 WHEN age < 25 THEN 1 WHEN age < 35 THEN 2 WHEN age < 45 THEN 3
                WHEN age < 55 THEN 4 WHEN age < 65 THEN 5 ELSE 6 END AS band
    FROM users
    WHERE signup_date <= {{as_of}}
),
hours AS (
    SELECT user_id, CAST(sum(minutes_watched) AS DOUBLE) / 60 AS hours
    FROM viewing_sessions WHERE CAST(started_at AS DATE) <= {{as_of}} GROUP BY user_id
)
SELECT
    CASE b.band WHEN 0 THEN '<18' WHEN 1 THEN '18–24' WHEN 2 THEN '25–34' WHEN 3 THEN '35–44' WHEN 4 THEN '45–54'
                WHEN 5 THEN '55–64' WHEN 6 THEN '65+' ELSE 'unknown' END AS age_band,
    count(*) AS members,
    coalesce(sum(h.hours), 0) / count(*) AS hours_per_member
FROM banded AS b LEFT JOIN hours AS h ON h.user_id = b.user_id
GROUP BY b.band
ORDER BY b.band

-- Members who had signed up by the as-of date, by days since they last watched anything.
-- name: recency
WITH last_seen AS (
    SELECT u.user_id, date_diff('day', max(CAST(v.started_at AS DATE)), {{as_of}}) AS days
    FROM users AS u
    LEFT JOIN viewing_sessions AS v ON v.user_id = u.user_id AND CAST(v.started_at AS DATE) <= {{as_of}}
    WHERE u.signup_date <= {{as_of}}
    GROUP BY u.user_id
),
bucketed AS (
    SELECT CASE WHEN days IS NULL THEN 5 WHEN days < 7 THEN 0 WHEN days < 15 THEN 1 WHEN days < 31 THEN 2
                WHEN days < 61 THEN 3 ELSE 4 END AS bucket
    FROM last_seen
)
SELECT
    CASE bucket WHEN 0 THEN '0–6 days' WHEN 1 THEN '7–14 days' WHEN 2 THEN '15–30 days' WHEN 3 THEN '31–60 days'
                WHEN 4 THEN '61+ days' ELSE 'never watched' END AS last_watched,
    count(*) AS members
FROM bucketed
GROUP BY bucket
ORDER BY bucket

-- name: completion_by_type
SELECT
    t.type,
    CAST(count(*) FILTER (WHERE v.completed) AS DOUBLE) / count(*) AS completion_rate,
    count(*) AS sessions,
    count(DISTINCT v.user_id) AS viewers
FROM viewing_sessions AS v JOIN titles AS t ON t.title_id = v.title_id
WHERE CAST(v.started_at AS DATE) <= {{as_of}}
GROUP BY t.type
ORDER BY t.type

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
        CAST(sum(s.minutes_watched) FILTER (WHERE CAST(s.started_at AS DATE) BETWEEN w.year_ago_start AND w.year_ago_end) AS DOUBLE) / 60 AS year_ago_hours,
        count(DISTINCT s.user_id) FILTER (WHERE CAST(s.started_at AS DATE) BETWEEN w.current_start AND w.current_end) AS current_viewers,
        count(DISTINCT s.user_id) FILTER (WHERE CAST(s.started_at AS DATE) BETWEEN w.previous_start AND w.previous_end) AS previous_viewers,
        count(DISTINCT s.user_id) FILTER (WHERE CAST(s.started_at AS DATE) BETWEEN w.year_ago_start AND w.year_ago_end) AS year_ago_viewers
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
        ELSE 'whole month vs whole month' END AS comparison,
    -- The viewers behind each figure (see the privacy rule for KPIs).
    h.current_viewers AS members, h.previous_viewers AS members_previous_month, h.year_ago_viewers AS members_year_ago
FROM hours AS h CROSS JOIN windows AS w CROSS JOIN coverage AS c
