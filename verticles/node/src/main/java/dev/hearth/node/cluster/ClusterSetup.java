package dev.hearth.node.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.XmlConfigBuilder;
import dev.hearth.node.Role;
import dev.hearth.node.config.ConfigException;
import dev.hearth.node.config.NodeConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * Turns cluster.xml plus the node's typed config into a Hazelcast cluster manager.
 * The file holds what rarely changes; the config holds what differs per node.
 */
public final class ClusterSetup {
    /** Member attributes every Hearth node publishes to the others. */
    public static final String ATTR_DATABASE = "hearth.database";
    public static final String ATTR_NODE = "hearth.node";
    public static final String ATTR_ROLE = "hearth.role";
    /** Vert.x reads its node id from this attribute when given a running Hazelcast instance. */
    static final String VERTX_NODE_ID = "__vertx.nodeId";
    private static final Logger log = LoggerFactory.getLogger(ClusterSetup.class);

    private ClusterSetup() {
    }

    /** Joins (or forms) the Hazelcast cluster. Blocking. */
    public static HazelcastInstance join(NodeConfig config, String databaseId) {
        return Hazelcast.newHazelcastInstance(hazelcastConfig(config, databaseId));
    }

    /**
     * Vert.x keeps its node registry in Hazelcast maps, which only data members can hold,
     * so a gateway (lite member) started before any game node waits for one. Blocking.
     */
    public static void awaitDataMember(HazelcastInstance hazelcast, BooleanSupplier giveUp) {
        long nextLog = 0;
        while (hazelcast.getCluster().getMembers().stream().allMatch(Member::isLiteMember)) {
            if (giveUp.getAsBoolean()) throw new IllegalStateException("Stopped while waiting for a game node");
            if (System.nanoTime() >= nextLog) {
                log.info("Waiting for a game node to join the cluster (members: {})", hazelcast.getCluster().getMembers().size());
                nextLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /**
     * The Vert.x node id of a member that holds player connections (role gateway or all):
     * the address its sessions' events go to. Empty for a game node.
     */
    public static Optional<String> gatewayNodeId(Member member) {
        boolean gateway = Role.ofAttribute(member.getAttribute(ATTR_ROLE)).map(Role::hostsGateway).orElse(false);
        return gateway ? Optional.ofNullable(member.getAttribute(VERTX_NODE_ID)) : Optional.empty();
    }

    static Config hazelcastConfig(NodeConfig config, String databaseId) {
        NodeConfig.Cluster cluster = config.cluster();
        Config hz = load(cluster.configFile());

        NetworkConfig network = hz.getNetworkConfig();
        network.setPort(cluster.port()).setPortAutoIncrement(true);
        network.getInterfaces().setEnabled(true).setInterfaces(List.of(cluster.host()));
        JoinConfig join = network.getJoin();
        // cluster.members fills in the TCP-IP join; an operator who chose another join in
        // cluster.xml (multicast, a discovery plugin) keeps it untouched.
        if (join.getTcpIpConfig().isEnabled()) join.getTcpIpConfig().setMembers(cluster.members());

        hz.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(cluster.failureDetection().toSeconds()));
        // Gateways hold connections, not data: as lite members they own no partitions.
        hz.setLiteMember(config.role() == Role.GATEWAY);
        hz.getMemberAttributeConfig()
                .setAttribute(ATTR_DATABASE, databaseId)
                .setAttribute(ATTR_NODE, config.nodeName())
                .setAttribute(ATTR_ROLE, config.role().wire())
                .setAttribute(VERTX_NODE_ID, UUID.randomUUID().toString());
        return hz;
    }

    private static Config load(java.util.Optional<Path> configured) {
        Path path = configured.orElse(Path.of("cluster.xml"));
        if (Files.isRegularFile(path)) {
            try (InputStream in = Files.newInputStream(path)) {
                return new XmlConfigBuilder(in).build();
            } catch (IOException | RuntimeException e) {
                throw new ConfigException("Cannot read the cluster configuration " + path.toAbsolutePath() + ": " + e.getMessage());
            }
        }
        if (configured.isPresent()) throw new ConfigException("Cluster configuration not found: " + path.toAbsolutePath());
        try (InputStream in = ClusterSetup.class.getResourceAsStream("/cluster.xml")) {
            if (in == null) throw new ConfigException("No cluster.xml in the working folder nor in the jar");
            return new XmlConfigBuilder(in).build();
        } catch (IOException e) {
            throw new ConfigException("Cannot read the bundled cluster.xml: " + e.getMessage());
        }
    }
}
