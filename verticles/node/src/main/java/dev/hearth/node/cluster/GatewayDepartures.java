package dev.hearth.node.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import dev.hearth.runtime.edge.EdgeAddresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On every game (and all) node: tells the game, on this node only, that a gateway has
 * left the cluster (closed, crashed, or cut off past failure detection), so the players
 * it held leave their rooms instead of lingering as ghosts.
 */
public final class GatewayDepartures implements MembershipListener {
    private static final Logger log = LoggerFactory.getLogger(GatewayDepartures.class);
    private static final DeliveryOptions LOCAL_ONLY = new DeliveryOptions().setLocalOnly(true);

    private final Vertx vertx;

    public GatewayDepartures(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        Member member = event.getMember();
        String gateway = ClusterSetup.gatewayNodeId(member).orElse(null);
        if (gateway == null) return;
        log.info("Gateway '{}' ({}) left the cluster; its players leave the world",
                member.getAttribute(ClusterSetup.ATTR_NODE), member.getAddress());
        vertx.eventBus().publish(EdgeAddresses.GATEWAY_LEFT, new JsonObject().put("gateway", gateway), LOCAL_ONLY);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
    }
}
