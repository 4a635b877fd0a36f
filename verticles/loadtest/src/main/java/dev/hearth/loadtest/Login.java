package dev.hearth.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.net.URI;

/**
 * {@code POST /api/auth/login} (docs/protocol.md, section 1): a name and password for a
 * token. A {@code 503 busy} (the gateway's hashing pool is full) is retried after its
 * {@code Retry-After}, a few times; anything else but 200 is a failure.
 */
final class Login {
    static final String PATH = "/api/auth/login";
    private static final int ATTEMPTS = 5;

    /** The login was refused: {@code status} and the error's {@code code}. */
    static final class Refused extends RuntimeException {
        Refused(int status, String code) {
            super(status + " " + code, null, false, false);
        }
    }

    private final Vertx vertx;
    private final HttpClient http;
    private final URI gateway;
    private final long timeoutMillis;

    Login(Vertx vertx, HttpClient http, URI gateway, long timeoutMillis) {
        this.vertx = vertx;
        this.http = http;
        this.gateway = gateway;
        this.timeoutMillis = timeoutMillis;
    }

    Future<String> token(String name, String password) {
        return attempt(new JsonObject().put("name", name).put("password", password).encode(), 1);
    }

    private Future<String> attempt(String body, int attempt) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setHost(gateway.getHost()).setPort(gateway.getPort()).setURI(PATH)
                .setTimeout(timeoutMillis)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        return http.request(request)
                .compose(req -> req.send(body))
                .compose(response -> response.body().compose(answer -> {
                    if (response.statusCode() == 200) return token(answer.toString());
                    if (response.statusCode() == 503 && attempt < ATTEMPTS) {
                        long seconds = retryAfter(response.getHeader(HttpHeaders.RETRY_AFTER));
                        return vertx.timer(seconds * 1000).compose(v -> attempt(body, attempt + 1));
                    }
                    return Future.failedFuture(new Refused(response.statusCode(), code(answer.toString())));
                }));
    }

    private static Future<String> token(String body) {
        try {
            String token = new JsonObject(body).getString("token");
            return token == null ? Future.failedFuture(new Refused(200, "no token in " + body)) : Future.succeededFuture(token);
        } catch (DecodeException | ClassCastException e) {
            return Future.failedFuture(new Refused(200, "not JSON: " + body));
        }
    }

    private static String code(String body) {
        try {
            return new JsonObject(body).getJsonObject("error", new JsonObject()).getString("code", body);
        } catch (DecodeException | ClassCastException e) {
            return body.length() > 100 ? body.substring(0, 100) : body;
        }
    }

    private static long retryAfter(String header) {
        try {
            return Math.clamp(Long.parseLong(header == null ? "1" : header.strip()), 1, 10);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
