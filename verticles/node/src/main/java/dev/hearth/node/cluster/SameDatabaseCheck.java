package dev.hearth.node.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;

import java.util.Optional;

/**
 * All nodes of a cluster must share one database, or they would each keep a different
 * world. Every node publishes its database's id (a UUID made by the first migration)
 * as a member attribute; a node that finds a member with another id refuses to start.
 */
public final class SameDatabaseCheck {
    private SameDatabaseCheck() {
    }

    /** @return why this node must not join, or empty when every member agrees */
    public static Optional<String> mismatch(HazelcastInstance hazelcast, String ownDatabaseId, String ownDatabase) {
        for (Member member : hazelcast.getCluster().getMembers()) {
            if (member.localMember()) continue;
            String theirs = member.getAttribute(ClusterSetup.ATTR_DATABASE);
            if (theirs != null && !theirs.equals(ownDatabaseId)) {
                return Optional.of("This node's database (" + ownDatabase + ", id " + ownDatabaseId
                        + ") is not the cluster's: member '" + member.getAttribute(ClusterSetup.ATTR_NODE)
                        + "' at " + member.getAddress() + " uses database id " + theirs
                        + ". All nodes of a cluster must share one database: point HEARTH_DB_URL at the"
                        + " cluster's database, or use another cluster (HEARTH_CLUSTER_MEMBERS, cluster.xml's cluster-name).");
            }
        }
        return Optional.empty();
    }
}
