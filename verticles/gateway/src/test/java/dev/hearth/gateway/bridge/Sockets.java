package dev.hearth.gateway.bridge;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the bridge tests share: sockets that are never written to or that record what is, and waiting for a future. */
final class Sockets {
    private Sockets() {
    }

    /** What a recording socket keeps when it is closed. */
    static final String CLOSED = "(closed)";

    /** A socket that is never written to (closing it is fine). */
    static SockJSSocket unused() {
        return recording(null);
    }

    /** A socket that keeps the text of each frame written to it in {@code frames}; null: writing fails the test. */
    static SockJSSocket recording(List<String> frames) {
        return (SockJSSocket) Proxy.newProxyInstance(SockJSSocket.class.getClassLoader(), new Class<?>[]{SockJSSocket.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "socket";
                    case "close" -> {
                        if (frames != null) frames.add(CLOSED);
                        yield Future.succeededFuture();
                    }
                    case "write" -> {
                        if (frames == null || !(args[0] instanceof Buffer frame)) throw new UnsupportedOperationException("write");
                        frames.add(frame.toString());
                        yield Future.succeededFuture();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
