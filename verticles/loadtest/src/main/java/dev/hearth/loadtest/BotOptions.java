package dev.hearth.loadtest;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a run does, from the command line. Every run is bounded: a number of players this
 * process can hold sockets for, at most an hour to enter and an hour of play, and one
 * gateway (loopback unless another is named).
 *
 * @param players          bots to run
 * @param durationSeconds  how long the bots play, once all are in
 * @param enterLimitSeconds the longest the bots may take to enter before play starts without the rest
 * @param gateway          the node's HTTP address: login, then its WebSocket bridge
 * @param mix              what the bots do
 * @param database         where to seed the bot accounts ({@code postgresql://user:pass@host:port/db})
 * @param json             where the result goes
 * @param sourceAddresses  loopback source addresses to spread sockets over (127.0.0.1, .2, ...); 0 picks for N
 * @param first            the number of the first bot ({@code bot0001}), so several processes can share a server
 * @param thinkMillis      mean pause between a bot's reply and its next command
 * @param rampSeconds      time over which the bots start (0: as fast as logins go)
 * @param logins           logins in flight at once (the gateway's hashing pool answers 503 beyond ~18)
 * @param messagesPerSecond the gateway's per-socket send budget (its live setting); bots stay below it
 * @param roomsOf          bots per bench room ({@link BenchWorld}): each walks to its room before it counts as entered; 0 leaves them where they enter
 * @param lineBytes        the length of what bots say, chat, emote and tell, in bytes; 0 for short phrases
 * @param reconnectAtSeconds seconds into the play when every bot drops its socket and enters again with its token; 0 for never
 */
record BotOptions(int players, int durationSeconds, int enterLimitSeconds, URI gateway, Mix mix, String database, Path json, int sourceAddresses,
                  int first, int thinkMillis, int rampSeconds, int logins, int messagesPerSecond, int roomsOf, int lineBytes,
                  int reconnectAtSeconds, int warmupSeconds) {

    static final int MAX_DURATION_SECONDS = 3600;
    /** Sockets left for the process's own files, the database and the HTTP pool. */
    private static final int SPARE_FILES = 200;
    /** Connections per source address when picked for N: far below the ~28,000 ephemeral ports each has. */
    static final int SOCKETS_PER_SOURCE_ADDRESS = 5000;
    /** A command line is at most 1,000 characters: room for the longest text and "tell bot1234567 ". */
    static final int MAX_LINE_BYTES = 900;

    static final String USAGE = """
            Usage: Bots --players N --duration S [options]
              --players N            bots to run (bot0001...), at most what this process can hold sockets for
              --duration S           seconds the bots play once all are in, 1 to 3600; then they stop and close
              --enter-limit S        most seconds the bots may take to log in and enter first (default 120)
              --gateway URL          the node to play on (default http://127.0.0.1:8080)
              --mix MIX              what bots do: a preset (default, chat, explore, match, idle), weights
                                     (look=3,go=5,say=2) or a preset then weights (chat,look=1); 0 leaves one out
              --db URL               PostgreSQL to seed accounts in (default $HEARTH_DB_URL)
              --json FILE            where to write the result (default bots.json)
              --source-addresses K   spread sockets over 127.0.0.1..K (default: one per 5,000 bots)
              --first N              number of the first bot (default 1), to run several processes side by side
              --think MS             mean pause between a bot's commands (default 1000)
              --ramp S               seconds over which bots start entering (default 0: as fast as logins go)
              --logins N             logins in flight at once (default 16)
              --rate N               the gateway's sends per second per socket (default 20, its live setting)
              --rooms-of N           walk bots, N to a room, to the bench rooms (BenchWorld) before play (default 0: off)
              --line-bytes B         say, chat, emote and tell exactly B bytes of text (default 0: short phrases)
              --reconnect-at S       S seconds into play, every bot drops its socket and enters again (default 0: never)
              --warmup S             play S seconds before the measured --duration, counted nowhere but the
                                     progress line and errors (default 0)
            """;

    private static final Set<String> NAMES = Set.of("players", "duration", "enter-limit", "gateway", "mix", "db", "json", "source-addresses",
            "first", "think", "ramp", "logins", "rate", "rooms-of", "line-bytes", "reconnect-at", "warmup");

    static BotOptions parse(String... args) {
        return parse(args, System.getenv());
    }

    static BotOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else {
                if (i + 1 >= args.length) throw new IllegalArgumentException("--" + name + " needs a value");
                value = args[++i];
            }
            if (!NAMES.contains(name)) throw new IllegalArgumentException("unknown option --" + name);
            given.put(name, value);
        }
        if (!given.containsKey("players")) throw new IllegalArgumentException("--players is required");
        if (!given.containsKey("duration")) throw new IllegalArgumentException("--duration is required");
        int players = number(given, "players", 0, 1, maxPlayers());
        int duration = number(given, "duration", 0, 1, MAX_DURATION_SECONDS);
        URI gateway = gateway(given.getOrDefault("gateway", "http://127.0.0.1:8080"));
        int rate = number(given, "rate", 20, 1, 1000);
        int minThink = (int) Math.ceil(1000.0 / rate);
        int think = number(given, "think", 1000, minThink, 600_000);
        int sourceAddresses = number(given, "source-addresses", 0, 0, 254);
        if (sourceAddresses > 1 && !isLoopback(gateway)) {
            throw new IllegalArgumentException("--source-addresses spreads sockets over 127.0.0.x, which only reaches a loopback gateway, not " + gateway.getHost());
        }
        if (sourceAddresses == 0) {
            sourceAddresses = isLoopback(gateway) ? Math.ceilDiv(players, SOCKETS_PER_SOURCE_ADDRESS) : 1;
        }
        String database = given.getOrDefault("db", env.get("HEARTH_DB_URL"));
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("no database to seed the bots in: give --db postgresql://user:pass@host:port/db or set HEARTH_DB_URL");
        }
        int first = number(given, "first", 1, 1, 9_000_000);
        int enterLimit = number(given, "enter-limit", 120, 1, MAX_DURATION_SECONDS);
        int reconnectAt = number(given, "reconnect-at", 0, 0, MAX_DURATION_SECONDS);
        if (reconnectAt >= duration) {
            throw new IllegalArgumentException("--reconnect-at is a second of the play, before its end: under --duration " + duration + ", not " + reconnectAt);
        }
        return new BotOptions(players, duration, enterLimit, gateway, Mix.parse(given.get("mix")), database,
                Path.of(given.getOrDefault("json", "bots.json")), sourceAddresses, first, think,
                number(given, "ramp", 0, 0, enterLimit), number(given, "logins", 16, 1, 256), rate,
                number(given, "rooms-of", 0, 0, 1_000_000), number(given, "line-bytes", 0, 0, MAX_LINE_BYTES), reconnectAt,
                number(given, "warmup", 0, 0, MAX_DURATION_SECONDS));
    }

    /** The bench room group of a bot ({@code (number - 1) / roomsOf}, its number counting from 1): the same whichever process runs it. */
    int roomGroup(int index) {
        return (first + index - 1) / roomsOf;
    }

    /** The bot's name: {@code bot0001}, then {@code bot10000} past 9,999. */
    String botName(int index) {
        return "bot%04d".formatted(first + index);
    }

    /** The source address of a bot's socket: round-robin over 127.0.0.1..K. */
    String sourceAddress(int index) {
        return "127.0.0." + (1 + index % sourceAddresses);
    }

    /** One process holds at most as many sockets as it may open files (20,000 here, and root cannot raise it). */
    static int maxPlayers() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, unix.getMaxFileDescriptorCount() - SPARE_FILES));
        }
        return 10_000;
    }

    static boolean isLoopback(URI gateway) {
        try {
            return InetAddress.getByName(gateway.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static URI gateway(String text) {
        URI uri;
        try {
            uri = URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--gateway is not a URL: " + text);
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--gateway must be http://host[:port], not " + text);
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw new IllegalArgumentException("--gateway names a node, without a path: " + text);
        }
        return URI.create("http://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 80 : uri.getPort()));
    }

    private static int number(Map<String, String> given, String name, int fallback, int min, int max) {
        String text = given.get(name);
        if (text == null) return fallback;
        int value;
        try {
            value = Integer.parseInt(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " is not a whole number: '" + text + "'");
        }
        if (value < min || value > max) {
            String why = name.equals("players") ? " (a process here may hold about " + max + " sockets: run several with --first)" : "";
            throw new IllegalArgumentException("--" + name + " must be from " + min + " to " + max + ": " + value + why);
        }
        return value;
    }
}
