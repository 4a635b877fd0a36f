package dev.hearth.game;

import dev.hearth.game.commands.CommandContext;
import dev.hearth.game.commands.CommandDispatcher;
import dev.hearth.game.commands.GameCommands;
import dev.hearth.game.delivery.FanOut;
import dev.hearth.game.sessions.SessionLifecycle;
import dev.hearth.game.world.LocalPresence;
import dev.hearth.game.world.RoomStore;
import dev.hearth.game.world.Rooms;
import dev.hearth.game.world.World;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.ErrorCode;
import dev.hearth.runtime.edge.PlayerCommand;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.Entities;
import dev.hearth.runtime.settings.LiveSettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * The world of this release: loads the rooms, then answers the gateways on the cluster
 * bus (players entering, typing lines, leaving) and pushes room events back to them.
 * When a gateway node leaves the cluster, its players leave the world.
 *
 * <p>All world state is confined to this verticle's context: every handler runs on its
 * one event loop, one message at a time, so commands from the same room always see a
 * consistent world without locks. Deploy one instance, on one node: a second instance
 * would hold a second, separate world (entities lift this in the next release).
 *
 * <p>It is given the node's entity runtime ({@link Entities}): the cluster's entities
 * ({@link GameEntities}) as this node sees them, wherever they are active.
 */
public final class GameVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(GameVerticle.class);

    private final Pool pool;
    private final LiveSettings settings;
    /** Not called yet: rooms and players move onto entities next. */
    @SuppressWarnings({"unused", "FieldCanBeLocal"})
    private final Entities entities;
    private World world;
    private FanOut fanOut;
    private SessionLifecycle sessions;
    private CommandDispatcher dispatcher;

    public GameVerticle(Pool pool, LiveSettings settings, Entities entities) {
        this.pool = pool;
        this.settings = settings;
        this.entities = entities;
    }

    @Override
    public Future<?> start() {
        return new RoomStore(pool).loadAll()
                .map(Rooms::of)
                .compose(rooms -> {
                    world = new World(rooms, new LocalPresence());
                    fanOut = new FanOut(vertx.eventBus());
                    sessions = new SessionLifecycle(world, fanOut);
                    dispatcher = new CommandDispatcher(GameCommands.registry());
                    log.info("World loaded: {} rooms; players start in '{}'", rooms.all().size(), rooms.starting().id());
                    // Consumers last: no gateway may reach a world that is not loaded yet.
                    return Future.all(
                            vertx.eventBus().<Object>consumer(EdgeAddresses.GAME_ENTER, m -> onSession(m, sessions::enter)).completion(),
                            vertx.eventBus().<Object>consumer(EdgeAddresses.GAME_LEAVE, m -> onSession(m, sessions::leave)).completion(),
                            vertx.eventBus().<Object>consumer(EdgeAddresses.GAME_COMMAND, this::onCommand).completion(),
                            // Local: each game node hears of departed gateways from its own cluster view.
                            vertx.eventBus().<Object>localConsumer(EdgeAddresses.GATEWAY_LEFT, this::onGatewayLeft).completion());
                });
    }

    private void onSession(Message<Object> message, Consumer<SessionRef> action) {
        SessionRef session;
        try {
            session = SessionRef.fromJson(jsonBody(message));
        } catch (RuntimeException e) {
            log.warn("Malformed session message on {}: {}", message.address(), e.toString());
            message.fail(400, "expected a SessionRef: " + e.getMessage());
            return;
        }
        try {
            action.accept(session);
            message.reply(new JsonObject());
        } catch (IllegalArgumentException e) {
            log.warn("Refused {} for player {} (session {}): {}", message.address(), session.player(), session.session(), e.getMessage());
            message.fail(400, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Could not handle {} for player {} (session {})", message.address(), session.player(), session.session(), e);
            message.fail(500, String.valueOf(e.getMessage()));
        }
    }

    /**
     * A gateway node left the cluster. The node publishes this, so usually no one waits;
     * a sender that asks for a reply (a test) gets one when the world is done.
     */
    private void onGatewayLeft(Message<Object> message) {
        String gateway;
        try {
            gateway = jsonBody(message).getString("gateway");
            if (gateway == null || gateway.isBlank()) throw new IllegalArgumentException("no \"gateway\" node id");
        } catch (RuntimeException e) {
            log.warn("Malformed message on {}: {}", message.address(), e.toString());
            message.fail(400, "expected {\"gateway\": \"<node id>\"}: " + e.getMessage());
            return;
        }
        try {
            sessions.gatewayLeft(gateway);
            message.reply(new JsonObject());
        } catch (RuntimeException e) {
            log.error("Could not remove the sessions of gateway {}", gateway, e);
            message.fail(500, String.valueOf(e.getMessage()));
        }
    }

    private void onCommand(Message<Object> message) {
        PlayerCommand command;
        try {
            command = PlayerCommand.fromJson(jsonBody(message));
        } catch (RuntimeException e) {
            log.warn("Malformed player command: {}", e.toString());
            message.reply(CommandOutcome.rejected(ErrorCode.BAD_REQUEST, "The command could not be read.").toJson());
            return;
        }
        try {
            sessions.ensurePresent(command.from());
        } catch (RuntimeException e) {
            log.warn("Player {} could not be placed in the world ({}): {}", command.from().player(), command.commandId(), e.getMessage());
            message.reply(CommandOutcome.rejected(ErrorCode.BAD_REQUEST, "Your session could not be placed in the world.").toJson());
            return;
        }
        CommandContext context = new CommandContext(command.commandId(), command.from(), world, fanOut, settings,
                dispatcher.commands());
        dispatcher.dispatch(command.line(), context).onComplete(
                outcome -> message.reply(outcome.toJson()),
                // Not expected (the dispatcher turns failures into outcomes); never leave the gateway waiting.
                failure -> message.fail(500, String.valueOf(failure.getMessage())));
    }

    /** The body as a JSON object, or an exception naming what came instead (a gateway bug). */
    private static JsonObject jsonBody(Message<Object> message) {
        if (message.body() instanceof JsonObject json) return json;
        throw new IllegalArgumentException("body is not a JSON object but "
                + (message.body() == null ? "null" : message.body().getClass().getSimpleName()));
    }
}
