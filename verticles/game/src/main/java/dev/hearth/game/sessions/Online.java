package dev.hearth.game.sessions;

import dev.hearth.game.text.Names;
import dev.hearth.runtime.edge.SessionRef;
import dev.hearth.runtime.entity.Entities;
import io.vertx.core.Future;

import java.util.Collection;
import java.util.List;

/** Who is online, read from the rosters of the gateways in the cluster now. */
public final class Online {
    private Online() {
    }

    /** Every player connected through a live gateway, each once, sorted by name. */
    public static Future<List<String>> players(Entities entities, Collection<String> liveGateways) {
        return Future.all(liveGateways.stream().map(g -> entities.ref(GatewayRoster.class, g).players()).toList())
                .map(all -> all.<List<String>>list().stream().flatMap(List::stream).distinct().sorted(Names.ORDER).toList());
    }

    /** The sessions of one player on live gateways; empty when they are not online. */
    public static Future<List<SessionRef>> sessionsOf(Entities entities, Collection<String> liveGateways, String player) {
        return Future.all(liveGateways.stream().map(g -> entities.ref(GatewayRoster.class, g).sessionsOf(player)).toList())
                .map(all -> all.<List<SessionRef>>list().stream().flatMap(List::stream).toList());
    }
}
