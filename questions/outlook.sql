-- Outlook: monthly series to forecast (complete months only), the churn-risk model's features, and co-viewing.
-- The last complete month: the as-of month when the as-of date is its last day, else the month before.
-- Month series and list splitting go through the cross-engine functions of engines/functions.yaml.

-- name: active_members
WITH bounds AS (
    SELECT CAST(date_trunc('month', min(started_on)) AS DATE) AS first_month,
           CAST(date_trunc('month', {{as_of}} + INTERVAL '1' DAY) - INTERVAL '1' MONTH AS DATE) AS last_month
    FROM subscriptions
),
months AS (
    SELECT CAST(g.m AS DATE) AS month
    FROM bounds CROSS JOIN {{ month_series(bounds.first_month, bounds.last_month) }} AS g(m)
),
month_end AS (
    -- member_month: a month's end is the next month's first day (active_at_start: the members churn counts at its start),
    -- the as-of date for the as-of month (active_at_end), as signups' subscribers count it.
    SELECT CAST(month - INTERVAL '1' MONTH AS DATE) AS month, user_id FROM member_month WHERE active_at_start
    UNION ALL
    SELECT month, user_id FROM member_month WHERE active_at_end AND month = CAST(date_trunc('month', {{as_of}}) AS DATE)
)
SELECT m.month, CAST(count(a.user_id) AS DOUBLE) AS value
FROM months AS m
LEFT JOIN month_end AS a ON a.month = m.month
GROUP BY m.month
ORDER BY m.month

-- name: new_signups
WITH bounds AS (
    SELECT CAST(date_trunc('month', min(signup_date)) AS DATE) AS first_month,
           CAST(date_trunc('month', {{as_of}} + INTERVAL '1' DAY) - INTERVAL '1' MONTH AS DATE) AS last_month
    FROM users
),
months AS (
    SELECT CAST(g.m AS DATE) AS month
    FROM bounds CROSS JOIN {{ month_series(bounds.first_month, bounds.last_month) }} AS g(m)
)
SELECT m.month, CAST(count(u.user_id) AS DOUBLE) AS value
FROM months AS m
LEFT JOIN users AS u ON CAST(date_trunc('month', u.signup_date) AS DATE) = m.month
GROUP BY m.month
ORDER BY m.month

-- name: monthly_mrr
WITH bounds AS (
    SELECT CAST(date_trunc('month', min(started_on)) AS DATE) AS first_month,
           CAST(date_trunc('month', {{as_of}} + INTERVAL '1' DAY) - INTERVAL '1' MONTH AS DATE) AS last_month
    FROM subscriptions
),
months AS (
    SELECT CAST(g.m AS DATE) AS month
    FROM bounds CROSS JOIN {{ month_series(bounds.first_month, bounds.last_month) }} AS g(m)
),
month_end AS (
    -- member_month: the MRR at a month's end as revenue's monthly counts it, on the next month's first day (mrr_at_start),
    -- the as-of date for the as-of month (mrr_at_end).
    SELECT CAST(month - INTERVAL '1' MONTH AS DATE) AS month, user_id, mrr_at_start AS mrr FROM member_month WHERE active_at_start
    UNION ALL
    SELECT month, user_id, mrr_at_end FROM member_month WHERE active_at_end AND month = CAST(date_trunc('month', {{as_of}}) AS DATE)
)
SELECT m.month, CAST(coalesce(sum(a.mrr), 0) AS DOUBLE) AS value, count(a.user_id) AS members
FROM months AS m
LEFT JOIN month_end AS a ON a.month = m.month
GROUP BY m.month
ORDER BY m.month

-- name: monthly_watch_hours
WITH bounds AS (
    SELECT min(month) AS first_month,
           CAST(date_trunc('month', {{as_of}} + INTERVAL '1' DAY) - INTERVAL '1' MONTH AS DATE) AS last_month
    FROM viewing_month
),
months AS (
    SELECT CAST(g.m AS DATE) AS month
    FROM bounds CROSS JOIN {{ month_series(bounds.first_month, bounds.last_month) }} AS g(m)
),
hours AS (
    -- The viewing sessions up to the as-of date, added up per month by the layer.
    SELECT month, CAST(minutes AS DOUBLE) / 60 AS hours, viewers
    FROM viewing_month
)
SELECT m.month, CAST(coalesce(h.hours, 0) AS DOUBLE) AS value, coalesce(h.viewers, 0) AS viewers
FROM months AS m LEFT JOIN hours AS h ON h.month = m.month
ORDER BY m.month

-- One row per member active at each snapshot (no member id). 'train' snapshots are 60 to 210 days before the
-- as-of date, so every training outcome (leaving within 30 days) is known before the 'test' snapshot, 30 days
-- before the as-of date, whose outcomes are the holdout. 'score' is the as-of date itself: the members at risk now.
-- The rows give their split as two flags, held_out ('test') and scored ('score'): a million words cost their transfer.
-- name: churn_features
WITH snapshots AS (
    SELECT 'score' AS split, {{as_of}} AS cutoff
    UNION ALL SELECT 'test', CAST({{as_of}} - INTERVAL '30' DAY AS DATE)
    UNION ALL SELECT 'train', CAST({{as_of}} - INTERVAL '60' DAY AS DATE)
    UNION ALL SELECT 'train', CAST({{as_of}} - INTERVAL '90' DAY AS DATE)
    UNION ALL SELECT 'train', CAST({{as_of}} - INTERVAL '120' DAY AS DATE)
    UNION ALL SELECT 'train', CAST({{as_of}} - INTERVAL '150' DAY AS DATE)
    UNION ALL SELECT 'train', CAST({{as_of}} - INTERVAL '180' DAY AS DATE)
    UNION ALL SELECT 'train', CAST({{as_of}} - INTERVAL '210' DAY AS DATE)
),
cutoffs AS (
    -- Each snapshot's 30-day period counted back from the as-of date (see window_devices below).
    SELECT split, cutoff, CAST(floor(CAST(date_diff('day', cutoff, {{as_of}}) AS DOUBLE) / 30) AS INTEGER) AS period
    FROM snapshots
),
members AS (
    SELECT c.split, c.cutoff, s.user_id, CAST(s.monthly_price AS DOUBLE) AS monthly_price,
           CASE WHEN s.ended_on IS NOT NULL AND s.ended_on <= CAST(c.cutoff + INTERVAL '30' DAY AS DATE) THEN 1 ELSE 0 END
               AS churned,
           CAST(date_diff('day', u.signup_date, c.cutoff) AS DOUBLE) / 30.4 AS tenure_months,
           coalesce(r.region, 'Unknown') AS region,
           c.period
    FROM cutoffs AS c
    JOIN subscriptions AS s ON s.started_on <= c.cutoff AND (s.ended_on IS NULL OR s.ended_on > c.cutoff)
    JOIN users AS u ON u.user_id = s.user_id
    LEFT JOIN regions AS r ON r.country = u.country
    WHERE c.split <> 'score'
    UNION ALL
    -- The members scored now are the members counted on the as-of date (the member layer's current ones, a subscription
    -- ending that day included), one row each: scored from the active subscriptions instead, they left out those ending
    -- that day, and the members by region less them gave the 1 European whose subscription ended on the as-of date.
    SELECT c.split, c.cutoff, m.user_id, CAST(m.monthly_fee AS DOUBLE) AS monthly_price, 0 AS churned,
           CAST(date_diff('day', m.signup_date, c.cutoff) AS DOUBLE) / 30.4 AS tenure_months,
           coalesce(m.region, 'Unknown') AS region,
           c.period
    FROM cutoffs AS c
    JOIN member AS m ON m.current AND m.source = {{event_source}}
    WHERE c.split = 'score'
),
-- Every snapshot is a multiple of 30 days before the as-of date, so each of its windows (the last 30 days, the 30
-- before, the last 90) is a run of whole 30-day periods counted back from the as-of date: period j holds the days
-- 30j to 30j + 29 before it. The layer's member_month_device splits its months by these periods over the last 300
-- days (recent_period; the earliest snapshot, 210 days back, sees periods 7 to 9), so a snapshot of period p reads its
-- member's periods p (the last 30 days), p + 1 (the 30 before) and p + 2 (with them, the last 90) instead of joining
-- the sessions. Each period is one row of period_devices, joined three times below: a grouping of each period's row
-- under the three snapshots that see it took a fifth more of this statement's time at ten million events.
-- A period's devices are counted as bits: each device name is a bit of one number, a member's period holds its devices'
-- bits OR-ed, and a window's devices are the bits of its periods OR-ed. That counts them in the one grouping by member
-- and period, where they were grouped by member, period and device first (2.5M groups at ten million events,
-- a third of this statement's time). A number holds 63 names; the names after them (no file seen has as many) are
-- counted the long way, in overflow_devices.
device_bits AS (
    SELECT device, position, CASE WHEN position < 63 THEN {{ bit_flag(position) }} END AS bit
    FROM (
        SELECT device, row_number() OVER (ORDER BY device) - 1 AS position
        FROM (SELECT DISTINCT device FROM member_month_device WHERE recent_period IS NOT NULL AND device IS NOT NULL) AS d
    ) AS named
),
period_devices AS (
    SELECT v.user_id, v.recent_period, sum(v.minutes) AS minutes, max(v.last_day) AS last_day, {{ bits_or(b.bit) }} AS devices
    FROM member_month_device AS v
    LEFT JOIN device_bits AS b ON b.device = v.device
    WHERE v.recent_period IS NOT NULL
    GROUP BY v.user_id, v.recent_period
),
overflow_devices AS (
    SELECT user_id, period, count(*) AS devices_90d
    FROM (
        SELECT DISTINCT v.user_id, v.recent_period - o.back AS period, v.device
        FROM member_month_device AS v
        JOIN device_bits AS b ON b.device = v.device AND b.position >= 63
        CROSS JOIN (VALUES (0), (1), (2)) AS o(back)
        JOIN cutoffs AS c ON c.period = v.recent_period - o.back
    ) AS seen
    GROUP BY user_id, period
),
failures AS (
    SELECT m.split, m.cutoff, m.user_id, count(*) AS failed_payments_90d
    FROM members AS m
    JOIN payments AS p
      ON p.user_id = m.user_id AND p.status = 'failed'
     AND p.paid_on <= m.cutoff AND p.paid_on > CAST(m.cutoff - INTERVAL '90' DAY AS DATE)
    GROUP BY m.split, m.cutoff, m.user_id
)
SELECT m.split = 'test' AS held_out, m.split = 'score' AS scored, m.churned, m.tenure_months, m.monthly_price,
       coalesce(CAST(last_30.minutes AS DOUBLE) / 60, 0) AS hours_30d,
       coalesce(CAST(last_30.minutes AS DOUBLE) / 60, 0) - coalesce(CAST(previous_30.minutes AS DOUBLE) / 60, 0) AS hours_trend,
       -- The latest day seen is in the latest period with any viewing.
       coalesce(date_diff('day', coalesce(last_30.last_day, previous_30.last_day, earlier_30.last_day), m.cutoff), 90) AS days_since_last,
       {{ bits_or_counted_of_three(last_30.devices, previous_30.devices, earlier_30.devices) }} + coalesce(o.devices_90d, 0)
           AS devices_90d,
       coalesce(f.failed_payments_90d, 0) AS failed_payments_90d,
       -- Groups matter only for the members scored now; leaving them out elsewhere keeps the transfer small.
       CASE WHEN m.split = 'score' THEN m.region END AS region
FROM members AS m
LEFT JOIN period_devices AS last_30 ON last_30.user_id = m.user_id AND last_30.recent_period = m.period
LEFT JOIN period_devices AS previous_30 ON previous_30.user_id = m.user_id AND previous_30.recent_period = m.period + 1
LEFT JOIN period_devices AS earlier_30 ON earlier_30.user_id = m.user_id AND earlier_30.recent_period = m.period + 2
LEFT JOIN overflow_devices AS o ON o.user_id = m.user_id AND o.period = m.period
LEFT JOIN failures AS f ON f.split = m.split AND f.cutoff = m.cutoff AND f.user_id = m.user_id
-- A fixed order (the model's sums, and its sample when there are more rows than it keeps, follow it); the member id
-- orders the rows but is not returned.
ORDER BY m.split, m.cutoff, m.user_id

-- Viewers who watched one of the ten most-watched titles, and the titles they also watched. Lift compares how
-- often two titles share a viewer with what chance alone would give; pairs shared by fewer than k viewers are not shown.
-- A pair's lift, its shared viewers, the viewers in all and the first title's give the second title's viewers, and so
-- those who watched one title of the pair and not the other, and those who watched neither: a pair is shown only where
-- each of those groups is none or at least k (a slice's pair shared by 19 of the 20 viewers of its second title gave
-- the 1 who watched it alone).
-- name: co_viewing
-- member_title is read where its rows are needed, not through a common table expression of its two columns: DuckDB
-- copies such an expression's rows once when it is read more than once (0.2 s of 0.6 s at ten million events).
WITH title_viewers AS (
    SELECT title_id, count(*) AS viewers FROM member_title GROUP BY title_id
),
top_titles AS (
    -- Each of the ten a bit of one number (its place among them), so that a member's top titles are one number.
    SELECT title_id, {{ bit_flag(position) }} AS bit
    FROM (SELECT title_id, row_number() OVER (ORDER BY viewers DESC, title_id) - 1 AS position FROM title_viewers) AS ranked
    WHERE position < 10
),
members AS (
    SELECT count(DISTINCT user_id) AS total FROM member_title
),
-- A pair's shared viewers are counted from the members grouped by which of the top titles they watched (at most 1,024
-- such groups), not from each viewer's titles joined with each of their top titles: a third of the time at ten million
-- events, the same counts.
member_top_titles AS (
    SELECT v.user_id, {{ bits_or(t.bit) }} AS top_titles
    FROM member_title AS v JOIN top_titles AS t ON t.title_id = v.title_id
    GROUP BY v.user_id
),
titles_by_top_titles AS (
    SELECT m.top_titles, v.title_id, count(*) AS viewers
    FROM member_title AS v JOIN member_top_titles AS m ON m.user_id = v.user_id
    GROUP BY m.top_titles, v.title_id
),
pairs AS (
    SELECT a.title_id AS title_a, b.title_id AS title_b, CAST(sum(b.viewers) AS BIGINT) AS both_viewers
    FROM top_titles AS a
    JOIN titles_by_top_titles AS b ON {{ bits_and(b.top_titles, a.bit) }} <> 0 AND b.title_id <> a.title_id
    GROUP BY a.title_id, b.title_id
    HAVING sum(b.viewers) >= {{k}}
),
-- Ranked by lift, not by shared viewers (which would name the same few hits for every title), among the titles that
-- at least k and at least 5% of the watched title's viewers also watched, so a lift is not read from a handful.
ranked AS (
    SELECT p.title_a, p.title_b, p.both_viewers,
           CAST(p.both_viewers AS DOUBLE) * mem.total / (CAST(va.viewers AS DOUBLE) * vb.viewers) AS lift,
           row_number() OVER (PARTITION BY p.title_a
                              ORDER BY CAST(p.both_viewers AS DOUBLE) / (CAST(va.viewers AS DOUBLE) * vb.viewers) DESC,
                                       p.both_viewers DESC, p.title_b) AS rank
    FROM pairs AS p
    CROSS JOIN members AS mem
    JOIN title_viewers AS va ON va.title_id = p.title_a
    JOIN title_viewers AS vb ON vb.title_id = p.title_b
    WHERE p.both_viewers * 20 >= va.viewers
      AND (va.viewers = p.both_viewers OR va.viewers - p.both_viewers >= {{k}})
      AND (vb.viewers = p.both_viewers OR vb.viewers - p.both_viewers >= {{k}})
      AND (mem.total - va.viewers - vb.viewers + p.both_viewers = 0
           OR mem.total - va.viewers - vb.viewers + p.both_viewers >= {{k}})
)
SELECT ta.title AS watched, tb.title AS also_watched, r.both_viewers AS shared_viewers, r.lift
FROM ranked AS r
JOIN titles AS ta ON ta.title_id = r.title_a
JOIN titles AS tb ON tb.title_id = r.title_b
WHERE r.rank <= 3
-- Two watched titles of one name are kept apart by their ids.
ORDER BY ta.title, r.title_a, r.rank

-- Genre affinity: for each pair of genres, how much more often one member watches both than chance predicts. Three
-- pairs' members and lifts give each genre's members, and so the members of one genre of a pair and not the other, and
-- of neither: a pair is shown only where each of those is none or at least k, as its own members are.
-- name: genre_affinity
-- Each member's genres from the layer (member_genre: a row per member and genre watched), read where they are needed,
-- not through a common table expression, which DuckDB copies once when it is read more than once.
WITH genre_members AS (
    SELECT genre, count(*) AS members FROM member_genre GROUP BY genre HAVING count(*) >= {{k}}
),
top_genres AS (
    -- Each of the eight a bit of one number (its place among them), so that a member's top genres are one number.
    SELECT genre, {{ bit_flag(position) }} AS bit
    FROM (SELECT genre, row_number() OVER (ORDER BY members DESC, genre) - 1 AS position FROM genre_members) AS ranked
    WHERE position < 8
),
total AS (
    SELECT count(DISTINCT user_id) AS members FROM member_genre
),
-- A pair's members are counted from the members grouped by which of the top genres they watched (at most 256 such
-- groups), not by joining each member's genres with each other: less than half the time at ten million events.
member_top_genres AS (
    SELECT m.user_id, {{ bits_or(t.bit) }} AS top_genres
    FROM member_genre AS m JOIN top_genres AS t ON t.genre = m.genre
    GROUP BY m.user_id
),
members_by_top_genres AS (
    SELECT top_genres, count(*) AS members FROM member_top_genres GROUP BY top_genres
),
pairs AS (
    SELECT a.genre AS genre_a, b.genre AS genre_b, CAST(sum(g.members) AS BIGINT) AS both_members
    FROM top_genres AS a
    JOIN top_genres AS b ON a.genre < b.genre
    JOIN members_by_top_genres AS g ON {{ bits_and(g.top_genres, a.bit) }} <> 0 AND {{ bits_and(g.top_genres, b.bit) }} <> 0
    GROUP BY a.genre, b.genre
    HAVING sum(g.members) >= {{k}}
)
, lifted AS (
    SELECT p.genre_a, p.genre_b, p.both_members AS members,
           CAST(p.both_members AS DOUBLE) * t.members / (CAST(ga.members AS DOUBLE) * gb.members) AS lift
    FROM pairs AS p
    CROSS JOIN total AS t
    JOIN genre_members AS ga ON ga.genre = p.genre_a
    JOIN genre_members AS gb ON gb.genre = p.genre_b
    WHERE (ga.members = p.both_members OR ga.members - p.both_members >= {{k}})
      AND (gb.members = p.both_members OR gb.members - p.both_members >= {{k}})
      AND (t.members - ga.members - gb.members + p.both_members = 0
           OR t.members - ga.members - gb.members + p.both_members >= {{k}})
)
-- Each pair of the top genres once (genre_a before genre_b alphabetically): the table lists 28 pairs, not 56, and the
-- heatmap is the upper triangle of the symmetric grid. A pair not shown is a row without figures, so that a genre whose
-- every pair is hidden keeps its place on the heatmap's axes (blank) instead of leaving them.
, top_pairs AS (
    SELECT a.genre AS genre_a, b.genre AS genre_b
    FROM top_genres AS a JOIN top_genres AS b ON a.genre < b.genre
)
SELECT p.genre_a, p.genre_b, l.members, l.lift
FROM top_pairs AS p
LEFT JOIN lifted AS l ON l.genre_a = p.genre_a AND l.genre_b = p.genre_b
ORDER BY l.lift DESC NULLS LAST, p.genre_a, p.genre_b
