package dev.hearth.gateway;

import dev.hearth.runtime.settings.Setting;

/** Live settings of the edge (docs/operations.md lists every setting). */
public final class GatewaySettings {
    private GatewaySettings() {
    }

    public static final Setting<String> MOTD = Setting.text("motd",
            "Welcome to Hearth. Type 'help' to begin.", 500,
            "Message of the day, shown to every player on connect.");

    public static final Setting<Integer> COMMAND_MAX_LENGTH = Setting.integer("gateway.command.max_length",
            1000, 1, 10_000, "Longest command line a player may send, in characters.");

    /** Below the bridge's own reply timeout, so the player always gets our answer, not the bridge's. */
    public static final Setting<Integer> COMMAND_TIMEOUT_MS = Setting.integer("gateway.command.timeout_ms",
            10_000, 100, 55_000, "How long a command may wait for the world before the player is told it is unavailable.");

    public static final Setting<Integer> MESSAGES_PER_SECOND = Setting.integer("gateway.messages_per_second",
            20, 1, 1_000, "Frames a connection may send per second on average (bursts of twice that); more are refused.");

    public static final Setting<Integer> RESUME_WINDOW_MS = Setting.integer("gateway.resume.window_ms",
            60_000, 0, 3_600_000, "How long a player whose connection dropped stays in the world, waiting to resume; 0 makes them leave at once.");

    /** Read when a connection opens: a change applies to connections opened after it. */
    public static final Setting<Integer> RESUME_EVENTS = Setting.integer("gateway.resume.events",
            64, 0, 1_000, "How many of its latest events each connection keeps, to replay to a resume; older ones show as a gap.");

    public static Setting<?>[] all() {
        return new Setting<?>[]{MOTD, COMMAND_MAX_LENGTH, COMMAND_TIMEOUT_MS, MESSAGES_PER_SECOND, RESUME_WINDOW_MS, RESUME_EVENTS};
    }
}
