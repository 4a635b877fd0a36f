package dev.hearth.game.commands;

import dev.hearth.game.events.SocialEvents;
import dev.hearth.game.match.MatchSettings;
import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;

/** Shows the leaderboard: the best barrel breakers all time and in the last 24 hours. */
public final class TopCommand implements Command<NoArgs> {

    @Override
    public String name() {
        return "top";
    }

    @Override
    public String usage() {
        return "top";
    }

    @Override
    public String summary() {
        return "Shows the leaderboard: who broke the most barrels, all time and in the last 24 hours.";
    }

    /** Only reads the leaderboard. See {@link Command#appliesOnce}. */
    @Override
    public boolean appliesOnce(String args) {
        return false;
    }

    @Override
    public ParseResult<NoArgs> parse(String args) {
        return ParseResult.none(args, "'top' shows the whole leaderboard; it takes nothing after it.");
    }

    @Override
    public Future<CommandOutcome> execute(NoArgs args, CommandContext context) {
        int size = context.settings().get(MatchSettings.LEADERBOARD_SIZE);
        return context.services().leaderboard().top(size).map(top -> CommandOutcome.done(SocialEvents.leaderboard(top)));
    }
}
