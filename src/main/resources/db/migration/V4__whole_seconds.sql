-- Instants are kept to the whole second, a fraction dropped and never rounded (SEMANTICS.md section 1); the
-- application now drops fractions before storing. Rows stored before keep theirs until this truncates them:
-- of sessions of one desktop starting in the same second the earliest is kept, as a fixture giving both now
-- is refused as a duplicate; failed logins of one user on one desktop in one second are one attempt.
DELETE FROM desktop_session s
USING desktop_session t
WHERE t.project_id = s.project_id AND t.resource_id = s.resource_id
  AND date_trunc('second', t.login_at) = date_trunc('second', s.login_at) AND t.login_at < s.login_at;
UPDATE desktop_session
SET login_at = date_trunc('second', login_at), logout_at = date_trunc('second', logout_at)
WHERE login_at <> date_trunc('second', login_at) OR logout_at <> date_trunc('second', logout_at);

DELETE FROM login_failure f
USING login_failure g
WHERE g.project_id = f.project_id AND g.resource_id = f.resource_id AND g.user_name = f.user_name
  AND date_trunc('second', g.at) = date_trunc('second', f.at) AND g.at < f.at;
UPDATE login_failure SET at = date_trunc('second', at) WHERE at <> date_trunc('second', at);

UPDATE desktop SET created_at = date_trunc('second', created_at) WHERE created_at <> date_trunc('second', created_at);
UPDATE clock_state SET fixed_at = date_trunc('second', fixed_at) WHERE fixed_at <> date_trunc('second', fixed_at);
