package dev.hearth.node.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * Vert.x's Hazelcast cluster manager, plus one repair for gateways.
 *
 * <p>Vert.x keeps every node's info and event-bus subscriptions in Hazelcast maps, which
 * only data members (game nodes) hold. When the last game node goes, a gateway (a lite
 * member) loses its own entries with it; when a new game node joins, Vert.x does not put
 * them back, so the new node could never reach the gateway's players. Here a lite member
 * republishes its node info and subscriptions whenever a data member joins, using the
 * same private routine Vert.x runs after a member leaves.
 */
public final class HearthClusterManager extends HazelcastClusterManager {
    private static final Logger log = LoggerFactory.getLogger(HearthClusterManager.class);
    private static final Method REPUBLISH = republishMethod();

    private final HazelcastInstance hazelcast;

    public HearthClusterManager(HazelcastInstance hazelcast) {
        super(hazelcast);
        this.hazelcast = hazelcast;
    }

    @Override
    public synchronized void memberAdded(MembershipEvent event) {
        super.memberAdded(event);
        if (!isActive() || event.getMember().isLiteMember()) return;
        if (!hazelcast.getCluster().getLocalMember().isLiteMember()) return;
        try {
            // membersRemoved(emptySet): rewrite own node info, drop cached routes, republish subscriptions.
            REPUBLISH.invoke(this, Set.of());
            log.info("Republished this gateway's event-bus registrations for the new game node {}",
                    event.getMember().getAddress());
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            log.error("Could not republish this gateway's registrations; restart the gateway", e);
        }
    }

    private static Method republishMethod() {
        try {
            Method method = HazelcastClusterManager.class.getDeclaredMethod("membersRemoved", Set.class);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            // Caught by GameNodeRestartIT when a Vert.x upgrade renames it.
            throw new ExceptionInInitializerError("vertx-hazelcast changed: no membersRemoved(Set) to republish with");
        }
    }
}
