-- member_month_device: the viewing sessions up to the as-of date added up per member, calendar month and device.
-- Every question about watch time by member, month or device reads this: minutes are added up exactly, so hours,
-- shares and rates are the same, to the last digit, as if counted from the sessions one by one.
-- Two flags and a number split a month where a question needs days: 'month_to_date' (the day of the month is at most
-- the as-of date's, for the KPIs' same-days comparisons), 'last_90_days' (the 90 days up to the as-of date) and
-- 'recent_period' (the 30-day period counted back from the as-of date, 0 for the last 30 days, over the last 300 days
-- and empty before: the churn model's windows).
-- The sum and the counts are stored narrower than DuckDB gives them, as in member_title.

SELECT v.user_id,
       CAST(date_trunc('month', v.started_at) AS DATE) AS month,
       v.device,
       extract(DAY FROM v.started_at) <= extract(DAY FROM {{as_of}}) AS month_to_date,
       CAST(v.started_at AS DATE) > CAST({{as_of}} - INTERVAL '90' DAY AS DATE) AS last_90_days,
       CASE WHEN CAST(v.started_at AS DATE) > CAST({{as_of}} - INTERVAL '300' DAY AS DATE)
            THEN CAST(floor(CAST(date_diff('day', CAST(v.started_at AS DATE), {{as_of}}) AS DOUBLE) / 30) AS INTEGER)
       END AS recent_period,
       CAST(sum(v.minutes_watched) AS DECIMAL(18,2)) AS minutes,
       CAST(count(*) AS INTEGER) AS sessions,
       CAST(count(*) FILTER (WHERE v.completed) AS INTEGER) AS completed_sessions,
       min(CAST(v.started_at AS DATE)) AS first_day,
       max(CAST(v.started_at AS DATE)) AS last_day
FROM viewing_sessions AS v
WHERE CAST(v.started_at AS DATE) <= {{as_of}}
GROUP BY v.user_id, CAST(date_trunc('month', v.started_at) AS DATE), v.device,
         extract(DAY FROM v.started_at) <= extract(DAY FROM {{as_of}}),
         CAST(v.started_at AS DATE) > CAST({{as_of}} - INTERVAL '90' DAY AS DATE),
         CASE WHEN CAST(v.started_at AS DATE) > CAST({{as_of}} - INTERVAL '300' DAY AS DATE)
              THEN CAST(floor(CAST(date_diff('day', CAST(v.started_at AS DATE), {{as_of}}) AS DOUBLE) / 30) AS INTEGER)
         END
