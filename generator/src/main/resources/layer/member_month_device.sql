-- member_month_device: the viewing sessions up to the as-of date added up per member, calendar month and device.
-- Every question about watch time by member, month or device reads this: minutes are added up exactly, so hours,
-- shares and rates are the same, to the last digit, as if counted from the sessions one by one.
-- Two flags and a number split a month where a question needs days: 'month_to_date' (the day of the month is at most
-- the as-of date's, for the KPIs' same-days comparisons), 'last_90_days' (the 90 days up to the as-of date) and
-- 'recent_period' (the 30-day period counted back from the as-of date, 0 for the last 30 days, over the last 300 days
-- and empty before: the churn model's windows).

WITH sessions AS (
    -- Each session's day is named once, and the month's number (year × 12 + month) and the three flags worked out from
    -- it: casting and truncating the time in each key took a tenth of this statement's time at a hundred million
    -- sessions. The as-of date is compared with the time itself, which DuckDB checks against each block's range (or
    -- skips, when every session is before it).
    SELECT user_id, device, minutes_watched, completed, day,
           extract(YEAR FROM day) * 12 + extract(MONTH FROM day) AS month_number,
           extract(DAY FROM day) <= extract(DAY FROM {{as_of}}) AS month_to_date,
           day > CAST({{as_of}} - INTERVAL '90' DAY AS DATE) AS last_90_days,
           CASE WHEN day > CAST({{as_of}} - INTERVAL '300' DAY AS DATE)
                THEN CAST(floor(CAST(date_diff('day', day, {{as_of}}) AS DOUBLE) / 30) AS INTEGER)
           END AS recent_period
    FROM (
        SELECT v.user_id, v.device, v.minutes_watched, v.completed, CAST(v.started_at AS DATE) AS day
        FROM viewing_sessions AS v
        WHERE v.started_at < {{as_of}} + INTERVAL '1' DAY
    ) AS dated
)
SELECT s.user_id,
       -- The month named once per group, by its first day.
       CAST(date_trunc('month', min(s.day)) AS DATE) AS month,
       s.device, s.month_to_date, s.last_90_days, s.recent_period,
       -- Stored narrower than DuckDB gives them, as in member_title.
       CAST(sum(s.minutes_watched) AS DECIMAL(18,2)) AS minutes,
       CAST(count(*) AS INTEGER) AS sessions,
       CAST(count(*) FILTER (WHERE s.completed) AS INTEGER) AS completed_sessions,
       min(s.day) AS first_day,
       max(s.day) AS last_day
FROM sessions AS s
GROUP BY s.user_id, s.month_number, s.device, s.month_to_date, s.last_90_days, s.recent_period
