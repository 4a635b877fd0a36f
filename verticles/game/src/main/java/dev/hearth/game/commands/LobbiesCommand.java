package dev.hearth.game.commands;

import dev.hearth.game.events.SocialEvents;
import dev.hearth.game.match.Lobby;
import dev.hearth.game.match.LobbyView;
import dev.hearth.game.match.MatchSettings;
import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;

import java.util.List;

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

    /** Only asks the lobbies for their views. See {@link Command#appliesOnce}. */
    @Override
    public boolean appliesOnce(String args) {
        return false;
    }

    @Override
    public ParseResult<NoArgs> parse(String args) {
        return ParseResult.none(args, "'lobbies' lists them all; 'join <lobby>' joins one.");
    }

    /**
     * Asks the lobbies themselves, all at once, not the board that broadcasts them: the board
     * hears of a change a moment after it is made, and a player who just joined must see it.
     */
    @Override
    public Future<CommandOutcome> execute(NoArgs args, CommandContext context) {
        List<Future<LobbyView>> views = context.settings().get(MatchSettings.LOBBY_NAMES).stream()
                .map(name -> context.entities().ref(Lobby.class, name).view()).toList();
        return Future.all(views).map(all -> CommandOutcome.done(SocialEvents.lobbies(all.<LobbyView>list())));
    }
}
