package dev.hearth.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server says of itself before the bots start, asked by one bot on a socket of
 * its own: the commands {@code help} lists (a mix leaves out the others, and an
 * {@code unknown_command} is an error only for a listed one) and the lobbies.
 *
 * @param commands the command words {@code help} lists
 * @param lobbies  the lobbies as {@code lobbies} lists them (empty when the server has none)
 */
record ServerFacts(Set<String> commands, List<BotView.LobbySeen> lobbies) {
    /** A help line names a command after two spaces: "  look [thing] (l) - Shows the room...". */
    private static final Pattern COMMAND_LINE = Pattern.compile("^ {2}(\\S+)");

    static Future<ServerFacts> ask(Vertx vertx, WebSocketClient sockets, URI gateway, String token, long timeoutMillis) {
        return BridgeSocket.connect(vertx, sockets, gateway, timeoutMillis).compose(socket ->
                WorldEntry.enter(vertx, socket, token, event -> { }, timeoutMillis)
                        .compose(hello -> command(socket, "help", timeoutMillis))
                        .compose(help -> command(socket, "lobbies", timeoutMillis)
                                .map(lobbies -> new ServerFacts(commands(help), lobbies(lobbies))))
                        .eventually(socket::close));
    }

    static Set<String> commands(JsonObject helpReply) {
        Set<String> commands = new LinkedHashSet<>();
        for (JsonObject event : events(helpReply)) {
            Matcher matcher = COMMAND_LINE.matcher(event.getString("text", ""));
            if ("text".equals(event.getString("type")) && matcher.find()) commands.add(matcher.group(1));
        }
        return Set.copyOf(commands);
    }

    private static List<BotView.LobbySeen> lobbies(JsonObject lobbiesReply) {
        for (JsonObject event : events(lobbiesReply)) {
            if ("lobbies".equals(event.getString("type"))) return BotView.lobbies(event.getJsonArray("lobbies"));
        }
        return List.of();
    }

    private static List<JsonObject> events(JsonObject reply) {
        if (!reply.getBoolean("ok", false)) return List.of();
        return BotView.objects(reply.getJsonArray("events"));
    }

    private static Future<JsonObject> command(BridgeSocket socket, String line, long timeoutMillis) {
        return socket.request(WorldEntry.COMMAND, new JsonObject().put("id", "probe-" + line).put("line", line), timeoutMillis);
    }
}
