-- hours_band: the bands of total watch hours each population's members are published in (the hours distribution, the
-- churn by watch hours), one row per population and fixed band (0 none, 1 under 5, 2 5–10, 3 10–25, 4 25–50, 5 50–100,
-- 6 100–250, 7 250–500, 8 500–1,000, 9 1,000+) with the band it is published in. The top bands are merged into one open band (such as "10+") down
-- to the highest edge at which the members above it, and each band below it, are 0 or at least {{k}} members, and, in a
-- file that says who churned (its churn is published by hours), 0 or at least {{k}} churners and {{k}} who stayed. The
-- two results read the same bands, so neither minus the other gives a smaller group; without such an edge the fixed
-- bands stay and their small groups are hidden.

WITH bucketed AS (
    SELECT source,
           CASE WHEN watch_hours = 0 THEN 0 WHEN watch_hours < 5 THEN 1 WHEN watch_hours < 10 THEN 2 WHEN watch_hours < 25 THEN 3
                WHEN watch_hours < 50 THEN 4 WHEN watch_hours < 100 THEN 5 WHEN watch_hours < 250 THEN 6
                WHEN watch_hours < 500 THEN 7 WHEN watch_hours < 1000 THEN 8 ELSE 9 END AS bucket,
           CASE WHEN source <> {{event_source}} THEN churned END AS churned
    FROM member
    WHERE watch_hours IS NOT NULL
),
counted AS (
    SELECT source, bucket, count(*) AS members, count(*) FILTER (WHERE churned) AS churned,
           count(*) FILTER (WHERE NOT churned) AS stayed
    FROM bucketed
    GROUP BY source, bucket
),
edges AS (
    SELECT source, bucket, members,
           sum(members) OVER (PARTITION BY source ORDER BY bucket DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS tail_members,
           sum(churned) OVER (PARTITION BY source ORDER BY bucket DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS tail_churned,
           sum(stayed) OVER (PARTITION BY source ORDER BY bucket DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS tail_stayed,
           (members = 0 OR members >= {{k}}) AND (churned = 0 OR churned >= {{k}}) AND (stayed = 0 OR stayed >= {{k}}) AS publishable
    FROM counted
),
candidates AS (
    SELECT e.source, e.bucket,
           e.tail_members >= {{k}} AND (e.tail_churned = 0 OR e.tail_churned >= {{k}}) AND (e.tail_stayed = 0 OR e.tail_stayed >= {{k}})
               AND NOT EXISTS (SELECT 1 FROM edges AS below WHERE below.source = e.source AND below.bucket BETWEEN 1 AND e.bucket - 1
                                   AND NOT below.publishable) AS fits
    FROM edges AS e
    WHERE e.bucket >= 1
),
tops AS (
    -- An edge with nobody above its band merges nothing.
    SELECT source, CASE WHEN max(bucket) FILTER (WHERE fits) < max(bucket) THEN max(bucket) FILTER (WHERE fits) ELSE 9 END AS top
    FROM candidates GROUP BY source
)
SELECT c.source, c.bucket, least(c.bucket, coalesce(t.top, 9)) AS band,
       CASE WHEN c.bucket >= coalesce(t.top, 9) AND coalesce(t.top, 9) < 9
                THEN CASE t.top WHEN 1 THEN 'over 0' WHEN 2 THEN '5+' WHEN 3 THEN '10+' WHEN 4 THEN '25+' WHEN 5 THEN '50+' WHEN 6 THEN '100+'
                                WHEN 7 THEN '250+' ELSE '500+' END
            ELSE CASE c.bucket WHEN 0 THEN 'none' WHEN 1 THEN 'under 5' WHEN 2 THEN '5–10' WHEN 3 THEN '10–25' WHEN 4 THEN '25–50'
                               WHEN 5 THEN '50–100' WHEN 6 THEN '100–250' WHEN 7 THEN '250–500'
                               WHEN 8 THEN '500–1,000' ELSE '1,000+' END
       END AS hours_watched
FROM counted AS c
LEFT JOIN tops AS t ON t.source = c.source
