package dev.hearth.node.it;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Registers and logs in players through the public HTTP API. */
final class Accounts {
    private static final HttpClient http = HttpClient.newHttpClient();

    private Accounts() {
    }

    static String uniqueName(String prefix) {
        return prefix + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    }

    /** Registers the name and returns a fresh token for it. */
    static String registerAndLogin(int httpPort, String name) throws Exception {
        JsonObject credentials = new JsonObject().put("name", name).put("password", "a long enough passphrase");
        HttpResponse<String> registered = post(httpPort, "/api/auth/register", credentials);
        if (registered.statusCode() != 201) throw new AssertionError("register " + name + ": " + registered.statusCode() + " " + registered.body());
        return login(httpPort, name);
    }

    /** Logs an existing player in again (after a restart) and returns the token. */
    static String login(int httpPort, String name) throws Exception {
        JsonObject credentials = new JsonObject().put("name", name).put("password", "a long enough passphrase");
        HttpResponse<String> login = post(httpPort, "/api/auth/login", credentials);
        if (login.statusCode() != 200) throw new AssertionError("login " + name + ": " + login.statusCode() + " " + login.body());
        return new JsonObject(login.body()).getString("token");
    }

    static HttpResponse<String> post(int httpPort, String path, JsonObject body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
