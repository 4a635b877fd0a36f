package dev.hearth.game.commands;

import dev.hearth.game.events.SocialEvents;
import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;

/** Shows the player's score: barrels broken in all their matches. */
public final class ScoreCommand implements Command<NoArgs> {

    @Override
    public String name() {
        return "score";
    }

    @Override
    public String usage() {
        return "score";
    }

    @Override
    public String summary() {
        return "Shows your score: the barrels you have broken in all your matches.";
    }

    /** Only shows the score. See {@link Command#appliesOnce}. */
    @Override
    public boolean appliesOnce(String args) {
        return false;
    }

    @Override
    public ParseResult<NoArgs> parse(String args) {
        return ParseResult.none(args, "'score' shows your own score; 'top' shows the best players.");
    }

    @Override
    public Future<CommandOutcome> execute(NoArgs args, CommandContext context) {
        return Outcomes.done(SocialEvents.score(context.state().score()));
    }
}
