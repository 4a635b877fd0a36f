package dev.hearth.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.function.Consumer;

/**
 * Session start (docs/protocol.md, section 3) on an open socket: {@code hearth.hello}
 * with the token, {@code register} the session address it answers, then wait for the
 * first event, the {@code room}: from then on the player is in the world. Or a resume of a
 * session the bot had, which is back as soon as it is registered.
 */
final class WorldEntry {
    static final String HELLO = "hearth.hello";
    static final String COMMAND = "hearth.command";
    static final String TOKEN = "hearth.token";

    /** Why a bot did not get in: {@code kind} for the summary, the message for the log. */
    static final class Failed extends RuntimeException {
        final String kind;

        Failed(String kind, String detail) {
            super(detail, null, false, false);
            this.kind = kind;
        }
    }

    private WorldEntry() {
    }

    /**
     * Enters the world; every pushed event, the first room included, goes to {@code events}.
     * Completes with the hello reply once the room has come.
     */
    static Future<JsonObject> enter(Vertx vertx, BridgeSocket socket, String token, Consumer<BridgeSocket.Pushed> events, long timeoutMillis) {
        return enter(vertx, socket, new JsonObject().put("token", token), events, timeoutMillis);
    }

    /**
     * Resumes the session at {@code address} (docs/protocol.md, "Resume"): complete as soon as
     * the session is registered again (what was missed follows, with the seqs after
     * {@code lastSeq}). Where the gateway no longer has it, this enters afresh, as {@link #enter}
     * does; the hello reply's {@code resumed} tells which.
     */
    static Future<JsonObject> resume(Vertx vertx, BridgeSocket socket, String token, String address, long lastSeq,
                                     Consumer<BridgeSocket.Pushed> events, long timeoutMillis) {
        JsonObject hello = new JsonObject().put("token", token).put("resume", new JsonObject().put("session", address).put("seq", lastSeq));
        return enter(vertx, socket, hello, events, timeoutMillis);
    }

    private static Future<JsonObject> enter(Vertx vertx, BridgeSocket socket, JsonObject helloBody, Consumer<BridgeSocket.Pushed> events,
                                            long timeoutMillis) {
        Promise<Void> inWorld = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, id -> inWorld.tryFail(new Failed("enter_timeout", "no room within " + timeoutMillis + " ms")));
        socket.onEvent(event -> {
            events.accept(event);
            if ("room".equals(event.type())) inWorld.tryComplete();
        });
        socket.onStrayRefusal(reason -> inWorld.tryFail(new Failed("register_refused", reason)));
        socket.onClosed(() -> inWorld.tryFail(new Failed("socket_closed", "closed while entering")));
        return socket.request(HELLO, helloBody, timeoutMillis)
                .recover(failure -> Future.failedFuture(new Failed("hello", failure.getMessage())))
                .compose(hello -> {
                    if (!hello.getBoolean("ok", false) || hello.getString("session") == null) {
                        return Future.failedFuture(new Failed("hello", hello.getJsonObject("error", new JsonObject()).getString("code", hello.encode())));
                    }
                    socket.register(hello.getString("session"));
                    if (hello.getBoolean("resumed", false)) inWorld.tryComplete();
                    return inWorld.future().map(hello);
                })
                .andThen(done -> vertx.cancelTimer(timer));
    }
}
