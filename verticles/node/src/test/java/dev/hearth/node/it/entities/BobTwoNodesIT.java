package dev.hearth.node.it.entities;

import dev.hearth.node.example.BobExample;
import dev.hearth.node.it.NodeProcess;
import dev.hearth.node.it.entities.EntityNode.Reply;
import dev.hearth.node.it.entities.EntityRows.Row;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's example on a real cluster: two {@link EntityNodeMain} processes, both hosting
 * entities, over one PostgreSQL. Bob (the straight-line {@code PlayerEntity} of the
 * runtime's examples) enters a level of thirty barrels that land on both nodes, enters it
 * again, answers his score through either node, and keeps it when his node is killed. And
 * the guide's runnable {@link BobExample} (scripts/example.sh bob) runs and prints his score.
 */
class BobTwoNodesIT extends TwoEntityNodes {
    private static final Logger log = LoggerFactory.getLogger(BobTwoNodesIT.class);
    private static final String BOB = "Bob: Slayer of armoured cylinders";
    private static final int BARRELS = 30;

    @Test
    void bobSlaysThirtyBarrelsOnTwoNodesAndKeepsHisScoreWhenHisNodeIsKilled() throws Exception {
        EntityNode a = start("a", portA);
        EntityNode b = start("b", portB);
        awaitOneCluster(a.awaitUp(START_LIMIT), b.awaitUp(START_LIMIT));

        assertThat(a.enterLevel(BOB, BARRELS).value()).as("the first level: every barrel explodes").isEqualTo(30);
        Map<String, Long> byOwner = barrelsHitEach(1).values().stream()
                .collect(Collectors.groupingBy(Row::owner, Collectors.counting()));
        log.info("Bob's barrels by owner: {}", byOwner);
        assertThat(byOwner).as("barrels hosted by each node").containsOnlyKeys(a.id(), b.id());
        assertThat(a.health().getInteger("active") + b.health().getInteger("active"))
                .as("thirty barrels and Bob, each active once").isEqualTo(BARRELS + 1);

        assertThat(b.enterLevel(BOB, BARRELS).value()).as("the same level again, through the other node: "
                + "exploded barrels give nothing").isEqualTo(30);
        barrelsHitEach(2);
        assertThat(a.score(BOB).value()).as("score() through a").isEqualTo(30);
        assertThat(b.score(BOB).value()).as("score() through b").isEqualTo(30);

        Row before = rows.row("Player", BOB);
        assertThat(score(before)).as("Bob's committed score").isEqualTo(30);
        EntityNode home = before.owner().equals(a.id()) ? a : b;
        EntityNode survivor = home == a ? b : a;
        long killedAt = System.nanoTime();
        home.kill();
        Reply[] answer = new Reply[1];
        Await.within(Duration.ofSeconds(20), "Bob answers through " + survivor, () -> {
            answer[0] = survivor.score(BOB, Duration.ofMillis(500));
            return answer[0].ok();
        });
        log.info("Bob's node {} killed: his score answered through {} {} ms later", home, survivor,
                Duration.ofNanos(System.nanoTime() - killedAt).toMillis());

        assertThat(answer[0].value()).as("the score reactivated from committed state").isEqualTo(30);
        Row after = rows.row("Player", BOB);
        assertThat(after.owner()).as("Bob's owner after the kill").isEqualTo(survivor.id());
        assertThat(after.epoch()).as("Bob's epoch: one claim by the survivor").isEqualTo(before.epoch() + 1);
        assertThat(survivor.enterLevel(BOB, BARRELS).value()).as("a third time, every barrel on the survivor").isEqualTo(30);
        assertThat(barrelsHitEach(3).values()).extracting(Row::owner).containsOnly(survivor.id());
    }

    @Test
    void theGuidesRunnableExampleStartsTwoNodesInOneJvmAndPrintsBobsScore() throws Exception {
        try (NodeProcess example = NodeProcess.startMain("bob-example", BobExample.class, Map.of(), workDir)) {
            assertThat(example.awaitExit(Duration.ofSeconds(120))).as("exit status; output:\n" + example.logTail()).isZero();
            assertThat(example.logText()).contains(BOB + ": 0 points before the level, 30 after")
                    .containsPattern("barrels on bob-1: [1-9]\\d*, on bob-2: [1-9]")
                    .contains("score() asked through bob-2: 30");
        }
    }

    /** Every barrel's row, each with {@code hits} committed hits. */
    private Map<String, Row> barrelsHitEach(int hits) {
        Map<String, Row> barrels = rows.rows("Barrel");
        assertThat(barrels).hasSize(BARRELS);
        assertThat(barrels.values()).as("every barrel hit " + hits + " time(s), committed")
                .allSatisfy(row -> assertThat(new JsonObject(row.state()).getInteger("hits")).isEqualTo(hits));
        return barrels;
    }

    private static int score(Row player) {
        return new JsonObject(player.state()).getInteger("score");
    }
}
