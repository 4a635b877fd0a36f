package dev.hearth.game.world;

import dev.hearth.runtime.edge.SessionRef;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LocalPresenceTest {
    private final Presence presence = new LocalPresence();
    private final SessionRef aliceOne = new SessionRef("Alice", "g1", "hearth.session.a1");
    private final SessionRef aliceTwo = new SessionRef("Alice", "g2", "hearth.session.a2");
    private final SessionRef bob = new SessionRef("bob", "g1", "hearth.session.b1");

    @Test
    void a_first_session_is_an_arrival_in_the_starting_room() {
        assertThat(presence.join(aliceOne, "tavern")).isEqualTo(new Presence.Joined("Alice", "tavern", true, true));
        assertThat(presence.roomOf("Alice")).contains("tavern");
        assertThat(presence.contains(aliceOne)).isTrue();
    }

    @Test
    void a_second_session_joins_the_player_where_they_are() {
        presence.join(aliceOne, "tavern");
        assertThat(presence.join(aliceTwo, "elsewhere")).isEqualTo(new Presence.Joined("Alice", "tavern", true, false));
        assertThat(presence.sessionsIn("tavern")).containsExactly(aliceOne, aliceTwo);
        assertThat(presence.playersIn("tavern")).containsExactly("Alice");
    }

    @Test
    void joining_again_with_a_known_session_changes_nothing() {
        presence.join(aliceOne, "tavern");
        assertThat(presence.join(aliceOne, "tavern")).isEqualTo(new Presence.Joined("Alice", "tavern", false, false));
        assertThat(presence.sessionsIn("tavern")).containsExactly(aliceOne);
    }

    @Test
    void only_the_last_session_parting_is_a_departure() {
        presence.join(aliceOne, "tavern");
        presence.join(aliceTwo, "tavern");
        assertThat(presence.part(aliceOne)).contains(new Presence.Parted("Alice", "tavern", false));
        assertThat(presence.part(aliceTwo)).contains(new Presence.Parted("Alice", "tavern", true));
        assertThat(presence.playersOnline()).isEmpty();
        assertThat(presence.sessionsIn("tavern")).isEmpty();
        assertThat(presence.roomOf("Alice")).isEmpty();
    }

    @Test
    void parting_an_unknown_session_or_one_named_for_another_player_does_nothing() {
        presence.join(bob, "tavern");
        assertThat(presence.part(aliceOne)).isEmpty();
        assertThat(presence.part(new SessionRef("Alice", "g1", bob.session()))).isEmpty();
        assertThat(presence.playersOnline()).containsExactly("bob");
    }

    @Test
    void a_session_address_cannot_belong_to_two_players() {
        presence.join(bob, "tavern");
        assertThatThrownBy(() -> presence.join(new SessionRef("Alice", "g1", bob.session()), "tavern"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(presence.playersOnline()).containsExactly("bob");
    }

    @Test
    void the_sessions_on_a_gateway_are_listed_in_the_order_they_joined() {
        presence.join(bob, "tavern");
        presence.join(aliceTwo, "tavern");
        presence.join(aliceOne, "tavern");
        assertThat(presence.sessionsOn("g1")).containsExactly(bob, aliceOne);
        assertThat(presence.sessionsOn("g2")).containsExactly(aliceTwo);
        assertThat(presence.sessionsOn("g3")).isEmpty();
    }

    @Test
    void a_parted_session_is_no_longer_listed_on_its_gateway() {
        presence.join(aliceOne, "tavern");
        presence.join(bob, "tavern");
        presence.part(aliceOne);
        assertThat(presence.sessionsOn("g1")).containsExactly(bob);
    }

    @Test
    void names_sort_regardless_of_case() {
        presence.join(bob, "tavern");
        presence.join(aliceOne, "tavern");
        presence.join(new SessionRef("Carol", "g1", "hearth.session.c1"), "cellar");
        assertThat(presence.playersOnline()).containsExactly("Alice", "bob", "Carol");
        assertThat(presence.playersIn("tavern")).containsExactly("Alice", "bob");
        assertThat(presence.playersIn("cellar")).containsExactly("Carol");
    }
}
