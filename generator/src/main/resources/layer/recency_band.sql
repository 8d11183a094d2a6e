-- recency_band: the bands of days since members' last activity (a viewing session, a login or a payment) each
-- population is published in, one row per population and fixed band (0 0–6 days, 1 7–14, 2 15–30, 3 31–60, 4 61+,
-- 5 never watched) with the band it is published in. The longest bands are merged into one open band ("15+ days")
-- down to the highest edge at which the members at and beyond it are at least {{k}} and each band before it 0 or at
-- least {{k}}, as the hours bands are, so that one small band does not hide a large one beside it too. Without such an
-- edge the bands stay and their small groups are hidden. A slice reads the whole data's bands, so that it never merges
-- what the whole report shows apart.

WITH bucketed AS (
    SELECT source,
           CASE WHEN days_since_last_activity IS NULL THEN 5 WHEN days_since_last_activity < 7 THEN 0
                WHEN days_since_last_activity < 15 THEN 1 WHEN days_since_last_activity < 31 THEN 2
                WHEN days_since_last_activity < 61 THEN 3 ELSE 4 END AS bucket
    FROM member
    WHERE days_since_last_activity IS NOT NULL OR last_activity_kind = 'viewing'
),
counted AS (
    SELECT source, bucket, count(*) AS members
    FROM bucketed
    GROUP BY source, bucket
),
edges AS (
    SELECT source, bucket,
           sum(members) OVER (PARTITION BY source ORDER BY bucket DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS beyond,
           min(CASE WHEN members < {{k}} THEN bucket END) OVER (PARTITION BY source) AS first_small
    FROM counted
    WHERE bucket < 5
),
tops AS (
    SELECT source, max(bucket) AS last,
           max(bucket) FILTER (WHERE bucket >= 1 AND beyond >= {{k}} AND (first_small IS NULL OR first_small >= bucket)) AS top
    FROM edges
    GROUP BY source
)
SELECT c.source, c.bucket,
       CASE WHEN c.bucket < 5 AND t.top < t.last AND c.bucket >= t.top THEN t.top ELSE c.bucket END AS band,
       CASE WHEN c.bucket < 5 AND t.top < t.last AND c.bucket >= t.top
                THEN CASE t.top WHEN 1 THEN '7+ days' WHEN 2 THEN '15+ days' ELSE '31+ days' END
            ELSE CASE c.bucket WHEN 0 THEN '0–6 days' WHEN 1 THEN '7–14 days' WHEN 2 THEN '15–30 days' WHEN 3 THEN '31–60 days'
                               WHEN 4 THEN '61+ days' ELSE 'never watched' END
       END AS since_last_activity
FROM counted AS c
LEFT JOIN tops AS t ON t.source = c.source
