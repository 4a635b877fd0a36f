package dev.hearth.node.cluster;

import com.hazelcast.core.HazelcastInstance;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Vert.x node ids of the gateways in the cluster now, from this node's Hazelcast view:
 * where the world looks for who is online, and what tells it a session's gateway is gone
 * (it left, or every node restarted since the session was recorded).
 */
public final class LiveGateways implements Supplier<Set<String>> {
    private final HazelcastInstance hazelcast;

    public LiveGateways(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    @Override
    public Set<String> get() {
        return hazelcast.getCluster().getMembers().stream()
                .map(ClusterSetup::gatewayNodeId)
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }
}
