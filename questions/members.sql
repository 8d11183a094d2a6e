-- Members: who they are, where they live and what they pay for, from the member layer, for every population (file)
-- on its own. Members counted: for the event files, those with a subscription active on the as-of date; for a
-- member-level file, every member it lists. Groups are returned whole: members.md's privacy merges or hides small ones.

-- name: by_source
SELECT source, count(*) AS members
FROM member
WHERE current
GROUP BY source
ORDER BY members DESC, source

-- name: by_age_band
WITH counted AS (
    SELECT source, age_band, CASE age_band WHEN '<18' THEN 0 WHEN '18–24' THEN 1 WHEN '25–34' THEN 2 WHEN '35–44' THEN 3
               WHEN '45–54' THEN 4 WHEN '55–64' THEN 5 WHEN '65+' THEN 6 ELSE 7 END AS band, count(*) AS members
    FROM member
    WHERE current
    GROUP BY source, age_band
)
SELECT source, age_band, members, CAST(members AS DOUBLE) / sum(members) OVER (PARTITION BY source) AS share
FROM counted
ORDER BY source, band

-- name: by_gender
WITH counted AS (
    SELECT source, gender, count(*) AS members FROM member WHERE current AND gender IS NOT NULL GROUP BY source, gender
)
SELECT source, gender, members, CAST(members AS DOUBLE) / sum(members) OVER (PARTITION BY source) AS share
FROM counted
ORDER BY source, members DESC, gender

-- name: by_country
WITH counted AS (
    SELECT source, country, count(*) AS members FROM member WHERE current AND country IS NOT NULL GROUP BY source, country
)
SELECT source, country, members, CAST(members AS DOUBLE) / sum(members) OVER (PARTITION BY source) AS share
FROM counted
ORDER BY source, members DESC, country

-- Regions: the file's own (a churn table gives continents), or the country's region from the reference table.
-- name: by_region
WITH counted AS (
    SELECT source, region, count(*) AS members FROM member WHERE current AND region IS NOT NULL GROUP BY source, region
)
SELECT source, region, members, CAST(members AS DOUBLE) / sum(members) OVER (PARTITION BY source) AS share
FROM counted
ORDER BY source, members DESC, region

-- name: by_plan
WITH counted AS (
    SELECT source, plan, count(*) AS members, sum(monthly_fee) AS monthly_fees, count(monthly_fee) AS members_with_fee
    FROM member WHERE current AND plan IS NOT NULL GROUP BY source, plan
)
SELECT c.source, c.plan, c.members, CAST(c.members AS DOUBLE) / sum(c.members) OVER (PARTITION BY c.source) AS share,
       -- A file that gives no fee at all has no fee columns to show: empty, not "0 members with a fee".
       CAST(c.monthly_fees AS DOUBLE) AS monthly_fees,
       CASE WHEN sum(c.members_with_fee) OVER (PARTITION BY c.source) > 0 THEN c.members_with_fee END AS members_with_fee,
       CAST(c.monthly_fees AS DOUBLE) / nullif(c.members_with_fee, 0) AS average_fee,
       -- The prices the plan is sold at (see Methodology, Privacy, on revenue; not published).
       CAST(p.lowest_price AS DOUBLE) AS lowest_price, CAST(p.highest_price AS DOUBLE) AS highest_price
FROM counted AS c
LEFT JOIN plan_price AS p ON p.source = c.source AND p.plan = c.plan
ORDER BY c.source, c.members DESC, c.plan

-- The members of each member-level file, as a KPI without comparisons: such a file is one moment, not a series.
-- (The event files' active members are the churn question's KPI.)
-- name: kpis
SELECT 'members_' || CAST(row_number() OVER (ORDER BY source) AS VARCHAR) AS kpi, 'Members (' || source || ')' AS label,
       'members' AS unit, CAST(count(*) AS DOUBLE) AS value, CAST(NULL AS DOUBLE) AS previous_month,
       CAST(NULL AS DOUBLE) AS year_ago, false AS partial, true AS higher_is_better,
       -- A file that marks who left counts them too, where its MRR does not: the tile says so.
       CASE WHEN count(churned) > 0 THEN 'the file is one moment; every member it lists, including those it marks as having left'
            ELSE 'the file is one moment: nothing to compare it with' END AS comparison,
       -- The file's own latest date, which the tile gives (beside other files', the report's date is not this file's).
       max(source_as_of) AS as_of, source
FROM member
WHERE current AND source <> {{event_source}}
GROUP BY source
ORDER BY source
