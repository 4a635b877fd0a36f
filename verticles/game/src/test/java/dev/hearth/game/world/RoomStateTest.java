package dev.hearth.game.world;

import dev.hearth.runtime.edge.SessionRef;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A room keeps who is in it sorted by name as they come and go, so its view sorts nothing. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoomStateTest {
    private static final SessionRef ONE = new SessionRef("Carol", "g1", "hearth.session.1");
    private static final SessionRef TWO = new SessionRef("Carol", "g1", "hearth.session.2");

    private static Occupant player(String name) {
        return Occupant.player(name, List.of());
    }

    private static List<String> names(RoomState state) {
        return state.occupants().stream().map(Occupant::name).toList();
    }

    @Test
    void occupants_are_kept_in_name_order_whatever_order_they_come_in() {
        RoomState state = RoomState.untouched();
        for (String name : List.of("dave", "Carol", "alice", "Bob", "erin", "Aaron")) state = state.with(player(name));
        state = state.with(Occupant.npc("Soot"));

        assertThat(names(state)).containsExactly("Aaron", "alice", "Bob", "Carol", "dave", "erin", "Soot");
    }

    @Test
    void one_who_comes_again_with_other_sessions_keeps_their_place_once() {
        RoomState state = RoomState.untouched().with(player("Alice")).with(Occupant.player("Carol", List.of(ONE))).with(player("Dave"));

        RoomState next = state.with(Occupant.player("carol", List.of(ONE, TWO)));

        assertThat(names(next)).containsExactly("Alice", "carol", "Dave");
        assertThat(next.occupants().get(1).sessions()).containsExactly(ONE, TWO);
    }

    @Test
    void leaving_keeps_the_order_of_those_who_stay() {
        RoomState state = RoomState.untouched().with(player("Carol")).with(player("Alice")).with(player("Bob"));

        assertThat(names(state.without(player("ALICE")))).containsExactly("Bob", "Carol");
        assertThat(names(state.withoutGhosts(session -> false, player("Carol")))).containsExactly("Carol");
    }

    @Test
    void a_state_saved_unsorted_is_sorted_when_loaded() {
        RoomState loaded = new RoomState(true, List.of(), List.of(player("Zed"), Occupant.npc("Soot"), player("amy"), player("Amy")));

        assertThat(names(loaded)).containsExactly("Amy", "amy", "Soot", "Zed");
    }
}
