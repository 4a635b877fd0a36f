package dev.hearth.node.it.entities;

import dev.hearth.node.it.NodeProcess;
import dev.hearth.node.it.entities.EntityNode.Reply;
import dev.hearth.node.it.entities.EntityRows.Row;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.testing.Await;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A graceful restart of a game node while players' commands flow: two real Hearth nodes
 * of role game (the packaged jar) and a caller that hosts nothing, as a gateway. The test sends commands
 * with command ids through the caller, one stream per tally, and sends SIGTERM to one game
 * node: it drains its tallies onto the other and exits. No command may fail, every
 * acknowledged one must be in the database, and the longest a command waited is logged.
 */
class NodeDrainIT {
    private static final Logger log = LoggerFactory.getLogger(NodeDrainIT.class);
    private static final int FAILURE_SECONDS = 10;
    private static final Duration START_LIMIT = Duration.ofSeconds(90);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern DRAINED = Pattern.compile("drained: (\\d+) activations handed over in (\\d+) ms");

    private final List<AutoCloseable> started = new ArrayList<>();
    private Path workDir;
    private DatabaseUrl database;
    private EntityRows rows;

    @BeforeEach
    void freshDatabase() throws Exception {
        workDir = Files.createTempDirectory("hearth-it-drain");
        database = TestDatabase.fresh();
        rows = new EntityRows(database);
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (AutoCloseable node : started.reversed()) node.close();
    }

    @Test
    void aGameNodeStoppedWithSigtermHandsItsEntitiesOverWithoutACallerNoticingMoreThanAPause() throws Exception {
        int portA = NodeProcess.freePort();
        int portB = NodeProcess.freePort();
        int portCaller = NodeProcess.freePort();
        String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB + ",127.0.0.1:" + portCaller;
        NodeProcess a = game("game-a", portA, members).awaitHealthy(START_LIMIT);
        NodeProcess b = game("game-b", portB, members).awaitHealthy(START_LIMIT);
        EntityNode caller = EntityNode.startCaller("caller", portCaller, members, database, FAILURE_SECONDS, workDir);
        started.add(caller);
        caller.awaitCalling(START_LIMIT, 2);
        String idA = entities(a).getString("node");
        String idB = entities(b).getString("node");
        Await.within(Duration.ofSeconds(10), "both game nodes see both hosts",
                () -> entities(a).getJsonArray("liveHosts").size() == 2 && entities(b).getJsonArray("liveHosts").size() == 2);

        List<String> keys = IntStream.range(0, 24).mapToObj(i -> "visits-" + i).toList();
        Load load = new Load(caller, keys).start();
        Await.within(Duration.ofSeconds(30), "every tally acknowledged three commands",
                () -> load.acknowledgedOfEach() >= 3 || load.failed());
        List<String> onA = keysOwnedBy(idA);
        assertThat(onA).as("tallies hosted by the node to stop").isNotEmpty();
        assertThat(keysOwnedBy(idB)).as("tallies hosted by the node that stays").isNotEmpty();

        long beforeStop = load.acknowledged.get();
        long longestBefore = load.longestMillis.getAndSet(0);
        long stoppedAt = System.nanoTime();
        a.terminate();
        int exit = a.awaitExit(Duration.ofSeconds(60));
        long exitMillis = (System.nanoTime() - stoppedAt) / 1_000_000;
        long atExit = load.acknowledged.get();
        Await.within(Duration.ofSeconds(30), "five more commands per tally after the node exited",
                () -> load.acknowledgedOfEach() >= (atExit / keys.size()) + 5 || load.failed());
        load.stop();

        Matcher drained = DRAINED.matcher(a.logText());
        String drain = drained.find() ? drained.group(1) + " activations handed over in " + drained.group(2) + " ms" : "not logged";
        log.info("Graceful stop under load: SIGTERM to exit {} ms (exit status {}); drain: {}; {} commands acknowledged "
                        + "meanwhile; longest wait for a command since the SIGTERM: {} ms (before it, first activations "
                        + "included: {} ms; median before it {} ms); longest gap between two acknowledgements of one "
                        + "tally: {} ms; {}", exitMillis, exit, drain, atExit - beforeStop, load.longestMillis.get(), longestBefore,
                load.medianMillisBefore(stoppedAt), load.longestGapSince(stoppedAt), load.longestWaitsAfter(stoppedAt));

        assertThat(load.failures).as("commands that failed").isEmpty();
        assertThat(a.logText()).as("the stopped node drained").containsPattern(DRAINED);
        Map<String, Row> after = rows.rows("Tally");
        for (String key : keys) {
            List<Integer> answers = load.answers.get(key);
            assertThat(answers).as(key + ": each acknowledged total once, in order")
                    .isEqualTo(IntStream.rangeClosed(1, answers.size()).boxed().toList());
            assertThat(new JsonObject(after.get(key).state()).getLong("total"))
                    .as(key + ": every acknowledged command committed").isEqualTo((long) answers.size());
            assertThat(after.get(key).owner()).as(key + " owner").isEqualTo(idB);
        }
        assertThat(commandsStored()).as("command ids stored with their changes").isEqualTo(load.acknowledged.get());
        assertThat(leaseOf(idA)).as("the stopped node's lease").isFalse();
    }

    private NodeProcess game(String name, int clusterPort, String members) throws Exception {
        NodeProcess node = NodeProcess.start(name, NodeProcess.env("game", clusterPort, members, database, FAILURE_SECONDS), workDir);
        started.add(node);
        return node;
    }

    private static JsonObject entities(NodeProcess node) {
        return node.status().getJsonObject("entities");
    }

    private List<String> keysOwnedBy(String nodeId) {
        return rows.rows("Tally").entrySet().stream().filter(e -> nodeId.equals(e.getValue().owner()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    private long commandsStored() {
        return count("SELECT count(*) FROM entity_commands WHERE type = 'Tally'");
    }

    private boolean leaseOf(String nodeId) {
        return count("SELECT count(*) FROM entity_nodes WHERE node_id = '" + nodeId.replace("'", "''") + "'") > 0;
    }

    private long count(String sql) {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /**
     * One stream of commands per tally, each with a new command id as soon as the last was
     * acknowledged, as a player's client sends. A failed command ends its stream.
     */
    private static final class Load {
        private final EntityNode caller;
        private final List<String> keys;
        final Map<String, List<Integer>> answers = new ConcurrentHashMap<>();
        /** Per tally, when each acknowledgement came (System.nanoTime). */
        private final Map<String, List<Long>> answeredAt = new ConcurrentHashMap<>();
        /** Every acknowledged command: when it was sent and how long it waited (nanoseconds). */
        private final List<long[]> waits = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong longestMillis = new AtomicLong();
        private final List<Thread> streams = new ArrayList<>();
        private volatile boolean stop;

        Load(EntityNode caller, List<String> keys) {
            this.caller = caller;
            this.keys = keys;
            for (String key : keys) {
                answers.put(key, Collections.synchronizedList(new ArrayList<>()));
                answeredAt.put(key, Collections.synchronizedList(new ArrayList<>()));
            }
        }

        Load start() {
            keys.forEach(key -> streams.add(Thread.ofVirtual().start(() -> send(key))));
            return this;
        }

        private void send(String key) {
            for (int n = 1; !stop; n++) {
                long sent = System.nanoTime();
                Reply reply = caller.addToTally(key, key + "#" + n, CALL_TIMEOUT);
                long now = System.nanoTime();
                if (!reply.ok()) {
                    failures.add(key + "#" + n + ": " + reply);
                    return;
                }
                longestMillis.accumulateAndGet((now - sent) / 1_000_000, Math::max);
                answers.get(key).add(reply.value());
                answeredAt.get(key).add(now);
                waits.add(new long[]{sent, now - sent});
                acknowledged.incrementAndGet();
            }
        }

        long acknowledgedOfEach() {
            return answers.values().stream().mapToLong(List::size).min().orElse(0);
        }

        boolean failed() {
            return !failures.isEmpty();
        }

        long medianMillisBefore(long before) {
            List<Long> sorted = waits.stream().filter(w -> w[0] < before).map(w -> w[1]).sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1_000_000;
        }

        /** The three longest waits answered after {@code since}, with when they were sent relative to it. */
        String longestWaitsAfter(long since) {
            return "longest waits (sent at, relative to the SIGTERM): " + waits.stream()
                    .filter(w -> w[0] + w[1] >= since)
                    .sorted((x, y) -> Long.compare(y[1], x[1])).limit(3)
                    .map(w -> w[1] / 1_000_000 + " ms (at " + (w[0] - since) / 1_000_000 + " ms)")
                    .toList();
        }

        /** The longest time one tally went without an acknowledgement, from {@code since} on. */
        long longestGapSince(long since) {
            long longest = 0;
            for (List<Long> times : answeredAt.values()) {
                long previous = since;
                synchronized (times) {
                    for (long at : times) {
                        if (at < since) continue;
                        longest = Math.max(longest, at - previous);
                        previous = at;
                    }
                }
            }
            return longest / 1_000_000;
        }

        /** Returns once every stream has had its last answer. */
        void stop() throws InterruptedException {
            stop = true;
            for (Thread stream : streams) stream.join();
        }
    }
}
