-- member_month_device: the viewing sessions up to the as-of date added up once per member, calendar month and device
-- (one pass over the events). Every question about watch time by member, month or device reads this instead of the
-- events: minutes are exact DECIMAL sums, so hours, shares and rates come out to the last digit as from the events.
-- Two flags split a month where a question needs days: 'month_to_date' (the day of the month is at most the as-of
-- date's, for the KPIs' same-days comparisons) and 'last_90_days' (the 90 days up to the as-of date).

SELECT v.user_id,
       CAST(date_trunc('month', v.started_at) AS DATE) AS month,
       v.device,
       extract(DAY FROM v.started_at) <= extract(DAY FROM {{as_of}}) AS month_to_date,
       CAST(v.started_at AS DATE) > CAST({{as_of}} - INTERVAL '90' DAY AS DATE) AS last_90_days,
       sum(v.minutes_watched) AS minutes,
       count(*) AS sessions,
       count(*) FILTER (WHERE v.completed) AS completed_sessions,
       min(CAST(v.started_at AS DATE)) AS first_day,
       max(CAST(v.started_at AS DATE)) AS last_day
FROM viewing_sessions AS v
WHERE CAST(v.started_at AS DATE) <= {{as_of}}
GROUP BY v.user_id, CAST(date_trunc('month', v.started_at) AS DATE), v.device,
         extract(DAY FROM v.started_at) <= extract(DAY FROM {{as_of}}),
         CAST(v.started_at AS DATE) > CAST({{as_of}} - INTERVAL '90' DAY AS DATE)
