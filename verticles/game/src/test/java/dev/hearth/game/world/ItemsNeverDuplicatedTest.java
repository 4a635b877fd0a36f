package dev.hearth.game.world;

import dev.hearth.game.character.CharacterState;
import dev.hearth.game.npc.NpcCast;
import dev.hearth.game.testing.SeededWorld;
import dev.hearth.game.testing.TestWorld;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Items change hands by transfers, so however players grab, drop and pass them at once,
 * each item ends up in exactly one place: never duplicated, never lost.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ItemsNeverDuplicatedTest {
    private static final List<String> PLAYERS = List.of("Alice", "Bob", "Carol", "Dave");
    private static final List<Item> ITEMS = IntStream.rangeClosed(1, 6)
            .mapToObj(i -> new Item("pebble-" + i, "pebble " + "abcdef".charAt(i - 1), "A smooth grey pebble.")).toList();

    private TestWorld world;

    @AfterEach
    void stop() {
        if (world != null) world.close();
    }

    /** One room, the tavern, holding six pebbles: everyone can reach everything. */
    private static SeededWorld.Catalog pebbleRoom() {
        RoomPlan tavern = new RoomPlan(RoomCatalog.STARTING_ROOM, "The Pebble Room", "Pebbles everywhere.", List.of(),
                GridPosition.ORIGIN, ITEMS);
        return new SeededWorld.Catalog(RoomCatalog.of(List.of(tavern)), NpcCast.none());
    }

    @Test
    void players_grabbing_one_item_at_once_leave_it_with_exactly_one_of_them() throws Exception {
        world = TestWorld.start(SeededWorld.catalog(), b -> b);
        List<SessionRef> players = PLAYERS.stream().map(p -> world.enter(p, "g1")).toList();
        players.forEach(p -> world.output(p, "north"));

        List<CommandOutcome> outcomes = allAtOnce(players, p -> world.command(p, "get bread"));

        assertThat(outcomes).filteredOn(o -> o instanceof CommandOutcome.Done).hasSize(1);
        awaitSettled(List.of("kitchen"), List.of("bread-1"));
    }

    @Test
    void items_passed_around_by_many_players_at_once_are_each_in_exactly_one_place() throws Exception {
        world = TestWorld.start(pebbleRoom(), b -> b);
        List<SessionRef> players = PLAYERS.stream().map(p -> world.enter(p, "g1")).toList();

        List<Integer> moved = allAtOnce(players, player -> {
            Random random = new Random(player.player().hashCode());
            int done = 0;
            for (int i = 0; i < 40; i++) {
                String pebble = "pebble " + "abcdef".charAt(random.nextInt(ITEMS.size()));
                String other = PLAYERS.get(random.nextInt(PLAYERS.size()));
                String line = switch (random.nextInt(3)) {
                    case 0 -> "get " + pebble;
                    case 1 -> "drop " + pebble;
                    default -> "give " + pebble + " to " + other;
                };
                // Many are refused (not here any more, not carried): racing for the same pebbles is the point.
                if (world.command(player, line) instanceof CommandOutcome.Done) done++;
            }
            return done;
        });

        assertThat(moved.stream().mapToInt(Integer::intValue).sum()).as("pebbles that changed hands").isGreaterThan(20);
        awaitSettled(List.of(RoomCatalog.STARTING_ROOM), ITEMS.stream().map(Item::id).toList());
    }

    /** Runs one task per player, all at once, and waits for every one. */
    private static <T> List<T> allAtOnce(List<SessionRef> players, java.util.function.Function<SessionRef, T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(players.size());
        try {
            List<Future<T>> running = new ArrayList<>();
            for (SessionRef player : players) running.add(pool.submit(() -> task.apply(player)));
            List<T> results = new ArrayList<>();
            for (Future<T> f : running) results.add(f.get());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Once every transfer has landed (an item is in neither place only while on its way),
     * every item is in exactly one inventory or on one floor, as committed.
     */
    private void awaitSettled(List<String> rooms, List<String> itemIds) {
        Await.within(Duration.ofSeconds(10), "every item has landed somewhere", () -> placesOf(rooms).size() >= itemIds.size());
        List<String> places = placesOf(rooms);
        assertThat(places).as("where each item is").hasSize(itemIds.size());
        assertThat(places.stream().map(p -> p.substring(0, p.indexOf('@'))).toList())
                .as("each item once").containsExactlyInAnyOrderElementsOf(itemIds);
    }

    /** "item@where" for every item on the rooms' floors and in the players' inventories, as committed. */
    private List<String> placesOf(List<String> rooms) {
        List<String> places = new ArrayList<>();
        for (String room : rooms) {
            RoomState state = world.room(room);
            List<Item> items = state == null ? world.services().rooms().require(room).items() : state.stockedFrom(
                    world.services().rooms().require(room)).items();
            items.forEach(i -> places.add(i.id() + "@" + room));
        }
        for (String player : PLAYERS) {
            CharacterState state = world.character(player);
            if (state != null) state.inventory().forEach(i -> places.add(i.id() + "@" + player));
        }
        return places;
    }
}
