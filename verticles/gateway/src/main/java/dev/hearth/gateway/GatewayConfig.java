package dev.hearth.gateway;

/**
 * What a gateway is told at start-up.
 *
 * @param nodeId this node's cluster id: the world addresses deliveries to {@code hearth.gateway.<nodeId>}
 * @param maxFrameBytes the largest WebSocket frame or SockJS message a client may send
 */
public record GatewayConfig(String httpHost, int httpPort, String nodeId, int maxFrameBytes) {
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024;
}
