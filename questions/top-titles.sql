-- Top titles. Titles are not people, but a title's figures describe its viewers: a title watched by fewer than
-- k members is not listed, and "completion" rankings also need at least min_viewers (here 50, or k if larger).

-- name: by_hours
SELECT t.title, t.type, CAST(sum(v.minutes_watched) AS DOUBLE) / 60 AS watch_hours, count(DISTINCT v.user_id) AS viewers
FROM viewing_sessions AS v JOIN titles AS t ON t.title_id = v.title_id
WHERE CAST(v.started_at AS DATE) <= {{as_of}}
GROUP BY t.title_id, t.title, t.type
HAVING count(DISTINCT v.user_id) >= {{k}}
ORDER BY watch_hours DESC, t.title
LIMIT 10

-- name: by_completion
SELECT t.title, t.type, CAST(count(*) FILTER (WHERE v.completed) AS DOUBLE) / count(*) AS completion_rate,
       count(DISTINCT v.user_id) AS viewers
FROM viewing_sessions AS v JOIN titles AS t ON t.title_id = v.title_id
WHERE CAST(v.started_at AS DATE) <= {{as_of}}
GROUP BY t.title_id, t.title, t.type
HAVING count(DISTINCT v.user_id) >= 50 AND count(DISTINCT v.user_id) >= {{k}}
ORDER BY completion_rate DESC, viewers DESC, t.title
LIMIT 10

-- name: by_type
SELECT t.type, count(DISTINCT t.title_id) AS titles, CAST(sum(v.minutes_watched) AS DOUBLE) / 60 AS watch_hours,
       CAST(sum(v.minutes_watched) AS DOUBLE) / (SELECT CAST(sum(minutes_watched) AS DOUBLE) FROM viewing_sessions
                                                WHERE CAST(started_at AS DATE) <= {{as_of}}) AS share_of_hours,
       CAST(count(*) FILTER (WHERE v.completed) AS DOUBLE) / count(*) AS completion_rate
FROM viewing_sessions AS v JOIN titles AS t ON t.title_id = v.title_id
WHERE CAST(v.started_at AS DATE) <= {{as_of}}
GROUP BY t.type
HAVING count(DISTINCT v.user_id) >= {{k}}
ORDER BY t.type
