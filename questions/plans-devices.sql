-- Plans and devices by country, for every population (file) that gives them, one population at a time.
-- Groups are returned whole: plans-devices.md's privacy declarations merge countries too small to publish into Other,
-- and plans or devices too small within a country into its own Other, the same way for every chart.

-- Plans of the members counted on the as-of date (the event files: subscription active that day; a member-level
-- file: every member it lists).
-- name: plan_mix
WITH counted AS (
    SELECT source, country, plan, count(*) AS members
    FROM member
    WHERE current AND country IS NOT NULL AND plan IS NOT NULL
    GROUP BY source, country, plan
)
SELECT source, country, plan, members, CAST(members AS DOUBLE) / country_members AS share
FROM (SELECT counted.*, sum(members) OVER (PARTITION BY source, country) AS country_members FROM counted) AS sized
-- The largest countries first: a page that has room for a few shows those.
ORDER BY source, country_members DESC, country, plan

-- Devices by share of watch hours in the last 90 days, per country (viewing sessions only).
-- name: device_mix
WITH recent AS (
    -- The viewing sessions added up per member and device by the layer, over the last 90 days.
    SELECT v.user_id, coalesce(v.device, 'Unknown') AS device, v.minutes_90d AS minutes, u.country
    FROM member_device AS v JOIN users AS u ON u.user_id = v.user_id
    WHERE v.used_last_90_days
),
counted AS (
    SELECT country, device, sum(minutes) AS minutes, count(DISTINCT user_id) AS viewers
    FROM recent GROUP BY country, device
)
-- Shares of whole minutes: exact, whatever order the country's total is added up in.
SELECT country, device, CAST(minutes AS DOUBLE) / 60 AS watch_hours, CAST(minutes AS DOUBLE) / country_minutes AS share, viewers
FROM (SELECT counted.*, sum(minutes) OVER (PARTITION BY country) AS country_minutes FROM counted) AS sized
ORDER BY country_minutes DESC, country, device

-- Members by their main device (the one a member-level file names, or the one a member watched most on), per country.
-- Members without one (for the event files, those who never watched) are a row of their own, 'none', in a population
-- that gives main devices: left out, the country's members less its devices' rows gave them (a red-team review read the
-- Netherlands' 2 members who never watched from 44 members and 13 + 16 + 13 by device).
-- name: main_device_mix
WITH with_devices AS (
    SELECT source FROM member WHERE main_device IS NOT NULL GROUP BY source
),
counted AS (
    SELECT m.source, m.country, coalesce(m.main_device, 'none') AS device, count(*) AS members
    FROM member AS m
    JOIN with_devices AS d ON d.source = m.source
    WHERE m.current AND m.country IS NOT NULL
    GROUP BY m.source, m.country, coalesce(m.main_device, 'none')
)
SELECT source, country, device, members, CAST(members AS DOUBLE) / country_members AS share
FROM (SELECT counted.*, sum(members) OVER (PARTITION BY source, country) AS country_members FROM counted) AS sized
ORDER BY source, country_members DESC, country, device
