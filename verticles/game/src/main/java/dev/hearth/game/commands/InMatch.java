package dev.hearth.game.commands;

import dev.hearth.game.match.MatchView;
import dev.hearth.game.match.Playing;

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
}
