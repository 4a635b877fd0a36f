package dev.hearth.game.match;

import dev.hearth.game.delivery.Audience;
import dev.hearth.game.leaderboard.MatchResult;
import dev.hearth.game.match.Match.Shot;
import dev.hearth.game.testing.PlayKit;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.EntityFailedException;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchEntityTest {
    private static final Duration WAIT = Duration.ofSeconds(8);

    @AutoClose
    private final PlayKit play = new PlayKit();
    private final Match match = play.kit().ref(Match.class, "arena-1");
    private final SessionRef alice = play.session("Alice");
    private final SessionRef bob = play.session("Bob");

    private MatchView start(int barrels, int hits, Duration length) {
        Audience players = Audience.none().with("Alice", List.of(alice)).with("Bob", List.of(bob));
        return play.kit().await(match.start(new MatchSetup("arena", players, barrels, hits, length)));
    }

    private Shot shoot(SessionRef who, String barrel) {
        return play.kit().await(match.shoot(who, barrel));
    }

    @Test
    void aMatchPlaysToTheLastBarrelAndItsScoresAreSavedOnce() {
        MatchView started = start(2, 2, Duration.ofMinutes(1));
        assertThat(started.state()).isEqualTo(MatchView.Phase.PLAYING);
        assertThat(started.standing()).containsExactly("1", "2");
        assertThat(started.scores()).isEqualTo(Map.of("Alice", 0, "Bob", 0));

        assertThat(shoot(alice, "1")).extracting(Shot::outcome, Shot::hitsLeft).containsExactly(Shot.Outcome.HIT, 1);
        assertThat(shoot(bob, "1").outcome()).as("Bob lands the breaking shot").isEqualTo(Shot.Outcome.BROKE);
        shoot(alice, "2");
        Shot last = shoot(alice, "2");

        assertThat(last.outcome()).isEqualTo(Shot.Outcome.BROKE);
        assertThat(last.match().state()).isEqualTo(MatchView.Phase.ENDED);
        assertThat(last.match().endedBy()).isEqualTo(MatchView.Ending.BARRELS);
        MatchResult saved = play.leaderboard().recorded().get("arena-1");
        assertThat(saved.kills()).isEqualTo(Map.of("Alice", 1, "Bob", 1));
        assertThat(play.recordsWritten()).isEqualTo(1);

        assertThat(last.match().scores()).isEqualTo(Map.of("Alice", 1, "Bob", 1));
        assertThat(last.match().result()).isEqualTo("The last barrel is down: the match is over. A tie at 1 barrel each.");
        // The shooter tells the others, once the shot has landed (ShootCommand): the match pushes nothing of it.
        assertThat(last.others()).containsExactly(bob);
        assertThat(play.pushed(bob, "text")).extracting(e -> e.getString("text")).noneMatch(t -> t.contains("breaks barrel"));
        Await.within(WAIT, "everyone is shown the new leaderboard", () -> !play.broadcasts("leaderboard").isEmpty());
        assertThat(play.broadcasts("leaderboard").getLast().getJsonArray("allTime")).isEqualTo(new JsonArray()
                .add(new JsonObject().put("name", "Alice").put("kills", 1))
                .add(new JsonObject().put("name", "Bob").put("kills", 1)));

        assertThat(shoot(bob, "1").outcome()).isEqualTo(Shot.Outcome.NOT_ON);
        assertThat(start(5, 1, Duration.ofMinutes(1)).state()).as("starting again changes nothing").isEqualTo(MatchView.Phase.ENDED);
        play.kit().deactivate(Match.class, "arena-1");
        assertThat(play.kit().await(match.view())).isEqualTo(last.match());
        assertThat(play.recordsWritten()).isEqualTo(1);
    }

    @Test
    void aLeaderboardThatCannotBeReadDoesNotStopTheEnd() {
        start(1, 1, Duration.ofMinutes(1));
        play.failNextLeaderboardRead();

        Shot last = shoot(alice, "1");

        assertThat(last.match().state()).isEqualTo(MatchView.Phase.ENDED);
        assertThat(last.match().scores()).isEqualTo(Map.of("Alice", 1, "Bob", 0));
        assertThat(play.recordsWritten()).isEqualTo(1);
        assertThat(play.broadcasts("leaderboard")).as("shown when it can be read; not this time").isEmpty();
        assertThat(play.kit().await(play.leaderboard().top(10)).allTime()).extracting(r -> r.kills()).containsExactly(1L);
    }

    /**
     * An end whose turn failed after the leaderboard kept its record (its commit failed): Alice
     * broke the last barrel then. Bob breaks it on the retry, and the match ends as the
     * leaderboard says, in its view, its scores and its transfers.
     */
    @Test
    void anEndRetriedAfterItsScoresWereKeptEndsAsTheyWereKept() {
        start(1, 1, Duration.ofMinutes(1));
        MatchResult first = play.kit().await(play.leaderboard().record(
                new MatchResult("arena-1", Map.of("Alice", 1, "Bob", 0), java.time.Instant.now())));

        Shot retried = shoot(bob, "1");

        assertThat(retried.match().state()).isEqualTo(MatchView.Phase.ENDED);
        assertThat(retried.match().scores()).as("as kept").isEqualTo(first.kills());
        assertThat(retried.match().result()).isEqualTo("The last barrel is down: the match is over. Alice wins with 1 barrel.");
        assertThat(play.kit().await(match.view()).scores()).isEqualTo(Map.of("Alice", 1, "Bob", 0));
        Await.within(WAIT, "both characters hear of the end", () -> play.character("Alice") != null && play.character("Bob") != null);
        assertThat(play.character("Alice").score()).as("the kill is Alice's").isEqualTo(1);
        assertThat(play.character("Bob").score()).isZero();
    }

    @Test
    void aShotWhoseEndFailsChangesNothingAndTellsNobody() {
        start(1, 1, Duration.ofMinutes(1));
        play.failNextLeaderboardRecord();

        assertThatThrownBy(() -> shoot(alice, "1")).isInstanceOf(EntityFailedException.class)
                .hasMessageContaining("the leaderboard is unreachable");

        assertThat(play.kit().await(match.view()).state()).as("the failed turn changed nothing").isEqualTo(MatchView.Phase.PLAYING);
        assertThat(play.pushed(bob, "text")).extracting(e -> e.getString("text"))
                .noneMatch(t -> t.contains("breaks barrel") || t.contains("the match is over"));
        Shot again = shoot(bob, "1");
        assertThat(again.match().scores()).isEqualTo(Map.of("Alice", 0, "Bob", 1));
        assertThat(play.leaderboard().recorded().get("arena-1").kills()).isEqualTo(Map.of("Alice", 0, "Bob", 1));
    }

    @Test
    void timeRunningOutEndsTheMatchWithTheKillsSoFar() {
        start(5, 1, Duration.ofSeconds(1));
        assertThat(shoot(bob, "4").outcome()).isEqualTo(Shot.Outcome.BROKE);

        Await.within(WAIT, "time runs out", () -> play.kit().await(match.view()).state() == MatchView.Phase.ENDED);

        MatchView ended = play.kit().await(match.view());
        assertThat(ended.endedBy()).isEqualTo(MatchView.Ending.TIME);
        assertThat(ended.standing()).containsExactly("1", "2", "3", "5");
        assertThat(play.leaderboard().recorded().get("arena-1").kills()).isEqualTo(Map.of("Alice", 0, "Bob", 1));
        assertThat(play.pushed(alice, "text")).extracting(e -> e.getString("text"))
                .contains("Time is up: the match is over. Bob wins with 1 barrel.");
        assertThat(play.pushed(alice, "match").getLast().getJsonObject("match").getString("endedBy")).isEqualTo("time");
    }

    @Test
    void shotsThatCannotLandSayWhy() {
        assertThat(shoot(alice, "1").outcome()).as("before the start").isEqualTo(Shot.Outcome.NOT_ON);
        start(3, 1, Duration.ofMinutes(1));

        assertThat(shoot(alice, "9").outcome()).isEqualTo(Shot.Outcome.NO_SUCH_BARREL);
        assertThat(shoot(play.session("Carol"), "1").outcome()).isEqualTo(Shot.Outcome.NOT_PLAYING);
        shoot(alice, "1");
        assertThat(shoot(bob, "1").outcome()).as("a broken barrel is gone").isEqualTo(Shot.Outcome.NO_SUCH_BARREL);
        assertThat(play.recordsWritten()).isZero();
    }

    @Test
    void playersWhoLeaveKeepTheirKillsAndTheLastOneOutEndsTheMatch() {
        start(3, 1, Duration.ofMinutes(1));
        shoot(alice, "1");

        assertThat(play.kit().await(match.leave("Alice")).state()).isEqualTo(MatchView.Phase.PLAYING);
        assertThat(shoot(alice, "2").outcome()).isEqualTo(Shot.Outcome.NOT_PLAYING);
        assertThat(play.pushed(bob, "text")).extracting(e -> e.getString("text")).contains("Alice has left the match.");
        MatchView abandoned = play.kit().await(match.leave("Bob"));

        assertThat(abandoned.state()).isEqualTo(MatchView.Phase.ENDED);
        assertThat(abandoned.endedBy()).isEqualTo(MatchView.Ending.ABANDONED);
        assertThat(play.leaderboard().recorded().get("arena-1").kills()).isEqualTo(Map.of("Alice", 1, "Bob", 0));
    }

    @Test
    void whenItsMatchEndsTheLobbyEmptiesAndTheNextMatchHasANewId() {
        play.set(MatchSettings.COUNTDOWN_SECONDS, "1").set(MatchSettings.BARRELS, "1").set(MatchSettings.BARREL_HITS, "1");
        Lobby arena = play.kit().ref(Lobby.class, "arena");
        play.kit().await(arena.join("Alice", List.of(alice)));
        play.kit().await(arena.join("Bob", List.of(bob)));
        Await.within(WAIT, "the match starts", () -> play.kit().await(arena.view()).match() != null
                && play.kit().await(match.view()).state() == MatchView.Phase.PLAYING);

        assertThat(shoot(alice, "1").match().state()).isEqualTo(MatchView.Phase.ENDED);

        Await.within(WAIT, "the lobby hears of the end", () -> play.kit().await(arena.view()).state() == LobbyView.Phase.WAITING);
        assertThat(play.kit().await(arena.view()).players()).isEmpty();
        play.kit().await(arena.join("Alice", List.of(alice)));
        play.kit().await(arena.join("Bob", List.of(bob)));
        Await.within(WAIT, "the next match starts", () -> play.kit().await(arena.view()).match() != null);
        assertThat(play.kit().await(arena.view()).match()).isEqualTo("arena-2");
    }
}
