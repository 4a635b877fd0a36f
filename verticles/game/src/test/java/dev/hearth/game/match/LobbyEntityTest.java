package dev.hearth.game.match;

import dev.hearth.game.match.Lobby.LobbyJoin;
import dev.hearth.game.testing.PlayKit;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LobbyEntityTest {
    private static final Duration WAIT = Duration.ofSeconds(8);

    @AutoClose
    private final PlayKit play = new PlayKit();
    private final Lobby arena = play.kit().ref(Lobby.class, "arena");

    @Test
    void aLobbyFillsCountsDownAndStartsAMatchWithItsPlayers() {
        play.set(MatchSettings.MAX_PLAYERS, "2").set(MatchSettings.COUNTDOWN_SECONDS, "1");
        SessionRef alice = play.session("Alice");
        SessionRef bob = play.session("Bob");

        LobbyJoin first = play.kit().await(arena.join("Alice", List.of(alice)));
        assertThat(first.outcome()).isEqualTo(LobbyJoin.Outcome.JOINED);
        assertThat(first.lobby().state()).isEqualTo(LobbyView.Phase.WAITING);

        Instant beforeSecond = Instant.now();
        LobbyJoin second = play.kit().await(arena.join("Bob", List.of(bob)));
        assertThat(second.lobby().players()).containsExactly("Alice", "Bob");
        assertThat(second.lobby().state()).isEqualTo(LobbyView.Phase.COUNTDOWN);
        assertThat(second.lobby().startsAt()).isBetween(beforeSecond.plusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(play.kit().await(arena.join("Carol", List.of(play.session("Carol")))).outcome())
                .as("two is the most the setting allows").isEqualTo(LobbyJoin.Outcome.FULL);
        assertThat(play.kit().await(arena.join("Bob", List.of(bob))).outcome()).isEqualTo(LobbyJoin.Outcome.ALREADY_IN);

        Await.within(WAIT, "the countdown ends and the match starts", () ->
                play.kit().await(arena.view()).state() == LobbyView.Phase.PLAYING
                        && play.kit().await(play.kit().ref(Match.class, "arena-1").view()).state() == MatchView.Phase.PLAYING);
        LobbyView playing = play.kit().await(arena.view());
        assertThat(playing.match()).isEqualTo("arena-1");
        MatchView match = play.kit().await(play.kit().ref(Match.class, "arena-1").view());
        assertThat(match.state()).isEqualTo(MatchView.Phase.PLAYING);
        assertThat(match.scores()).containsOnlyKeys("Alice", "Bob");
        assertThat(match.standing()).hasSize(MatchSettings.BARRELS.defaultValue());
        for (SessionRef player : List.of(alice, bob)) {
            assertThat(play.pushed(player, "match")).extracting(e -> e.getJsonObject("match").getString("state"))
                    .containsExactly("playing");
        }
        assertThat(play.kit().await(arena.join("Carol", List.of(play.session("Carol")))).outcome())
                .as("a lobby whose match is on takes nobody").isEqualTo(LobbyJoin.Outcome.PLAYING);
    }

    @Test
    void aPlayerLeavingDuringTheCountdownStopsItAndTheNextCountdownStartsAfresh() {
        play.set(MatchSettings.COUNTDOWN_SECONDS, "1");
        SessionRef alice = play.session("Alice");
        play.kit().await(arena.join("Alice", List.of(alice)));
        play.kit().await(arena.join("Bob", List.of(play.session("Bob"))));

        LobbyView left = play.kit().await(arena.leave("Bob"));

        assertThat(left.state()).isEqualTo(LobbyView.Phase.WAITING);
        assertThat(left.startsAt()).isNull();
        assertThat(play.pushed(alice, "text")).extracting(e -> e.getString("text"))
                .contains("Bob leaves the arena lobby.", "Not enough players left: the countdown stops.");

        play.set(MatchSettings.COUNTDOWN_SECONDS, "2");
        Instant startsAt = play.kit().await(arena.join("Carol", List.of(play.session("Carol")))).lobby().startsAt();
        Await.within(WAIT, "the second countdown ends", () -> play.kit().await(arena.view()).state() == LobbyView.Phase.PLAYING
                && play.kit().await(play.kit().ref(Match.class, "arena-1").view()).state() == MatchView.Phase.PLAYING);
        MatchView match = play.kit().await(play.kit().ref(Match.class, "arena-1").view());
        Instant started = match.endsAt().minusSeconds(MatchSettings.MATCH_SECONDS.defaultValue());
        assertThat(started).as("not at the end of the first countdown").isAfterOrEqualTo(startsAt.minusMillis(250));
        assertThat(match.scores()).containsOnlyKeys("Alice", "Carol");
    }

    @Test
    void aPlayerWhoGoesOfflineWhileWaitingIsTakenOutButNotFromAMatch() {
        play.set(MatchSettings.COUNTDOWN_SECONDS, "1");
        SessionRef alice = play.session("Alice");
        play.kit().await(arena.join("Alice", List.of(alice)));
        play.kit().await(arena.join("Bob", List.of(play.session("Bob"))));

        assertThat(play.kit().await(arena.present("Bob", List.of()))).isFalse();

        LobbyView waiting = play.kit().await(arena.view());
        assertThat(waiting.players()).containsExactly("Alice");
        assertThat(waiting.state()).isEqualTo(LobbyView.Phase.WAITING);
        assertThat(play.pushed(alice, "text")).extracting(e -> e.getString("text")).contains("Bob leaves the arena lobby.");

        play.kit().await(arena.join("Carol", List.of(play.session("Carol"))));
        Await.within(WAIT, "the match starts", () -> play.kit().await(arena.view()).match() != null);
        assertThat(play.kit().await(arena.present("Carol", List.of()))).as("a match keeps its players").isTrue();
        assertThat(play.kit().await(arena.view()).players()).containsExactly("Alice", "Carol");
    }

    /**
     * The lobby's match id is taken and over already: the lobby once started it in a turn that
     * failed after the match committed, so the lobby never heard of its end. Starting it
     * again, the lobby hears of its end again and opens, instead of playing it forever.
     */
    @Test
    void aLobbyWhoseMatchIsAlreadyOverOpensAgainInsteadOfPlayingItForever() {
        play.set(MatchSettings.COUNTDOWN_SECONDS, "1");
        SessionRef alice = play.session("Alice");
        SessionRef bob = play.session("Bob");
        Match first = play.kit().ref(Match.class, "arena-1");
        play.kit().await(first.start(new MatchSetup("arena", dev.hearth.game.delivery.Audience.none()
                .with("Alice", List.of(alice)).with("Bob", List.of(bob)), 1, 1, Duration.ofSeconds(1))));
        Await.within(WAIT, "that match ends", () -> play.kit().await(first.view()).state() == MatchView.Phase.ENDED);

        play.kit().await(arena.join("Alice", List.of(alice)));
        play.kit().await(arena.join("Bob", List.of(bob)));
        Await.within(WAIT, "the countdown ends", () -> play.kit().await(arena.view()).state() != LobbyView.Phase.COUNTDOWN);

        Await.within(WAIT, "the lobby opens again", () -> play.kit().await(arena.view()).state() == LobbyView.Phase.WAITING);
        assertThat(play.kit().await(arena.join("Carol", List.of(play.session("Carol")))).outcome()).isEqualTo(LobbyJoin.Outcome.JOINED);
    }

    @Test
    void playersWithNoLiveSessionAreLeftOutWhenTheCountdownEnds() {
        play.set(MatchSettings.COUNTDOWN_SECONDS, "1");
        play.kit().await(arena.join("Alice", List.of(play.session("Alice"))));
        play.kit().await(arena.join("Bob", List.of(play.session("Bob", "g2"))));
        play.kit().await(arena.join("Carol", List.of(play.session("Carol", "g2"))));
        play.gatewayGone("g2");

        Await.within(WAIT, "the countdown ends", () -> play.kit().await(arena.view()).state() != LobbyView.Phase.COUNTDOWN);

        LobbyView after = play.kit().await(arena.view());
        assertThat(after.state()).as("one player is not a match").isEqualTo(LobbyView.Phase.WAITING);
        assertThat(after.players()).containsExactly("Alice");
        assertThat(play.kit().await(play.kit().ref(Match.class, "arena-1").view()).state()).isEqualTo(MatchView.Phase.STARTING);

        play.kit().await(arena.join("Dave", List.of(play.session("Dave"))));
        Await.within(WAIT, "a match of those who are there", () -> play.kit().await(play.kit().ref(Match.class, "arena-1").view())
                .state() == MatchView.Phase.PLAYING);
        assertThat(play.kit().await(play.kit().ref(Match.class, "arena-1").view()).players()).containsExactly("Alice", "Dave");
    }

    @Test
    void occupancyChangesAreBroadcastToEveryoneAsTheListOfLobbies() {
        play.set(MatchSettings.COUNTDOWN_SECONDS, "60");
        play.kit().await(arena.join("Alice", List.of(play.session("Alice"))));
        play.kit().await(arena.join("Bob", List.of(play.session("Bob"))));

        JsonObject arenaCountingDown = new JsonObject().put("name", "arena").put("players", new JsonArray().add("Alice").add("Bob"))
                .put("max", 4).put("state", "countdown");
        JsonObject yardEmpty = new JsonObject().put("name", "yard").put("players", new JsonArray()).put("max", 4).put("state", "waiting");
        Await.within(WAIT, "the board broadcasts the countdown", () -> !play.broadcasts("lobbies").isEmpty()
                && play.broadcasts("lobbies").getLast().getJsonArray("lobbies").getJsonObject(0).getString("state").equals("countdown"));
        JsonArray last = play.broadcasts("lobbies").getLast().getJsonArray("lobbies");
        JsonObject arenaNow = last.getJsonObject(0).copy();
        assertThat(arenaNow.remove("startsAt")).isInstanceOf(Long.class);
        assertThat(arenaNow).isEqualTo(arenaCountingDown);
        assertThat(last.getJsonObject(1)).isEqualTo(yardEmpty);
        assertThat(play.broadcasts("lobbies")).as("two changes, at most two broadcasts").hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void theListOfLobbiesFollowsTheLiveSettings() {
        play.set(MatchSettings.LOBBY_NAMES, "cellar, Arena").set(MatchSettings.MAX_PLAYERS, "6");
        play.kit().await(arena.join("Alice", List.of(play.session("Alice"))));

        Await.within(WAIT, "the board broadcasts the change", () -> !play.broadcasts("lobbies").isEmpty());
        JsonArray lobbies = play.broadcasts("lobbies").getLast().getJsonArray("lobbies");
        assertThat(lobbies).hasSize(2);
        assertThat(lobbies.getJsonObject(0)).isEqualTo(new JsonObject().put("name", "cellar").put("players", new JsonArray())
                .put("max", 6).put("state", "waiting"));
        assertThat(lobbies.getJsonObject(1).getString("name")).isEqualTo("arena");
        assertThat(lobbies.getJsonObject(1).getJsonArray("players")).isEqualTo(new JsonArray().add("Alice"));
        assertThat(lobbies.getJsonObject(1).getInteger("max")).isEqualTo(6);
    }
}
