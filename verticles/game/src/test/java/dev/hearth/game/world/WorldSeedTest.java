package dev.hearth.game.world;

import dev.hearth.game.npc.NpcDefinition;
import dev.hearth.game.testing.SeededWorld;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The world migrations/V7__world_seed.sql builds is whole: connected, consistent on the map, stocked. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorldSeedTest {
    private final RoomCatalog rooms = SeededWorld.rooms();

    @Test
    void there_are_at_least_twelve_rooms_and_the_tavern_is_the_start() {
        assertThat(rooms.all()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(rooms.starting().id()).isEqualTo("tavern");
        assertThat(rooms.starting().name()).isEqualTo("The Hearth Tavern");
    }

    @Test
    void every_room_is_described_at_some_length() {
        for (RoomPlan room : rooms.all()) {
            assertThat(room.description()).as(room.id()).hasSizeGreaterThan(150);
        }
    }

    @Test
    void every_room_can_be_reached_from_the_tavern() {
        Set<String> reached = new HashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of("tavern"));
        while (!next.isEmpty()) {
            String id = next.poll();
            if (reached.add(id)) rooms.require(id).exits().forEach(e -> next.add(e.to()));
        }
        assertThat(reached).containsExactlyInAnyOrderElementsOf(rooms.all().stream().map(RoomPlan::id).toList());
    }

    @Test
    void every_exit_has_a_way_back_the_opposite_way_and_leads_one_step_that_way_on_the_map() {
        for (RoomPlan room : rooms.all()) {
            for (Exit exit : room.exits()) {
                RoomPlan there = rooms.require(exit.to());
                String what = room.id() + " -" + exit.name() + "-> " + there.id();
                assertThat(exit.dir()).as(what + ": a direction for the map").isNotNull();
                Exit back = there.exitTo(room.id()).orElseThrow(() -> new AssertionError(what + " has no way back"));
                assertThat(back.dir()).as(what + ": the way back goes the opposite way").isEqualTo(exit.dir().opposite());
                assertThat(there.position()).as(what + ": one step " + exit.dir().word() + " on the grid")
                        .isEqualTo(exit.dir().from(room.position()));
            }
        }
    }

    @Test
    void no_two_rooms_share_a_place_on_the_map() {
        assertThat(rooms.all().stream().map(RoomPlan::position).toList()).doesNotHaveDuplicates();
    }

    @Test
    void a_handful_of_items_lie_about_each_with_its_own_id_and_a_description() {
        List<Item> items = rooms.all().stream().flatMap(r -> r.items().stream()).toList();
        assertThat(items).hasSizeGreaterThanOrEqualTo(5);
        assertThat(items.stream().map(Item::id).toList()).doesNotHaveDuplicates();
        assertThat(items).allSatisfy(i -> assertThat(i.description()).as(i.id()).isNotBlank());
        assertThat(items.stream().map(Item::id).toList()).contains("lantern-1", "rope-1", "bread-1", "key-1", "feather-1");
    }

    @Test
    void the_cat_lives_in_the_tavern_and_roams_real_rooms_it_can_walk_between() {
        NpcDefinition cat = SeededWorld.npcs().find("cat").orElseThrow();
        assertThat(cat.name()).isEqualTo("Soot");
        assertThat(cat.home()).isEqualTo("tavern");
        assertThat(cat.emotes()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(cat.roams()).allSatisfy(id -> assertThat(rooms.find(id)).as(id).isPresent()).contains("tavern");
        for (String id : cat.roams()) {
            assertThat(rooms.require(id).exits()).as("a way on from " + id).anySatisfy(e -> assertThat(cat.mayEnter(e.to())).isTrue());
        }
    }
}
