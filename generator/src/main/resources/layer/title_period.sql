-- title_period: one row per title and period, from every source of what was watched:
-- * viewing sessions: per calendar month up to the as-of date; views are sessions. A title's viewers per month are
--   not counted: no question reads them, and a distinct count per title and month groups by member, title and month
--   (at ten million events 1.5 s of this table's 1.8 s on one thread); member_title counts a title's viewers;
-- * engagement reports (Netflix's What We Watched): per report period, with the hours, views and runtime the report
--   gives (views are hours divided by runtime there; a report without runtimes has none), and whether the title was
--   available in every country.
-- The source names where a row comes from; rows of different sources are never added together.

WITH sessions AS (
    -- Grouped by the month's number (year × 12 + month), the first day named once per group: truncating each
    -- session's time to its month took a third of this statement's time at a hundred million sessions.
    SELECT v.title_id, CAST(date_trunc('month', min(v.started_at)) AS DATE) AS period_start,
           CAST(sum(v.minutes_watched) AS DOUBLE) / 60 AS hours_viewed, count(*) AS views,
           count(*) FILTER (WHERE v.completed) AS completions
    FROM viewing_sessions AS v
    WHERE v.started_at < {{as_of}} + INTERVAL '1' DAY
    GROUP BY v.title_id, extract(YEAR FROM v.started_at) * 12 + extract(MONTH FROM v.started_at)
)
SELECT t.title_id, t.title, t.type, 'viewing sessions' AS source, s.period_start,
       {{ month_last_day(s.period_start) }} AS period_end,
       s.hours_viewed, CAST(s.views AS DOUBLE) AS views, s.completions, t.runtime_minutes,
       CAST(NULL AS BOOLEAN) AS available_globally, t.release_year
FROM sessions AS s JOIN titles AS t ON t.title_id = s.title_id
UNION ALL
SELECT CAST(NULL AS VARCHAR) AS title_id, e.title, e.type, e.report AS source, e.period_start, e.period_end,
       e.hours_viewed, e.views, CAST(NULL AS BIGINT) AS completions, e.runtime_minutes,
       e.available_globally, CAST(extract(YEAR FROM e.release_date) AS INTEGER) AS release_year
FROM title_engagement AS e
