package dev.hearth.game;

import dev.hearth.game.character.Character;
import dev.hearth.game.commands.TypedLine;
import dev.hearth.game.npc.Npc;
import dev.hearth.game.npc.NpcDefinition;
import dev.hearth.game.sessions.GatewayRoster;
import dev.hearth.game.text.Names;
import dev.hearth.runtime.edge.CommandOutcome;
import dev.hearth.runtime.edge.EdgeAddresses;
import dev.hearth.runtime.edge.ErrorCode;
import dev.hearth.runtime.edge.PlayerCommand;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.CallOptions;
import dev.hearth.runtime.entity.CallTimeoutException;
import dev.hearth.runtime.entity.Entities;
import dev.hearth.runtime.entity.EntityUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The world's door on every game node: turns what the gateways send on the cluster bus
 * (a player coming in, a typed line, a connection closing) into one call on that
 * player's {@link Character} entity, wherever the runtime hosts it. The consumers are
 * clustered, so gateways spread their messages over every game node; none of them holds
 * any world state, which lives in the entities (docs/entities.md).
 *
 * <p>When a gateway node leaves the cluster, each game node hears of it locally and
 * disconnects that gateway's sessions, as its {@link GatewayRoster} hands them over: to
 * the first node that asks, so the others have nothing to do.
 */
public final class GameVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(GameVerticle.class);
    private static final int DISCONNECTS_AT_ONCE = 16;

    private final Entities entities;
    private final GameServices services;

    public GameVerticle(Entities entities, GameServices services) {
        this.entities = entities;
        this.services = services;
    }

    @Override
    public Future<?> start() {
        log.info("World of {} rooms and {} NPCs; players start in '{}'", services.rooms().all().size(),
                services.npcs().all().size(), services.rooms().starting().id());
        return wakeNpcs().compose(v -> Future.all(
                vertx.eventBus().<Object>consumer(EdgeAddresses.GAME_ENTER, m -> onSession(m, this::enter)).completion(),
                vertx.eventBus().<Object>consumer(EdgeAddresses.GAME_LEAVE, m -> onSession(m, this::leave)).completion(),
                vertx.eventBus().<Object>consumer(EdgeAddresses.GAME_COMMAND, this::onCommand).completion(),
                // Local: each game node hears of departed gateways from its own cluster view.
                vertx.eventBus().<Object>localConsumer(EdgeAddresses.GATEWAY_LEFT, this::onGatewayLeft).completion()));
    }

    /** Every game node wakes them at start; after the first time that changes nothing. A failure only delays them. */
    private Future<Void> wakeNpcs() {
        List<Future<Void>> woken = services.npcs().all().stream().map(NpcDefinition::id)
                .map(id -> entities.ref(Npc.class, id).wake()
                        .onFailure(e -> log.warn("NPC {} could not be woken: {}", id, e.toString())))
                .toList();
        return Future.join(woken).<Void>mapEmpty().recover(e -> Future.succeededFuture());
    }

    private Future<Void> enter(SessionRef session) {
        return character(session.player()).connect(session).compose(accepted -> accepted ? Future.succeededFuture()
                : Future.failedFuture(new IllegalArgumentException("session " + session.session()
                        + " was refused: it belongs to another player, has already left, or its gateway has")));
    }

    private Future<Void> leave(SessionRef session) {
        return character(session.player()).disconnect(session);
    }

    private void onSession(Message<Object> message, Function<SessionRef, Future<Void>> action) {
        SessionRef session;
        try {
            session = SessionRef.fromJson(jsonBody(message));
        } catch (RuntimeException e) {
            log.warn("Malformed session message on {}: {}", message.address(), e.toString());
            message.fail(400, "expected a SessionRef: " + e.getMessage());
            return;
        }
        action.apply(session).onComplete(done -> message.reply(new JsonObject()), failure -> {
            if (failure instanceof IllegalArgumentException) {
                log.warn("Refused {} for player {} (session {}): {}", message.address(), session.player(), session.session(), failure.getMessage());
                message.fail(400, failure.getMessage());
            } else {
                log.error("Could not handle {} for player {} (session {})", message.address(), session.player(), session.session(), failure);
                message.fail(500, String.valueOf(failure.getMessage()));
            }
        });
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
        characterFor(command).command(command).onComplete(
                outcome -> message.reply(new JsonObject(outcome)),
                failure -> message.reply(failed(command, failure).toJson()));
    }

    /**
     * A command whose call failed: nothing it did was kept (docs/entities.md), and the player
     * is told so with the codes of docs/protocol.md.
     */
    static CommandOutcome failed(PlayerCommand command, Throwable failure) {
        if (failure instanceof EntityUnavailableException || failure instanceof CallTimeoutException) {
            // Part of the world did not answer (a node restarting): worth retrying, not a bug.
            log.warn("Command {} of player {} found the world unavailable: {}", command.commandId(),
                    command.from().player(), failure.getMessage());
            return CommandOutcome.rejected(ErrorCode.UNAVAILABLE, "The world is not answering right now. Try again in a moment.");
        }
        // A bug, not the player's fault: logged with the ids a report will quote.
        log.error("Command {} of player {} failed", command.commandId(), command.from().player(), failure);
        return CommandOutcome.rejected(ErrorCode.INTERNAL, "Something went wrong on our side; it has been logged (command "
                + command.commandId() + ").");
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
        entities.ref(GatewayRoster.class, gateway).departed()
                .compose(sessions -> disconnectAll(sessions).map(sessions.size()))
                .onComplete(count -> {
                    log.info("Gateway {} left the cluster: {} sessions disconnected", gateway, count);
                    message.reply(new JsonObject());
                }, failure -> {
                    log.error("Could not disconnect the sessions of gateway {}", gateway, failure);
                    message.fail(500, String.valueOf(failure.getMessage()));
                });
    }

    /**
     * Each session leaves as if its connection had closed; a player also on another gateway
     * stays. A few at a time: quick, without crowding one room's turn with a whole gateway.
     */
    private Future<Void> disconnectAll(List<SessionRef> sessions) {
        Future<Void> chain = Future.succeededFuture();
        for (int from = 0; from < sessions.size(); from += DISCONNECTS_AT_ONCE) {
            List<SessionRef> batch = sessions.subList(from, Math.min(sessions.size(), from + DISCONNECTS_AT_ONCE));
            chain = chain.compose(v -> Future.join(batch.stream().map(this::disconnectLogged).toList()).<Void>mapEmpty()
                    .recover(e -> Future.succeededFuture()));
        }
        return chain;
    }

    private Future<Void> disconnectLogged(SessionRef session) {
        return leave(session).onFailure(e -> log.warn("Player {} (session {}) could not be disconnected: {}",
                session.player(), session.session(), e.toString()));
    }

    /**
     * How the line goes to the character. A command applies once: a client that got
     * {@code unavailable} may retry the same id on the same session, and the first attempt
     * may still have run (the gateway's timeout is the entity call's). So the call carries a
     * command id, which costs a lookup before it and a durable save after it, even when the
     * line changed nothing. A line whose command says it need not apply once
     * ({@link dev.hearth.game.commands.Command#appliesOnce}: reads, speech) goes as a plain
     * call instead: it answers as soon as it ends, and commits only what it changed. The line
     * is read here as the character's dispatcher reads it, so both see the same command.
     */
    private Character characterFor(PlayerCommand command) {
        boolean once;
        try {
            once = services.commands().read(command.line()).map(TypedLine::appliesOnce).orElse(true);
        } catch (RuntimeException e) {
            // A command's bug (its parse threw): the dispatcher will say so; here, the safe way.
            log.error("Could not tell whether command {} of player {} applies once", command.commandId(), command.from().player(), e);
            once = true;
        }
        return once ? commandOnce(command) : character(command.from().player());
    }

    /**
     * The id is the session's address and the client's id; a long one is shortened to a
     * digest to fit {@link CallOptions#MAX_COMMAND_ID_LENGTH}.
     */
    private Character commandOnce(PlayerCommand command) {
        return entities.ref(Character.class, Names.key(command.from().player()),
                CallOptions.command(commandId(command.from(), command.commandId())));
    }

    static String commandId(SessionRef session, String clientId) {
        String readable = session.session() + "/" + clientId;
        if (readable.length() <= CallOptions.MAX_COMMAND_ID_LENGTH) return readable;
        String shortened = session.session() + "/#" + digest(clientId);
        // Addresses are hearth.session.<uuid>; a longer one (not from a Hearth gateway) is digested whole.
        return shortened.length() <= CallOptions.MAX_COMMAND_ID_LENGTH ? shortened : "#" + digest(readable);
    }

    /** 43 characters. */
    private static String digest(String text) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private Character character(String player) {
        return entities.ref(Character.class, Names.key(player));
    }

    /** The body as a JSON object, or an exception naming what came instead (a gateway bug). */
    private static JsonObject jsonBody(Message<Object> message) {
        if (message.body() instanceof JsonObject json) return json;
        throw new IllegalArgumentException("body is not a JSON object but "
                + (message.body() == null ? "null" : message.body().getClass().getSimpleName()));
    }
}
