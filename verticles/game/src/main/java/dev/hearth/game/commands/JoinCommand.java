package dev.hearth.game.commands;

import dev.hearth.game.events.GameEvents;
import dev.hearth.game.match.Lobby;
import dev.hearth.game.match.Lobby.LobbyJoin;
import dev.hearth.game.match.LobbyView;
import dev.hearth.game.match.MatchSettings;
import dev.hearth.game.text.NearMisses;
import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Waits in a lobby of the barrel game for a match. */
public final class JoinCommand implements Command<JoinCommand.Wanted> {

    /** @param lobby as typed */
    public record Wanted(String lobby) {
    }

    @Override
    public String name() {
        return "join";
    }

    @Override
    public String usage() {
        return "join <lobby>";
    }

    @Override
    public String summary() {
        return "Waits in a lobby for a match of the barrel game.";
    }

    @Override
    public List<String> details() {
        return List.of("With two or more players in a lobby, a countdown starts; when it ends, everyone in it is in a match:",
                "a range full of barrels to 'shoot'. 'lobbies' lists them, 'leave' gets you out.");
    }

    @Override
    public ParseResult<Wanted> parse(String args) {
        return args.isEmpty() ? ParseResult.invalid("Join which lobby? 'lobbies' lists them.") : ParseResult.parsed(new Wanted(args));
    }

    @Override
    public Future<CommandOutcome> execute(Wanted wanted, CommandContext context) {
        List<String> names = context.settings().get(MatchSettings.LOBBY_NAMES);
        String name = wanted.lobby().strip().toLowerCase(Locale.ROOT);
        if (!names.contains(name)) {
            return Outcomes.refused(NearMisses.withSuggestions("There is no lobby " + Lookup.quoted(wanted.lobby()) + ".",
                    NearMisses.among(wanted.lobby(), names)) + " Lobbies: " + String.join(", ", names) + ".");
        }
        String current = context.state().lobby();
        // The character may not have heard yet that its lobby let it go (a match that just
        // ended tells it by transfer): the lobby is asked, not the character's memory.
        if (current != null && !current.equals(name)
                && context.entities().ref(Lobby.class, current).view().await().players().contains(context.player())) {
            return Outcomes.refused("You are in the " + current + " lobby. Type 'leave' first.");
        }

        LobbyJoin join = context.entities().ref(Lobby.class, name)
                .join(context.player(), context.state().liveSessions(context.services().liveSessions())).await();
        LobbyView lobby = join.lobby();
        if (join.outcome() == LobbyJoin.Outcome.ALREADY_IN && name.equals(current)) {
            return Outcomes.refused("You are in the " + name + " lobby already.");
        }
        return switch (join.outcome()) {
            // In the lobby without knowing it (a join whose reply was lost): the character catches up.
            case JOINED, ALREADY_IN -> {
                context.setState(context.state().withLobby(name));
                yield Outcomes.done(GameEvents.text("You join the " + name + " lobby (" + lobby.players().size() + "/"
                        + lobby.max() + "). " + whatNext(lobby, context), GameEvents.TextStyle.SYSTEM));
            }
            case FULL -> Outcomes.refused("The " + name + " lobby is full (" + lobby.players().size() + "/" + lobby.max()
                    + "). 'lobbies' lists the others.");
            case PLAYING -> Outcomes.refused("A match is on in " + name + ". Wait for it to end, or join another lobby ('lobbies').");
        };
    }

    private static String whatNext(LobbyView lobby, CommandContext context) {
        if (lobby.startsAt() == null) return "The match starts once another player joins.";
        // Rounded up: "in 10 seconds" just after a 10-second countdown started, not "in 9".
        long millis = Duration.between(context.services().clock().instant(), lobby.startsAt()).toMillis();
        long seconds = Math.max(0, (millis + 999) / 1000);
        return "The match starts in " + seconds + " seconds. Type 'leave' to back out.";
    }

}
