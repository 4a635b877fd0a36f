package dev.hearth.game.commands;

import dev.hearth.game.match.MatchSettings;
import dev.hearth.game.testing.PlayKit;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.ErrorCode;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.testing.Await;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands of channels, lobbies and matches in the Evennia style: a line typed, the
 * events its player sees (or the refusal), and what the others are pushed. Every entity
 * is real, on the entity test kit.
 */
class PlayCommandsTest {
    private static final Duration WAIT = Duration.ofSeconds(8);

    @AutoClose
    private final PlayKit play = new PlayKit();
    private final SessionRef alice = play.connect("Alice");
    private final SessionRef bob = play.connect("Bob");

    private static JsonObject text(String text) {
        return new JsonObject().put("type", "text").put("text", text);
    }

    private static JsonObject help(String text) {
        return text(text).put("style", "help");
    }

    private static JsonObject system(String text) {
        return text(text).put("style", "system");
    }

    private static JsonObject history(String channel, JsonObject... lines) {
        return new JsonObject().put("type", "channel_history").put("channel", channel).put("lines", new JsonArray(List.of(lines)));
    }

    private static JsonObject line(String from, String text, long at) {
        return new JsonObject().put("from", from).put("text", text).put("at", at);
    }

    private static JsonObject chat(String channel, String from, String text, long at) {
        return new JsonObject().put("type", "chat").put("channel", channel).put("from", from).put("text", text).put("at", at);
    }

    private void assertRefused(SessionRef who, String line, String message) {
        assertThat(play.refused(who, line)).isEqualTo(new CommandOutcome.Rejected(ErrorCode.BAD_ARGUMENTS, message));
    }

    // --- channels ---

    @Test
    void newPlayersStartInNewbieAndOocAndAreShownTheirRecentLines() {
        assertThat(play.pushed(alice, "channel_history")).containsExactly(history("newbie"), history("ooc"));

        assertThat(play.events(alice, "channels")).containsExactly(new JsonObject().put("type", "channels").put("channels", new JsonArray()
                .add(new JsonObject().put("name", "newbie").put("description", "Questions and answers for new players.")
                        .put("joined", true).put("members", 2).put("online", 2))
                .add(new JsonObject().put("name", "ooc").put("description", "Out of character: talk about anything.")
                        .put("joined", true).put("members", 2).put("online", 2))
                .add(new JsonObject().put("name", "trade").put("description", "Buying and selling.")
                        .put("joined", false).put("members", 0).put("online", 0))));
    }

    @Test
    void chatSaysALineToTheChannelsMembersWhereverTheyAre() {
        List<JsonObject> reply = play.events(alice, "chat ooc anyone for barrels?");

        long at = reply.getFirst().getLong("at");
        assertThat(reply).containsExactly(chat("ooc", "Alice", "anyone for barrels?", at));
        assertThat(play.pushed(bob, "chat")).containsExactly(chat("ooc", "Alice", "anyone for barrels?", at));
        assertThat(play.pushed(alice, "chat")).as("the speaker has it in the reply").isEmpty();
    }

    @Test
    void chatRefusalsSayWhatToDoInstead() {
        assertRefused(alice, "chat trade hi", "You are not in channel trade. Type 'chat join trade' first.");
        assertRefused(alice, "chat oc hi", "There is no channel 'oc'. Did you mean 'ooc'? Channels: newbie, ooc, trade.");
        assertRefused(alice, "chat ooc", "Say what on ooc? Usage: chat <channel> <text>");
        assertRefused(alice, "chat leave trade", "You are not in channel trade.");
        assertThat(play.command(alice, "chat ooc " + "a".repeat(501)))
                .isEqualTo(new CommandOutcome.Rejected(ErrorCode.TOO_LONG, "That is too much to say at once: 501 characters, at most 500."));
    }

    @Test
    void joiningAChannelShowsItsRecentLinesAndLeavingStopsThem() {
        play.events(bob, "chat join trade");
        long at = play.events(bob, "chat trade two ropes for a lantern").getFirst().getLong("at");

        assertThat(play.events(alice, "chat join TRADE")).containsExactly(
                system("You join channel trade. Buying and selling."),
                history("trade", line("Bob", "two ropes for a lantern", at)));
        assertThat(play.events(alice, "chat leave trade"))
                .containsExactly(system("You leave channel trade. 'chat join trade' brings you back."));
        play.events(bob, "chat trade anyone?");

        assertThat(play.pushed(alice, "chat")).isEmpty();
        assertThat(play.events(alice, "channels").getFirst().getJsonArray("channels").getJsonObject(2))
                .isEqualTo(new JsonObject().put("name", "trade").put("description", "Buying and selling.")
                        .put("joined", false).put("members", 1).put("online", 1));
    }

    @Test
    void aPlayerWhoComesBackIsShownWhatWasSaidWhileAway() {
        play.disconnect(alice);
        long at = play.events(bob, "chat ooc where did alice go").getFirst().getLong("at");

        SessionRef back = play.connect("Alice");

        assertThat(play.pushed(back, "channel_history"))
                .containsExactly(history("newbie"), history("ooc", line("Bob", "where did alice go", at)));
        assertThat(play.pushed(alice, "chat")).as("nothing reaches a session that is gone").isEmpty();
    }

    // --- lobbies ---

    @Test
    void lobbiesListsEveryLobbyAndWhoIsInIt() {
        play.events(alice, "join yard");

        assertThat(play.events(bob, "lobbies")).containsExactly(new JsonObject().put("type", "lobbies").put("lobbies", new JsonArray()
                .add(new JsonObject().put("name", "arena").put("players", new JsonArray()).put("max", 4).put("state", "waiting"))
                .add(new JsonObject().put("name", "yard").put("players", new JsonArray().add("Alice")).put("max", 4).put("state", "waiting"))));
    }

    @Test
    void joinWaitsInALobbyAndTheSecondPlayerStartsTheCountdown() {
        assertThat(play.events(alice, "join arena"))
                .containsExactly(system("You join the arena lobby (1/4). The match starts once another player joins."));
        assertThat(play.events(bob, "join Arena"))
                .containsExactly(system("You join the arena lobby (2/4). The match starts in 10 seconds. Type 'leave' to back out."));

        assertThat(play.pushed(alice, "text")).containsExactly(
                system("Bob joins the arena lobby (2/4)."),
                system("The match in arena starts in 10 seconds. Type 'leave' to back out."));
        Await.within(WAIT, "everyone is told the arena counts down", () -> !play.broadcasts("lobbies").isEmpty()
                && play.broadcasts("lobbies").getLast().getJsonArray("lobbies").getJsonObject(0).getString("state").equals("countdown"));
    }

    @Test
    void joinRefusalsSayWhatToDoInstead() {
        play.set(MatchSettings.MAX_PLAYERS, "2");
        play.events(alice, "join arena");
        play.events(bob, "join arena");
        SessionRef carol = play.connect("Carol");

        assertRefused(carol, "join arenna", "There is no lobby 'arenna'. Did you mean 'arena'? Lobbies: arena, yard.");
        assertRefused(carol, "join arena", "The arena lobby is full (2/2). 'lobbies' lists the others.");
        assertRefused(alice, "join arena", "You are in the arena lobby already.");
        assertRefused(alice, "join yard", "You are in the arena lobby. Type 'leave' first.");
        assertRefused(alice, "join", "Join which lobby? 'lobbies' lists them. Usage: join <lobby>");
    }

    @Test
    void leaveLeavesTheLobby() {
        play.events(alice, "join arena");

        assertThat(play.events(alice, "leave")).containsExactly(system("You leave the arena lobby."));
        assertRefused(alice, "leave", "You are not in a lobby. 'join <lobby>' waits for a match; 'lobbies' lists them.");
        assertThat(play.events(bob, "join arena").getFirst().getString("text")).contains("(1/4)");
    }

    @Test
    void closingTheLastConnectionLeavesALobbyThatIsOnlyWaiting() {
        play.events(alice, "join arena");
        SessionRef aliceOnPhone = play.connect("Alice");
        play.disconnect(alice);
        assertThat(play.events(bob, "lobbies").getFirst().getJsonArray("lobbies").getJsonObject(0).getJsonArray("players"))
                .as("still connected on her phone").isEqualTo(new JsonArray().add("Alice"));

        play.disconnect(aliceOnPhone);

        assertThat(play.events(bob, "lobbies").getFirst().getJsonArray("lobbies").getJsonObject(0).getJsonArray("players")).isEmpty();
        SessionRef back = play.connect("Alice");
        assertThat(play.events(back, "join arena")).containsExactly(
                system("You join the arena lobby (1/4). The match starts once another player joins."));
    }

    // --- matches ---

    private void startAMatchOfTwoBarrels() {
        play.set(MatchSettings.COUNTDOWN_SECONDS, "1").set(MatchSettings.BARRELS, "2").set(MatchSettings.BARREL_HITS, "1");
        play.events(alice, "join arena");
        play.events(bob, "join arena");
        // As a client would: on the pushed news, not on the lobby's state.
        Await.within(WAIT, "Alice is told the match began", () -> play.pushed(alice, "match").stream()
                .anyMatch(e -> e.getJsonObject("match").getString("state").equals("playing")));
    }

    @Test
    void aMatchIsPlayedInTheBarrelRangeAndEndsOnTheLeaderboard() {
        startAMatchOfTwoBarrels();
        JsonObject range = new JsonObject().put("type", "room").put("room", new JsonObject()
                .put("id", "match-arena-1").put("name", "The Barrel Range")
                .put("description", dev.hearth.game.events.SocialEvents.RANGE_DESCRIPTION)
                .put("exits", new JsonArray()).put("occupants", new JsonArray().add("Alice").add("Bob")).put("npcs", new JsonArray())
                .put("items", new JsonArray().add(new JsonObject().put("id", "1").put("name", "barrel 1"))
                        .add(new JsonObject().put("id", "2").put("name", "barrel 2")))
                .putNull("map"));
        assertThat(play.pushed(alice, "room").getLast()).as("the range is shown as the match starts").isEqualTo(range);
        assertThat(play.events(alice, "look")).containsExactly(range);
        assertRefused(alice, "north", "You are in the barrel range, in a match. Type 'leave' to leave it (your kills so far still count).");

        List<JsonObject> shot = play.events(alice, "shoot 1");
        assertThat(shot.getFirst()).isEqualTo(text("You break barrel 1! That makes 1 barrel for you."));
        assertThat(shot.get(1).getJsonObject("match").getJsonArray("standing")).isEqualTo(new JsonArray().add("2"));
        assertThat(play.pushed(bob, "text")).contains(system("Alice breaks barrel 1!"));
        assertRefused(alice, "shoot 1", "There is no barrel 1 standing. Standing: 2.");
        assertThat(play.events(bob, "fire barrel 2").getFirst()).isEqualTo(text("You break barrel 2! That makes 1 barrel for you."));

        assertThat(play.pushed(alice, "text")).contains(system("The last barrel is down: the match is over. A tie at 1 barrel each."));
        assertThat(play.pushed(bob, "text")).as("the shooter too").contains(system("The last barrel is down: the match is over. A tie at 1 barrel each."));
        assertThat(play.pushed(bob, "match").getLast().getJsonObject("match").getString("state")).isEqualTo("ended");
        Await.within(WAIT, "Alice's score counts the kill", () -> play.events(alice, "score")
                .equals(List.of(new JsonObject().put("type", "score").put("score", 1))));
        JsonArray both = new JsonArray().add(new JsonObject().put("name", "Alice").put("kills", 1))
                .add(new JsonObject().put("name", "Bob").put("kills", 1));
        assertThat(play.events(bob, "top")).containsExactly(new JsonObject().put("type", "leaderboard").put("allTime", both).put("last24h", both));
        assertThat(play.broadcasts("leaderboard")).isNotEmpty();
        Await.within(WAIT, "Alice is shown the tavern again", () -> play.pushed(alice, "room").getLast()
                .getJsonObject("room").getString("id").equals("tavern"));
        assertRefused(alice, "shoot 2", "There is nothing to shoot here. Join a lobby and wait for its match: 'lobbies' lists them.");
        Await.within(WAIT, "Alice is out of the lobby", () -> play.command(alice, "join arena") instanceof CommandOutcome.Done);
    }

    @Test
    void inAMatchTheRoomLeftBehindIsOutOfReach() {
        SessionRef carol = play.connect("Carol");
        play.events(alice, "north");
        play.events(alice, "get bread");
        Await.within(WAIT, "Alice has the bread", () -> !play.character("Alice").inventory().isEmpty());
        play.events(alice, "south");
        startAMatchOfTwoBarrels();
        play.gateway().clear();

        String away = "You are in the barrel range, in a match: the room you came from is out of reach until it is over."
                + " Type 'leave' to leave the match (your kills so far still count).";
        for (String line : List.of("say hello tavern", "'hello", "emote waves.", "drop bread", "give bread to Carol",
                "give bread to Bob", "get bread", "look bread", "look at Carol")) {
            assertRefused(alice, line, away);
        }
        assertThat(play.gateway().eventsFor(carol)).as("the tavern hears and sees nothing of Alice").isEmpty();
        assertThat(play.character("Alice").inventory()).extracting(i -> i.id()).containsExactly("bread-1");
        assertThat(play.events(alice, "look").getFirst().getJsonObject("room").getString("id")).isEqualTo("match-arena-1");
        assertThat(play.events(alice, "inventory")).isNotEmpty();
    }

    /** Transfers come in no order: the news of a match's end may come after its player joined the lobby again. */
    @Test
    void theEndOfAnEarlierMatchDoesNotTakeAPlayerOutOfTheLobbyTheyJoinedSince() {
        play.events(alice, "join arena");
        dev.hearth.game.character.Character character = play.kit().ref(dev.hearth.game.character.Character.class, "alice");

        play.kit().await(character.matchOver("arena-1", "arena", 2));

        assertThat(play.character("Alice").lobby()).isEqualTo("arena");
        assertThat(play.character("Alice").score()).isEqualTo(2);
        assertRefused(alice, "join arena", "You are in the arena lobby already.");

        play.kit().await(play.kit().ref(dev.hearth.game.match.Lobby.class, "arena").leave("Alice"));
        play.kit().await(character.matchOver("arena-2", "arena", 0));
        assertThat(play.character("Alice").lobby()).as("a lobby that no longer has her lets her go").isNull();
    }

    @Test
    void aPlayerWhoReconnectsDuringAMatchIsShownTheRangeAgain() {
        startAMatchOfTwoBarrels();
        play.disconnect(alice);

        SessionRef back = play.connect("Alice");

        assertThat(play.pushed(back, "room").getLast().getJsonObject("room").getString("id")).isEqualTo("match-arena-1");
        assertThat(play.pushed(back, "match").getLast().getJsonObject("match").getString("state")).isEqualTo("playing");
        assertThat(play.events(back, "shoot 1").getFirst()).isEqualTo(text("You break barrel 1! That makes 1 barrel for you."));
    }

    @Test
    void leavingAMatchKeepsTheKillsAndBringsThePlayerBack() {
        startAMatchOfTwoBarrels();
        play.events(alice, "shoot 2");

        List<JsonObject> left = play.events(alice, "leave");

        assertThat(left.getFirst()).isEqualTo(system("You leave the match in arena; your kills so far still count."));
        assertThat(left.get(1).getJsonObject("room").getString("id")).isEqualTo("tavern");
        assertThat(play.pushed(bob, "text")).contains(system("Alice has left the match."));
        assertRefused(alice, "shoot 1", "There is nothing to shoot here. Join a lobby and wait for its match: 'lobbies' lists them.");
        play.events(bob, "shoot 1");
        Await.within(WAIT, "Alice's kill counts once the match is over", () -> play.events(alice, "score")
                .equals(List.of(new JsonObject().put("type", "score").put("score", 1))));
    }

    @Test
    void thereIsNothingToShootOutsideAMatch() {
        assertRefused(alice, "shoot 3", "There is nothing to shoot here. Join a lobby and wait for its match: 'lobbies' lists them.");
        assertRefused(alice, "shoot", "Shoot which barrel? Usage: shoot <barrel>");
        assertThat(play.events(alice, "score")).containsExactly(new JsonObject().put("type", "score").put("score", 0));
        assertThat(play.events(alice, "top")).containsExactly(new JsonObject().put("type", "leaderboard")
                .put("allTime", new JsonArray()).put("last24h", new JsonArray()));
    }

    @Test
    void helpKnowsTheNewCommands() {
        assertThat(play.events(alice, "help shoot")).containsExactly(
                help("Usage: shoot <barrel>"), help("Aliases: fire"), help("Shoots a barrel in your match; whoever breaks it scores."),
                help("Barrels go by number: 'shoot 3' (or 'shoot barrel 3', 'fire #3')."),
                help("It takes a few shots to break one; the shot that breaks it scores a kill for whoever fired it."));
        assertThat(play.command(alice, "shoto 1")).isInstanceOf(CommandOutcome.Rejected.class)
                .extracting(o -> ((CommandOutcome.Rejected) o).message()).asString().contains("Did you mean 'shoot'?");
    }
}
