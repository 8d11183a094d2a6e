-- Market view: the report's service against the others whose catalogues or figures are in the data.
-- A title's service is its platform ({{platform}} when blank). Genre names and maturity ratings are put on one scale by
-- the reference tables genre_map and maturity_map.

-- name: answerable
SELECT count(DISTINCT coalesce(platform, {{platform}})) >= 2 AS answerable,
       'needs catalogues of at least two services (found ' || CAST(count(DISTINCT coalesce(platform, {{platform}})) AS VARCHAR)
           || '); add e.g. amazon_prime_titles.csv or disney_plus_titles.csv' AS reason
FROM titles

-- Each service's catalogue, a title listed by several of its catalogue files counted once (the catalogue layer).
-- A service whose titles come only from files that list no movie (lists of shows) has no movie count: its movies
-- and movie share are empty, not 0. One whose catalogue file lists movies of other services but none of its own has 0.
-- name: catalogue
SELECT service, count(*) AS titles,
       CASE WHEN bool_or(movies_listed) THEN count(*) FILTER (WHERE type = 'Movie') END AS movies,
       count(*) FILTER (WHERE type = 'TV Show') AS shows,
       CASE WHEN bool_or(movies_listed) THEN CAST(count(*) FILTER (WHERE type = 'Movie') AS DOUBLE) / count(*) END AS movie_share
FROM catalogue_title
GROUP BY service
ORDER BY titles DESC, service

-- The services without a movie count and the files their titles come from (lists of shows), for the narrative.
-- name: movies_unknown
WITH unknown AS (
    SELECT service FROM catalogue_title GROUP BY service HAVING NOT bool_or(movies_listed)
),
files AS (
    SELECT DISTINCT coalesce(t.source, 'titles') AS source
    FROM titles AS t JOIN unknown AS u ON u.service = coalesce(t.platform, {{platform}})
)
SELECT (SELECT {{ string_list(service, ', ') }} FROM unknown) AS services,
       (SELECT {{ string_list(source, ', ') }} FROM files) AS files

-- Each service's five largest genres, as a share of its titles (a title counts in each of its genres).
-- name: genres
WITH title_genres AS (
    SELECT t.service, t.title_id,
           coalesce(m.normalized, trim(g.genre)) AS genre
    FROM catalogue_title AS t
    CROSS JOIN {{ split_list(t.genres, '|') }} AS g(genre)
    LEFT JOIN genre_map AS m ON m.genre = lower(trim(g.genre))
    WHERE t.genres IS NOT NULL AND trim(g.genre) <> ''
),
counted AS (
    SELECT service, genre, count(DISTINCT title_id) AS titles FROM title_genres GROUP BY service, genre
),
sizes AS (
    SELECT service, count(*) AS titles FROM catalogue_title GROUP BY service
),
ranked AS (
    SELECT c.service, c.genre, c.titles, CAST(c.titles AS DOUBLE) / s.titles AS share,
           row_number() OVER (PARTITION BY c.service ORDER BY c.titles DESC, c.genre) AS rank
    FROM counted AS c JOIN sizes AS s ON s.service = c.service
)
SELECT service, genre, titles, share FROM ranked WHERE rank <= 5 ORDER BY service, rank

-- name: content_age
SELECT service, count(*) AS titles,
       CAST(count(*) FILTER (WHERE release_year >= extract(YEAR FROM {{as_of}}) - 4) AS DOUBLE) / count(*) AS recent_share,
       {{ median(release_year) }} AS median_release_year
FROM catalogue_title
WHERE release_year IS NOT NULL
GROUP BY 1
ORDER BY service

-- name: by_decade
SELECT service, CAST(floor(release_year / 10) * 10 AS INTEGER) AS decade, count(*) AS titles
FROM catalogue_title
WHERE release_year IS NOT NULL AND release_year >= 1950
GROUP BY 1, 2
ORDER BY decade, service

-- name: maturity
SELECT t.service, coalesce(m.scale, 'unrated') AS audience, count(*) AS titles
FROM catalogue_title AS t LEFT JOIN maturity_map AS m ON m.rating = trim(t.maturity_rating)
GROUP BY 1, 2
ORDER BY service, CASE audience WHEN 'kids' THEN 1 WHEN 'family' THEN 2 WHEN 'teen' THEN 3 WHEN 'adult' THEN 4 ELSE 5 END

-- name: countries
WITH produced AS (
    SELECT t.service, trim(c.country) AS country
    FROM catalogue_title AS t CROSS JOIN {{ split_list(t.countries, '|') }} AS c(country)
    WHERE t.countries IS NOT NULL AND trim(c.country) <> ''
),
ranked AS (
    SELECT service, country, count(*) AS titles,
           row_number() OVER (PARTITION BY service ORDER BY count(*) DESC, country) AS rank
    FROM produced GROUP BY service, country
)
SELECT service, country, titles FROM ranked WHERE rank <= 5 ORDER BY service, rank

-- Titles carried by more than one service: the same title, once lower-cased, stripped of punctuation and of a
-- leading "The", with the same release year.
-- name: overlap
WITH keyed AS (
    SELECT DISTINCT coalesce(platform, {{platform}}) AS service,
           trim(regexp_replace(regexp_replace(lower(title), '[^a-z0-9 ]', '', 'g'), '^the ', '')) || '|'
               || coalesce(CAST(release_year AS VARCHAR), '') AS title_key
    FROM titles
)
SELECT a.service AS service, b.service AS also_on, count(*) AS shared_titles
FROM keyed AS a JOIN keyed AS b ON a.title_key = b.title_key AND a.service <> b.service
GROUP BY 1, 2
ORDER BY service, also_on

-- name: exclusives
WITH keyed AS (
    SELECT DISTINCT coalesce(platform, {{platform}}) AS service,
           trim(regexp_replace(regexp_replace(lower(title), '[^a-z0-9 ]', '', 'g'), '^the ', '')) || '|'
               || coalesce(CAST(release_year AS VARCHAR), '') AS title_key
    FROM titles
),
carriers AS (
    SELECT title_key, count(*) AS services FROM keyed GROUP BY title_key
)
SELECT k.service, count(*) AS titles, count(*) FILTER (WHERE c.services = 1) AS exclusive_titles,
       CAST(count(*) FILTER (WHERE c.services = 1) AS DOUBLE) / count(*) AS exclusive_share
FROM keyed AS k JOIN carriers AS c ON c.title_key = k.title_key
GROUP BY k.service
ORDER BY k.service

-- name: scores
WITH scored AS (
    SELECT service, 'IMDb' AS score_source, imdb_score AS score FROM catalogue_title WHERE imdb_score IS NOT NULL
    UNION ALL SELECT service, 'TMDB', tmdb_score FROM catalogue_title WHERE tmdb_score IS NOT NULL
    UNION ALL SELECT service, 'Rotten Tomatoes', rotten_tomatoes_score FROM catalogue_title WHERE rotten_tomatoes_score IS NOT NULL
)
SELECT service, score_source AS source, avg(score) AS average_score, count(*) AS scored_titles
FROM scored
GROUP BY service, score_source
ORDER BY score_source, service

-- Netflix revenue and members by region per quarter; ARPU is the quarter's revenue over the average of the members
-- at the end of the previous quarter and of this one (per month: divided by 3).
-- name: regions
WITH revenue AS (
    SELECT region, quarter, value AS revenue, source AS revenue_file FROM market_figures
    WHERE service = {{platform}} AND metric = 'revenue'
),
members AS (
    SELECT region, quarter, value AS members, source AS members_file,
           lag(value) OVER (PARTITION BY region ORDER BY quarter) AS members_before
    FROM market_figures WHERE service = {{platform}} AND metric = 'members' AND region <> 'Worldwide'
),
joined AS (
    SELECT r.region, r.quarter, r.revenue, m.members, r.revenue_file, m.members_file,
           r.revenue / ((m.members_before + m.members) / 2) / 3 AS arpu_per_month,
           r.revenue / sum(r.revenue) OVER (PARTITION BY r.quarter) AS revenue_share,
           r.revenue / lag(r.revenue) OVER (PARTITION BY r.region ORDER BY r.quarter) - 1 AS revenue_growth_qoq,
           r.revenue / lag(r.revenue, 4) OVER (PARTITION BY r.region ORDER BY r.quarter) - 1 AS revenue_growth_yoy
    FROM revenue AS r JOIN members AS m ON m.region = r.region AND m.quarter = r.quarter
)
SELECT region, quarter, revenue, members, arpu_per_month, revenue_share, revenue_growth_qoq, revenue_growth_yoy,
       revenue_file, members_file
FROM joined
ORDER BY quarter, region

-- Every service's members over time, on calendar quarters.
-- name: services
WITH worldwide AS (
    SELECT service, quarter, max(value) AS members, max(source) AS figures_file FROM market_figures
    WHERE metric = 'members' AND region = 'Worldwide'
    GROUP BY service, quarter
)
SELECT service, quarter, members, figures_file
FROM worldwide
ORDER BY quarter, service

-- Each service's share of the members of all the services with member figures, only in the quarters every one of them
-- reported: a share among the services that happen to have reported compares a different set each quarter. Disney+
-- and Hulu report a calendar quarter later than Netflix (their fiscal year ends in September), so the latest quarter
-- holds Netflix and Peacock alone; Peacock has no figure before Apr 2021.
-- name: shares
WITH worldwide AS (
    SELECT service, quarter, max(value) AS members, max(source) AS figures_file FROM market_figures
    WHERE metric = 'members' AND region = 'Worldwide'
    GROUP BY service, quarter
),
complete AS (
    SELECT quarter FROM worldwide GROUP BY quarter HAVING count(*) = (SELECT count(DISTINCT service) FROM worldwide)
)
SELECT w.service, w.quarter, w.members, w.members / sum(w.members) OVER (PARTITION BY w.quarter) AS share, w.figures_file
FROM worldwide AS w JOIN complete AS c ON c.quarter = w.quarter
ORDER BY w.quarter, w.service

-- Which quarters the shares compare and why the others are left out, for the narrative. A list is empty (its sentence
-- dropped) when no quarter is left out for that reason.
-- name: share_quarters
WITH worldwide AS (
    SELECT service, quarter FROM market_figures WHERE metric = 'members' AND region = 'Worldwide' GROUP BY service, quarter
),
services AS (
    SELECT DISTINCT service FROM worldwide
),
complete AS (
    SELECT quarter FROM worldwide GROUP BY quarter HAVING count(*) = (SELECT count(*) FROM services)
),
missing AS (
    -- Each quarter with figures that lacks a service's, and that service.
    SELECT q.quarter, s.service
    FROM (SELECT DISTINCT quarter FROM worldwide) AS q CROSS JOIN services AS s
    WHERE NOT EXISTS (SELECT 1 FROM worldwide AS w WHERE w.quarter = q.quarter AND w.service = s.service)
)
-- One service alone has no share to compare: no sentence.
SELECT (SELECT CASE WHEN count(*) >= 2 THEN count(*) END FROM services) AS services,
       (SELECT {{ string_list(service, ', ') }} FROM services) AS service_names,
       (SELECT count(*) FROM complete) AS quarters,
       (SELECT max(quarter) FROM complete) AS last_quarter,
       (SELECT max(quarter) FROM worldwide) AS latest_quarter,
       (SELECT {{ string_list(service, ' and ') }} FROM missing WHERE quarter = (SELECT max(quarter) FROM worldwide)) AS latest_missing,
       (SELECT {{ string_list(service, ' or ') }} FROM (
            SELECT DISTINCT service FROM missing WHERE quarter < (SELECT max(quarter) FROM worldwide)) AS m) AS earlier_missing

-- name: kpis
WITH sizes AS (
    SELECT service, count(*) AS titles FROM catalogue_title GROUP BY service
),
ranked AS (
    SELECT service, rank() OVER (ORDER BY titles DESC) AS size_rank FROM sizes
),
worldwide AS (
    SELECT service, quarter, max(value) AS members FROM market_figures
    WHERE metric = 'members' AND region = 'Worldwide' GROUP BY service, quarter
),
complete AS (
    SELECT quarter FROM worldwide GROUP BY quarter HAVING count(*) = (SELECT count(DISTINCT service) FROM worldwide)
)
SELECT * FROM (
SELECT 'catalogue_rank' AS kpi, 'Catalogue size rank among services' AS label, 'count' AS unit,
       CAST(max(size_rank) FILTER (WHERE service = {{platform}}) AS DOUBLE) AS value,
       CAST(NULL AS DOUBLE) AS previous_month, CAST(NULL AS DOUBLE) AS year_ago, false AS partial,
       false AS higher_is_better, 'rank 1 is the largest catalogue in the data' AS comparison
FROM ranked
UNION ALL
SELECT 'subscriber_share', 'Share of the services'' members', 'percent',
       -- The shares statement's figure for the latest quarter every service with member figures reported.
       (SELECT share FROM (
            SELECT service, quarter, members / sum(members) OVER (PARTITION BY quarter) AS share
            FROM worldwide WHERE quarter IN (SELECT quarter FROM complete)
        ) AS shares WHERE service = {{platform}} AND quarter = (SELECT max(quarter) FROM complete)),
       CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), false, true,
       coalesce((SELECT substr('JanFebMarAprMayJunJulAugSepOctNovDec', CAST(extract(MONTH FROM max(quarter)) AS INTEGER) * 3 - 2, 3)
                        || ' ' || CAST(extract(YEAR FROM max(quarter)) AS VARCHAR)
                        || ', the latest quarter all ' || CAST((SELECT count(DISTINCT service) FROM worldwide) AS VARCHAR)
                        || ' services with member figures reported'
                 FROM complete),
                'no quarter has figures of every service')
) AS kpis
-- A fixed order: engines return UNION ALL branches in any order.
ORDER BY kpi
