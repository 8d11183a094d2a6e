-- What was watched, from engagement reports (Netflix's What We Watched): hours and views per title for each report's
-- period, as Netflix publishes them. Each report is its own source, never added to another or to viewing sessions.
-- These are a publisher's figures about titles: no member is counted here.

-- name: totals
SELECT source, min(period_start) AS period_start, max(period_end) AS period_end, count(*) AS titles,
       sum(hours_viewed) AS hours_viewed, sum(views) AS views
FROM title_period
WHERE source <> 'viewing sessions'
GROUP BY source
ORDER BY period_start, source

-- name: top_by_hours
SELECT source, title, type, hours_viewed, views, runtime_minutes, available_globally
FROM (
    SELECT source, title, type, hours_viewed, views, runtime_minutes, available_globally,
           row_number() OVER (PARTITION BY source ORDER BY hours_viewed DESC, title) AS rank
    FROM title_period
    WHERE source <> 'viewing sessions' AND hours_viewed IS NOT NULL
) AS ranked
WHERE rank <= 15
ORDER BY source, rank

-- Views are hours viewed divided by runtime; the 2023 report has none.
-- name: top_by_views
SELECT source, title, type, views, hours_viewed, runtime_minutes
FROM (
    SELECT source, title, type, views, hours_viewed, runtime_minutes,
           row_number() OVER (PARTITION BY source ORDER BY views DESC, title) AS rank
    FROM title_period
    WHERE source <> 'viewing sessions' AND views IS NOT NULL
) AS ranked
WHERE rank <= 15
ORDER BY source, rank

-- The title with the most views of each report, where it is not the one with the most hours: the narrative names the
-- leader of both measures (a long show leads by hours, a short one by views).
-- name: views_leader
WITH ranked AS (
    SELECT source, title, views,
           row_number() OVER (PARTITION BY source ORDER BY views DESC, title) AS by_views,
           row_number() OVER (PARTITION BY source ORDER BY hours_viewed DESC, title) AS by_hours
    FROM title_period
    WHERE source <> 'viewing sessions' AND views IS NOT NULL AND hours_viewed IS NOT NULL
)
SELECT v.source, v.title, v.views
FROM ranked AS v
JOIN ranked AS h ON h.source = v.source AND h.by_hours = 1
WHERE v.by_views = 1 AND v.title <> h.title
ORDER BY v.source

-- Reports that list both movies and shows: one of a single type (the shows-only sheet) would draw one bar of 100%.
-- name: by_type
SELECT source, type, count(*) AS titles, sum(hours_viewed) AS hours_viewed,
       sum(hours_viewed) / sum(sum(hours_viewed)) OVER (PARTITION BY source) AS share_of_hours
FROM title_period
WHERE source <> 'viewing sessions' AND type IS NOT NULL
  AND source IN (SELECT source FROM title_period WHERE type IS NOT NULL GROUP BY source HAVING count(DISTINCT type) > 1)
GROUP BY source, type
ORDER BY source, type

-- name: by_availability
SELECT source, CASE WHEN available_globally THEN 'Available in every country' ELSE 'Not in every country' END AS availability,
       count(*) AS titles, sum(hours_viewed) AS hours_viewed,
       sum(hours_viewed) / sum(sum(hours_viewed)) OVER (PARTITION BY source) AS share_of_hours
FROM title_period
WHERE source <> 'viewing sessions' AND available_globally IS NOT NULL
GROUP BY source, CASE WHEN available_globally THEN 'Available in every country' ELSE 'Not in every country' END
ORDER BY source, availability

-- Hours by the year the title was released on Netflix (titles without a release date are left out).
-- What each report holds that its charts cannot say: that it lists titles of one type only (the shows-only sheet), and
-- the titles it gives no release date for, which the chart by release year leaves out, and their share of its hours.
-- name: coverage
SELECT source,
       CASE WHEN count(DISTINCT type) = 1 AND count(type) = count(*)
            THEN CASE max(type) WHEN 'TV Show' THEN 'shows' WHEN 'Movie' THEN 'movies' END END AS only_type,
       CASE WHEN count(release_year) < count(*) THEN count(*) - count(release_year) END AS undated_titles,
       CASE WHEN count(release_year) < count(*) THEN sum(hours_viewed) FILTER (WHERE release_year IS NULL) / sum(hours_viewed) END
           AS undated_share
FROM title_period
WHERE source <> 'viewing sessions'
GROUP BY source
ORDER BY source

-- name: by_release_year
SELECT source, release_year, count(*) AS titles, sum(hours_viewed) AS hours_viewed
FROM title_period
WHERE source <> 'viewing sessions' AND release_year IS NOT NULL
GROUP BY source, release_year
ORDER BY source, release_year

-- Key figures of a report without members: each engagement report's hours viewed and views, Netflix's own figures for
-- its period (every country, every member); a report without views (2023) has none. With members, the report's key
-- figures are theirs.
-- name: kpis
WITH reports AS (
    -- A report of one type (the shows sheet) says so: its total is not Netflix's.
    SELECT source, min(period_start) AS period_start, sum(hours_viewed) AS sum_hours, sum(views) AS sum_views,
           count(views) > 0 AS has_views,
           CASE WHEN count(DISTINCT type) = 1 AND min(type) = 'TV Show' THEN ', shows only'
                WHEN count(DISTINCT type) = 1 AND min(type) = 'Movie' THEN ', movies only' ELSE '' END AS one_type
    FROM title_period
    WHERE source <> 'viewing sessions' AND NOT EXISTS (SELECT 1 FROM member)
    GROUP BY source
)
SELECT kpi, label, unit, value, CAST(NULL AS DOUBLE) AS previous_month, CAST(NULL AS DOUBLE) AS year_ago, false AS partial,
       true AS higher_is_better, comparison
FROM (
    SELECT period_start, 1 AS place, 'engagement_hours_' || CAST(row_number() OVER (ORDER BY period_start, source) AS VARCHAR) AS kpi,
           'Hours viewed' || one_type || ' (' || source || ')' AS label, 'hours' AS unit, CAST(sum_hours AS DOUBLE) AS value,
           'the sum over the titles Netflix lists in it' AS comparison
    FROM reports
    UNION ALL
    SELECT period_start, 2, 'engagement_views_' || CAST(row_number() OVER (ORDER BY period_start, source) AS VARCHAR),
           'Views' || one_type || ' (' || source || ')', 'count views', CAST(sum_views AS DOUBLE),
           'hours viewed over runtime, added up over its titles'
    FROM reports
    WHERE has_views
) AS figures
ORDER BY period_start, place, kpi
