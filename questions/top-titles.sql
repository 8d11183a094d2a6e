-- Top titles. Titles are not people, but a title's figures describe its viewers: a title watched by fewer than
-- k members is not listed (top-titles.md's privacy), and "completion" rankings also need at least 50 viewers.
-- They read the viewing sessions as the layer adds them up once per member and title (member_title).

-- name: by_hours
WITH per_title AS (
    SELECT title_id, sum(minutes) AS minutes, count(*) AS viewers
    FROM member_title
    GROUP BY title_id
    -- Ranked among the titles that may be published, so the list keeps ten.
    HAVING count(*) >= {{k}}
)
SELECT t.title, t.type, CAST(p.minutes AS DOUBLE) / 60 AS watch_hours, p.viewers
FROM per_title AS p JOIN titles AS t ON t.title_id = p.title_id
-- Two titles of one name (a catalogue may hold both) are told apart by their ids, so the ten are the same run after run.
ORDER BY watch_hours DESC, t.title, p.title_id
LIMIT 10

-- name: by_completion
WITH per_title AS (
    SELECT title_id, CAST(sum(completed_sessions) AS DOUBLE) / sum(sessions) AS completion_rate,
           count(*) AS viewers
    FROM member_title
    GROUP BY title_id
    HAVING count(*) >= 50 AND count(*) >= {{k}}
)
SELECT t.title, t.type, p.completion_rate, p.viewers
FROM per_title AS p JOIN titles AS t ON t.title_id = p.title_id
ORDER BY p.completion_rate DESC, p.viewers DESC, t.title, p.title_id
LIMIT 10

-- name: by_type
SELECT t.type, count(DISTINCT t.title_id) AS titles, CAST(sum(v.minutes) AS DOUBLE) / 60 AS watch_hours,
       CAST(sum(v.minutes) AS DOUBLE) / (SELECT CAST(sum(minutes) AS DOUBLE) FROM member_title) AS share_of_hours,
       CAST(sum(v.completed_sessions) AS DOUBLE) / sum(v.sessions) AS completion_rate,
       count(DISTINCT v.user_id) AS viewers
FROM member_title AS v JOIN titles AS t ON t.title_id = v.title_id
GROUP BY t.type
ORDER BY t.type
