package dev.hearth.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The bridge framing against a stand-in server that answers as docs/protocol.md says the gateway does. */
@ExtendWith(VertxExtension.class)
class BridgeSocketTest {
    private HttpServer server;
    /** Held: Vert.x 5 closes a client, and its sockets, once nothing refers to it and it is garbage collected. */
    private WebSocketClient client;

    @AfterEach
    void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void aReplyReachesItsRequestAndPushedFramesAreEvents(Vertx vertx, VertxTestContext test) {
        List<BridgeSocket.Pushed> events = new ArrayList<>();
        serve(vertx, (socket, frame) -> {
            // Binary, as the gateway writes them; an event first, then the reply.
            socket.writeBinaryMessage(Buffer.buffer(new JsonObject().put("type", "rec").put("address", "hearth.session.1")
                    .put("body", new JsonObject().put("seq", 1).put("type", "room")).encode()));
            socket.writeBinaryMessage(Buffer.buffer(new JsonObject().put("type", "rec").put("address", frame.getString("replyAddress"))
                    .put("body", new JsonObject().put("id", frame.getJsonObject("body").getString("id")).put("ok", true)).encode()));
        }).compose(port -> connect(vertx, port))
                .compose(socket -> socket.onEvent(events::add).request("hearth.command", new JsonObject().put("id", "c1").put("line", "look"), 5000))
                .onComplete(test.succeeding(reply -> test.verify(() -> {
                    assertThat(reply.getString("id")).isEqualTo("c1");
                    assertThat(events).extracting(BridgeSocket.Pushed::type).containsExactly("room");
                    assertThat(events.getFirst().seq()).isEqualTo(1);
                    assertThat(events.getFirst().body().getInteger("seq")).isEqualTo(1);
                    test.completeNow();
                })));
    }

    @Test
    void anErrFrameFailsTheRequestWaitingWithItsReason(Vertx vertx, VertxTestContext test) {
        serve(vertx, (socket, frame) -> socket.writeBinaryMessage(Buffer.buffer("{\"type\":\"err\",\"body\":\"rejected\"}")))
                .compose(port -> connect(vertx, port))
                .compose(socket -> socket.request("hearth.command", new JsonObject(), 5000))
                .onComplete(test.failing(failure -> test.verify(() -> {
                    assertThat(failure).isInstanceOf(BridgeSocket.Refused.class);
                    assertThat(((BridgeSocket.Refused) failure).reason).isEqualTo("rejected");
                    test.completeNow();
                })));
    }

    @Test
    void aRequestNobodyAnswersTimesOut(Vertx vertx, VertxTestContext test) {
        serve(vertx, (socket, frame) -> { })
                .compose(port -> connect(vertx, port))
                .compose(socket -> socket.request("hearth.command", new JsonObject(), 200))
                .onComplete(test.failing(failure -> test.verify(() -> {
                    assertThat(failure).isInstanceOf(BridgeSocket.TimedOut.class);
                    test.completeNow();
                })));
    }

    @Test
    void aServerCloseFailsWhatIsWaitingAndIsToldOnce(Vertx vertx, VertxTestContext test) {
        List<String> closes = new ArrayList<>();
        serve(vertx, (socket, frame) -> {
            if ("bye".equals(frame.getString("address"))) {
                socket.close();
            } else {
                socket.writeTextMessage(new JsonObject().put("type", "rec").put("address", frame.getString("replyAddress"))
                        .put("body", new JsonObject()).encode());
            }
        }).compose(port -> connect(vertx, port))
                .compose(socket -> socket.onClosed(() -> closes.add("closed")).request("hello", new JsonObject(), 5000)
                        .compose(answered -> socket.request("bye", new JsonObject(), 5000))
                        .recover(failure -> {
                            test.verify(() -> {
                                assertThat(failure).isInstanceOf(BridgeSocket.Closed.class);
                                assertThat(socket.closedByUs()).isFalse();
                                assertThat(closes).containsExactly("closed");
                            });
                            return Future.succeededFuture();
                        }))
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void eventsOfTypesNotReadComeWithTheirSeqAndTypeButNoBody(Vertx vertx, VertxTestContext test) {
        List<BridgeSocket.Pushed> events = new ArrayList<>();
        serve(vertx, (socket, frame) -> {
            socket.writeBinaryMessage(Buffer.buffer(new JsonObject().put("type", "rec").put("address", "hearth.session.1")
                    .put("body", new JsonObject().put("type", "said").put("from", "Alice").put("text", "Hi {\"there\"}").put("seq", 1)).encode()));
            socket.writeBinaryMessage(Buffer.buffer(new JsonObject().put("type", "rec").put("address", "hearth.session.1")
                    .put("body", new JsonObject().put("seq", 2).put("type", "room").put("room", new JsonObject().put("id", "tavern"))).encode()));
            socket.writeBinaryMessage(Buffer.buffer(new JsonObject().put("type", "rec").put("address", frame.getString("replyAddress"))
                    .put("body", new JsonObject().put("id", "c1").put("ok", true)).encode()));
        }).compose(port -> connect(vertx, port))
                .compose(socket -> socket.decodeOnly(java.util.Set.of("room")).onEvent(events::add)
                        .request("hearth.command", new JsonObject().put("id", "c1").put("line", "look"), 5000))
                .onComplete(test.succeeding(reply -> test.verify(() -> {
                    assertThat(reply.getBoolean("ok")).isTrue();
                    assertThat(events).extracting(BridgeSocket.Pushed::seq).containsExactly(1L, 2L);
                    assertThat(events.get(0).type()).isEqualTo("said");
                    assertThat(events.get(0).body()).isNull();
                    assertThat(events.get(1).body().getJsonObject("room").getString("id")).isEqualTo("tavern");
                    test.completeNow();
                })));
    }

    @Test
    void aDropClosesTheConnectionWithoutAHandshakeAndCountsAsClosedByUs(Vertx vertx, VertxTestContext test) {
        List<String> serverSaw = new ArrayList<>();
        vertx.createHttpServer().webSocketHandler(socket -> {
            socket.textMessageHandler(text -> socket.writeTextMessage(new JsonObject().put("type", "rec")
                    .put("address", new JsonObject(text).getString("replyAddress")).put("body", new JsonObject()).encode()));
            socket.closeHandler(v -> test.verify(() -> {
                // No close frame came: the status is that of a connection lost (1006), not a goodbye.
                serverSaw.add(String.valueOf(socket.closeStatusCode()));
                assertThat(serverSaw).containsExactly("1006");
                test.completeNow();
            }));
        }).listen(0, "127.0.0.1").map(listening -> {
            server = listening;
            return listening.actualPort();
        }).compose(port -> connect(vertx, port))
                .compose(socket -> socket.request("hello", new JsonObject(), 5000).map(socket))
                .onComplete(test.succeeding(socket -> test.verify(() -> {
                    List<String> closes = new ArrayList<>();
                    socket.onClosed(() -> closes.add("closed"));
                    socket.drop();
                    assertThat(socket.closedByUs()).isTrue();
                })));
    }

    /** A server that hands every {@code send} frame it receives to {@code onSend}. */
    private Future<Integer> serve(Vertx vertx, BiConsumer<ServerWebSocket, JsonObject> onSend) {
        return vertx.createHttpServer().webSocketHandler(socket -> socket.textMessageHandler(text -> {
            JsonObject frame = new JsonObject(text);
            if ("send".equals(frame.getString("type"))) onSend.accept(socket, frame);
        })).listen(0, "127.0.0.1").map(listening -> {
            server = listening;
            return listening.actualPort();
        });
    }

    private Future<BridgeSocket> connect(Vertx vertx, int port) {
        client = vertx.createWebSocketClient();
        return BridgeSocket.connect(vertx, client, URI.create("http://127.0.0.1:" + port), 5000);
    }
}
