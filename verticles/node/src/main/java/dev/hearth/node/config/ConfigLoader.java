package dev.hearth.node.config;

import dev.hearth.node.Role;
import dev.hearth.runtime.settings.Setting;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;

/**
 * Builds the {@link NodeConfig}: defaults in code, then an optional properties file
 * ({@code --config FILE} or {@code HEARTH_CONFIG}), then environment variables. A key
 * {@code http.port} is {@code HEARTH_HTTP_PORT} in the environment. Unknown keys and bad
 * values stop the start with one message listing every problem.
 */
public final class ConfigLoader {

    /** Every key with its default ("" means none) and what it is for (printed by --help). */
    public static final Map<String, String[]> KEYS = keys(
            "role", "all", "all | gateway | game",
            "node.name", "", "this node's name in logs and admin views (default: role-random)",
            "http.host", "0.0.0.0", "interface of the public HTTP server (gateway roles)",
            "http.port", "8080", "port of the public HTTP server",
            "management.host", "127.0.0.1", "interface of the management server",
            "management.port", "8081", "port of the management server (health, status); -1 = off",
            "data.dir", "data", "folder for the embedded database and generated keys (git-ignored)",
            "db.url", "", "external PostgreSQL, postgresql://user:pass@host:port/db; empty = embedded",
            "db.user", "", "overrides the URL's user",
            "db.password", "", "overrides the URL's password",
            "db.pool.size", "8", "connections per node",
            "embedded.db.port", "15432", "port of the embedded PostgreSQL (loopback)",
            "cluster.config", "", "Hazelcast XML (default ./cluster.xml, else the bundled one)",
            "cluster.host", "127.0.0.1", "interface for cluster traffic",
            "cluster.port", "5701", "first Hazelcast port tried (auto-increments)",
            "cluster.members", "127.0.0.1", "comma-separated members for TCP-IP join",
            "cluster.failure.seconds", "10", "silence after which a member is declared dead",
            "eventbus.port", "0", "clustered event-bus port (0 = any free)",
            "jwt.private.key", "", "PEM private key for tokens (default data.dir/keys/jwt-private.pem)",
            "jwt.public.key", "", "PEM public key for tokens (default data.dir/keys/jwt-public.pem)",
            "token.minutes", "15", "lifetime of an access token",
            "password.hashing", "owasp", "owasp (production) | cheap (tests, local play)");

    private ConfigLoader() {
    }

    public static String envName(String key) {
        return "HEARTH_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /**
     * @param args command-line arguments; only {@code --config FILE} is understood here
     */
    public static NodeConfig load(List<String> args, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        KEYS.forEach((key, meta) -> values.put(key, meta[0]));
        List<String> problems = new ArrayList<>();

        Optional<Path> file = configFile(args, env);
        file.ifPresent(path -> readFile(path, values, problems));
        for (String key : KEYS.keySet()) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) values.put(key, fromEnv);
        }

        Parser p = new Parser(values, problems);
        Role role = p.get("role", Role::parse);
        String name = values.get("node.name").isBlank()
                ? (role == null ? "node" : role.wire()) + "-" + UUID.randomUUID().toString().substring(0, 6)
                : p.get("node.name", ConfigLoader::nodeName);
        Path dataDir = Path.of(values.get("data.dir")).toAbsolutePath().normalize();
        NodeConfig.Http http = new NodeConfig.Http(values.get("http.host"), p.port("http.port", false));
        NodeConfig.Management management = new NodeConfig.Management(values.get("management.host"), p.port("management.port", true));
        NodeConfig.Database database = new NodeConfig.Database(
                optional(values.get("db.url")), values.get("db.user"), values.get("db.password"),
                p.intIn("db.pool.size", 1, 200), p.port("embedded.db.port", false));
        NodeConfig.Cluster cluster = new NodeConfig.Cluster(
                optional(values.get("cluster.config")).map(Path::of),
                values.get("cluster.host"), p.port("cluster.port", false),
                Arrays.stream(values.get("cluster.members").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                Duration.ofSeconds(p.intIn("cluster.failure.seconds", 2, 300)),
                p.intIn("eventbus.port", 0, 65535));
        NodeConfig.Auth auth = new NodeConfig.Auth(
                optional(values.get("jwt.private.key")).map(Path::of).orElse(dataDir.resolve("keys/jwt-private.pem")),
                optional(values.get("jwt.public.key")).map(Path::of).orElse(dataDir.resolve("keys/jwt-public.pem")),
                Duration.ofMinutes(p.intIn("token.minutes", 1, 24 * 60)),
                p.get("password.hashing", ConfigLoader::hashingProfile));

        if (!problems.isEmpty()) {
            throw new ConfigException("Configuration problems:\n  - " + String.join("\n  - ", problems));
        }
        return new NodeConfig(role, name, http, management, dataDir, database, cluster, auth);
    }

    private static Optional<Path> configFile(List<String> args, Map<String, String> env) {
        int i = args.indexOf("--config");
        if (i >= 0) {
            if (i + 1 >= args.size()) throw new ConfigException("--config needs a file");
            return Optional.of(Path.of(args.get(i + 1)));
        }
        return optional(env.get("HEARTH_CONFIG")).map(Path::of);
    }

    private static void readFile(Path path, Map<String, String> values, List<String> problems) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("Cannot read config file " + path + ": " + e.getMessage());
        }
        for (String key : properties.stringPropertyNames()) {
            if (KEYS.containsKey(key)) values.put(key, properties.getProperty(key).trim());
            else problems.add(path + ": unknown key '" + key + "'");
        }
    }

    private static String nodeName(String text) {
        if (!text.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")) {
            throw new IllegalArgumentException("'" + text + "' is not a node name (letters, digits, _ . -, up to 63)");
        }
        return text;
    }

    private static String hashingProfile(String text) {
        if (!text.equals("owasp") && !text.equals("cheap")) {
            throw new IllegalArgumentException("'" + text + "' is not owasp or cheap");
        }
        return text;
    }

    private static Optional<String> optional(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    private static Map<String, String[]> keys(String... triples) {
        Map<String, String[]> map = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) map.put(triples[i], new String[]{triples[i + 1], triples[i + 2]});
        return map;
    }

    /** Converts values, collecting every problem instead of stopping at the first. */
    private record Parser(Map<String, String> values, List<String> problems) {

        <T> T get(String key, Function<String, T> parse) {
            try {
                return parse.apply(values.get(key));
            } catch (IllegalArgumentException e) {
                problems.add(key + " (" + envName(key) + "): " + e.getMessage());
                return null; // never used: load() throws once every problem is collected
            }
        }

        int intIn(String key, int min, int max) {
            Integer parsed = get(key, text -> Setting.parseInteger(text, min, max));
            return parsed == null ? 0 : parsed;
        }

        int port(String key, boolean mayBeOff) {
            return intIn(key, mayBeOff ? -1 : 0, 65535);
        }
    }
}
