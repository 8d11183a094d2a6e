-- member_title: each member's viewing of each title, all months together (from the layer's member × title × month
-- rollup): a title's viewers are its rows, so the top titles and co-viewing count them without a distinct count.

SELECT user_id, title_id, sum(minutes) AS minutes, sum(sessions) AS sessions, sum(completed_sessions) AS completed_sessions
FROM member_title_month
GROUP BY user_id, title_id
