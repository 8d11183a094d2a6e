-- Revenue. MRR on a day is the sum of the monthly prices of the subscriptions active that day; ARPU is MRR over the
-- members active that day. Collected revenue is the sum of paid payments.

-- name: monthly
WITH bounds AS (
    SELECT CAST(date_trunc('month', min(started_on)) AS DATE) AS first_month,
           CAST(date_trunc('month', {{as_of}}) AS DATE) AS last_month
    FROM subscriptions
),
months AS (
    SELECT CAST(g.m AS DATE) AS month FROM bounds CROSS JOIN {{ month_series(bounds.first_month, bounds.last_month) }} AS g(m)
),
month_end AS (
    -- member_month: a month's end is the next month's first day (active_at_start, mrr_at_start: the members churn counts
    -- at its start), the as-of date for the as-of month (active_at_end, mrr_at_end).
    SELECT CAST(month - INTERVAL '1' MONTH AS DATE) AS month, user_id, mrr_at_start AS mrr FROM member_month WHERE active_at_start
    UNION ALL
    SELECT month, user_id, mrr_at_end FROM member_month WHERE active_at_end AND month = CAST(date_trunc('month', {{as_of}}) AS DATE)
)
SELECT e.month, CAST(coalesce(sum(m.mrr), 0) AS DOUBLE) AS mrr, count(m.user_id) AS members,
       CAST(coalesce(sum(m.mrr), 0) AS DOUBLE) / nullif(count(m.user_id), 0) AS arpu
FROM months AS e
LEFT JOIN month_end AS m ON m.month = e.month
GROUP BY e.month
ORDER BY e.month

-- name: collected
-- A month's payers are the members with a paid or failed payment that month. Each member's months are the bits of one
-- number per run of 62 months, so the payments are grouped by member, not by member and month (a tenth of the groups
-- when members pay monthly), and a month's payers are the members whose number has its bit set. Amounts are exact
-- DECIMAL, so a month's sum is its payments' sum.
WITH paid_or_failed AS (
    SELECT user_id, status, amount, paid_on, extract(YEAR FROM paid_on) * 12 + extract(MONTH FROM paid_on) - 1 AS month_number
    FROM payments
    WHERE status IN ('paid', 'failed') AND paid_on <= {{as_of}}
),
member_months AS (
    SELECT user_id, first_month_number, {{ bits_or(month_bit) }} AS months, {{ bits_or(failed_bit) }} AS failed_months
    FROM (
        SELECT user_id, {{ bit_run(month_number) }} AS first_month_number, {{ bit_in_run(month_number) }} AS month_bit,
               CASE WHEN status = 'failed' THEN {{ bit_in_run(month_number) }} END AS failed_bit
        FROM paid_or_failed
    ) AS bits
    GROUP BY user_id, first_month_number
),
monthly AS (
    SELECT CAST(date_trunc('month', min(paid_on)) AS DATE) AS month, {{ bit_run(month_number) }} AS first_month_number,
           {{ bit_in_run(month_number) }} AS month_bit,
           sum(amount) FILTER (WHERE status = 'paid') AS collected,
           count(*) FILTER (WHERE status = 'failed') AS failed_payments
    FROM paid_or_failed
    GROUP BY month_number
),
payers AS (
    SELECT s.month,
           count(*) FILTER (WHERE {{ bits_and(m.months, s.month_bit) }} <> 0) AS payers,
           count(*) FILTER (WHERE {{ bits_and(m.failed_months, s.month_bit) }} <> 0) AS members_with_failures
    FROM monthly AS s
    JOIN member_months AS m ON m.first_month_number = s.first_month_number
    GROUP BY s.month
)
SELECT s.month,
       CAST(coalesce(s.collected, 0) AS DOUBLE) AS collected,
       CAST(s.failed_payments AS BIGINT) AS failed_payments,
       p.payers,
       p.members_with_failures
FROM monthly AS s
JOIN payers AS p ON p.month = s.month
ORDER BY s.month

-- MRR by plan and by country on the as-of date, from the member layer: the monthly fee of each member counted that
-- day (for the event files, the price of the subscription active on the as-of date; for a member-level file such as a
-- subscriber list, the monthly revenue it gives; members a file marks as having left bring none). One population
-- (file) at a time.
-- name: by_plan
-- plan_price: the prices each plan is sold at, which a reader may know; whether an MRR is shown depends on them (see
-- Methodology, Privacy, on revenue), not on what the row's members pay. Not published.
SELECT m.source, m.plan, CAST(sum(m.monthly_fee) AS DOUBLE) AS mrr, count(*) AS members,
       CAST(sum(m.monthly_fee) AS DOUBLE) / count(*) AS arpu,
       CAST(min(p.lowest_price) AS DOUBLE) AS lowest_price, CAST(max(p.highest_price) AS DOUBLE) AS highest_price
FROM member AS m
JOIN plan_price AS p ON p.source = m.source AND p.plan = m.plan
WHERE m.current AND m.active AND m.monthly_fee IS NOT NULL AND m.plan IS NOT NULL
GROUP BY m.source, m.plan
-- By the MRR as published (rounded to its file's price step, a sum above zero at least one step), then by name: ties of the
-- rounded figures keep no order of the exact ones. price_step(m.source) is each file's step (see Methodology, Privacy);
-- a file whose sums are not rounded has the step of a cent (0.01), which orders them exactly.
ORDER BY m.source, greatest(round(sum(m.monthly_fee) / {{ price_step(m.source) }}), sign(sum(m.monthly_fee))) DESC, m.plan

-- The plan that brings each file the most MRR (by_plan's first row of each file), for the narrative to name one per
-- file; a plan of fewer than k members is not named, nor one of a file or slice with no other plan (a plan's slice:
-- that it brings the most is no finding).
-- name: top_plan
WITH plans AS (
    SELECT m.source, m.plan, CAST(sum(m.monthly_fee) AS DOUBLE) AS mrr, count(*) AS members,
           CAST(min(p.lowest_price) AS DOUBLE) AS lowest_price, CAST(max(p.highest_price) AS DOUBLE) AS highest_price,
           -- The MRR in steps as published (a sum above zero at least one).
           greatest(round(sum(m.monthly_fee) / {{ price_step(m.source) }}), sign(sum(m.monthly_fee))) AS shown
    FROM member AS m
    JOIN plan_price AS p ON p.source = m.source AND p.plan = m.plan
    WHERE m.current AND m.active AND m.monthly_fee IS NOT NULL AND m.plan IS NOT NULL
    GROUP BY m.source, m.plan
),
ranked AS (
    SELECT source, plan, mrr, members, lowest_price, highest_price,
           row_number() OVER (PARTITION BY source ORDER BY shown DESC, plan) AS place,
           -- A plan tied with the next once rounded does not bring the most: the narrative names none.
           lead(shown) OVER (PARTITION BY source ORDER BY shown DESC, plan) = shown AS tied,
           count(*) OVER (PARTITION BY source) AS plans
    FROM plans
)
SELECT source, plan, mrr, members, lowest_price, highest_price
FROM ranked
WHERE place = 1 AND plans > 1 AND NOT coalesce(tied, false)
ORDER BY source

-- Countries too small to publish are merged into Other (revenue.md's privacy).
-- name: by_country
-- A country's prices are those its members' plans are sold at (members without a plan: the data's; see Methodology, Privacy).
SELECT m.source, m.country, CAST(sum(m.monthly_fee) AS DOUBLE) AS mrr, count(*) AS members,
       CAST(sum(m.monthly_fee) AS DOUBLE) / count(*) AS arpu,
       CASE WHEN count(p.plan) = count(*) THEN CAST(min(p.lowest_price) AS DOUBLE) END AS lowest_price,
       CASE WHEN count(p.plan) = count(*) THEN CAST(max(p.highest_price) AS DOUBLE) END AS highest_price
FROM member AS m
LEFT JOIN plan_price AS p ON p.source = m.source AND p.plan = m.plan
WHERE m.current AND m.active AND m.monthly_fee IS NOT NULL AND m.country IS NOT NULL
GROUP BY m.source, m.country
ORDER BY m.source, greatest(round(sum(m.monthly_fee) / {{ price_step(m.source) }}), sign(sum(m.monthly_fee))) DESC, m.country

-- Executive KPI: MRR on the as-of date vs the same day a month and a year earlier; a month's last day, as the monthly
-- MRR counts a month's end, on the next month's first day (see churn's KPIs).
-- name: kpis
WITH same_days AS (
    SELECT 'current' AS period, {{as_of}} AS day
    UNION ALL SELECT 'previous', CAST({{as_of}} - INTERVAL '1' MONTH AS DATE)
    UNION ALL SELECT 'year_ago', CAST({{as_of}} - INTERVAL '12' MONTH AS DATE)
),
days AS (
    SELECT period, CASE WHEN period <> 'current' AND extract(DAY FROM day + INTERVAL '1' DAY) = 1
                        THEN CAST(day + INTERVAL '1' DAY AS DATE) ELSE day END AS day
    FROM same_days
),
coverage AS (
    SELECT min(started_on) AS first_day FROM subscriptions
),
mrr AS (
    SELECT d.period, d.day, CAST(coalesce(sum(s.monthly_price), 0) AS DOUBLE) AS mrr, count(DISTINCT s.user_id) AS members
    FROM days AS d LEFT JOIN subscriptions AS s ON s.started_on <= d.day AND (s.ended_on IS NULL OR s.ended_on >= d.day)
    GROUP BY d.period, d.day
)
-- Without subscriptions there is no MRR to report (NULL: the KPI is left out, not shown as 0). Each KPI names its
-- population (source), whose price step rounds it.
SELECT 'mrr' AS kpi, 'Monthly recurring revenue' AS label, 'usd' AS unit,
       CASE WHEN max(c.first_day) IS NOT NULL THEN max(mrr) FILTER (WHERE period = 'current') END AS value,
       max(CASE WHEN period = 'previous' AND c.first_day <= day THEN mrr END) AS previous_month,
       max(CASE WHEN period = 'year_ago' AND c.first_day <= day THEN mrr END) AS year_ago,
       false AS partial, true AS higher_is_better,
       'on the as-of date vs the same day a month and a year earlier, or the 1st after it when that is a month''s last day' AS comparison,
       -- The paying members behind each figure (see the privacy rule for KPIs).
       max(members) FILTER (WHERE period = 'current') AS members,
       max(members) FILTER (WHERE period = 'previous') AS members_previous_month,
       max(members) FILTER (WHERE period = 'year_ago') AS members_year_ago,
       CAST(NULL AS DATE) AS as_of, CAST({{event_source}} AS VARCHAR) AS source
FROM mrr CROSS JOIN coverage AS c
UNION ALL
-- A member-level file's MRR: the monthly fees of the members it lists and does not mark as having left (by_plan's
-- members, whatever their plan). The file is one moment, so there is nothing to compare it with.
SELECT 'mrr_' || CAST(row_number() OVER (ORDER BY source) AS VARCHAR), 'MRR (' || source || ')', 'usd',
       CAST(sum(monthly_fee) AS DOUBLE), CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), false, true,
       CASE WHEN count(churned) > 0 THEN 'the file is one moment; those it marks as having left pay none of it'
            ELSE 'the file is one moment: nothing to compare it with' END, count(*), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT),
       max(source_as_of), source
FROM member
WHERE current AND active AND monthly_fee IS NOT NULL AND source <> {{event_source}}
GROUP BY source
