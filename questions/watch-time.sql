-- Watch time and engagement. Every statement counts viewing up to the as-of date. Statements over the member layer
-- (distribution, heavy watchers, favourite genres, age bands, recency) cover every population that gives watch hours
-- or activity dates, one population at a time; the others read the viewing sessions as the layer adds them up once
-- (member_month_device: per member, month and device; member_device: per member and device; member_title: per member
-- and title).
-- Groups are returned whole; watch-time.md's privacy declarations say how small ones are hidden.

-- name: monthly_hours
SELECT month, CAST(minutes AS DOUBLE) / 60 AS watch_hours, viewers
FROM viewing_month
ORDER BY month

-- One row: the headline figures of the page.
-- name: summary
WITH per_member AS (
    SELECT user_id, CAST(sum(minutes) AS DOUBLE) / 60 AS hours
    FROM member_device
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
    (SELECT CAST(sum(completed_sessions) AS DOUBLE) / sum(sessions) FROM member_device) AS completion_rate
FROM ranked
-- No viewing sessions: no row, and the page says nothing of them.
HAVING count(*) > 0

-- Members by total watch hours, per population: the event files' members who had signed up by the as-of date (those
-- who never watched included), a member-level file's members by the hours it gives; in the layer's bands (hours_band:
-- the top ones merged into one open band where they are too few).
-- name: distribution
WITH bucketed AS (
    SELECT source,
           CASE WHEN watch_hours = 0 THEN 0 WHEN watch_hours < 5 THEN 1 WHEN watch_hours < 10 THEN 2 WHEN watch_hours < 25 THEN 3
                WHEN watch_hours < 50 THEN 4 WHEN watch_hours < 100 THEN 5 WHEN watch_hours < 250 THEN 6
                WHEN watch_hours < 500 THEN 7 WHEN watch_hours < 1000 THEN 8 ELSE 9 END AS bucket
    FROM member
    WHERE watch_hours IS NOT NULL
)
SELECT m.source, b.hours_watched, count(*) AS members
FROM bucketed AS m
JOIN hours_band AS b ON b.source = m.source AND b.bucket = m.bucket
GROUP BY m.source, b.band, b.hours_watched
ORDER BY m.source, b.band

-- The populations whose file gives no watch time (a subscriber list): for their members the page has only the days since
-- the last activity the file gives. No member is counted.
-- name: without_hours
SELECT source, max(last_activity_kind) AS activity
FROM member
GROUP BY source
HAVING count(watch_hours) = 0 AND count(last_activity_kind) > 0
ORDER BY source

-- Heavy watchers, per member-level file: the quarter of its members with hours who watched most, and their share of all
-- hours (the event files' are in summary). (The fewest hours among them would be one member's own figure: it is not
-- published.) Shown only when both the quarter and the rest reach k.
-- name: heavy_watchers
WITH ranked AS (
    SELECT source, watch_hours, ntile(4) OVER (PARTITION BY source ORDER BY watch_hours DESC, user_id) AS quartile
    FROM member
    WHERE watch_hours > 0 AND source <> {{event_source}}
)
SELECT source, count(*) AS viewers, sum(watch_hours) AS total_hours, sum(watch_hours) / count(*) AS hours_per_viewer,
       count(*) FILTER (WHERE quartile = 1) AS heavy_viewers,
       CASE WHEN count(*) FILTER (WHERE quartile = 1) >= {{k}} AND count(*) FILTER (WHERE quartile > 1) >= {{k}}
            THEN sum(watch_hours) FILTER (WHERE quartile = 1) / sum(watch_hours) END AS heavy_share
FROM ranked
GROUP BY source
ORDER BY source

-- Watch hours by favourite genre, per population: the genre a member-level file gives, or the one an event member
-- watched most.
-- name: by_favourite_genre
SELECT source, favourite_genre, count(*) AS members, sum(watch_hours) AS watch_hours,
       sum(watch_hours) / count(*) AS hours_per_member
FROM member
WHERE favourite_genre IS NOT NULL AND watch_hours IS NOT NULL
GROUP BY source, favourite_genre
ORDER BY source, hours_per_member DESC, favourite_genre

-- name: by_device
SELECT
    coalesce(device, 'Unknown') AS device,
    CAST(sum(minutes) AS DOUBLE) / 60 AS watch_hours,
    CAST(sum(minutes) AS DOUBLE) / (SELECT CAST(sum(minutes) AS DOUBLE) FROM member_device) AS share,
    CAST(sum(completed_sessions) AS DOUBLE) / sum(sessions) AS completion_rate,
    count(DISTINCT user_id) AS viewers
FROM member_device
GROUP BY coalesce(device, 'Unknown')
ORDER BY watch_hours DESC, device

-- Age bands (at signup for the event files), members and their hours, per population.
-- name: by_age_band
WITH banded AS (
    SELECT source, age_band, CASE age_band WHEN '<18' THEN 0 WHEN '18–24' THEN 1 WHEN '25–34' THEN 2 WHEN '35–44' THEN 3
               WHEN '45–54' THEN 4 WHEN '55–64' THEN 5 WHEN '65+' THEN 6 ELSE 8 END AS band, watch_hours
    FROM member
    WHERE watch_hours IS NOT NULL
)
SELECT source, age_band, count(*) AS members, coalesce(sum(watch_hours), 0) / count(*) AS hours_per_member
FROM banded
GROUP BY source, age_band, band
ORDER BY source, band

-- Members by days since their last activity, per population: the last viewing session (event files), the last
-- login (a users or churn table) or the last payment (a subscriber list). "never watched": an event member with none.
-- name: recency
-- In the layer's bands (recency_band: the longest ones merged into one open band where one is too small).
WITH bucketed AS (
    SELECT source, max(last_activity_kind) OVER (PARTITION BY source) AS activity,
           CASE WHEN days_since_last_activity IS NULL THEN 5 WHEN days_since_last_activity < 7 THEN 0
                WHEN days_since_last_activity < 15 THEN 1 WHEN days_since_last_activity < 31 THEN 2
                WHEN days_since_last_activity < 61 THEN 3 ELSE 4 END AS bucket
    FROM member
    WHERE days_since_last_activity IS NOT NULL OR last_activity_kind = 'viewing'
)
SELECT m.source, b.since_last_activity, count(*) AS members, max(m.activity) AS last_activity
FROM bucketed AS m
JOIN recency_band AS b ON b.source = m.source AND b.bucket = m.bucket
GROUP BY m.source, b.band, b.since_last_activity
ORDER BY m.source, b.band

-- name: completion_by_type
SELECT
    t.type,
    CAST(sum(v.completed_sessions) AS DOUBLE) / sum(v.sessions) AS completion_rate,
    CAST(sum(v.sessions) AS BIGINT) AS sessions,
    count(DISTINCT v.user_id) AS viewers
FROM member_title AS v JOIN titles AS t ON t.title_id = v.title_id
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
    SELECT min(first_day) AS first_day FROM member_month_device
),
hours AS (
    -- Each window runs from the first of its month to the as-of date's day of the month (or the month's last day,
    -- when it has fewer days): the months' rows flagged month_to_date.
    SELECT
        CAST(sum(s.minutes) FILTER (WHERE s.month = w.current_start AND s.month_to_date) AS DOUBLE) / 60 AS current_hours,
        CAST(sum(s.minutes) FILTER (WHERE s.month = w.previous_start AND s.month_to_date) AS DOUBLE) / 60 AS previous_hours,
        CAST(sum(s.minutes) FILTER (WHERE s.month = w.year_ago_start AND s.month_to_date) AS DOUBLE) / 60 AS year_ago_hours,
        count(DISTINCT s.user_id) FILTER (WHERE s.month = w.current_start AND s.month_to_date) AS current_viewers,
        count(DISTINCT s.user_id) FILTER (WHERE s.month = w.previous_start AND s.month_to_date) AS previous_viewers,
        count(DISTINCT s.user_id) FILTER (WHERE s.month = w.year_ago_start AND s.month_to_date) AS year_ago_viewers
    FROM member_month_device AS s CROSS JOIN windows AS w
    -- Only the three windows' rows: the distinct counts then hash a few months' members, not every member's history.
    WHERE s.month_to_date AND s.month IN (w.current_start, w.previous_start, w.year_ago_start)
)
SELECT
    'watch_hours' AS kpi,
    'Watch hours' AS label,
    'hours' AS unit,
    -- Without viewing sessions there is no watch time to report (NULL: the KPI is left out, not shown as 0).
    CASE WHEN c.first_day IS NOT NULL THEN coalesce(h.current_hours, 0.0) END AS value,
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
