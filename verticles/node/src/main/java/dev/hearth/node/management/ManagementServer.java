package dev.hearth.node.management;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * The operator's door into one node, on its own port (loopback by default), apart from
 * player traffic: {@code GET /health} for load balancers and scripts, {@code GET /status}
 * for people. Later: admin API, metrics, JFR downloads.
 */
public final class ManagementServer {
    private static final Logger log = LoggerFactory.getLogger(ManagementServer.class);

    private final Vertx vertx;
    private final Supplier<Future<JsonObject>> status;
    private HttpServer server;

    /** @param status the node's status; some of it (the cluster's maps) is asked for off the event loop */
    public ManagementServer(Vertx vertx, Supplier<Future<JsonObject>> status) {
        this.vertx = vertx;
        this.status = status;
    }

    public Future<HttpServer> listen(String host, int port) {
        Router router = Router.router(vertx);
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "up")));
        router.get("/status").handler(ctx -> status.get().onComplete(ctx::json, ctx::fail));
        return vertx.createHttpServer().requestHandler(router).listen(port, host)
                .onSuccess(s -> {
                    server = s;
                    log.info("Management server on http://{}:{}/ (health, status)", host, s.actualPort());
                });
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
