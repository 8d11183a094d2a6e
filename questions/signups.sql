-- Signups: a member's signup date is their first subscription; returns after leaving are not new signups.

-- Per population: the event files' users by signup date, a subscriber list's members by join date. A file that
-- lists only its current members (a subscriber list) shows when they joined, not every signup: those who left are not
-- in it, so no change in signups is published from it.
-- name: monthly
WITH bounds AS (
    -- Each population up to the day it is counted to (a member-level file: its own latest date), the month of that day
    -- only when it is over or has signups: a subscriber list dated 15 Jul 2023 by its last payment, whose last member
    -- joined in June, showed July's first half as a month of 0 signups, the lowest.
    SELECT source, CAST(date_trunc('month', min(signup_date)) AS DATE) AS first_month,
           greatest(CAST(date_trunc('month', max(signup_date)) AS DATE),
                    CAST(date_trunc('month', max(source_as_of) + INTERVAL '1' DAY) - INTERVAL '1' MONTH AS DATE)) AS last_month
    FROM member
    WHERE signup_date IS NOT NULL
    GROUP BY source
),
months AS (
    SELECT b.source, CAST(g.m AS DATE) AS month
    FROM bounds AS b CROSS JOIN {{ month_series(b.first_month, b.last_month) }} AS g(m)
),
counts AS (
    SELECT m.source, m.month, count(u.user_id) AS signups
    FROM months AS m
    LEFT JOIN member AS u ON u.source = m.source AND CAST(date_trunc('month', u.signup_date) AS DATE) = m.month
    GROUP BY m.source, m.month
)
SELECT source, month, signups,
       sum(signups) OVER (PARTITION BY source ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative_signups
FROM counts
ORDER BY source, month

-- Per population: its signups (the last cumulative_signups of monthly) from its first to its last signup month, up to the
-- as-of month, and whom they count where that is not every signup: a member-level file that marks no one as having left
-- (a subscriber list) holds only the members it still had, so its early months read lower than they were.
-- name: span
SELECT source, CAST(date_trunc('month', min(signup_date)) AS DATE) AS first_month,
       -- The month of the last signup: a subscriber list dated 15 Jul 2023 whose last member joined in June was said to
       -- have signups "to Jul 2023".
       CAST(date_trunc('month', max(signup_date)) AS DATE) AS last_month, count(*) AS signups,
       CASE WHEN source <> {{event_source}} AND count(churned) = 0
            THEN 'the members the file lists, not those who had left by the day it was made' END AS counted
FROM member
WHERE signup_date IS NOT NULL AND date_trunc('month', signup_date) <= date_trunc('month', source_as_of)
GROUP BY source
ORDER BY source

-- The month with the most signups before the as-of month (whose count runs only to the as-of day), per population, the
-- earliest on a tie: the most of any row of monthly.
-- name: busiest_month
WITH counts AS (
    SELECT source, CAST(date_trunc('month', signup_date) AS DATE) AS month, count(*) AS signups
    FROM member
    -- Complete months only: the as-of month too when the as-of date is its last day.
    WHERE signup_date IS NOT NULL AND signup_date < CAST(date_trunc('month', source_as_of + INTERVAL '1' DAY) AS DATE)
    GROUP BY source, CAST(date_trunc('month', signup_date) AS DATE)
),
ranked AS (
    SELECT source, month, signups, row_number() OVER (PARTITION BY source ORDER BY signups DESC, month) AS place
    FROM counts
)
SELECT source, month, signups
FROM ranked
WHERE place = 1
ORDER BY source

-- Members with an active subscription at the end of each month, and growth on the month before.
-- name: subscribers
WITH bounds AS (
    SELECT CAST(date_trunc('month', min(started_on)) AS DATE) AS first_month,
           CAST(date_trunc('month', {{as_of}}) AS DATE) AS last_month
    FROM subscriptions
),
months AS (
    SELECT CAST(g.m AS DATE) AS month FROM bounds CROSS JOIN {{ month_series(bounds.first_month, bounds.last_month) }} AS g(m)
),
month_end AS (
    -- member_month: the members at a month's end are the next month's active_at_start, the members churn counts at its
    -- start (counted on the last day, the two gave away the few who started on the 1st); the as-of month's, its
    -- active_at_end (the as-of date).
    SELECT CAST(month - INTERVAL '1' MONTH AS DATE) AS month, user_id FROM member_month WHERE active_at_start
    UNION ALL
    SELECT month, user_id FROM member_month WHERE active_at_end AND month = CAST(date_trunc('month', {{as_of}}) AS DATE)
),
active AS (
    SELECT e.month, count(m.user_id) AS subscribers
    FROM months AS e
    LEFT JOIN month_end AS m ON m.month = e.month
    GROUP BY e.month
)
SELECT month, subscribers,
       -- Growth against a month too small to publish would reveal that month: it is not computed.
       CASE WHEN lag(subscribers) OVER (ORDER BY month) >= {{k}}
            THEN CAST(subscribers - lag(subscribers) OVER (ORDER BY month) AS DOUBLE)
                 / lag(subscribers) OVER (ORDER BY month) END AS growth_rate
FROM active
ORDER BY month

-- Month-of-year seasonality: average signups per calendar month over the complete years in the data (two or more), per population:
-- the years its data covers from January to December (a first year starting later, or the year of its last day when
-- that is not 31 December, is left out). A month of the year that adds up a month the monthly table hides (fewer
-- than k signups, or hidden to protect another) shows no figure: the disclosure stage hides it (adds_up: monthly).
-- name: seasonality
WITH spans AS (
    SELECT source, min(signup_date) AS first_day, max(source_as_of) AS last_day FROM member
    WHERE signup_date IS NOT NULL GROUP BY source
),
complete AS (
    SELECT m.source, m.signup_date FROM member AS m JOIN spans AS s ON s.source = m.source
    WHERE m.signup_date IS NOT NULL
      AND extract(YEAR FROM m.signup_date) < extract(YEAR FROM s.last_day + INTERVAL '1' DAY)
      AND (extract(YEAR FROM m.signup_date) > extract(YEAR FROM s.first_day) OR extract(MONTH FROM s.first_day) = 1)
),
years AS (
    -- Two complete years at least: the average of one is that year's monthly chart again.
    SELECT source, count(DISTINCT extract(YEAR FROM signup_date)) AS n, min(extract(YEAR FROM signup_date)) AS first_year,
           max(extract(YEAR FROM signup_date)) AS last_year
    FROM complete GROUP BY source
    HAVING count(DISTINCT extract(YEAR FROM signup_date)) >= 2
)
SELECT c.source, extract(MONTH FROM c.signup_date) AS month_number,
       CASE extract(MONTH FROM c.signup_date) WHEN 1 THEN 'Jan' WHEN 2 THEN 'Feb' WHEN 3 THEN 'Mar' WHEN 4 THEN 'Apr'
           WHEN 5 THEN 'May' WHEN 6 THEN 'Jun' WHEN 7 THEN 'Jul' WHEN 8 THEN 'Aug' WHEN 9 THEN 'Sep' WHEN 10 THEN 'Oct'
           WHEN 11 THEN 'Nov' ELSE 'Dec' END AS month_of_year,
       y.first_year, y.last_year,
       CASE WHEN y.first_year = y.last_year THEN CAST(y.first_year AS VARCHAR)
            ELSE CAST(y.first_year AS VARCHAR) || '–' || CAST(y.last_year AS VARCHAR) END AS years,
       CAST(count(*) AS DOUBLE) / max(y.n) AS average_signups,
       count(*) AS signups
FROM complete AS c JOIN years AS y ON y.source = c.source
GROUP BY c.source, 2, 3, y.first_year, y.last_year
ORDER BY c.source, 2

-- Executive KPI: signups in the as-of month (to the as-of day) against the same days earlier.
-- name: kpis
WITH windows AS (
    SELECT 'current' AS period, CAST(date_trunc('month', {{as_of}}) AS DATE) AS first_day, {{as_of}} AS last_day
    UNION ALL
    SELECT 'previous', CAST(date_trunc('month', {{as_of}}) - INTERVAL '1' MONTH AS DATE), CAST({{as_of}} - INTERVAL '1' MONTH AS DATE)
    UNION ALL
    SELECT 'year_ago', CAST(date_trunc('month', {{as_of}}) - INTERVAL '12' MONTH AS DATE), CAST({{as_of}} - INTERVAL '12' MONTH AS DATE)
),
coverage AS (
    SELECT min(signup_date) AS first_signup FROM users
),
counts AS (
    SELECT w.period, w.first_day, w.last_day, count(u.user_id) AS signups
    FROM windows AS w LEFT JOIN users AS u ON u.signup_date BETWEEN w.first_day AND w.last_day
    GROUP BY w.period, w.first_day, w.last_day
)
-- The event files only: a subscriber list holds only the members who stayed, so its join dates make no signup series
-- to compare. Without users there is no KPI (NULL: left out, not shown as 0).
SELECT 'new_signups' AS kpi, 'New signups' AS label, 'members' AS unit,
       CASE WHEN max(c.first_signup) IS NOT NULL THEN CAST(max(signups) FILTER (WHERE period = 'current') AS DOUBLE) END AS value,
       CAST(max(CASE WHEN period = 'previous' AND c.first_signup <= first_day THEN signups END) AS DOUBLE) AS previous_month,
       CAST(max(CASE WHEN period = 'year_ago' AND c.first_signup <= first_day THEN signups END) AS DOUBLE) AS year_ago,
       max(CASE WHEN period = 'current' THEN extract(DAY FROM last_day + INTERVAL '1' DAY) <> 1 END) AS partial,
       true AS higher_is_better,
       'month to the as-of day vs the same days a month and a year earlier' AS comparison
FROM counts CROSS JOIN coverage AS c
