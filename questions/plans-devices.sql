-- Plans and devices by country. A country with fewer than k members is merged into Other before anything is
-- published; every statement uses the same merge, so country pages and cross-country charts agree.

-- name: plan_mix
WITH active AS (
    SELECT s.user_id, s.plan, u.country
    FROM subscriptions AS s JOIN users AS u ON u.user_id = s.user_id
    WHERE s.started_on <= {{as_of}} AND (s.ended_on IS NULL OR s.ended_on >= {{as_of}})
),
sizes AS (
    SELECT country, count(DISTINCT user_id) AS members FROM active GROUP BY country
),
merged AS (
    SELECT CASE WHEN z.members >= {{k}} THEN a.country ELSE 'Other' END AS country, a.plan, a.user_id
    FROM active AS a JOIN sizes AS z ON z.country = a.country
),
counted AS (
    SELECT country, plan, count(DISTINCT user_id) AS members FROM merged GROUP BY country, plan
),
totals AS (
    SELECT country, count(DISTINCT user_id) AS country_members FROM merged GROUP BY country HAVING count(DISTINCT user_id) >= {{k}}
)
SELECT c.country, c.plan, c.members, CAST(c.members AS DOUBLE) / t.country_members AS share
FROM counted AS c JOIN totals AS t ON t.country = c.country
-- A cell of this cross-tab describes its members too: cells of fewer than k are not shown.
WHERE c.members >= {{k}}
ORDER BY CASE WHEN c.country = 'Other' THEN 1 ELSE 0 END, c.country, c.plan

-- Devices by share of watch hours in the last 90 days, per country.
-- name: device_mix
WITH recent AS (
    SELECT v.user_id, coalesce(v.device, 'Unknown') AS device, v.minutes_watched, u.country
    FROM viewing_sessions AS v JOIN users AS u ON u.user_id = v.user_id
    WHERE CAST(v.started_at AS DATE) <= {{as_of}} AND CAST(v.started_at AS DATE) > CAST({{as_of}} - INTERVAL '90' DAY AS DATE)
),
sizes AS (
    SELECT country, count(*) AS members FROM users WHERE signup_date <= {{as_of}} GROUP BY country
),
merged AS (
    SELECT CASE WHEN z.members >= {{k}} THEN r.country ELSE 'Other' END AS country, r.device, r.minutes_watched, r.user_id
    FROM recent AS r JOIN sizes AS z ON z.country = r.country
),
totals AS (
    SELECT country, sum(minutes_watched) AS minutes FROM merged GROUP BY country HAVING count(DISTINCT user_id) >= {{k}}
)
SELECT m.country, m.device, CAST(sum(m.minutes_watched) AS DOUBLE) / 60 AS watch_hours,
       CAST(sum(m.minutes_watched) AS DOUBLE) / CAST(max(t.minutes) AS DOUBLE) AS share
FROM merged AS m JOIN totals AS t ON t.country = m.country
GROUP BY m.country, m.device
HAVING count(DISTINCT m.user_id) >= {{k}}
ORDER BY CASE WHEN m.country = 'Other' THEN 1 ELSE 0 END, m.country, m.device
