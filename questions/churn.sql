-- Churn by region and retention. A member churns in a month when a subscription that was active on the first day
-- of the month ends in it (up to the as-of date) and no other subscription of theirs is active the day after:
-- switching plans is not churn, coming back later is a new subscription. Groups are returned whole; the privacy
-- declarations of churn.md say how small ones are merged or hidden before anything is published. The 95% interval of
-- a churn rate is Wilson's score interval (low_95, high_95); a merged row has none.

-- name: by_region
WITH counted AS (
    -- member_month: a row per member and month with a subscription; the as-of month's churn counts up to the as-of date.
    SELECT coalesce(r.region, 'Unknown') AS region, count(*) AS active_at_start, count(*) FILTER (WHERE m.churned) AS churners
    FROM member_month AS m
    JOIN users AS u ON u.user_id = m.user_id
    LEFT JOIN regions AS r ON r.country = u.country
    WHERE m.month = CAST(date_trunc('month', {{as_of}}) AS DATE) AND m.active_at_start
    GROUP BY coalesce(r.region, 'Unknown')
),
rated AS (
    SELECT region, active_at_start, churners, CAST(churners AS DOUBLE) / active_at_start AS p,
           CAST(active_at_start AS DOUBLE) AS n
    FROM counted
)
SELECT region, active_at_start, churners, p AS churn_rate,
       (p + 1.9208 / n - 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS low_95,
       (p + 1.9208 / n + 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS high_95
FROM rated
ORDER BY churn_rate DESC, region

-- name: by_country
WITH counted AS (
    SELECT u.country, count(*) AS active_at_start, count(*) FILTER (WHERE m.churned) AS churners
    FROM member_month AS m
    JOIN users AS u ON u.user_id = m.user_id
    WHERE m.month = CAST(date_trunc('month', {{as_of}}) AS DATE) AND m.active_at_start
    GROUP BY u.country
),
rated AS (
    SELECT country, active_at_start, churners, CAST(churners AS DOUBLE) / active_at_start AS p,
           CAST(active_at_start AS DOUBLE) AS n
    FROM counted
)
SELECT country, active_at_start, churners, p AS churn_rate,
       (p + 1.9208 / n - 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS low_95,
       (p + 1.9208 / n + 1.96 * sqrt(p * (1 - p) / n + 0.9604 / (n * n))) / (1 + 3.8416 / n) AS high_95
FROM rated
ORDER BY churn_rate DESC, country

-- Monthly churn rate per region over time (the as-of month may be partial).
-- name: monthly_by_region
-- member_month: a row per member and month with a subscription, from the first subscription's month to the as-of month.
SELECT m.month, coalesce(r.region, 'Unknown') AS region, count(*) AS active_at_start,
       count(*) FILTER (WHERE m.churned) AS churners,
       CAST(count(*) FILTER (WHERE m.churned) AS DOUBLE) / count(*) AS churn_rate
FROM member_month AS m
JOIN users AS u ON u.user_id = m.user_id
LEFT JOIN regions AS r ON r.country = u.country
WHERE m.active_at_start
GROUP BY m.month, coalesce(r.region, 'Unknown')
ORDER BY m.month, coalesce(r.region, 'Unknown')

-- Members with an active subscription at the end of each of the last 12 months, per country: the trend on each
-- country's page. A month's end is the next month's first day, the as-of date for the as-of month.
-- name: monthly_by_country
-- member_month: the members at a month's end are the next month's active_at_start (by_country's members at the start of
-- the as-of month are the month before's end: counted on its last day, the two gave away the few who started on the 1st);
-- the as-of month's, its active_at_end.
WITH month_end AS (
    SELECT CAST(month - INTERVAL '1' MONTH AS DATE) AS month, user_id FROM member_month WHERE active_at_start
    UNION ALL
    SELECT month, user_id FROM member_month WHERE active_at_end AND month = CAST(date_trunc('month', {{as_of}}) AS DATE)
)
SELECT m.month, u.country, count(*) AS members
FROM month_end AS m
JOIN users AS u ON u.user_id = m.user_id
WHERE u.country IS NOT NULL
  AND m.month >= CAST(CAST(date_trunc('month', {{as_of}}) AS DATE) - INTERVAL '11' MONTH AS DATE)
GROUP BY m.month, u.country
ORDER BY m.month, u.country

-- Members active on the as-of date who have not watched for at least at_risk_days days (or never, having joined
-- at least that long ago), per region.
-- name: at_risk
WITH last_seen AS (
    -- The member layer: 'current' is a subscription active on the as-of date, and the last activity is the last
    -- viewing session up to it.
    SELECT coalesce(region, 'Unknown') AS region,
           date_diff('day', coalesce(last_activity_date, signup_date), {{as_of}}) AS idle_days
    FROM member
    WHERE source = 'event files' AND current
),
counted AS (
    SELECT region, count(*) AS active_members, count(*) FILTER (WHERE idle_days >= {{at_risk_days}}) AS at_risk
    FROM last_seen GROUP BY region
)
SELECT region, active_members, at_risk, CAST(at_risk AS DOUBLE) / active_members AS at_risk_share
FROM counted
ORDER BY at_risk_share DESC, region

-- Retention: of the members who signed up, the share with an active subscription N months after their signup date,
-- counting only members whose N months have passed by the as-of date.
-- name: retention_curve
-- Counted from both ends instead of checking every member on every check day: the members per age are the signups
-- whose check day has come, counted per signup date; the retained are member_month's rows active on their check day.
WITH offsets AS (
    SELECT n FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15), (16),
                          (17), (18), (19), (20), (21), (22), (23), (24)) AS o(n)
),
signup_days AS (
    SELECT signup_date, count(*) AS members FROM users WHERE signup_date IS NOT NULL GROUP BY signup_date
),
eligible AS (
    SELECT o.n, sum(d.members) AS members
    FROM signup_days AS d CROSS JOIN offsets AS o
    WHERE CAST(d.signup_date + o.n * INTERVAL '1' MONTH AS DATE) <= {{as_of}}
    GROUP BY o.n
),
retained AS (
    -- member_month: months_since_signup counts the months from the signup month, and active_on_signup_day is a
    -- subscription active on the check day, n months after the signup, once that day has come.
    SELECT months_since_signup AS n, count(*) AS retained_members
    FROM member_month
    WHERE active_on_signup_day AND months_since_signup BETWEEN 0 AND 24
    GROUP BY months_since_signup
)
SELECT e.n AS months_after_signup, e.members, coalesce(r.retained_members, 0) AS retained_members,
       CAST(coalesce(r.retained_members, 0) AS DOUBLE) / e.members AS retained
FROM eligible AS e
LEFT JOIN retained AS r ON r.n = e.n
ORDER BY e.n

-- The same per signup-month cohort, 1, 3, 6 and 12 months after signup: one row per cohort and age, only once every
-- member of the cohort has reached that age (the heatmap has no empty cells to explain). The ages are named so that
-- they sort in order ('1 month' ... 'a year').
-- name: cohorts
WITH ages AS (
    SELECT n, after FROM (VALUES (1, '1 month'), (3, '3 months'), (6, '6 months'), (12, 'a year')) AS a(n, after)
),
cohorts AS (
    SELECT CAST(date_trunc('month', signup_date) AS DATE) AS cohort, count(*) AS members
    FROM users
    WHERE signup_date <= {{as_of}}
    GROUP BY CAST(date_trunc('month', signup_date) AS DATE)
),
reached AS (
    -- Reached: the last member of the cohort (signed up on its last day) is n months old by the as-of date.
    SELECT c.cohort, c.members, a.n, a.after, CAST(c.cohort + a.n * INTERVAL '1' MONTH AS DATE) AS check_month
    FROM cohorts AS c CROSS JOIN ages AS a
    WHERE CAST(c.cohort + INTERVAL '1' MONTH - INTERVAL '1' DAY + a.n * INTERVAL '1' MONTH AS DATE) <= {{as_of}}
),
retained AS (
    -- member_month: a member n months on is active on the check day in the month n months after the signup month.
    SELECT month, months_since_signup AS n, count(*) AS retained
    FROM member_month
    WHERE active_on_signup_day AND months_since_signup IN (1, 3, 6, 12)
    GROUP BY month, months_since_signup
)
SELECT r.cohort, r.after, r.members, coalesce(k.retained, 0) AS retained,
       CAST(coalesce(k.retained, 0) AS DOUBLE) / r.members AS retained_share
FROM reached AS r
LEFT JOIN retained AS k ON k.month = r.check_month AND k.n = r.n
ORDER BY r.cohort, r.n

-- Executive KPIs: active members on the as-of date, and churn in the as-of month (to the as-of day) against the
-- same days of the previous month and of the same month a year earlier. A day a month or a year before that is a month's
-- last day counts the members at that month's end as the monthly figures do, on the next month's first day: on the last
-- day, the KPI and the churn's members at the next month's start gave away the few who started on the 1st.
-- name: kpis
WITH windows AS (
    SELECT 'current' AS period, CAST(date_trunc('month', {{as_of}}) AS DATE) AS month_start, {{as_of}} AS day
    UNION ALL
    SELECT 'previous', CAST(date_trunc('month', {{as_of}}) - INTERVAL '1' MONTH AS DATE), CAST({{as_of}} - INTERVAL '1' MONTH AS DATE)
    UNION ALL
    SELECT 'year_ago', CAST(date_trunc('month', {{as_of}}) - INTERVAL '12' MONTH AS DATE), CAST({{as_of}} - INTERVAL '12' MONTH AS DATE)
),
coverage AS (
    SELECT min(started_on) AS first_day FROM subscriptions
),
counted_on AS (
    SELECT period, CASE WHEN period <> 'current' AND extract(DAY FROM day + INTERVAL '1' DAY) = 1
                        THEN CAST(day + INTERVAL '1' DAY AS DATE) ELSE day END AS day
    FROM windows
),
active_on_day AS (
    SELECT w.period, count(DISTINCT s.user_id) AS members
    FROM counted_on AS w
    LEFT JOIN subscriptions AS s ON s.started_on <= w.day AND (s.ended_on IS NULL OR s.ended_on >= w.day)
    GROUP BY w.period
),
active_at_start AS (
    SELECT w.period, s.user_id
    FROM windows AS w
    JOIN subscriptions AS s ON s.started_on <= w.month_start AND (s.ended_on IS NULL OR s.ended_on >= w.month_start)
    GROUP BY w.period, s.user_id
),
churned AS (
    SELECT w.period, s.user_id
    FROM windows AS w
    JOIN subscriptions AS s ON s.ended_on BETWEEN w.month_start AND w.day AND s.started_on <= w.month_start
    WHERE NOT EXISTS (SELECT 1 FROM subscriptions AS n WHERE n.user_id = s.user_id AND n.subscription_id <> s.subscription_id
                      AND n.started_on <= CAST(s.ended_on + INTERVAL '1' DAY AS DATE)
                      AND (n.ended_on IS NULL OR n.ended_on > s.ended_on))
    GROUP BY w.period, s.user_id
),
rates AS (
    SELECT a.period, count(*) AS at_start, count(c.user_id) AS churners,
           CAST(count(c.user_id) AS DOUBLE) / count(*) AS churn_rate
    FROM active_at_start AS a LEFT JOIN churned AS c ON c.period = a.period AND c.user_id = a.user_id
    GROUP BY a.period
),
figures AS (
    SELECT w.period, w.month_start, w.day, d.members, r.churn_rate, r.at_start, r.churners, cv.first_day
    FROM windows AS w
    LEFT JOIN active_on_day AS d ON d.period = w.period
    LEFT JOIN rates AS r ON r.period = w.period
    CROSS JOIN coverage AS cv
)
SELECT * FROM (
SELECT 'active_members' AS kpi, 'Active members' AS label, 'members' AS unit,
       CAST(max(members) FILTER (WHERE period = 'current') AS DOUBLE) AS value,
       CAST(max(CASE WHEN period = 'previous' AND first_day <= day THEN members END) AS DOUBLE) AS previous_month,
       CAST(max(CASE WHEN period = 'year_ago' AND first_day <= day THEN members END) AS DOUBLE) AS year_ago,
       false AS partial, true AS higher_is_better,
       'on the as-of date vs the same day a month and a year earlier, or the 1st after it when that is a month''s last day' AS comparison,
       -- The members each figure describes, and the part of them a rate counts (see the privacy rule for KPIs).
       CAST(NULL AS BIGINT) AS members, CAST(NULL AS BIGINT) AS members_previous_month, CAST(NULL AS BIGINT) AS members_year_ago,
       CAST(NULL AS BIGINT) AS part, CAST(NULL AS BIGINT) AS part_previous_month, CAST(NULL AS BIGINT) AS part_year_ago
FROM figures
UNION ALL
SELECT 'churn_rate', 'Churn rate', 'percent',
       max(churn_rate) FILTER (WHERE period = 'current'),
       max(CASE WHEN period = 'previous' AND first_day <= month_start THEN churn_rate END),
       max(CASE WHEN period = 'year_ago' AND first_day <= month_start THEN churn_rate END),
       max(CASE WHEN period = 'current' THEN extract(DAY FROM day + INTERVAL '1' DAY) <> 1 END),
       false,
       'month to the as-of day vs the same days a month and a year earlier',
       max(at_start) FILTER (WHERE period = 'current'), max(at_start) FILTER (WHERE period = 'previous'),
       max(at_start) FILTER (WHERE period = 'year_ago'),
       max(churners) FILTER (WHERE period = 'current'), max(churners) FILTER (WHERE period = 'previous'),
       max(churners) FILTER (WHERE period = 'year_ago')
FROM figures
) AS kpis
-- A fixed order: engines return UNION ALL branches in any order.
ORDER BY kpi
