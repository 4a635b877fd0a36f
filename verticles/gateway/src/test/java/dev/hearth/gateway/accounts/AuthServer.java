package dev.hearth.gateway.accounts;

import dev.hearth.gateway.auth.TokenKeys;
import dev.hearth.gateway.auth.TokenService;
import dev.hearth.gateway.http.HttpErrors;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The accounts API on a real HTTP server (port 0) over a fresh real database, and a client for it. */
final class AuthServer implements AutoCloseable {
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    final TokenService tokens;
    private final Pool pool;
    private final PasswordHasher hasher;
    private final HttpServer server;
    private final WebClient client;

    private AuthServer(Vertx vertx, HashingConfig hashing, DatabaseUrl database) throws Exception {
        pool = PgBuilder.pool().connectingTo(database.connectOptions()).using(vertx).build();
        hasher = new PasswordHasher(vertx, hashing);
        tokens = TokenService.create(vertx, TokenKeys.generate(), TOKEN_LIFETIME);
        Router router = Router.router(vertx);
        new AccountsApi(new AccountStore(pool), hasher, tokens).mount(router);
        router.route().failureHandler(HttpErrors.failureHandler());
        server = vertx.createHttpServer().requestHandler(router).listen(0).await(5, TimeUnit.SECONDS);
        // Enough connections that concurrent requests really are concurrent.
        client = WebClient.create(vertx,
                new WebClientOptions().setDefaultHost("localhost").setDefaultPort(server.actualPort()),
                new PoolOptions().setHttp1MaxSize(32));
    }

    /** On a database of its own (slower: a new database per call). */
    static AuthServer start(Vertx vertx, HashingConfig hashing) throws Exception {
        return new AuthServer(vertx, hashing, TestDatabase.fresh());
    }

    /** On a database shared by a test class, emptied of accounts first. */
    static AuthServer startEmptied(Vertx vertx, HashingConfig hashing, DatabaseUrl database) throws Exception {
        TestDatabase.execute(database, "TRUNCATE accounts RESTART IDENTITY");
        return new AuthServer(vertx, hashing, database);
    }

    /** Sends and waits for the answer. */
    HttpResponse<Buffer> post(String path, JsonObject body) throws Exception {
        return postAsync(path, body).await(10, TimeUnit.SECONDS);
    }

    Future<HttpResponse<Buffer>> postAsync(String path, JsonObject body) {
        return client.post(path).sendJsonObject(body);
    }

    /** Sends exactly these bytes with this Content-Type (none if null). */
    HttpResponse<Buffer> postRaw(String path, String contentType, String body) throws Exception {
        HttpRequest<Buffer> request = client.post(path);
        if (contentType != null) request.putHeader(HttpHeaders.CONTENT_TYPE.toString(), contentType);
        return request.sendBuffer(Buffer.buffer(body)).await(10, TimeUnit.SECONDS);
    }

    HttpResponse<Buffer> register(String name, String password) throws Exception {
        return post(AccountsApi.REGISTER_PATH, credentials(name, password));
    }

    HttpResponse<Buffer> login(String name, String password) throws Exception {
        return post(AccountsApi.LOGIN_PATH, credentials(name, password));
    }

    static JsonObject credentials(String name, String password) {
        return new JsonObject().put("name", name).put("password", password);
    }

    long storedAccounts() throws Exception {
        return pool.query("SELECT count(*) FROM accounts").execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .await(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        client.close();
        server.close().await(5, TimeUnit.SECONDS);
        hasher.close();
        pool.close().await(5, TimeUnit.SECONDS);
    }
}
