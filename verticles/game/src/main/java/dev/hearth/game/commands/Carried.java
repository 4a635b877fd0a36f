package dev.hearth.game.commands;

import dev.hearth.game.text.NearMisses;
import dev.hearth.game.world.Item;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.ErrorCode;

import java.util.Optional;

/** What the player carries, found by what they typed: for the commands that part with things. */
final class Carried {
    private Carried() {
    }

    static Optional<Item> find(String typed, CommandContext context) {
        return Lookup.find(typed, context.state().inventory(), Item::words);
    }

    static CommandOutcome notCarried(String typed, CommandContext context) {
        return CommandOutcome.rejected(ErrorCode.BAD_ARGUMENTS, NearMisses.withSuggestions(
                "You are not carrying " + Lookup.quoted(typed) + ".",
                Lookup.nearMisses(typed, context.state().inventory(), Item::words, Item::name)));
    }
}
