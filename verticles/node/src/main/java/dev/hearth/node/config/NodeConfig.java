package dev.hearth.node.config;

import dev.hearth.node.Role;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything a node is told at start-up, typed and validated once by {@link ConfigLoader}
 * (defaults, then an optional properties file, then HEARTH_* environment variables) and
 * passed down. Live, changeable-at-runtime values are not here: they are live settings.
 */
public record NodeConfig(
        Role role,
        String nodeName,
        Http http,
        Management management,
        Path dataDir,
        Database database,
        Cluster cluster,
        Auth auth) {

    /** The public HTTP server of a gateway: web client, accounts API and the bridge. */
    public record Http(String host, int port) {
    }

    /** Health and status for operators, on every node; -1 turns it off. */
    public record Management(String host, int port) {
        public boolean enabled() {
            return port >= 0;
        }
    }

    /**
     * @param url          an external PostgreSQL; empty means the embedded one in {@code dataDir/pg}
     * @param embeddedPort where the embedded PostgreSQL listens (loopback only)
     */
    public record Database(Optional<String> url, String user, String password, int poolSize, int embeddedPort) {
    }

    /**
     * @param configFile      the Hazelcast XML; empty means ./cluster.xml if present, else the bundled copy
     * @param members         addresses of other members for TCP-IP join (host or host:port)
     * @param failureDetection how long a silent member is tolerated before it is declared dead
     */
    public record Cluster(Optional<Path> configFile, String host, int port, List<String> members,
                          Duration failureDetection, int eventBusPort) {
    }

    /**
     * @param passwordHashing "owasp" (production) or "cheap" (tests and local play)
     */
    public record Auth(Path privateKey, Path publicKey, Duration tokenLifetime, String passwordHashing) {
    }
}
