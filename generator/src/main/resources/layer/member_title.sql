-- member_title: each member's viewing of each title, all months together (from member_title_month): a title's
-- viewers are its rows, which the top titles and co-viewing count.

SELECT user_id, title_id, sum(minutes) AS minutes, sum(sessions) AS sessions, sum(completed_sessions) AS completed_sessions
FROM member_title_month
GROUP BY user_id, title_id
