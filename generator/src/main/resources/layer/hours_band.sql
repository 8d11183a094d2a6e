-- hours_band: the bands of total watch hours each population's members are published in, one row per population and
-- fixed band (0 none, 1 under 5, 2 5–10, 3 10–25, 4 25–50, 5 50–100, 6 100–250, 7 250–500, 8 500–1,000, 9 1,000+).
-- The top bands are merged into one open band (such as "10+") down to the highest edge at which the members above it,
-- and each band below it, are 0 or at least {{k}} members: the hours distribution's bands (band, hours_watched). Churn
-- by watch hours, in a file that says who churned, needs as well 0 or at least {{k}} churners and {{k}} who stayed
-- above the edge and in each band below it (churn_band, churn_hours_watched): its edge is the same or lower, so each of
-- its bands is one of the distribution's or a union of them, and neither result minus the other gives a group smaller
-- than the distribution's. Without such an edge the fixed bands stay and their small groups are hidden.

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
           members = 0 OR members >= {{k}} AS members_publishable,
           (churned = 0 OR churned >= {{k}}) AND (stayed = 0 OR stayed >= {{k}}) AS churn_publishable
    FROM counted
),
candidates AS (
    SELECT e.source, e.bucket,
           e.tail_members >= {{k}}
               AND NOT EXISTS (SELECT 1 FROM edges AS below WHERE below.source = e.source AND below.bucket BETWEEN 1 AND e.bucket - 1
                                   AND NOT below.members_publishable) AS fits,
           e.tail_members >= {{k}} AND (e.tail_churned = 0 OR e.tail_churned >= {{k}}) AND (e.tail_stayed = 0 OR e.tail_stayed >= {{k}})
               AND NOT EXISTS (SELECT 1 FROM edges AS below WHERE below.source = e.source AND below.bucket BETWEEN 1 AND e.bucket - 1
                                   AND NOT (below.members_publishable AND below.churn_publishable)) AS churn_fits
    FROM edges AS e
    WHERE e.bucket >= 1
),
tops AS (
    -- An edge with nobody above its band merges nothing.
    SELECT source,
           CASE WHEN max(bucket) FILTER (WHERE fits) < max(bucket) THEN max(bucket) FILTER (WHERE fits) ELSE 9 END AS top,
           CASE WHEN max(bucket) FILTER (WHERE churn_fits) < max(bucket) THEN max(bucket) FILTER (WHERE churn_fits) ELSE 9 END AS churn_top
    FROM candidates GROUP BY source
),
banded AS (
    SELECT c.source, c.bucket, coalesce(t.top, 9) AS top, least(c.bucket, coalesce(t.top, 9)) AS band,
           coalesce(t.churn_top, 9) AS churn_top, least(c.bucket, coalesce(t.churn_top, 9)) AS churn_band
    FROM counted AS c
    LEFT JOIN tops AS t ON t.source = c.source
),
labels AS (
    -- Each band's label, and the label of the open band that starts at it.
    SELECT * FROM (VALUES (0, 'none', 'none'), (1, 'under 5', 'over 0'), (2, '5–10', '5+'), (3, '10–25', '10+'),
                          (4, '25–50', '25+'), (5, '50–100', '50+'), (6, '100–250', '100+'), (7, '250–500', '250+'),
                          (8, '500–1,000', '500+'), (9, '1,000+', '1,000+')) AS l(band, closed, open)
)
SELECT b.source, b.bucket, b.band,
       CASE WHEN b.bucket >= b.top AND b.top < 9 THEN l.open ELSE l.closed END AS hours_watched,
       b.churn_band,
       CASE WHEN b.bucket >= b.churn_top AND b.churn_top < 9 THEN cl.open ELSE cl.closed END AS churn_hours_watched
FROM banded AS b
JOIN labels AS l ON l.band = b.band
JOIN labels AS cl ON cl.band = b.churn_band
