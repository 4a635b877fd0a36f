package dev.hearth.node.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import dev.hearth.node.Role;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Until the entity runtime places rooms across nodes, the world lives in one node's memory:
 * a second world host would split every room in two. A node of role game or all that runs
 * the world and finds another one refuses to start; game nodes started with
 * {@code world.enabled=false} host entities only and do not count. A host that was just
 * killed stays a member until failure detection notices, so the newcomer waits that long
 * before it gives up.
 */
public final class SingleWorldHost {
    private SingleWorldHost() {
    }

    /** Blocking. @return why this node must not host the world, or empty */
    public static Optional<String> conflict(HazelcastInstance hazelcast, Duration patience, BooleanSupplier giveUp) {
        long deadline = System.nanoTime() + patience.toNanos();
        Optional<Member> other = otherHost(hazelcast);
        while (other.isPresent() && System.nanoTime() < deadline && !giveUp.getAsBoolean()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            other = otherHost(hazelcast);
        }
        return other.map(member -> "Another node already hosts the world: '" + member.getAttribute(ClusterSetup.ATTR_NODE)
                + "' (role " + member.getAttribute(ClusterSetup.ATTR_ROLE) + ") at " + member.getAddress()
                + ". A cluster runs the world on one node of role game or all; start more gateways instead (role gateway),"
                + " or game nodes that host entities only (HEARTH_WORLD_ENABLED=false).");
    }

    private static Optional<Member> otherHost(HazelcastInstance hazelcast) {
        return hazelcast.getCluster().getMembers().stream()
                .filter(member -> !member.localMember())
                .filter(member -> Role.ofAttribute(member.getAttribute(ClusterSetup.ATTR_ROLE)).map(Role::hostsGame).orElse(false))
                // A member from before the attribute existed runs the world.
                .filter(member -> !"false".equals(member.getAttribute(ClusterSetup.ATTR_WORLD)))
                .findFirst();
    }
}
