package dev.hearth.game;

import dev.hearth.game.character.CharacterEntity;
import dev.hearth.game.chat.ChannelEntity;
import dev.hearth.game.match.LobbyBoardEntity;
import dev.hearth.game.match.LobbyEntity;
import dev.hearth.game.match.MatchEntity;
import dev.hearth.game.npc.NpcEntity;
import dev.hearth.game.sessions.GatewayRosterEntity;
import dev.hearth.game.tally.TallyEntity;
import dev.hearth.game.world.RoomEntity;
import dev.hearth.runtime.entity.EntityType;

import java.util.List;

/**
 * The entity types the game runs: every node registers these with its entity runtime at
 * start, so any node can call them and game nodes can host them. Add a type here and
 * every node knows it. Their factories capture the node's {@link GameServices}.
 */
public final class GameEntities {
    private GameEntities() {
    }

    public static List<EntityType<?, ?>> all(GameServices services) {
        return List.of(
                CharacterEntity.type(services),
                RoomEntity.type(services),
                GatewayRosterEntity.TYPE,
                NpcEntity.type(services),
                ChannelEntity.type(services),
                LobbyEntity.type(services),
                LobbyBoardEntity.type(services),
                MatchEntity.type(services),
                TallyEntity.TYPE);
    }
}
