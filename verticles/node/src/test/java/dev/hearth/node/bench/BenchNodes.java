package dev.hearth.node.bench;

import dev.hearth.loadtest.BenchWorld;
import dev.hearth.node.db.EmbeddedDatabase;
import dev.hearth.node.it.NodeProcess;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.db.Migrations;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark world: a durable embedded PostgreSQL with the schema and the bench rooms
 * ({@link BenchWorld}), and the nodes of a topology in their own JVMs, started from the
 * packaged jar as {@code scripts/run.sh} starts one. Nodes can be restarted on the same
 * database, so each measurement starts from a node with nothing active.
 */
final class BenchNodes implements AutoCloseable {
    /** One {@code all} node; or a gateway node holding the players and a game node hosting the entities. */
    enum Topology {
        ALL("one all node"), SPLIT("gateway + game node");

        final String description;

        Topology(String description) {
            this.description = description;
        }
    }

    private final Path work;
    private final EmbeddedDatabase database;
    private final List<String> gatewayJvm;
    private final List<String> gameJvm;
    private final List<NodeProcess> nodes = new ArrayList<>();
    private Topology topology;
    private NodeProcess gateway;
    private int starts;
    private boolean closed;

    private BenchNodes(Path work, EmbeddedDatabase database, List<String> gatewayJvm, List<String> gameJvm) {
        this.work = work;
        this.database = database;
        this.gatewayJvm = gatewayJvm;
        this.gameJvm = gameJvm;
    }

    /** The database, migrated and seeded with {@code benchRooms} rooms; no node yet. */
    static BenchNodes create(Path work, int benchRooms, List<String> gatewayJvm, List<String> gameJvm) throws IOException, SQLException {
        Files.createDirectories(work);
        EmbeddedDatabase database = EmbeddedDatabase.startOrJoin(work.resolve("db"), NodeProcess.freePort());
        DatabaseUrl url = database.url();
        Migrations.apply(url);
        try (Connection sql = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
            sql.createStatement().execute(BenchWorld.seedSql(benchRooms));
        }
        return new BenchNodes(work, database, gatewayJvm, gameJvm);
    }

    String databaseUrl() {
        return NodeProcess.url(database.url());
    }

    /** Stops whatever runs and starts {@code topology} afresh on the same database. */
    BenchNodes start(Topology topology) throws IOException, InterruptedException {
        stopNodes();
        this.topology = topology;
        starts++;
        int gamePort = NodeProcess.freePort(), gatewayPort = NodeProcess.freePort();
        if (topology == Topology.ALL) {
            gateway = launch("all-" + starts, "all", gamePort, "127.0.0.1:" + gamePort, gatewayJvm);
        } else {
            String members = "127.0.0.1:" + gamePort + ",127.0.0.1:" + gatewayPort;
            launch("game-" + starts, "game", gamePort, members, gameJvm);
            gateway = launch("gateway-" + starts, "gateway", gatewayPort, members, gatewayJvm);
        }
        for (NodeProcess node : nodes) node.awaitHealthy(Duration.ofSeconds(120));
        return this;
    }

    Topology topology() {
        return topology;
    }

    /** The node players connect to. */
    NodeProcess gateway() {
        return gateway;
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gateway.httpPort;
    }

    JsonObject gatewayStatus() {
        return gateway.status();
    }

    private NodeProcess launch(String name, String role, int clusterPort, String members, List<String> jvm) throws IOException {
        Map<String, String> env = new HashMap<>(NodeProcess.env(role, clusterPort, members, database.url(), 10));
        // The production hashing cost: only new accounts pay it (bots' hashes carry their own, cheap, cost).
        env.put("HEARTH_PASSWORD_HASHING", "owasp");
        NodeProcess node = NodeProcess.start(name, env, work, jvm);
        nodes.add(node);
        return node;
    }

    private synchronized void stopNodes() throws IOException, InterruptedException {
        // The gateway first, as an operator stops a cluster: players leave before the world does.
        for (int i = nodes.size() - 1; i >= 0; i--) nodes.get(i).close();
        nodes.clear();
        gateway = null;
    }

    /** Idempotent: the suite's shutdown hook may close it again. */
    @Override
    public synchronized void close() throws IOException, InterruptedException {
        stopNodes();
        if (!closed) database.close();
        closed = true;
    }
}
