package dev.hearth.node.example;

import ch.qos.logback.classic.Level;
import dev.hearth.node.Node;
import dev.hearth.node.config.ConfigLoader;
import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.Ref;
import dev.hearth.runtime.entity.engine.EntityRuntime;
import dev.hearth.runtime.entity.example.Barrel;
import dev.hearth.runtime.entity.example.BarrelEntity;
import dev.hearth.runtime.entity.example.Player;
import dev.hearth.runtime.entity.example.PlayerEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The guide's example, run for real ({@code scripts/example.sh bob}): two Hearth nodes in
 * this JVM, each its own Hazelcast member, clustered Vert.x and entity runtime, on the
 * embedded PostgreSQL (data in target/example-bob, kept between runs). Bob enters a level of
 * thirty barrels spread over both nodes; run it again and the barrels stay exploded.
 */
public final class BobExample {
    private static final String BOB = "Bob: Slayer of armoured cylinders";
    private static final List<EntityType<?, ?>> TYPES = List.of(BarrelEntity.TYPE, PlayerEntity.TYPE);

    public static void main(String[] args) throws InterruptedException {
        quiet(Logger.ROOT_LOGGER_NAME, Level.WARN);
        quiet("com.hazelcast", Level.ERROR);
        System.out.println("Starting two nodes on the embedded PostgreSQL...");
        Node one = node("bob-1", 5801).start(); // starts the embedded PostgreSQL
        Node two = node("bob-2", 5802);
        try {
            two.start(); // finds the embedded PostgreSQL running and shares it
            EntityRuntime entities = one.entities();
            for (int i = 0; i < 200 && entities.liveHosts().size() < 2; i++) Thread.sleep(50); // bob-1 sees bob-2's lease

            Player bob = entities.ref(Player.class, BOB);
            List<Ref<Barrel>> level = IntStream.range(0, 30).mapToObj(i -> entities.refOf(Barrel.class, "barrel-" + i)).toList();
            int before = bob.score().await();
            int after = bob.enterLevel(level).await();

            System.out.printf("%s: %d points before the level, %d after; barrels on bob-1: %d, on bob-2: %d%n",
                    BOB, before, after, barrels(one), barrels(two));
            System.out.println("score() asked through bob-2: " + two.entities().ref(Player.class, BOB).score().await());
        } finally {
            two.stop();
            one.stop(); // last: it stops the embedded PostgreSQL
        }
    }

    /** A node that hosts the example's entities only: no world, no gateway, no management port. */
    private static Node node(String name, int clusterPort) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent("HEARTH_DATA_DIR", "target/example-bob");
        env.putIfAbsent("HEARTH_EMBEDDED_DB_PORT", "15442"); // not the port of scripts/run.sh's database
        env.putAll(Map.of("HEARTH_ROLE", "game", "HEARTH_WORLD_ENABLED", "false", "HEARTH_NODE_NAME", name,
                "HEARTH_MANAGEMENT_PORT", "-1", "HEARTH_CLUSTER_PORT", String.valueOf(clusterPort),
                "HEARTH_CLUSTER_MEMBERS", "127.0.0.1:5801,127.0.0.1:5802"));
        return new Node(ConfigLoader.load(List.of(), env), TYPES);
    }

    private static void quiet(String logger, Level level) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(logger)).setLevel(level);
    }

    private static long barrels(Node node) {
        return node.entities().activeIds().stream().filter(id -> id.type().equals("Barrel")).count();
    }
}
