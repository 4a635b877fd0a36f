package dev.hearth.runtime.testing;

import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests: one embedded server per test JVM, and a fresh,
 * fully migrated database for every caller, copied from a migrated template
 * (copying is much faster than migrating each time).
 */
public final class TestDatabase {
    private static final String TEMPLATE = "hearth_template";
    private static final boolean DURABLE = Boolean.getBoolean("hearth.test.durable");
    private static final AtomicInteger counter = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static DatabaseUrl serverUrl;

    private TestDatabase() {
    }

    /** A new database with every migration applied and its own database id. */
    public static synchronized DatabaseUrl fresh() {
        DatabaseUrl admin = server();
        String name = "test_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
        execute(admin, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        DatabaseUrl url = admin.withDatabase(name);
        // Each database must look distinct to the cluster's same-database check.
        execute(url, "UPDATE hearth_meta SET value = gen_random_uuid()::text WHERE key = 'database_id'");
        return url;
    }

    /** Runs one SQL statement through JDBC (setup and assertions outside Vert.x). */
    public static void execute(DatabaseUrl url, String sql) {
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + url + ": " + sql, e);
        }
    }

    private static DatabaseUrl server() {
        if (server != null) return serverUrl;
        try {
            Path dir = Files.createTempDirectory("hearth-test-pg");
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "300")
                    // Tests need no durability; benchmarks of committed saves do (-Dhearth.test.durable=true).
                    .setServerConfig("fsync", DURABLE ? "on" : "off")
                    .setServerConfig("synchronous_commit", DURABLE ? "on" : "off")
                    // As the node's embedded database: see EmbeddedDatabase.
                    .setServerConfig("wal_init_zero", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is going away; the temp directory goes with the OS
            }
        }));
        serverUrl = new DatabaseUrl("localhost", server.getPort(), "postgres", "postgres", "");
        execute(serverUrl, "CREATE DATABASE " + TEMPLATE);
        Migrations.apply(serverUrl.withDatabase(TEMPLATE));
        return serverUrl;
    }
}
