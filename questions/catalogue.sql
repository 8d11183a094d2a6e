-- The catalogue of the report's own service ({{platform}}; titles without a platform are its own): what there is to
-- watch, whether or not anyone watched it. Other services' catalogues are compared on the Market page.

-- name: by_type
SELECT type, count(*) AS titles FROM titles WHERE coalesce(platform, {{platform}}) = {{platform}} GROUP BY type ORDER BY type

-- name: by_release_year
SELECT release_year, count(*) FILTER (WHERE type = 'Movie') AS movies, count(*) FILTER (WHERE type = 'TV Show') AS shows
FROM titles
WHERE release_year IS NOT NULL AND coalesce(platform, {{platform}}) = {{platform}}
GROUP BY release_year
ORDER BY release_year

-- name: by_year_added
SELECT CAST(extract(YEAR FROM date_added) AS INTEGER) AS year_added, count(*) AS titles
FROM titles
WHERE date_added IS NOT NULL AND date_added <= {{as_of}} AND coalesce(platform, {{platform}}) = {{platform}}
GROUP BY 1
ORDER BY 1

-- name: by_maturity
SELECT coalesce(maturity_rating, 'Not rated') AS maturity_rating, count(*) AS titles
FROM titles
WHERE coalesce(platform, {{platform}}) = {{platform}}
GROUP BY 1
ORDER BY titles DESC, maturity_rating
