-- Signups: a member's signup date is their first subscription; returns after leaving are not new signups.

-- name: monthly
WITH bounds AS (
    SELECT CAST(date_trunc('month', min(signup_date)) AS DATE) AS first_month,
           CAST(date_trunc('month', {{as_of}}) AS DATE) AS last_month
    FROM users
),
months AS (
    SELECT CAST(g.m AS DATE) AS month FROM bounds CROSS JOIN {{ month_series(bounds.first_month, bounds.last_month) }} AS g(m)
),
counts AS (
    SELECT m.month, count(u.user_id) AS signups
    FROM months AS m
    LEFT JOIN users AS u ON CAST(date_trunc('month', u.signup_date) AS DATE) = m.month AND u.signup_date <= {{as_of}}
    GROUP BY m.month
)
SELECT month, signups,
       sum(signups) OVER (ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative_signups
FROM counts
ORDER BY month

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
ends AS (
    SELECT month, CASE WHEN CAST(month + INTERVAL '1' MONTH - INTERVAL '1' DAY AS DATE) > {{as_of}} THEN {{as_of}}
                       ELSE CAST(month + INTERVAL '1' MONTH - INTERVAL '1' DAY AS DATE) END AS day
    FROM months
),
active AS (
    SELECT e.month, count(DISTINCT s.user_id) AS subscribers
    FROM ends AS e
    LEFT JOIN subscriptions AS s ON s.started_on <= e.day AND (s.ended_on IS NULL OR s.ended_on >= e.day)
    GROUP BY e.month
)
SELECT month, subscribers,
       -- Growth against a month too small to publish would reveal that month: it is not computed.
       CASE WHEN lag(subscribers) OVER (ORDER BY month) >= {{k}}
            THEN CAST(subscribers - lag(subscribers) OVER (ORDER BY month) AS DOUBLE)
                 / lag(subscribers) OVER (ORDER BY month) END AS growth_rate
FROM active
ORDER BY month

-- Month-of-year seasonality: average signups per calendar month over the complete years in the data.
-- name: seasonality
WITH complete AS (
    SELECT signup_date FROM users
    WHERE signup_date <= {{as_of}}
      AND extract(YEAR FROM signup_date) < extract(YEAR FROM {{as_of}} + INTERVAL '1' DAY)
),
years AS (
    SELECT count(DISTINCT extract(YEAR FROM signup_date)) AS n FROM complete
)
SELECT extract(MONTH FROM c.signup_date) AS month_number,
       CASE extract(MONTH FROM c.signup_date) WHEN 1 THEN 'Jan' WHEN 2 THEN 'Feb' WHEN 3 THEN 'Mar' WHEN 4 THEN 'Apr'
           WHEN 5 THEN 'May' WHEN 6 THEN 'Jun' WHEN 7 THEN 'Jul' WHEN 8 THEN 'Aug' WHEN 9 THEN 'Sep' WHEN 10 THEN 'Oct'
           WHEN 11 THEN 'Nov' ELSE 'Dec' END AS month_of_year,
       CAST(count(*) AS DOUBLE) / max(y.n) AS average_signups,
       count(*) AS signups
FROM complete AS c CROSS JOIN years AS y
GROUP BY 1, 2
ORDER BY 1

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
SELECT 'new_signups' AS kpi, 'New signups' AS label, 'members' AS unit,
       CAST(max(signups) FILTER (WHERE period = 'current') AS DOUBLE) AS value,
       CAST(max(CASE WHEN period = 'previous' AND c.first_signup <= first_day THEN signups END) AS DOUBLE) AS previous_month,
       CAST(max(CASE WHEN period = 'year_ago' AND c.first_signup <= first_day THEN signups END) AS DOUBLE) AS year_ago,
       max(CASE WHEN period = 'current' THEN extract(DAY FROM last_day + INTERVAL '1' DAY) <> 1 END) AS partial,
       true AS higher_is_better,
       'month to the as-of day vs the same days a month and a year earlier' AS comparison
FROM counts CROSS JOIN coverage AS c
