package dev.hearth.runtime.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the SQL files of {@code migrations/} (shipped in this jar under
 * {@code db/migration}). Blocking: call it before Vert.x starts, or on a worker.
 * Flyway takes a PostgreSQL advisory lock, so nodes starting together are safe.
 */
public final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    public static MigrateResult apply(DatabaseUrl url) {
        MigrateResult result = Flyway.configure()
                .dataSource(url.jdbcUrl(), url.user(), url.password())
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load()
                .migrate();
        log.info("Database {} at schema version {} ({} migrations applied now)",
                url, result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion,
                result.migrationsExecuted);
        return result;
    }
}
