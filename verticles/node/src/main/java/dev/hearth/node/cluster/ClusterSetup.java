package dev.hearth.node.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.XmlConfigBuilder;
import dev.hearth.node.Role;
import dev.hearth.node.config.ConfigException;
import dev.hearth.node.config.NodeConfig;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns cluster.xml plus the node's typed config into a Hazelcast cluster manager.
 * The file holds what rarely changes; the config holds what differs per node.
 */
public final class ClusterSetup {
    /** Member attributes every Hearth node publishes to the others. */
    public static final String ATTR_DATABASE = "hearth.database";
    public static final String ATTR_NODE = "hearth.node";
    public static final String ATTR_ROLE = "hearth.role";

    private ClusterSetup() {
    }

    public static HazelcastClusterManager clusterManager(NodeConfig config, String databaseId) {
        return new HazelcastClusterManager(hazelcastConfig(config, databaseId));
    }

    static Config hazelcastConfig(NodeConfig config, String databaseId) {
        NodeConfig.Cluster cluster = config.cluster();
        Config hz = load(cluster.configFile());

        NetworkConfig network = hz.getNetworkConfig();
        network.setPort(cluster.port()).setPortAutoIncrement(true);
        network.getInterfaces().setEnabled(true).setInterfaces(List.of(cluster.host()));
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());

        hz.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(cluster.failureDetection().toSeconds()));
        // Gateways hold connections, not data: as lite members they own no partitions.
        hz.setLiteMember(config.role() == Role.GATEWAY);
        hz.getMemberAttributeConfig()
                .setAttribute(ATTR_DATABASE, databaseId)
                .setAttribute(ATTR_NODE, config.nodeName())
                .setAttribute(ATTR_ROLE, config.role().wire());
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
