package dev.hearth.node.it;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * A bot speaking the raw WebSocket form of the bridge protocol (docs/protocol.md, section
 * 5), written from the documentation alone, as a stranger would.
 */
final class BridgeClient implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<JsonObject> frames = new CopyOnWriteArrayList<>();
    private final AtomicInteger replies = new AtomicInteger();
    private final WebSocket socket;
    private volatile boolean closed;
    private volatile JsonObject hello;
    /** The highest seq among events already consumed by a wait. */
    private volatile long lastSeqConsumed;

    private BridgeClient(int port) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/eventbus/websocket"), new Collector())
                .get(10, TimeUnit.SECONDS);
    }

    static BridgeClient connect(int port) throws Exception {
        return new BridgeClient(port);
    }

    /** Connects, says hello with the token and registers the session address. */
    static BridgeClient enter(int port, String token) throws Exception {
        BridgeClient client = connect(port);
        JsonObject hello = client.request("hearth.hello", new JsonObject().put("token", token));
        if (!hello.getBoolean("ok", false)) throw new AssertionError("hello refused: " + hello);
        client.hello = hello;
        client.send(new JsonObject().put("type", "register").put("address", hello.getString("session")));
        client.awaitEvent(e -> "room".equals(e.getString("type")));
        return client;
    }

    /**
     * Connects and resumes the session at {@code address} (docs/protocol.md, "Resume"),
     * registering it again; the hello reply says whether it was resumed.
     */
    static BridgeClient resume(int port, String token, String address, long lastSeq) throws Exception {
        BridgeClient client = connect(port);
        client.hello = client.request("hearth.hello", new JsonObject().put("token", token)
                .put("resume", new JsonObject().put("session", address).put("seq", lastSeq)));
        if (!client.hello.getBoolean("ok", false)) throw new AssertionError("hello refused: " + client.hello);
        client.send(new JsonObject().put("type", "register").put("address", client.hello.getString("session")));
        return client;
    }

    /** The reply to this client's hello. */
    JsonObject hello() {
        return hello;
    }

    /** The highest seq received so far. */
    long lastSeq() {
        return frames.stream().filter(f -> "rec".equals(f.getString("type")) && f.getValue("body") instanceof JsonObject)
                .mapToLong(f -> f.getJsonObject("body").getLong("seq", 0L)).reduce(lastSeqConsumed, Math::max);
    }

    /** Cuts the connection as a network does: no close handshake. */
    void drop() {
        socket.abort();
        closed = true;
    }

    void send(JsonObject frame) {
        socket.sendText(frame.encode(), true).join();
    }

    void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends to an address with a fresh reply address and returns the reply's body. */
    JsonObject request(String address, Object body) {
        return request(address, body, null);
    }

    JsonObject request(String address, Object body, JsonObject headers) {
        String replyAddress = "reply-" + replies.incrementAndGet();
        JsonObject frame = new JsonObject().put("type", "send").put("address", address)
                .put("replyAddress", replyAddress).put("body", body);
        if (headers != null) frame.put("headers", headers);
        send(frame);
        return awaitFrame(f -> replyAddress.equals(f.getString("address")) || "err".equals(f.getString("type")))
                .getJsonObject("body", new JsonObject().put("err", true));
    }

    JsonObject command(String id, String line) {
        return request("hearth.command", new JsonObject().put("id", id).put("line", line));
    }

    /** The next event pushed to the session address matching the predicate (events carry a seq). */
    JsonObject awaitEvent(Predicate<JsonObject> matching) {
        return awaitEvent(matching, WAIT);
    }

    JsonObject awaitEvent(Predicate<JsonObject> matching, Duration wait) {
        return awaitFrame(f -> "rec".equals(f.getString("type"))
                && f.getJsonObject("body") != null && f.getJsonObject("body").containsKey("seq")
                && matching.test(f.getJsonObject("body")), wait).getJsonObject("body");
    }

    /** The first frame received so far or within the wait that matches; it is consumed. */
    JsonObject awaitFrame(Predicate<JsonObject> matching) {
        return awaitFrame(matching, WAIT);
    }

    JsonObject awaitFrame(Predicate<JsonObject> matching, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            for (JsonObject frame : frames) {
                if (matching.test(frame)) {
                    frames.remove(frame);
                    if (frame.getValue("body") instanceof JsonObject body && body.getValue("seq") instanceof Number seq) {
                        lastSeqConsumed = Math.max(lastSeqConsumed, seq.longValue());
                    }
                    return frame;
                }
            }
            if (System.nanoTime() > deadline) throw new AssertionError("no matching frame within " + wait + "; received " + frames);
            LockSupport.parkNanos(5_000_000);
        }
    }

    boolean awaitClosed() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!closed && System.nanoTime() < deadline) LockSupport.parkNanos(10_000_000);
        return closed;
    }

    List<JsonObject> received() {
        return List.copyOf(frames);
    }

    @Override
    public void close() {
        if (!closed) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        /** The bridge writes each JSON frame as a binary WebSocket message (UTF-8). */
        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
            return onText(webSocket, java.nio.charset.StandardCharsets.UTF_8.decode(data), last);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
        }
    }
}
