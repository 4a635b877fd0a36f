package dev.hearth.game.commands;

import dev.hearth.game.match.MatchView;
import dev.hearth.game.match.Playing;
import dev.hearth.runtime.edge.CommandOutcome;
import io.vertx.core.Future;

import java.util.Optional;

/** The match the player typing is playing now, if any. */
final class InMatch {
    private InMatch() {
    }

    static Optional<MatchView> of(CommandContext context) {
        return Playing.match(context.entities(), context.state().lobby(), context.player());
    }

    /** What a player in a match is told when they try to wander off. */
    static final String STAY = "You are in the barrel range, in a match. Type 'leave' to leave it (your kills so far still count).";

    /**
     * What a player in a match is told when they try to act on the room they left for it
     * (speak to it, pick up, drop or give something, look closer at something in it).
     */
    static final String AWAY = "You are in the barrel range, in a match: the room you came from is out of reach until it is over."
            + " Type 'leave' to leave the match (your kills so far still count).";

    /** The refusal for a player in a match, empty for one who is not. */
    static Optional<Future<CommandOutcome>> away(CommandContext context) {
        return of(context).isPresent() ? Optional.of(Outcomes.refused(AWAY)) : Optional.empty();
    }
}
