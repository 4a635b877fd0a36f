package dev.hearth.node.it.entities;

import dev.hearth.node.it.NodeProcess;
import dev.hearth.node.it.entities.EntityRows.Row;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.testing.Await;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the process-level entity tests share: a fresh real PostgreSQL for each test, two
 * cluster ports (a and b), the {@link EntityNodeMain} processes started on them, killed at
 * the end, and the {@code entities} table read directly. Leases are 3 s (renewed every
 * second) and Hazelcast declares a silent member dead after 5 s.
 */
abstract class TwoEntityNodes {
    static final int FAILURE_SECONDS = 5;
    static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final List<EntityNode> nodes = new ArrayList<>();
    Path workDir;
    DatabaseUrl database;
    EntityRows rows;
    int portA;
    int portB;

    @BeforeEach
    void freshDatabase() throws Exception {
        workDir = Files.createTempDirectory("hearth-it-entities");
        database = TestDatabase.fresh();
        rows = new EntityRows(database);
        portA = NodeProcess.freePort();
        portB = NodeProcess.freePort();
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (EntityNode node : nodes) node.close();
    }

    EntityNode start(String name, int clusterPort) throws Exception {
        EntityNode node = EntityNode.start(name, clusterPort, "127.0.0.1:" + portA + ",127.0.0.1:" + portB,
                database, FAILURE_SECONDS, workDir);
        nodes.add(node);
        return node;
    }

    /** Both in one Hazelcast cluster, and each has seen the other's lease: placement spans both. */
    static void awaitOneCluster(EntityNode a, EntityNode b) {
        Await.within(Duration.ofSeconds(30), a + " and " + b + " see each other", () -> seesTwo(a) && seesTwo(b));
    }

    private static boolean seesTwo(EntityNode node) {
        JsonObject health = node.health();
        return health.getInteger("members") == 2 && health.getJsonArray("liveHosts").size() == 2;
    }

    static List<String> keysOwnedBy(EntityNode node, Map<String, Row> rows) {
        return rows.entrySet().stream().filter(e -> node.id().equals(e.getValue().owner())).map(Map.Entry::getKey).sorted().toList();
    }
}
