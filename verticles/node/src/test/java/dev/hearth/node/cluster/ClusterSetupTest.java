package dev.hearth.node.cluster;

import com.hazelcast.config.Config;
import dev.hearth.node.config.ConfigLoader;
import dev.hearth.node.config.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterSetupTest {

    @Test
    void gatewayOnlyNodesAreLiteMembers() {
        assertThat(hazelcast(Map.of("HEARTH_ROLE", "gateway")).isLiteMember()).isTrue();
        assertThat(hazelcast(Map.of("HEARTH_ROLE", "game")).isLiteMember()).isFalse();
        assertThat(hazelcast(Map.of()).isLiteMember()).isFalse();
    }

    @Test
    void joinsByTcpIpOnlyWithTheConfiguredMembersAndFailureDetection() {
        Config hz = hazelcast(Map.of("HEARTH_CLUSTER_MEMBERS", "127.0.0.1:5801,127.0.0.1:5802",
                "HEARTH_CLUSTER_PORT", "5801", "HEARTH_CLUSTER_FAILURE_SECONDS", "7"));
        assertThat(hz.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isTrue();
        assertThat(hz.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:5801", "127.0.0.1:5802");
        assertThat(hz.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
        assertThat(hz.getNetworkConfig().getPort()).isEqualTo(5801);
        assertThat(hz.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        assertThat(hz.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("7");
    }

    @Test
    void leavesAnotherJoinOfClusterXmlAlone(@TempDir Path dir) throws IOException {
        Path xml = dir.resolve("multicast.xml");
        Files.writeString(xml, """
                <hazelcast xmlns="http://www.hazelcast.com/schema/config">
                  <network><join>
                    <multicast enabled="true"/>
                    <tcp-ip enabled="false"><member>10.0.0.9</member></tcp-ip>
                  </join></network>
                </hazelcast>
                """);
        Config hz = hazelcast(Map.of("HEARTH_CLUSTER_CONFIG", xml.toString(), "HEARTH_CLUSTER_MEMBERS", "127.0.0.1:5801"));
        assertThat(hz.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isTrue();
        assertThat(hz.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isFalse();
        assertThat(hz.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactly("10.0.0.9");
    }

    @Test
    void keepsTheVertxMapsOfClusterXmlAndPublishesTheDatabaseId() {
        Config hz = hazelcast(Map.of("HEARTH_NODE_NAME", "east-1"));
        assertThat(hz.getClusterName()).isEqualTo("hearth");
        assertThat(hz.getMultiMapConfigs()).containsKey("__vertx.subs");
        assertThat(hz.getMemberAttributeConfig().getAttribute(ClusterSetup.ATTR_DATABASE)).isEqualTo("db-1");
        assertThat(hz.getMemberAttributeConfig().getAttribute(ClusterSetup.ATTR_NODE)).isEqualTo("east-1");
    }

    private static Config hazelcast(Map<String, String> env) {
        NodeConfig config = ConfigLoader.load(List.of(), env);
        return ClusterSetup.hazelcastConfig(config, "db-1");
    }
}
