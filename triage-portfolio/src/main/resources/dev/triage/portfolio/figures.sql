-- The portfolio report's figures, each one query over the store's tables (schema: triage-store's
-- db/triage-store/V1__scan_history.sql). Every query is prefixed with the common definitions below (a WITH clause)
-- and runs unchanged on H2, PostgreSQL and Spark SQL: no vendor functions, no division (shares and confidence
-- intervals are computed from these counts by dev.triage.portfolio.Figures), named parameters written :name.
--
-- Definitions
--   latest   the app's latest scan: the scan with the highest id (scans are stored in the order they finish)
--   scanned  an app whose latest scan succeeded; failed: one whose latest scan failed
--   counted  the flaws the study counts: findings of a scanned app's latest scan with severity 1-5 (informational
--            findings are listed by the single-scan reports, not counted), minus flaws under an approved mitigation
--   high     severity 4 or 5

-- name: common
WITH latest AS (
    SELECT s.* FROM scan s JOIN (SELECT app_id, MAX(id) AS id FROM scan GROUP BY app_id) m ON m.id = s.id
),
latest_ok AS (
    SELECT s.* FROM scan s JOIN (SELECT app_id, MAX(id) AS id FROM scan WHERE status = 'ok' GROUP BY app_id) m ON m.id = s.id
),
mitigated AS (
    SELECT DISTINCT flaw_id FROM decision WHERE status = 'approved'
),
counted AS (
    SELECT g.id, g.flaw_id, g.rule_id, g.cwe, g.severity, l.app_id
    FROM finding g
    JOIN latest l ON l.id = g.scan_id
    LEFT JOIN mitigated m ON m.flaw_id = g.flaw_id
    WHERE l.status = 'ok' AND g.severity >= 1 AND m.flaw_id IS NULL
),
app_flaws AS (
    SELECT app_id, COUNT(*) AS flaws, MAX(severity) AS max_severity FROM counted GROUP BY app_id
)

-- name: apps_by_status
-- Apps by platform and the status of their latest scan.
SELECT a.platform, l.status, COUNT(*) AS apps
FROM latest l JOIN app a ON a.id = l.app_id
GROUP BY a.platform, l.status
ORDER BY a.platform, l.status

-- name: failures
-- Why the failed apps failed.
SELECT l.failure_kind AS kind, COUNT(*) AS apps
FROM latest l WHERE l.status = 'failed'
GROUP BY l.failure_kind
ORDER BY apps DESC, kind

-- name: apps_with_flaws
-- Scanned apps with at least one counted flaw, and with at least one high-severity flaw, by platform.
SELECT a.platform,
       COUNT(*) AS scanned,
       SUM(CASE WHEN f.flaws > 0 THEN 1 ELSE 0 END) AS with_flaw,
       SUM(CASE WHEN f.max_severity >= 4 THEN 1 ELSE 0 END) AS with_high,
       SUM(COALESCE(f.flaws, 0)) AS flaws,
       SUM(l.code_bytes) AS code_bytes
FROM latest l JOIN app a ON a.id = l.app_id LEFT JOIN app_flaws f ON f.app_id = l.app_id
WHERE l.status = 'ok'
GROUP BY a.platform
ORDER BY a.platform

-- name: flaws_by_severity
SELECT severity, COUNT(*) AS flaws, COUNT(DISTINCT app_id) AS apps
FROM counted GROUP BY severity ORDER BY severity DESC

-- name: flaws_by_cwe
SELECT cwe, COUNT(*) AS flaws, COUNT(DISTINCT app_id) AS apps
FROM counted GROUP BY cwe ORDER BY flaws DESC, cwe

-- name: flaws_by_category
-- Flaws and apps per category of a scheme (owasp-top10-2021 over all scanned apps, masvs-v2 over Android apps).
SELECT rc.scheme, rc.category, COUNT(*) AS flaws, COUNT(DISTINCT c.app_id) AS apps
FROM counted c JOIN rule_category rc ON rc.rule_id = c.rule_id JOIN app a ON a.id = c.app_id
WHERE rc.scheme <> 'masvs-v2' OR a.platform = 'android'
GROUP BY rc.scheme, rc.category
ORDER BY rc.scheme, flaws DESC, rc.category

-- name: top_rules
SELECT c.rule_id, MIN(c.cwe) AS cwe, MAX(c.severity) AS severity, COUNT(*) AS flaws, COUNT(DISTINCT c.app_id) AS apps
FROM counted c GROUP BY c.rule_id ORDER BY flaws DESC, c.rule_id

-- name: vulnerable_apps
-- Scanned apps with a counted known-vulnerable library finding, by platform.
SELECT a.platform, COUNT(DISTINCT c.app_id) AS apps
FROM counted c JOIN app a ON a.id = c.app_id
WHERE c.rule_id = 'component/vulnerable-dependency'
GROUP BY a.platform ORDER BY a.platform

-- name: vulnerable_components
-- The vulnerable libraries of scanned apps: one row per library version and advisory.
SELECT k.group_id, k.artifact_id, k.version, ca.advisory_id, ca.primary_alias, ca.severity, ca.fixed_version,
       COUNT(DISTINCT l.app_id) AS apps
FROM component_advisory ca
JOIN latest l ON l.id = ca.scan_id
JOIN component k ON k.id = ca.component_id
WHERE l.status = 'ok'
GROUP BY k.group_id, k.artifact_id, k.version, ca.advisory_id, ca.primary_alias, ca.severity, ca.fixed_version
ORDER BY k.group_id, k.artifact_id, k.version, ca.advisory_id

-- name: vulnerable_component_apps
-- Apps per vulnerable library version (an app with several advisories on one library counts once).
SELECT k.group_id, k.artifact_id, k.version, COUNT(DISTINCT l.app_id) AS apps
FROM component_advisory ca
JOIN latest l ON l.id = ca.scan_id
JOIN component k ON k.id = ca.component_id
WHERE l.status = 'ok'
GROUP BY k.group_id, k.artifact_id, k.version
ORDER BY apps DESC, k.group_id, k.artifact_id, k.version

-- name: stale
-- Scanned apps by staleness: the app's last change is the store's last-update date when the manifest gives one (what
-- users install), else the build date the scan found; stale when it is at least :stale_days before the scan's day.
-- Unknown when neither date is known.
SELECT a.platform,
       COUNT(*) AS scanned,
       SUM(CASE WHEN COALESCE(v.store_updated_day, a.store_updated_day, v.build_day) IS NULL THEN 1 ELSE 0 END) AS unknown_age,
       SUM(CASE WHEN l.scan_day - COALESCE(v.store_updated_day, a.store_updated_day, v.build_day) >= :stale_days
                THEN 1 ELSE 0 END) AS stale
FROM latest l JOIN app a ON a.id = l.app_id JOIN app_version v ON v.id = l.app_version_id
WHERE l.status = 'ok'
GROUP BY a.platform ORDER BY a.platform

-- name: indicators
-- Android apps with at least one counted flaw of each indicator's rules.
SELECT ir.indicator, COUNT(DISTINCT c.app_id) AS apps
FROM counted c JOIN indicator_rule ir ON ir.rule_id = c.rule_id JOIN app a ON a.id = c.app_id
WHERE a.platform = 'android'
GROUP BY ir.indicator ORDER BY ir.indicator

-- name: by_category
SELECT COALESCE(a.category, '') AS grp,
       COUNT(*) AS apps,
       SUM(CASE WHEN l.status = 'ok' THEN 1 ELSE 0 END) AS scanned,
       SUM(CASE WHEN l.status = 'ok' AND f.flaws > 0 THEN 1 ELSE 0 END) AS with_flaw,
       SUM(CASE WHEN l.status = 'ok' AND f.max_severity >= 4 THEN 1 ELSE 0 END) AS with_high,
       SUM(COALESCE(f.flaws, 0)) AS flaws
FROM latest l JOIN app a ON a.id = l.app_id LEFT JOIN app_flaws f ON f.app_id = l.app_id
GROUP BY COALESCE(a.category, '') ORDER BY apps DESC, grp

-- name: by_vendor
SELECT COALESCE(a.vendor, '') AS grp,
       COUNT(*) AS apps,
       SUM(CASE WHEN l.status = 'ok' THEN 1 ELSE 0 END) AS scanned,
       SUM(CASE WHEN l.status = 'ok' AND f.flaws > 0 THEN 1 ELSE 0 END) AS with_flaw,
       SUM(CASE WHEN l.status = 'ok' AND f.max_severity >= 4 THEN 1 ELSE 0 END) AS with_high,
       SUM(COALESCE(f.flaws, 0)) AS flaws
FROM latest l JOIN app a ON a.id = l.app_id LEFT JOIN app_flaws f ON f.app_id = l.app_id
GROUP BY COALESCE(a.vendor, '') ORDER BY apps DESC, grp

-- name: fix_rate
-- Flaws (severity 1-5, not mitigated) first seen before their app's latest successful scan, and how many of them
-- that scan found fixed.
SELECT COUNT(*) AS eligible, SUM(CASE WHEN f.state = 'fixed' THEN 1 ELSE 0 END) AS fixed
FROM flaw f
JOIN latest_ok lo ON lo.app_id = f.app_id
LEFT JOIN mitigated m ON m.flaw_id = f.id
WHERE f.first_seen_scan < lo.id AND f.severity >= 1 AND m.flaw_id IS NULL

-- name: flaw_lifetimes
-- Each flaw's first episode, for the half-life (Kaplan-Meier): from first seen to first fixed, or censored at the
-- app's latest successful scan when it was never fixed.
SELECT f.id, f.first_seen_at, fx.fixed_at, lo.finished_at AS observed_until
FROM flaw f
JOIN latest_ok lo ON lo.app_id = f.app_id
LEFT JOIN (SELECT flaw_id, MIN(occurred_at) AS fixed_at FROM flaw_event WHERE event = 'fixed' GROUP BY flaw_id) fx
       ON fx.flaw_id = f.id
LEFT JOIN mitigated m ON m.flaw_id = f.id
WHERE f.severity >= 1 AND m.flaw_id IS NULL
ORDER BY f.id

-- name: rounds
-- Per portfolio run (round): scans, and lifecycle events of counted flaws (new, reopened, fixed).
SELECT COALESCE(s.run_id, 0) AS run_id, MIN(s.started_at) AS started_at, COUNT(DISTINCT s.id) AS scans,
       SUM(CASE WHEN e.event = 'new' THEN 1 ELSE 0 END) AS new_flaws,
       SUM(CASE WHEN e.event = 'reopened' THEN 1 ELSE 0 END) AS reopened,
       SUM(CASE WHEN e.event = 'fixed' THEN 1 ELSE 0 END) AS fixed
FROM scan s
LEFT JOIN (SELECT e.scan_id, e.event FROM flaw_event e JOIN flaw f ON f.id = e.flaw_id
           LEFT JOIN mitigated m ON m.flaw_id = f.id WHERE f.severity >= 1 AND m.flaw_id IS NULL) e ON e.scan_id = s.id
GROUP BY COALESCE(s.run_id, 0)
ORDER BY run_id

-- name: mitigated_flaws
-- Flaws under an approved mitigation, listed apart from the counts.
SELECT a.app_key, f.rule_id, f.severity, f.fingerprint, d.kind, d.reason, d.proposed_by, d.reviewed_by, d.reviewed_at
FROM decision d JOIN flaw f ON f.id = d.flaw_id JOIN app a ON a.id = f.app_id
WHERE d.status = 'approved'
ORDER BY a.app_key, f.rule_id, f.fingerprint
