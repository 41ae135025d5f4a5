package dev.triage.server;

import dev.triage.store.Store;
import dev.triage.store.StoreException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users, teams, app ownership, API tokens and web sessions, kept in the store's server tables (V2__server.sql).
 * Secrets never reach the database: tokens and session ids are looked up by their SHA-256, passwords by PBKDF2.
 */
public final class Accounts {
    /** Prefix of API tokens, so a leaked one is recognisable (secret scanners, logs). */
    public static final String TOKEN_PREFIX = "trg_";
    static final long SESSION_MILLIS = 8 * 3600_000L;

    private final Store store;

    public Accounts(Store store) {
        this.store = store;
    }

    /** A created user, with the password to hand over when one was generated. */
    public record NewUser(long id, String name, Role role, String password) {
    }

    /**
     * On first start (no user yet) creates the admin {@code admin} with the password from {@code envPassword}, or a
     * random one to print once. Returns empty when users already exist.
     */
    public Optional<NewUser> bootstrapAdmin(String envPassword) {
        boolean empty = store.transaction(tx -> tx.query("SELECT COUNT(*) AS n FROM server_user").get(0).get("n")
                .equals(0L));
        if (!empty) return Optional.empty();
        String password = envPassword != null && !envPassword.isBlank() ? envPassword : Secrets.password();
        NewUser u = createUser("admin", Role.ADMIN, password, "triage");
        return Optional.of(new NewUser(u.id(), u.name(), u.role(), envPassword != null && !envPassword.isBlank() ? null : password));
    }

    public NewUser createUser(String name, Role role, String password, String by) {
        String n = requireName(name, "user name");
        if (password != null && password.length() < 12) throw ApiError.badRequest("a password needs at least 12 characters");
        long now = System.currentTimeMillis();
        return store.transaction(tx -> {
            if (!tx.query("SELECT id FROM server_user WHERE name = ?", n).isEmpty()) {
                throw new ApiError(409, "user '" + n + "' exists");
            }
            long id = tx.insert("INSERT INTO server_user (name, password_hash, role, disabled, created_at) VALUES (?, ?, ?, ?, ?)",
                    n, password == null ? null : Secrets.hashPassword(password), role.id(), false, now);
            tx.audit(now, by, "user-created", "server_user", id, n + " as " + role.id());
            return new NewUser(id, n, role, password);
        });
    }

    public List<Map<String, Object>> users() {
        return store.query("SELECT id, name, role, disabled, created_at FROM server_user ORDER BY id");
    }

    public long createTeam(String name, String by) {
        String n = requireName(name, "team name");
        long now = System.currentTimeMillis();
        return store.transaction(tx -> {
            if (!tx.query("SELECT id FROM team WHERE name = ?", n).isEmpty()) throw new ApiError(409, "team '" + n + "' exists");
            long id = tx.insert("INSERT INTO team (name, created_at) VALUES (?, ?)", n, now);
            tx.audit(now, by, "team-created", "team", id, n);
            return id;
        });
    }

    public List<Map<String, Object>> teams() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> t : store.query("SELECT id, name FROM team ORDER BY id")) {
            Map<String, Object> m = new LinkedHashMap<>(t);
            m.put("members", store.query("""
                    SELECT u.name FROM team_member tm JOIN server_user u ON u.id = tm.user_id WHERE tm.team_id = ?
                    ORDER BY u.name""", t.get("id")).stream().map(r -> r.get("name")).toList());
            m.put("apps", store.query("SELECT app_key FROM team_app WHERE team_id = ? ORDER BY app_key", t.get("id"))
                    .stream().map(r -> r.get("app_key")).toList());
            out.add(m);
        }
        return out;
    }

    public void addMember(long teamId, String userName, String by) {
        long now = System.currentTimeMillis();
        store.transaction(tx -> {
            requireTeam(tx, teamId);
            var u = tx.query("SELECT id FROM server_user WHERE name = ?", userName);
            if (u.isEmpty()) throw ApiError.notFound("no user '" + userName + "'");
            long userId = (Long) u.get(0).get("id");
            if (tx.query("SELECT team_id FROM team_member WHERE team_id = ? AND user_id = ?", teamId, userId).isEmpty()) {
                tx.update("INSERT INTO team_member (team_id, user_id) VALUES (?, ?)", teamId, userId);
                tx.audit(now, by, "team-member-added", "team", teamId, userName);
            }
            return null;
        });
    }

    public void addApp(long teamId, String appKey, String by) {
        String key = requireAppKey(appKey);
        long now = System.currentTimeMillis();
        store.transaction(tx -> {
            requireTeam(tx, teamId);
            if (tx.query("SELECT team_id FROM team_app WHERE team_id = ? AND app_key = ?", teamId, key).isEmpty()) {
                tx.update("INSERT INTO team_app (team_id, app_key) VALUES (?, ?)", teamId, key);
                tx.audit(now, by, "team-app-added", "team", teamId, key);
            }
            return null;
        });
    }

    private static void requireTeam(Store.Tx tx, long teamId) throws java.sql.SQLException {
        if (tx.query("SELECT id FROM team WHERE id = ?", teamId).isEmpty()) throw ApiError.notFound("no team " + teamId);
    }

    /** Whether {@code p} may see the app (admins see all; others the apps of their teams). */
    public boolean canSee(Principal p, String appKey) {
        if (p.role().seesEveryApp()) return true;
        return !store.query("""
                SELECT ta.app_key FROM team_app ta JOIN team_member tm ON tm.team_id = ta.team_id
                WHERE tm.user_id = ? AND ta.app_key = ?""", p.userId(), appKey).isEmpty();
    }

    /** Whether some team owns the app. */
    public boolean owned(String appKey) {
        return !store.query("SELECT team_id FROM team_app WHERE app_key = ?", appKey).isEmpty();
    }

    /** Whether {@code p} is a member of the team. */
    public boolean member(Principal p, long teamId) {
        return !store.query("SELECT team_id FROM team_member WHERE team_id = ? AND user_id = ?", teamId, p.userId()).isEmpty();
    }

    /**
     * An SQL condition on an app key column that keeps only the apps {@code p} sees, and its parameters:
     * {@code TRUE} for an admin.
     */
    public Filter visibleApps(Principal p, String column) {
        if (p.role().seesEveryApp()) return new Filter("1 = 1", List.of());
        return new Filter(column + " IN (SELECT ta.app_key FROM team_app ta JOIN team_member tm ON tm.team_id = ta.team_id"
                + " WHERE tm.user_id = ?)", List.of(p.userId()));
    }

    /** An SQL condition with its bound parameters. */
    public record Filter(String sql, List<Object> params) {
    }

    // ----------------------------------------------------------------------------------------------------------
    // tokens

    public record NewToken(long id, String name, String token) {
    }

    public NewToken createToken(Principal p, String name) {
        String n = requireName(name, "token name");
        String token = Secrets.token(TOKEN_PREFIX);
        long now = System.currentTimeMillis();
        long id = store.transaction(tx -> {
            long tid = tx.insert("INSERT INTO api_token (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)",
                    p.userId(), n, Secrets.sha256(token), now);
            tx.audit(now, p.name(), "token-created", "api_token", tid, n);
            return tid;
        });
        return new NewToken(id, n, token);
    }

    public List<Map<String, Object>> tokens(Principal p) {
        return store.query("""
                SELECT id, name, created_at, last_used_at, revoked_at FROM api_token WHERE user_id = ? ORDER BY id""",
                p.userId());
    }

    public void revokeToken(Principal p, long tokenId) {
        long now = System.currentTimeMillis();
        store.transaction(tx -> {
            var t = tx.query("SELECT user_id FROM api_token WHERE id = ? AND revoked_at IS NULL", tokenId);
            // someone else's token is reported as missing: its existence is not theirs to learn
            if (t.isEmpty() || (!t.get(0).get("user_id").equals(p.userId()) && !p.role().canAdminister())) {
                throw ApiError.notFound("no token " + tokenId);
            }
            tx.update("UPDATE api_token SET revoked_at = ? WHERE id = ?", now, tokenId);
            tx.audit(now, p.name(), "token-revoked", "api_token", tokenId, "");
            return null;
        });
    }

    /**
     * The user behind a bearer token, recording the use (time on the token, and an audit event for each request
     * line {@code what}).
     */
    public Optional<Principal> byToken(String token, String what) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 200) return Optional.empty();
        String hash = Secrets.sha256(token);
        long now = System.currentTimeMillis();
        return store.transaction(tx -> {
            var rows = tx.query("""
                    SELECT t.id AS token_id, u.id AS user_id, u.name, u.role FROM api_token t
                    JOIN server_user u ON u.id = t.user_id
                    WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled = FALSE""", hash);
            if (rows.isEmpty()) return Optional.empty();
            var r = rows.get(0);
            long tokenId = (Long) r.get("token_id");
            tx.update("UPDATE api_token SET last_used_at = ? WHERE id = ?", now, tokenId);
            tx.audit(now, (String) r.get("name"), "token-used", "api_token", tokenId, what);
            return Optional.of(new Principal((Long) r.get("user_id"), (String) r.get("name"),
                    Role.of((String) r.get("role")), tokenId, null));
        });
    }

    // ----------------------------------------------------------------------------------------------------------
    // sessions

    /** A new session: the cookie value (shown once) and its CSRF token. */
    public record NewSession(String id, String csrfToken) {
    }

    /** The user when name and password match (a disabled user or one without a password never logs in). */
    public Optional<Principal> login(String name, String password) {
        if (name == null || password == null) return Optional.empty();
        var rows = store.query("SELECT id, name, role, password_hash FROM server_user WHERE name = ? AND disabled = FALSE",
                name.strip());
        if (rows.isEmpty()) {
            Secrets.checkPassword(password, DUMMY_HASH); // the same work as for a real user: no timing oracle on names
            return Optional.empty();
        }
        var r = rows.get(0);
        if (!Secrets.checkPassword(password, (String) r.get("password_hash"))) return Optional.empty();
        return Optional.of(new Principal((Long) r.get("id"), (String) r.get("name"), Role.of((String) r.get("role")), null, null));
    }

    private static final String DUMMY_HASH = Secrets.hashPassword(Secrets.password());

    public NewSession startSession(Principal p) {
        String id = Secrets.token("");
        String csrf = Secrets.token("");
        long now = System.currentTimeMillis();
        store.transaction(tx -> {
            tx.update("DELETE FROM web_session WHERE expires_at < ?", now);
            tx.update("INSERT INTO web_session (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                    Secrets.sha256(id), p.userId(), csrf, now, now + SESSION_MILLIS);
            tx.audit(now, p.name(), "login", "server_user", p.userId(), "");
            return null;
        });
        return new NewSession(id, csrf);
    }

    public Optional<Principal> bySession(String sessionId) {
        if (sessionId == null || sessionId.length() > 100) return Optional.empty();
        var rows = store.query("""
                SELECT u.id, u.name, u.role, s.csrf_token FROM web_session s JOIN server_user u ON u.id = s.user_id
                WHERE s.id_hash = ? AND s.expires_at > ? AND u.disabled = FALSE""",
                Secrets.sha256(sessionId), System.currentTimeMillis());
        if (rows.isEmpty()) return Optional.empty();
        var r = rows.get(0);
        return Optional.of(new Principal((Long) r.get("id"), (String) r.get("name"), Role.of((String) r.get("role")), null,
                (String) r.get("csrf_token")));
    }

    public void endSession(String sessionId) {
        if (sessionId == null) return;
        store.transaction(tx -> tx.update("DELETE FROM web_session WHERE id_hash = ?", Secrets.sha256(sessionId)));
    }

    // ----------------------------------------------------------------------------------------------------------

    static String requireName(String name, String what) {
        if (name == null || name.isBlank()) throw ApiError.badRequest("missing " + what);
        String n = name.strip();
        if (!n.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}")) {
            throw ApiError.badRequest("bad " + what + " '" + abbreviate(n) + "': letters, digits, . _ @ - (at most 128)");
        }
        return n;
    }

    /** App keys: what the store accepts from a manifest, less anything that would be awkward in a URL path. */
    static String requireAppKey(String key) {
        if (key == null || key.isBlank()) throw ApiError.badRequest("missing app key");
        String k = key.strip();
        if (!k.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,199}")) {
            throw ApiError.badRequest("bad app key '" + abbreviate(k) + "': letters, digits, . _ - (at most 200)");
        }
        return k;
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    /** For messages: a store refusal is the client's error (a bad state), not the server's. */
    static ApiError conflict(StoreException e) {
        return new ApiError(409, e.getMessage());
    }
}
