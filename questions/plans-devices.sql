-- Plans and devices by country. Groups are returned whole: plans-devices.md's privacy declarations merge countries
-- too small to publish into Other, and plans or devices too small within a country into its own Other, the same way
-- for every chart, so country pages and cross-country charts agree.

-- name: plan_mix
WITH active AS (
    SELECT DISTINCT s.user_id, s.plan, u.country
    FROM subscriptions AS s JOIN users AS u ON u.user_id = s.user_id
    WHERE s.started_on <= {{as_of}} AND (s.ended_on IS NULL OR s.ended_on >= {{as_of}})
),
counted AS (
    SELECT country, plan, count(*) AS members FROM active GROUP BY country, plan
)
SELECT country, plan, members, CAST(members AS DOUBLE) / sum(members) OVER (PARTITION BY country) AS share
FROM counted
ORDER BY country, plan

-- Devices by share of watch hours in the last 90 days, per country.
-- name: device_mix
WITH recent AS (
    SELECT v.user_id, coalesce(v.device, 'Unknown') AS device, v.minutes_watched, u.country
    FROM viewing_sessions AS v JOIN users AS u ON u.user_id = v.user_id
    WHERE CAST(v.started_at AS DATE) <= {{as_of}} AND CAST(v.started_at AS DATE) > CAST({{as_of}} - INTERVAL '90' DAY AS DATE)
),
counted AS (
    SELECT country, device, CAST(sum(minutes_watched) AS DOUBLE) / 60 AS watch_hours, count(DISTINCT user_id) AS viewers
    FROM recent GROUP BY country, device
)
SELECT country, device, watch_hours, watch_hours / sum(watch_hours) OVER (PARTITION BY country) AS share, viewers
FROM counted
ORDER BY country, device
