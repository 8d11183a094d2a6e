-- Member snapshots: public files with one row per member and no dates (a churn table, a users table).
-- Every group shown has at least k members.

-- name: by_plan
SELECT coalesce(plan, 'Unknown') AS plan, count(*) AS members,
       sum(watch_hours) AS watch_hours, count(watch_hours) AS members_with_hours,
       sum(watch_hours) / nullif(count(watch_hours), 0) AS hours_per_member,
       count(*) FILTER (WHERE churned) AS churned, count(churned) AS members_with_status,
       CAST(count(*) FILTER (WHERE churned) AS DOUBLE) / nullif(count(churned), 0) AS churned_share
FROM member_snapshots
GROUP BY 1
ORDER BY members DESC, plan

-- name: by_region
WITH grouped AS (
    SELECT coalesce(s.region, r.region, 'Unknown') AS region, s.churned, s.watch_hours
    FROM member_snapshots AS s LEFT JOIN regions AS r ON r.country = s.country
)
SELECT region, count(*) AS members,
       sum(watch_hours) AS watch_hours, count(watch_hours) AS members_with_hours,
       sum(watch_hours) / nullif(count(watch_hours), 0) AS hours_per_member,
       count(*) FILTER (WHERE churned) AS churned, count(churned) AS members_with_status,
       CAST(count(*) FILTER (WHERE churned) AS DOUBLE) / nullif(count(churned), 0) AS churned_share
FROM grouped
GROUP BY region
ORDER BY members DESC, region

-- name: favorite_genres
SELECT coalesce(favorite_genre, 'Unknown') AS favorite_genre, count(*) AS members
FROM member_snapshots
GROUP BY 1
ORDER BY members DESC, favorite_genre
