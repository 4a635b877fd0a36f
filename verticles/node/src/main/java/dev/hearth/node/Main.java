package dev.hearth.node;

import dev.hearth.node.config.ConfigException;
import dev.hearth.node.config.ConfigLoader;
import dev.hearth.node.config.NodeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;

/** Starts one node: {@code java -jar hearth-node.jar [--config FILE] [--help]}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Vert.x and Hazelcast log through SLF4J (logback), like the rest of Hearth.
        System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
        System.setProperty("hazelcast.logging.type", "slf4j");
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            printHelp();
            return;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        NodeConfig config;
        try {
            config = ConfigLoader.load(arguments, System.getenv());
        } catch (ConfigException e) {
            log.error(e.getMessage());
            System.exit(2);
            return;
        }
        Node node = new Node(config);
        // Ctrl-C at any moment, even mid-start, stops what has started (the embedded database too).
        Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "hearth-shutdown"));
        try {
            node.start();
        } catch (RuntimeException e) {
            log.error("Node '{}' could not start: {}", config.nodeName(), e.getMessage(), e);
            System.exit(1); // the shutdown hook stops what had started
        }
    }

    private static void printHelp() {
        StringBuilder help = new StringBuilder("Hearth node. Settings (file key / environment variable = default):\n");
        ConfigLoader.KEYS.forEach((key, meta) -> help.append(String.format("  %-24s %-32s = %-12s %s%n",
                key, ConfigLoader.envName(key), meta[0], meta[1])));
        help.append("Use --config FILE (or HEARTH_CONFIG) for a properties file; the environment wins over it.\n");
        System.out.print(help);
    }
}
