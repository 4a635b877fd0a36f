package dev.hearth.gateway.bridge;

import dev.hearth.gateway.GatewaySettings;
import dev.hearth.gateway.auth.PlayerIdentity;
import dev.hearth.gateway.auth.TokenService;
import dev.hearth.gateway.sessions.Session;
import dev.hearth.gateway.sessions.SessionRegistry;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.ErrorCode;
import dev.hearth.runtime.edge.PlayerCommand;
import dev.hearth.runtime.settings.LiveSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * The addresses a client may send to (docs/protocol.md, sections 3 and 4). The
 * session is found through the header {@link BridgeGuard} stamped, never through
 * anything the client wrote.
 */
public final class SessionEndpoints {
    private static final Logger log = LoggerFactory.getLogger(SessionEndpoints.class);
    private static final long CLOSE_AFTER_LAST_REPLY_MS = 250;

    private final Vertx edge;
    private final SessionRegistry sessions;
    private final TokenService tokens;
    private final WorldLink world;
    private final Resumption resumption;
    private final LiveSettings settings;
    private final String nodeId;

    public SessionEndpoints(Vertx edge, SessionRegistry sessions, TokenService tokens, WorldLink world, Resumption resumption,
                            LiveSettings settings, String nodeId) {
        this.edge = edge;
        this.sessions = sessions;
        this.tokens = tokens;
        this.world = world;
        this.resumption = resumption;
        this.settings = settings;
        this.nodeId = nodeId;
    }

    public Future<Void> register() {
        EventBus bus = edge.eventBus();
        return Future.all(
                bus.<Object>consumer(EdgeAddresses.HELLO, this::hello).completion(),
                bus.<Object>consumer(EdgeAddresses.COMMAND, this::command).completion(),
                bus.<Object>consumer(EdgeAddresses.TOKEN, this::refreshToken).completion(),
                bus.<Object>consumer(EdgeAddresses.LOGOUT, this::logout).completion()
        ).mapEmpty();
    }

    private void hello(Message<Object> message) {
        Optional<Session> found = stampedSession(message);
        if (found.isEmpty()) return;
        Session session = found.get();
        if (session.player().isPresent()) {
            refuse(message, ErrorCode.ALREADY_AUTHENTICATED, "This connection is already logged in.");
            return;
        }
        JsonObject body = message.body() instanceof JsonObject json ? json : new JsonObject();
        String token = body.getValue("token") instanceof String text ? text : null;
        Optional<Resume> resume = Resume.of(body.getValue("resume"));
        tokens.verify(token).onComplete(verified -> {
            if (verified.failed()) {
                refuse(message, ErrorCode.BAD_TOKEN, "Your login has expired or is not valid. Please log in again.");
                edge.setTimer(CLOSE_AFTER_LAST_REPLY_MS, t -> session.socket().close());
                return;
            }
            PlayerIdentity player = verified.result();
            Optional<Session> resumed = resume.flatMap(r -> resumption.resume(session.socket(), player, r.session(), r.seq()));
            if (resumed.isPresent()) {
                message.reply(welcome(resumed.get(), player).put("resumed", true).put("missed", resumed.get().missed()));
                return;
            }
            if (!session.bind(player)) {
                refuse(message, ErrorCode.ALREADY_AUTHENTICATED, "This connection is already logged in.");
                return;
            }
            resumption.endDropped(player);
            log.info("Player '{}' connected (session {})", player.name(), session.id());
            message.reply(welcome(session, player).put("resumed", false));
        });
    }

    private JsonObject welcome(Session session, PlayerIdentity player) {
        return new JsonObject()
                .put("ok", true)
                .put("session", session.address())
                .put("player", new JsonObject().put("name", player.name()))
                .put("motd", settings.get(GatewaySettings.MOTD))
                .put("serverTime", System.currentTimeMillis());
    }

    /** A hello's {@code "resume": {"session": "<address>", "seq": <last seen>}}; anything else is no resume. */
    private record Resume(String session, long seq) {
        static Optional<Resume> of(Object value) {
            if (!(value instanceof JsonObject json) || !(json.getValue("session") instanceof String address)
                    || !(json.getValue("seq") instanceof Number seq) || seq.longValue() < 0) {
                return Optional.empty();
            }
            return Optional.of(new Resume(address, seq.longValue()));
        }
    }

    private void command(Message<Object> message) {
        Optional<Session> found = authenticatedSession(message);
        if (found.isEmpty()) return;
        Session session = found.get();
        if (!(message.body() instanceof JsonObject body)
                || !(body.getValue("id") instanceof String id) || id.isEmpty() || id.length() > 64
                || !(body.getValue("line") instanceof String line)) {
            refuse(message, ErrorCode.BAD_REQUEST, "A command is {\"id\": \"...\", \"line\": \"...\"}.");
            return;
        }
        int maxLength = settings.get(GatewaySettings.COMMAND_MAX_LENGTH);
        if (line.length() > maxLength) {
            message.reply(withId(id, CommandOutcome.rejected(ErrorCode.TOO_LONG,
                    "That is too long: " + line.length() + " characters, the limit is " + maxLength + ".")));
            return;
        }
        if (!session.inWorld()) {
            refuse(message, ErrorCode.NOT_AUTHENTICATED, "Register your session address before sending commands.");
            return;
        }
        Duration timeout = Duration.ofMillis(settings.get(GatewaySettings.COMMAND_TIMEOUT_MS));
        world.command(new PlayerCommand(id, session.ref(nodeId), line), timeout)
                .onSuccess(outcome -> message.reply(withId(id, outcome)));
    }

    private void refreshToken(Message<Object> message) {
        authenticatedSession(message).ifPresent(session -> message.reply(new JsonObject()
                .put("ok", true)
                .put("token", tokens.issue(session.player().orElseThrow()))
                .put("expiresIn", tokens.lifetime().toSeconds())));
    }

    /** The player is leaving: out of the world now (no resume window), then the connection closes. */
    private void logout(Message<Object> message) {
        authenticatedSession(message).ifPresent(session -> {
            log.info("Player '{}' logged out (session {})", session.player().orElseThrow().name(), session.id());
            resumption.end(session);
            message.reply(new JsonObject().put("ok", true));
            edge.setTimer(CLOSE_AFTER_LAST_REPLY_MS, t -> session.socket().close());
        });
    }

    /** The session the guard stamped on the message; refused (and empty) when there is none, or it has not logged in. */
    private Optional<Session> stampedSession(Message<Object> message) {
        return stampedSession(message, false);
    }

    private Optional<Session> authenticatedSession(Message<Object> message) {
        return stampedSession(message, true);
    }

    private Optional<Session> stampedSession(Message<Object> message, boolean mustBeLoggedIn) {
        Optional<Session> session = sessions.byId(message.headers().get(BridgeGuard.SESSION_HEADER))
                .filter(s -> !mustBeLoggedIn || s.player().isPresent());
        if (session.isEmpty()) refuse(message, ErrorCode.NOT_AUTHENTICATED, "Log in first: send your token to hearth.hello.");
        return session;
    }

    private static JsonObject withId(String id, CommandOutcome outcome) {
        return outcome.toJson().put("id", id);
    }

    private static void refuse(Message<Object> message, ErrorCode code, String text) {
        message.reply(CommandOutcome.rejected(code, text).toJson());
    }
}
