package dev.hearth.game.commands;

import dev.hearth.game.events.GameEvents;
import dev.hearth.game.sessions.Online;
import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;

/** Lists the players online. */
public final class WhoCommand implements Command<NoArgs> {

    @Override
    public String name() {
        return "who";
    }

    @Override
    public String usage() {
        return "who";
    }

    @Override
    public String summary() {
        return "Lists the players online.";
    }

    /** Only reads the gateways' rosters. See {@link Command#appliesOnce}. */
    @Override
    public boolean appliesOnce(String args) {
        return false;
    }

    @Override
    public ParseResult<NoArgs> parse(String args) {
        return ParseResult.none(args, "'who' lists everyone online; it takes nothing after it.");
    }

    @Override
    public Future<CommandOutcome> execute(NoArgs args, CommandContext context) {
        return Online.players(context.entities(), context.liveGateways()).map(players -> CommandOutcome.done(GameEvents.who(players)));
    }
}
