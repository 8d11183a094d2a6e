-- member_month: one row per member and calendar month (up to the as-of month) in which they had a subscription active
-- on any day: each subscription spread over the months it covers, once. The questions that count members, churn or MRR
-- month by month read this. 'month_end' is the month's last day, the as-of date for the as-of month. Per month:
-- * active_at_start, mrr_at_start: a subscription active on the first day, and the sum of the monthly prices of the
--   subscriptions active that day (to the cent). The members at a month's end, as the questions publish them, are those
--   at the next month's start: a group's end of one month and start of the next are one figure, whose difference would
--   otherwise be the few who started on the 1st or left on the day before;
-- * active_at_end, mrr_at_end: a subscription active on month_end, and the sum of the monthly prices of the
--   subscriptions active that day (added up exactly, to the cent);
-- * churned: a subscription active on the first day ended in the month (up to month_end) and no other subscription of
--   the member's is active the day after (switching plans is not churn);
-- * months_since_signup: whole calendar months from the member's signup month to this one (0 in the signup month);
-- * active_on_signup_day: a subscription active on the day a whole number of months after the member's signup date
--   that falls in this month (the signup date itself in the signup month), once that day has come (by month_end), for
--   retention and cohorts: the members n months on are the rows with months_since_signup n and this flag.

WITH continued AS (
    -- The ended subscriptions another subscription of the member's carries on: it is active the day after.
    SELECT DISTINCT s.subscription_id
    FROM subscriptions AS s
    JOIN subscriptions AS n ON n.user_id = s.user_id AND n.subscription_id <> s.subscription_id
     AND n.started_on <= CAST(s.ended_on + INTERVAL '1' DAY AS DATE) AND (n.ended_on IS NULL OR n.ended_on > s.ended_on)
    WHERE s.ended_on IS NOT NULL
),
covered AS (
    -- The months a subscription covers, up to the as-of month; one ending before it starts is active on no day.
    SELECT s.subscription_id, s.user_id, s.started_on, s.ended_on, s.monthly_price,
           count(*) OVER (PARTITION BY s.user_id) AS subscriptions,
           CAST(date_trunc('month', s.started_on) AS DATE) AS first_month,
           CAST(date_trunc('month', CASE WHEN s.ended_on IS NULL OR s.ended_on > {{as_of}} THEN {{as_of}} ELSE s.ended_on END)
                AS DATE) AS last_month
    FROM subscriptions AS s
    WHERE s.started_on <= {{as_of}} AND (s.ended_on IS NULL OR s.ended_on >= s.started_on)
),
-- Computed where each of the two SELECTs below reads it, with its filter on the member's subscriptions: copied once in
-- full first (2.7M rows at ten million events), it took about a third of this table's time.
spread AS {{ not_materialized() }} (
    SELECT s.user_id, s.started_on, s.ended_on, s.monthly_price, c.subscription_id IS NULL AS last_of_run, s.subscriptions,
           u.signup_date, CAST(g.m AS DATE) AS month
    FROM covered AS s
    LEFT JOIN continued AS c ON c.subscription_id = s.subscription_id
    LEFT JOIN users AS u ON u.user_id = s.user_id
    CROSS JOIN {{ month_series(s.first_month, s.last_month) }} AS g(m)
),
month_days AS (
    SELECT p.*, {{ month_last_day(p.month) }} AS last_of_month
    FROM spread AS p
),
days AS (
    -- The signup day in the month is the signup date's day, or the month's last day when the month is shorter (what
    -- adding whole months to the signup date gives): from the two days, a quarter less time than adding the months.
    SELECT d.*,
           CASE WHEN d.last_of_month > {{as_of}} THEN {{as_of}} ELSE d.last_of_month END AS month_end,
           {{ add_days(d.month, least(extract(DAY FROM d.signup_date), extract(DAY FROM d.last_of_month)) - 1) }} AS signup_day,
           CAST((extract(YEAR FROM d.month) - extract(YEAR FROM d.signup_date)) * 12
                + extract(MONTH FROM d.month) - extract(MONTH FROM d.signup_date) AS INTEGER) AS months_since_signup
    FROM month_days AS d
)
-- A member with one subscription has one row per month already, whose figures are its own: only members with several
-- are grouped (at ten million events most members have one, and the grouping of every member-month was two thirds of
-- this table's time).
SELECT user_id, month, month_end,
       started_on <= month AND (ended_on IS NULL OR ended_on >= month) AS active_at_start,
       -- Stored as DECIMAL(18,2), narrower than DuckDB's sums, as in member_title.
       CAST(CASE WHEN started_on <= month AND (ended_on IS NULL OR ended_on >= month) THEN monthly_price END
            AS DECIMAL(18,2)) AS mrr_at_start,
       started_on <= month_end AND (ended_on IS NULL OR ended_on >= month_end) AS active_at_end,
       CAST(CASE WHEN started_on <= month_end AND (ended_on IS NULL OR ended_on >= month_end) THEN monthly_price END
            AS DECIMAL(18,2)) AS mrr_at_end,
       coalesce(started_on <= month AND ended_on BETWEEN month AND month_end AND last_of_run, false) AS churned,
       months_since_signup,
       coalesce(signup_day <= month_end AND started_on <= signup_day AND (ended_on IS NULL OR ended_on >= signup_day), false)
           AS active_on_signup_day
FROM days
WHERE subscriptions = 1
UNION ALL
SELECT user_id, month, month_end,
       bool_or(started_on <= month AND (ended_on IS NULL OR ended_on >= month)) AS active_at_start,
       CAST(sum(CASE WHEN started_on <= month AND (ended_on IS NULL OR ended_on >= month) THEN monthly_price END)
           AS DECIMAL(18,2)) AS mrr_at_start,
       bool_or(started_on <= month_end AND (ended_on IS NULL OR ended_on >= month_end)) AS active_at_end,
       CAST(sum(CASE WHEN started_on <= month_end AND (ended_on IS NULL OR ended_on >= month_end) THEN monthly_price END)
           AS DECIMAL(18,2)) AS mrr_at_end,
       coalesce(bool_or(started_on <= month AND ended_on BETWEEN month AND month_end AND last_of_run), false) AS churned,
       months_since_signup,
       coalesce(bool_or(signup_day <= month_end AND started_on <= signup_day AND (ended_on IS NULL OR ended_on >= signup_day)), false)
           AS active_on_signup_day
FROM days
WHERE subscriptions > 1
GROUP BY user_id, month, month_end, months_since_signup
