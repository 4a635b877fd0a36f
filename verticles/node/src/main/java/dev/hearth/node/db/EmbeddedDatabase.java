package dev.hearth.node.db;

import dev.hearth.runtime.db.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The database a node uses when none is configured: a real PostgreSQL 17 (zonky's
 * binaries) whose data stays in {@code data/pg}, so the world survives a restart.
 * A second node on the same machine and data folder finds it running and shares it;
 * the node that started it stops it when it stops.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres server; // null when another process owns the running server
    private final DatabaseUrl url;

    private EmbeddedDatabase(EmbeddedPostgres server, DatabaseUrl url) {
        this.server = server;
        this.url = url;
    }

    /** Blocking: call before Vert.x starts. */
    public static EmbeddedDatabase startOrJoin(Path dataDir, int port) {
        Path pgData = dataDir.resolve("pg");
        Optional<Integer> runningPort = runningServerPort(pgData);
        if (runningPort.isPresent()) {
            log.info("Using the embedded PostgreSQL already running on port {} from {}", runningPort.get(), pgData);
            return new EmbeddedDatabase(null, local(runningPort.get()));
        }
        try {
            Files.createDirectories(dataDir);
            log.info("Starting the embedded PostgreSQL on 127.0.0.1:{} with data in {}", port, pgData);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // Node.stop() closes it last, after everything that writes has finished;
                    // zonky's own hook would stop it in parallel with that.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    // zonky starts PostgreSQL as for throwaway tests (-F, synchronous_commit=off);
                    // this is the world, and "acknowledged means committed" means on disk.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // Zero-filling each new 16 MB WAL file stalled every commit behind it for
                    // 70-100 ms on these disks (the p99 of committed saves, docs/benchmarks.md);
                    // a file is still allocated and synced as it is written.
                    .setServerConfig("wal_init_zero", "off")
                    .start();
            return new EmbeddedDatabase(server, local(port));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData
                    + " on port " + port + " (is the port taken? set HEARTH_EMBEDDED_DB_PORT, or HEARTH_DB_URL for an external database)", e);
        }
    }

    public DatabaseUrl url() {
        return url;
    }

    public boolean ownedByThisNode() {
        return server != null;
    }

    @Override
    public void close() {
        if (server == null) return;
        try {
            server.close();
            log.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private static DatabaseUrl local(int port) {
        return new DatabaseUrl("127.0.0.1", port, "postgres", "postgres", "");
    }

    /** postmaster.pid: line 1 is the server's PID, line 4 its port. A stale file has a dead PID. */
    private static Optional<Integer> runningServerPort(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) return Optional.empty();
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            // After a reboot the PID may belong to some other program: only a live postgres counts.
            boolean postgresAlive = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .flatMap(process -> process.info().command())
                    .map(command -> command.contains("postgres"))
                    .orElse(false);
            if (postgresAlive) {
                return Optional.of(Integer.parseInt(lines.get(3).trim()));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Unreadable {}: {}", pidFile, e.getMessage());
        }
        return Optional.empty();
    }
}
