package dev.hearth.loadtest;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.internal.http.WebSocketInternal;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The raw WebSocket form of the Vert.x event-bus bridge, as docs/protocol.md (section 2)
 * describes it: JSON frames, {@code send} with a reply address, {@code register},
 * {@code ping}; the server's {@code rec} and {@code err} frames. Used from the one event
 * loop that connected it.
 */
final class BridgeSocket {
    static final String PATH = "/eventbus/websocket";

    /** The bridge refused a frame ({@code err}); its body says why ({@code rejected}, {@code max_handlers_reached}...). */
    static final class Refused extends RuntimeException {
        final String reason;

        Refused(String reason) {
            super("refused: " + reason, null, false, false);
            this.reason = reason;
        }
    }

    /** No reply in time. */
    static final class TimedOut extends RuntimeException {
        TimedOut(long millis) {
            super("no reply within " + millis + " ms", null, false, false);
        }
    }

    /** The socket closed with the request unanswered. */
    static final class Closed extends RuntimeException {
        Closed() {
            super("socket closed", null, false, false);
        }
    }

    /**
     * An event pushed on the session address: its {@code seq} (-1 without one) and
     * {@code type}, and its body when its type is one to decode ({@link #decodeOnly}), else null.
     */
    record Pushed(long seq, String type, JsonObject body) {
    }

    private record Pending(String replyAddress, Promise<JsonObject> reply, long timer) {
    }

    private final Vertx vertx;
    private final WebSocket socket;
    private final Map<String, Pending> byAddress = new HashMap<>();
    /** Oldest first: an err frame names no request, so it is charged to the oldest one waiting. */
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private int replies;
    private Consumer<Pushed> events = event -> { };
    /** Event types whose bodies are decoded; null for all. */
    private Set<String> decoded;
    private Consumer<String> strayRefusals = reason -> { };
    private Consumer<String> badFrames = text -> { };
    private Runnable closed = () -> { };
    private boolean closing;

    private BridgeSocket(Vertx vertx, WebSocket socket) {
        this.vertx = vertx;
        this.socket = socket;
        socket.textMessageHandler(text -> frame(text.getBytes(StandardCharsets.UTF_8)));
        // The server writes each frame as a binary message of UTF-8 JSON: read as bytes, never made a String.
        socket.binaryMessageHandler(buffer -> frame(buffer.getBytes()));
        socket.exceptionHandler(error -> { }); // a close follows; that is what counts
        socket.closeHandler(v -> onClose());
    }

    /** Opens {@code ws://host:port/eventbus/websocket} on the node named by {@code gateway}. */
    static Future<BridgeSocket> connect(Vertx vertx, WebSocketClient client, URI gateway, long timeoutMillis) {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(gateway.getHost()).setPort(gateway.getPort()).setURI(PATH)
                .setConnectTimeout(timeoutMillis).setTimeout(timeoutMillis);
        return client.connect(options).map(socket -> new BridgeSocket(vertx, socket));
    }

    /** Pushed frames: every {@code rec} that is no reply to a request of ours (events on the session address). */
    BridgeSocket onEvent(Consumer<Pushed> handler) {
        this.events = handler;
        return this;
    }

    /** Decode the bodies of these event types only; the others come with their seq and type alone. */
    BridgeSocket decodeOnly(Set<String> types) {
        this.decoded = Set.copyOf(types);
        return this;
    }

    /** {@code err} frames with no request waiting: a refused {@code register}. */
    BridgeSocket onStrayRefusal(Consumer<String> handler) {
        this.strayRefusals = handler;
        return this;
    }

    BridgeSocket onBadFrame(Consumer<String> handler) {
        this.badFrames = handler;
        return this;
    }

    /** Called once when the socket closes, whoever closed it. */
    BridgeSocket onClosed(Runnable handler) {
        this.closed = handler;
        return this;
    }

    /** A {@code send} with a fresh reply address; the reply's body, or Refused, TimedOut or Closed. */
    Future<JsonObject> request(String address, JsonObject body, long timeoutMillis) {
        if (socket.isClosed()) return Future.failedFuture(new Closed());
        String replyAddress = "r" + (++replies);
        Promise<JsonObject> reply = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, id -> {
            Pending late = byAddress.remove(replyAddress);
            if (late != null) {
                waiting.remove(late);
                late.reply().tryFail(new TimedOut(timeoutMillis));
            }
        });
        Pending pending = new Pending(replyAddress, reply, timer);
        byAddress.put(replyAddress, pending);
        waiting.add(pending);
        write(new JsonObject().put("type", "send").put("address", address).put("replyAddress", replyAddress).put("body", body));
        return reply.future();
    }

    void register(String address) {
        write(new JsonObject().put("type", "register").put("address", address));
    }

    void ping() {
        write(new JsonObject().put("type", "ping"));
    }

    boolean isClosed() {
        return socket.isClosed();
    }

    /** A normal close (1000); completes when the server has answered it, or the socket is gone. */
    Future<Void> close() {
        closing = true;
        if (socket.isClosed()) return Future.succeededFuture();
        return socket.close((short) 1000, "bye");
    }

    /**
     * Drops the connection as a network failure would: the TCP connection closes with no
     * WebSocket close handshake. Counts as closed by us.
     */
    Future<Void> drop() {
        closing = true;
        if (socket.isClosed()) return Future.succeededFuture();
        if (!(socket instanceof WebSocketInternal internal)) return socket.close((short) 1001, "dropped");
        Promise<Void> closed = Promise.promise();
        Context caller = Vertx.currentContext();
        // Netty answers on its own thread: the caller carries on on its context.
        internal.channelHandlerContext().close().addListener(done -> {
            if (caller == null) closed.complete();
            else caller.runOnContext(v -> closed.complete());
        });
        return closed.future();
    }

    /** The close frame's code and reason, for the log. */
    String closeStatus() {
        return socket.closeStatusCode() + " " + socket.closeReason();
    }

    /** Whether this side asked for the close (a server's close is the other case). */
    boolean closedByUs() {
        return closing;
    }

    private void write(JsonObject frame) {
        if (!socket.isClosed()) socket.writeTextMessage(frame.encode());
    }

    private void frame(byte[] bytes) {
        BridgeFrame frame;
        try {
            frame = BridgeFrame.read(bytes);
        } catch (DecodeException e) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            badFrames.accept(text.length() > 200 ? text.substring(0, 200) + "..." : text);
            return;
        }
        switch (frame.type()) {
            case "rec" -> {
                Pending pending = byAddress.remove(frame.address());
                if (pending == null) {
                    if (!frame.hasObjectBody()) badFrames.accept(frame.text());
                    else events.accept(new Pushed(frame.seq(), frame.bodyType(), decoded == null || decoded.contains(frame.bodyType()) ? frame.body() : null));
                    return;
                }
                waiting.remove(pending);
                vertx.cancelTimer(pending.timer());
                pending.reply().tryComplete(frame.hasObjectBody() ? frame.body() : new JsonObject());
            }
            case "err" -> {
                String reason = String.valueOf(frame.bodyText());
                Pending pending = waiting.poll();
                if (pending == null) {
                    strayRefusals.accept(reason);
                    return;
                }
                byAddress.remove(pending.replyAddress());
                vertx.cancelTimer(pending.timer());
                pending.reply().tryFail(new Refused(reason));
            }
            default -> badFrames.accept(frame.text());
        }
    }

    /** The close is told first, then the requests waiting fail: a handler of theirs sees the socket as closed. */
    private void onClose() {
        closed.run();
        for (Pending pending : waiting) {
            vertx.cancelTimer(pending.timer());
            pending.reply().tryFail(new Closed());
        }
        waiting.clear();
        byAddress.clear();
    }
}
