-- Who leaves: churn by member attributes (bands named and cut as on the other pages, so a group hidden on one is
-- hidden on all), from the member-level files that mark who left (a churn table), one file
-- at a time. Such a file describes one moment: its churn rate is the share of its members marked as having left, not
-- a monthly rate, and it is never compared over time. The 95% interval is Wilson's score interval, of the members
-- counted as a double (n): Trino divides a decimal such as 1.9208 by a whole number to the decimal's four places.

-- name: answerable
SELECT count(*) > 0 AS answerable,
       'needs a member-level file that marks who left (a churn table)' AS reason
FROM member
WHERE churned IS NOT NULL AND source <> {{event_source}}

-- name: overall
SELECT source, count(*) AS members, count(*) FILTER (WHERE churned) AS churned,
       CAST(count(*) FILTER (WHERE churned) AS DOUBLE) / count(*) AS churn_rate
FROM member
WHERE churned IS NOT NULL AND source <> {{event_source}}
GROUP BY source
ORDER BY source

-- name: by_region
WITH grouped AS (
    SELECT source, region AS region, 0 AS position, churned
    FROM member
    WHERE churned IS NOT NULL AND source <> {{event_source}} AND region IS NOT NULL
),
counted AS (
    SELECT source, region, min(position) AS position, count(*) AS members, count(*) FILTER (WHERE churned) AS churned,
           CAST(count(*) FILTER (WHERE churned) AS DOUBLE) / count(*) AS p,
           CAST(count(*) AS DOUBLE) AS n
    FROM grouped
    GROUP BY source, region
)
SELECT source, region, members, churned, p AS churn_rate,
       (p + 1.9208 / n - 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS low_95,
       (p + 1.9208 / n + 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS high_95
FROM counted
ORDER BY source, churn_rate DESC, region

-- name: by_plan
WITH grouped AS (
    SELECT source, plan AS plan, 0 AS position, churned
    FROM member
    WHERE churned IS NOT NULL AND source <> {{event_source}} AND plan IS NOT NULL
),
counted AS (
    SELECT source, plan, min(position) AS position, count(*) AS members, count(*) FILTER (WHERE churned) AS churned,
           CAST(count(*) FILTER (WHERE churned) AS DOUBLE) / count(*) AS p,
           CAST(count(*) AS DOUBLE) AS n
    FROM grouped
    GROUP BY source, plan
)
SELECT source, plan, members, churned, p AS churn_rate,
       (p + 1.9208 / n - 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS low_95,
       (p + 1.9208 / n + 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS high_95
FROM counted
ORDER BY source, churn_rate DESC, plan

-- name: by_device
WITH grouped AS (
    SELECT source, main_device AS device, 0 AS position, churned
    FROM member
    WHERE churned IS NOT NULL AND source <> {{event_source}} AND main_device IS NOT NULL
),
counted AS (
    SELECT source, device, min(position) AS position, count(*) AS members, count(*) FILTER (WHERE churned) AS churned,
           CAST(count(*) FILTER (WHERE churned) AS DOUBLE) / count(*) AS p,
           CAST(count(*) AS DOUBLE) AS n
    FROM grouped
    GROUP BY source, device
)
SELECT source, device, members, churned, p AS churn_rate,
       (p + 1.9208 / n - 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS low_95,
       (p + 1.9208 / n + 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS high_95
FROM counted
ORDER BY source, churn_rate DESC, device

-- name: by_payment_method
WITH grouped AS (
    SELECT source, payment_method AS payment_method, 0 AS position, churned
    FROM member
    WHERE churned IS NOT NULL AND source <> {{event_source}} AND payment_method IS NOT NULL
),
counted AS (
    SELECT source, payment_method, min(position) AS position, count(*) AS members, count(*) FILTER (WHERE churned) AS churned,
           CAST(count(*) FILTER (WHERE churned) AS DOUBLE) / count(*) AS p,
           CAST(count(*) AS DOUBLE) AS n
    FROM grouped
    GROUP BY source, payment_method
)
SELECT source, payment_method, members, churned, p AS churn_rate,
       (p + 1.9208 / n - 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS low_95,
       (p + 1.9208 / n + 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS high_95
FROM counted
ORDER BY source, churn_rate DESC, payment_method

-- name: by_age_band
WITH grouped AS (
    SELECT source, age_band AS age_band, CASE age_band WHEN '<18' THEN 0 WHEN '18–24' THEN 1 WHEN '25–34' THEN 2 WHEN '35–44' THEN 3
                WHEN '45–54' THEN 4 WHEN '55–64' THEN 5 WHEN '65+' THEN 6 ELSE 7 END AS position, churned
    FROM member
    WHERE churned IS NOT NULL AND source <> {{event_source}} AND age_band <> 'unknown'
),
counted AS (
    SELECT source, age_band, min(position) AS position, count(*) AS members, count(*) FILTER (WHERE churned) AS churned,
           CAST(count(*) FILTER (WHERE churned) AS DOUBLE) / count(*) AS p,
           CAST(count(*) AS DOUBLE) AS n
    FROM grouped
    GROUP BY source, age_band
)
SELECT source, age_band, members, churned, p AS churn_rate,
       (p + 1.9208 / n - 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS low_95,
       (p + 1.9208 / n + 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS high_95
FROM counted
ORDER BY source, position, age_band

-- name: by_hours_band
WITH bucketed AS (
    SELECT source, CASE WHEN watch_hours = 0 THEN 0 WHEN watch_hours < 5 THEN 1 WHEN watch_hours < 10 THEN 2 WHEN watch_hours < 25 THEN 3
                WHEN watch_hours < 50 THEN 4 WHEN watch_hours < 100 THEN 5 WHEN watch_hours < 250 THEN 6
                WHEN watch_hours < 500 THEN 7 WHEN watch_hours < 1000 THEN 8 ELSE 9 END AS bucket, churned
    FROM member
    WHERE churned IS NOT NULL AND source <> {{event_source}} AND watch_hours IS NOT NULL
),
grouped AS (
    SELECT m.source, b.churn_hours_watched AS hours_watched, b.churn_band AS position, m.churned
    FROM bucketed AS m
    JOIN hours_band AS b ON b.source = m.source AND b.bucket = m.bucket
),
counted AS (
    SELECT source, hours_watched, min(position) AS position, count(*) AS members, count(*) FILTER (WHERE churned) AS churned,
           CAST(count(*) FILTER (WHERE churned) AS DOUBLE) / count(*) AS p,
           CAST(count(*) AS DOUBLE) AS n
    FROM grouped
    GROUP BY source, hours_watched
)
SELECT source, hours_watched, members, churned, p AS churn_rate,
       (p + 1.9208 / n - 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS low_95,
       (p + 1.9208 / n + 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS high_95
FROM counted
ORDER BY source, position, hours_watched

-- name: by_login_band
WITH grouped AS (
    SELECT source, CASE WHEN days_since_last_activity < 7 THEN '0–6 days' WHEN days_since_last_activity < 15 THEN '7–14 days'
                WHEN days_since_last_activity < 31 THEN '15–30 days' WHEN days_since_last_activity < 61 THEN '31–60 days'
                ELSE '61+ days' END AS since_last_activity, CASE WHEN days_since_last_activity < 7 THEN 0 WHEN days_since_last_activity < 15 THEN 1
                WHEN days_since_last_activity < 31 THEN 2 WHEN days_since_last_activity < 61 THEN 3 ELSE 4 END AS position, churned
    FROM member
    WHERE churned IS NOT NULL AND source <> {{event_source}} AND days_since_last_activity IS NOT NULL AND last_activity_kind = 'login'
),
counted AS (
    SELECT source, since_last_activity, min(position) AS position, count(*) AS members, count(*) FILTER (WHERE churned) AS churned,
           CAST(count(*) FILTER (WHERE churned) AS DOUBLE) / count(*) AS p,
           CAST(count(*) AS DOUBLE) AS n
    FROM grouped
    GROUP BY source, since_last_activity
)
SELECT source, since_last_activity, members, churned, p AS churn_rate,
       (p + 1.9208 / n - 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS low_95,
       (p + 1.9208 / n + 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS high_95
FROM counted
ORDER BY source, position, since_last_activity

-- The churn-risk model on the file's own labels: a logistic regression on the member attributes it gives, trained on
-- about two thirds of its members and judged on the rest (split by the last character of the member id, which is
-- random in these files). Only aggregates are published: accuracy, odds ratios, calibration by risk decile.
-- name: churn_features
SELECT substr(CAST(user_id AS VARCHAR), length(CAST(user_id AS VARCHAR)), 1)
           NOT IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a') AS held_out,
       false AS scored,
       CASE WHEN churned THEN 1 ELSE 0 END AS churned,
       CAST(coalesce(age, 0) AS DOUBLE) AS age, coalesce(watch_hours, 0.0) AS watch_hours,
       CAST(coalesce(days_since_last_activity, 0) AS DOUBLE) AS days_since_last_activity,
       CAST(coalesce(monthly_fee, 0) AS DOUBLE) AS monthly_fee, CAST(coalesce(profiles, 0) AS DOUBLE) AS profiles
FROM member
WHERE churned IS NOT NULL AND source <> {{event_source}}
ORDER BY user_id
