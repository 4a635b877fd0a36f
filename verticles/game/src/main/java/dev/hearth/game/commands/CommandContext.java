package dev.hearth.game.commands;

import dev.hearth.game.delivery.FanOut;
import dev.hearth.game.world.World;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.settings.LiveSettings;

/**
 * What a command runs with: who typed it, the world, a way to tell others, the live
 * settings, and the other commands (for {@code help}).
 *
 * @param commandId the client's id of this command, for logs
 */
public record CommandContext(String commandId, SessionRef caller, World world, FanOut fanOut,
                             LiveSettings settings, CommandRegistry commands) {

    /** The caller's player name. */
    public String player() {
        return caller.player();
    }
}
