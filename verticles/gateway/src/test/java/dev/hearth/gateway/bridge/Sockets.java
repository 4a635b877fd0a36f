package dev.hearth.gateway.bridge;

import io.vertx.core.Future;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;

/** What the bridge tests share: a socket nobody writes to, and waiting for a future. */
final class Sockets {
    private Sockets() {
    }

    /** A socket that is never written to: the link sends on the bus, not on sockets. */
    static SockJSSocket unused() {
        return (SockJSSocket) Proxy.newProxyInstance(SockJSSocket.class.getClassLoader(), new Class<?>[]{SockJSSocket.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "socket";
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
