package dev.hearth.game.commands;

import dev.hearth.game.events.SocialEvents;
import dev.hearth.game.match.LobbyBoard;
import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;

/** Lists the lobbies of the barrel game and who waits in each. */
public final class LobbiesCommand implements Command<NoArgs> {

    @Override
    public String name() {
        return "lobbies";
    }

    @Override
    public String usage() {
        return "lobbies";
    }

    @Override
    public String summary() {
        return "Lists the lobbies of the barrel game: who waits in each, and whose match is on.";
    }

    @Override
    public ParseResult<NoArgs> parse(String args) {
        return ParseResult.none(args, "'lobbies' lists them all; 'join <lobby>' joins one.");
    }

    @Override
    public Future<CommandOutcome> execute(NoArgs args, CommandContext context) {
        return context.entities().ref(LobbyBoard.class, LobbyBoard.KEY).list()
                .map(lobbies -> CommandOutcome.done(SocialEvents.lobbies(lobbies)));
    }
}
