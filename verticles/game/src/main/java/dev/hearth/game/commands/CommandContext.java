package dev.hearth.game.commands;

import dev.hearth.game.GameServices;
import dev.hearth.game.character.Character;
import dev.hearth.game.character.CharacterState;
import dev.hearth.game.delivery.FanOut;
import dev.hearth.game.text.Names;
import dev.hearth.game.world.Occupant;
import dev.hearth.game.world.Room;
import dev.hearth.game.world.RoomPlan;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.Entities;
import dev.hearth.runtime.entity.EntityContext;
import dev.hearth.runtime.entity.Ref;
import dev.hearth.runtime.settings.LiveSettings;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;

/**
 * What a command runs with: who typed it, their character (its state, to read and
 * replace, and its means to call and transfer to other entities) and what the node
 * provides. Commands run inside the character's turn, on a virtual thread, so they may
 * {@code await} entity calls in a straight line; the state they set is committed with
 * the turn, before the player sees the reply.
 *
 * @param commandId the client's id of this command, for logs
 * @param caller    the session that typed it
 * @param self      the player's character
 */
public record CommandContext(String commandId, SessionRef caller, EntityContext<CharacterState> self,
                             GameServices services) {

    /** The caller's player name, as they spelled it. */
    public String player() {
        return caller.player();
    }

    public CharacterState state() {
        return self.state();
    }

    /** Replaces the character's state; set it after the calls that can fail, so a failure leaves it as it was. */
    public void setState(CharacterState next) {
        self.setState(next);
    }

    public Entities entities() {
        return self.entities();
    }

    public CommandRegistry commands() {
        return services.commands();
    }

    public LiveSettings settings() {
        return services.settings();
    }

    public FanOut fanOut() {
        return services.fanOut();
    }

    /** The static part of the room the player is in. */
    public RoomPlan roomPlan() {
        return services.rooms().require(state().room());
    }

    /** The room the player is in. */
    public Room room() {
        return self.ref(Room.class, state().room());
    }

    public Ref<Room> roomRef() {
        return entities().refOf(Room.class, state().room());
    }

    /** This player's own character, as a reference to pass (a transfer's refund goes here). */
    public Ref<Character> me() {
        return entities().refOf(Character.class, self.key());
    }

    /** Another player's character, by name in any case. */
    public Ref<Character> characterRef(String name) {
        return entities().refOf(Character.class, Names.key(name));
    }

    /** How the player's room holds them. */
    public Occupant asOccupant() {
        return state().asOccupant(services.liveSessions());
    }

    /** The cluster node ids of the gateways in the cluster now. */
    public Set<String> liveGateways() {
        return services.liveGateways().get();
    }

    /**
     * Shows an event of this command to the player's other sessions (another tab sees what
     * this one did) and gives it back for the reply.
     */
    public JsonObject echo(JsonObject event) {
        services.fanOut().push(otherSessions(), event);
        return event;
    }

    /** Pushes an event to every live session of the player, the caller's included. */
    public void pushToPlayer(JsonObject event) {
        services.fanOut().push(state().liveSessions(services.liveSessions()), event);
    }

    /** The player's live sessions other than the one that typed this. */
    public List<SessionRef> otherSessions() {
        return state().liveSessions(services.liveSessions()).stream().filter(s -> !s.equals(caller)).toList();
    }
}
