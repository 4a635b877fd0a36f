package dev.hearth.game.commands;

import dev.hearth.game.events.GameEvents;
import dev.hearth.game.match.Lobby;
import dev.hearth.game.match.LobbyView;
import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Leaves the lobby the player waits in, or the match they are playing. */
public final class LeaveCommand implements Command<NoArgs> {

    @Override
    public String name() {
        return "leave";
    }

    @Override
    public String usage() {
        return "leave";
    }

    @Override
    public String summary() {
        return "Leaves your lobby, or the match you are in (your kills so far still count).";
    }

    @Override
    public ParseResult<NoArgs> parse(String args) {
        return ParseResult.none(args, "'leave' leaves your lobby or match; to leave a chat channel, 'chat leave <channel>'.");
    }

    @Override
    public Future<CommandOutcome> execute(NoArgs args, CommandContext context) {
        String lobby = context.state().lobby();
        if (lobby == null) {
            return Outcomes.refused("You are not in a lobby. 'join <lobby>' waits for a match; 'lobbies' lists them.");
        }
        LobbyView left = context.entities().ref(Lobby.class, lobby).leave(context.player()).await();
        context.setState(context.state().withLobby(null));
        List<JsonObject> events = new ArrayList<>();
        if (left.state() == LobbyView.Phase.PLAYING) {
            events.add(GameEvents.text("You leave the match in " + lobby + "; your kills so far still count.", GameEvents.TextStyle.SYSTEM));
            // Out of the barrel range, back where they were.
            events.add(context.echo(GameEvents.room(context.room().view().await())));
        } else {
            events.add(GameEvents.text("You leave the " + lobby + " lobby.", GameEvents.TextStyle.SYSTEM));
        }
        return Future.succeededFuture(new CommandOutcome.Done(events));
    }
}
