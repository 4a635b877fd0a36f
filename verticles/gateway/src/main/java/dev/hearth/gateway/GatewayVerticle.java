package dev.hearth.gateway;

import dev.hearth.gateway.accounts.AccountsApi;
import dev.hearth.gateway.auth.TokenService;
import dev.hearth.gateway.bridge.BridgeGuard;
import dev.hearth.gateway.bridge.Resumption;
import dev.hearth.gateway.bridge.SessionEndpoints;
import dev.hearth.gateway.bridge.WorldLink;
import dev.hearth.gateway.http.HttpErrors;
import dev.hearth.gateway.sessions.SessionRegistry;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.entity.Entities;
import dev.hearth.runtime.settings.LiveSettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Pattern;

/**
 * The edge of one node: the web client, the accounts API and the SockJS bridge, all on
 * the gateway's local (non-clustered) Vert.x. Only {@link WorldLink} touches the cluster,
 * so the cluster's subscription map grows with gateways, never with players.
 *
 * <p>It is given the node's entity runtime ({@link Entities}), which on a gateway calls
 * entities without hosting any.
 */
public final class GatewayVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(GatewayVerticle.class);
    static final int MAX_HANDLERS_PER_SOCKET = 16;

    private final GatewayConfig config;
    private final Vertx cluster;
    /** Not called yet: players' commands reach the world through the game nodes (WorldLink), which call the entities. */
    @SuppressWarnings({"unused", "FieldCanBeLocal"})
    private final Entities entities;
    private final AccountsApi accounts;
    private final TokenService tokens;
    private final LiveSettings settings;
    private final SessionRegistry sessions = new SessionRegistry();
    private WorldLink world;
    private HttpServer server;

    public GatewayVerticle(GatewayConfig config, Vertx cluster, Entities entities, AccountsApi accounts, TokenService tokens,
                           LiveSettings settings) {
        this.config = config;
        this.cluster = cluster;
        this.entities = entities;
        this.accounts = accounts;
        this.tokens = tokens;
        this.settings = settings;
    }

    @Override
    public Future<?> start() {
        world = new WorldLink(cluster, sessions, config.nodeId());
        Resumption resumption = new Resumption(vertx, sessions, world, settings);
        SessionEndpoints endpoints = new SessionEndpoints(vertx, sessions, tokens, world, resumption, settings, config.nodeId());
        BridgeGuard guard = new BridgeGuard(sessions, world, resumption, settings);

        Router router = Router.router(vertx);
        accounts.mount(router);
        // SockJS's HTTP fallbacks (xhr_send) post frames as bodies; cap them like WebSocket frames.
        router.post("/eventbus/*").handler(BodyHandler.create(false).setBodyLimit(config.maxFrameBytes()));
        router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx, new SockJSHandlerOptions().setRegisterWriteHandler(false)
                        // WebSocket and xhr cover every browser; fewer transports, less to defend.
                        .addDisabledTransport("EVENT_SOURCE").addDisabledTransport("HTML_FILE").addDisabledTransport("JSON_P"))
                .bridge(bridgeOptions(), guard::handle));
        router.route().handler(StaticHandler.create("webroot").setIndexPage("index.html"));
        router.route().failureHandler(HttpErrors.failureHandler());

        HttpServerOptions options = new HttpServerOptions()
                .setHost(config.httpHost())
                .setPort(config.httpPort())
                .setMaxWebSocketFrameSize(config.maxFrameBytes())
                .setMaxWebSocketMessageSize(config.maxFrameBytes())
                // No browser speaks h2c, and an h2c upgrade of a POST loses SockJS's xhr_send body.
                .setHttp2ClearTextEnabled(false);
        return world.start()
                .compose(v -> endpoints.register())
                .compose(v -> vertx.createHttpServer(options).requestHandler(router).listen())
                .onSuccess(s -> {
                    server = s;
                    log.info("Gateway listening on http://{}:{}/", config.httpHost(), s.actualPort());
                });
    }

    @Override
    public Future<?> stop() {
        return world == null ? Future.succeededFuture() : world.stop();
    }

    /** The port actually bound (useful when configured as 0). */
    public int port() {
        return server == null ? -1 : server.actualPort();
    }

    public int connectedSessions() {
        return sessions.size();
    }

    /** Sessions whose connection dropped, waiting for their player to resume. */
    public int droppedSessions() {
        return sessions.droppedCount();
    }

    private static SockJSBridgeOptions bridgeOptions() {
        SockJSBridgeOptions options = new SockJSBridgeOptions();
        EdgeAddresses.CLIENT_SENDABLE.forEach(address -> options.addInboundPermitted(new PermittedOptions().setAddress(address)));
        return options
                .addOutboundPermitted(new PermittedOptions().setAddressRegex(Pattern.quote(EdgeAddresses.session("")) + "[0-9a-f-]{36}"))
                .setMaxAddressLength(128)
                // The session address, plus one per request awaiting its reply (commands may overlap).
                .setMaxHandlersPerSocket(MAX_HANDLERS_PER_SOCKET)
                .setPingTimeout(30_000)
                .setReplyTimeout(60_000);
    }
}
