package dev.hearth.runtime.db;

import io.vertx.pgclient.PgConnectOptions;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the world is kept: one PostgreSQL database, named once and read by both
 * the reactive client (game traffic) and JDBC (Flyway at start-up).
 */
public record DatabaseUrl(String host, int port, String database, String user, String password) {

    public DatabaseUrl {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("database host is empty");
        if (port <= 0 || port > 65535) throw new IllegalArgumentException("database port out of range: " + port);
        if (database == null || database.isBlank()) throw new IllegalArgumentException("database name is empty");
        if (user == null || user.isBlank()) throw new IllegalArgumentException("database user is empty");
        if (password == null) password = "";
    }

    /**
     * Reads {@code postgresql://user:password@host:port/database} (also {@code postgres://}
     * and {@code jdbc:postgresql://}). User and password given separately win over the URL's.
     */
    public static DatabaseUrl parse(String url, String userOverride, String passwordOverride) {
        String text = url.trim();
        if (text.startsWith("jdbc:")) text = text.substring("jdbc:".length());
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PostgreSQL URL: " + redact(url));
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("not a PostgreSQL URL (expected postgresql://...): " + redact(url));
        }
        String user = "postgres";
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            if (parts.length > 1) password = decode(parts[1]);
        }
        if (userOverride != null && !userOverride.isBlank()) user = userOverride;
        if (passwordOverride != null && !passwordOverride.isEmpty()) password = passwordOverride;
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new DatabaseUrl(
                uri.getHost() == null ? "localhost" : uri.getHost(),
                uri.getPort() < 0 ? 5432 : uri.getPort(),
                path.isEmpty() ? "postgres" : path,
                user,
                password);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public PgConnectOptions connectOptions() {
        return new PgConnectOptions()
                .setHost(host)
                .setPort(port)
                .setDatabase(database)
                .setUser(user)
                .setPassword(password)
                .setCachePreparedStatements(true);
    }

    /** The same database on the same server under another name (tests create databases). */
    public DatabaseUrl withDatabase(String otherDatabase) {
        return new DatabaseUrl(host, port, otherDatabase, user, password);
    }

    /** For logs and error messages: never the password. */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String redact(String url) {
        return url.replaceAll("//([^:/@]*):[^@]*@", "//$1:***@");
    }
}
