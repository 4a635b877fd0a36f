package dev.hearth.game.npc;

import dev.hearth.game.testing.FakeGateway;
import dev.hearth.game.testing.ScriptedRandom;
import dev.hearth.game.testing.SeededWorld;
import dev.hearth.game.testing.TestWorld;
import dev.hearth.runtime.edge.Delivery;
import dev.hearth.runtime.edge.SessionRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static dev.hearth.game.testing.Events.emoted;
import static dev.hearth.game.testing.Events.npcArrived;
import static dev.hearth.game.testing.Events.npcLeft;
import static dev.hearth.game.testing.Events.room;
import static dev.hearth.game.testing.Events.seeded;
import static dev.hearth.game.testing.Events.tavern;
import static org.assertj.core.api.Assertions.assertThat;

/** Soot the tavern cat lives on its own: a durable reminder makes it wander and emote. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NpcTest {
    /** nextInt(4) below 2 moves it, 2 emotes, 3 dozes; then the exit or line by index. */
    private static final int MOVE = 0;
    private static final int EMOTE = 2;
    private static final int DOZE = 3;

    private TestWorld world;
    private FakeGateway g1;

    @AfterEach
    void stop() {
        if (world != null) world.close();
    }

    private void start(RandomGenerator random, Duration pace) {
        world = TestWorld.start(SeededWorld.catalog(), b -> b.random(random).npcPace(pace));
        g1 = world.gateway("g1");
    }

    private Npc soot() {
        return world.kit().ref(Npc.class, "cat");
    }

    @Test
    void soot_wakes_by_the_tavern_fire() {
        start(new ScriptedRandom(DOZE), TestWorld.CAT_NAPS);
        SessionRef alice = world.enter("Alice", "g1");

        assertThat(world.output(alice, "look")).containsExactly(tavern("Alice"));
        assertThat(world.npc("cat")).isEqualTo(new NpcEntity.State("tavern", -1, true));
    }

    @Test
    void soot_wanders_through_an_exit_and_both_rooms_see_it_go_and_come_as_a_non_player_character() {
        // The tavern's exits in map order: north, east, down.
        start(new ScriptedRandom(DOZE, MOVE, 1), TestWorld.CAT_NAPS);
        SessionRef alice = world.enter("Alice", "g1");
        SessionRef bob = world.enter("Bob", "g1");
        world.output(bob, "east");
        g1.clear();

        world.kit().await(soot().act());

        assertThat(g1.deliveries()).containsExactly(
                new Delivery(List.of(alice.session()), npcLeft("Soot", "east")),
                new Delivery(List.of(bob.session()), npcArrived("Soot", "west")));
        assertThat(world.output(bob, "look")).containsExactly(room(SeededWorld.rooms().require("square"),
                List.of("Bob"), List.of("Soot"), List.of()));
        assertThat(world.output(alice, "look")).containsExactly(seeded("tavern", "Alice"));
        assertThat(world.npc("cat").room()).isEqualTo("square");
    }

    @Test
    void soot_emotes_to_the_room_it_is_in() {
        start(new ScriptedRandom(DOZE, EMOTE, 1), TestWorld.CAT_NAPS);
        SessionRef alice = world.enter("Alice", "g1");
        g1.clear();

        world.kit().await(soot().act());

        assertThat(g1.eventsFor(alice)).containsExactly(emoted("Soot", "washes a paw with enormous care."));
    }

    @Test
    void soot_dozing_changes_nothing() {
        start(new ScriptedRandom(DOZE), TestWorld.CAT_NAPS);
        SessionRef alice = world.enter("Alice", "g1");
        g1.clear();

        world.kit().await(soot().act());

        assertThat(g1.eventsFor(alice)).isEmpty();
        assertThat(world.npc("cat").room()).isEqualTo("tavern");
    }

    @Test
    void soot_never_strays_from_the_rooms_it_roams() {
        start(new SplittableRandom(42), TestWorld.CAT_NAPS);
        NpcDefinition cat = world.services().npcs().find("cat").orElseThrow();

        for (int step = 0; step < 60; step++) {
            world.kit().await(soot().act());
            assertThat(cat.roams()).as("after step " + step).contains(world.npc("cat").room());
        }
    }

    @Test
    void waking_again_leaves_soot_where_it_is() {
        start(new ScriptedRandom(DOZE, MOVE, 1), TestWorld.CAT_NAPS);
        world.kit().await(soot().act());

        world.kit().await(soot().wake());
        world.kit().deactivate(Npc.class, "cat");
        world.kit().await(soot().wake());

        assertThat(world.npc("cat")).isEqualTo(new NpcEntity.State("square", -1, true));
    }

    @Test
    void its_reminder_keeps_soot_moving_with_no_one_calling_it() {
        // Always the first exit: north from the tavern, then south back from the kitchen.
        start(new ScriptedRandom(MOVE), Duration.ofMillis(300));
        SessionRef alice = world.enter("Alice", "g1");

        g1.awaitEvent(alice, npcLeft("Soot", "north"));
        g1.awaitEvent(alice, npcArrived("Soot", "north"));
    }
}
