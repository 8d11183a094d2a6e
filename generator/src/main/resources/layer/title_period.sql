-- title_period: one row per title and period, from every source of what was watched:
-- * viewing sessions: per calendar month up to the as-of date; views are sessions, viewers the members who watched;
-- * engagement reports (Netflix's What We Watched): per report period, with the hours, views and runtime the report
--   gives (views are hours divided by runtime there; a report without runtimes has none), and whether the title was
--   available in every country.
-- The source names where a row comes from; rows of different sources are never added together.

WITH sessions AS (
    -- member_title_month has one row per member, title and month (up to the as-of date): a title's viewers are its rows.
    SELECT v.title_id, v.month AS period_start,
           CAST(sum(v.minutes) AS DOUBLE) / 60 AS hours_viewed, CAST(sum(v.sessions) AS BIGINT) AS views,
           count(*) AS viewers, CAST(sum(v.completed_sessions) AS BIGINT) AS completions
    FROM member_title_month AS v
    GROUP BY v.title_id, v.month
)
SELECT t.title_id, t.title, t.type, 'viewing sessions' AS source, s.period_start,
       CAST(s.period_start + INTERVAL '1' MONTH - INTERVAL '1' DAY AS DATE) AS period_end,
       s.hours_viewed, CAST(s.views AS DOUBLE) AS views, s.viewers, s.completions, t.runtime_minutes,
       CAST(NULL AS BOOLEAN) AS available_globally, t.release_year
FROM sessions AS s JOIN titles AS t ON t.title_id = s.title_id
UNION ALL
SELECT CAST(NULL AS VARCHAR) AS title_id, e.title, e.type, e.report AS source, e.period_start, e.period_end,
       e.hours_viewed, e.views, CAST(NULL AS BIGINT) AS viewers, CAST(NULL AS BIGINT) AS completions, e.runtime_minutes,
       e.available_globally, CAST(extract(YEAR FROM e.release_date) AS INTEGER) AS release_year
FROM title_engagement AS e
