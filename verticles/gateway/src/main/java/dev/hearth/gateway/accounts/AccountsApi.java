package dev.hearth.gateway.accounts;

import dev.hearth.gateway.auth.PlayerIdentity;
import dev.hearth.gateway.auth.TokenService;
import dev.hearth.gateway.http.HttpErrors;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /api/auth/register} and {@code POST /api/auth/login}, as docs/protocol.md
 * (section 1) describes them: JSON in, JSON out, errors through {@link HttpErrors}.
 */
public final class AccountsApi {
    public static final String REGISTER_PATH = "/api/auth/register";
    public static final String LOGIN_PATH = "/api/auth/login";
    static final int MAX_BODY_BYTES = 4 * 1024;
    private static final Logger log = LoggerFactory.getLogger(AccountsApi.class);

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final TokenService tokens;

    public AccountsApi(AccountStore store, PasswordHasher hasher, TokenService tokens) {
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    public void mount(Router router) {
        // Per route, not router-wide: the bridge's routes have their own limit (the frame size).
        BodyHandler smallJsonBodies = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
        router.post(REGISTER_PATH)
                .handler(smallJsonBodies)
                .handler(AccountsApi::requireJsonContentType)
                .handler(this::register)
                // Here too, so these answers keep their shape even on a router without the global handler.
                .failureHandler(HttpErrors.failureHandler());
        router.post(LOGIN_PATH)
                .handler(smallJsonBodies)
                .handler(AccountsApi::requireJsonContentType)
                .handler(this::login)
                .failureHandler(HttpErrors.failureHandler());
    }

    private void register(RoutingContext ctx) {
        Optional<Credentials> read = readCredentials(ctx);
        if (read.isEmpty()) return;
        Credentials credentials = read.get();
        Optional<RegistrationRules.RuleBroken> broken = RegistrationRules.check(credentials.name(), credentials.password());
        if (broken.isPresent()) {
            HttpErrors.send(ctx, 400, broken.get().code(), broken.get().message());
            return;
        }
        hasher.hash(credentials.password())
                .compose(hash -> store.create(credentials.name(), hash))
                .onSuccess(accountId -> {
                    log.info("Registered account {} named '{}'", accountId, credentials.name());
                    sendJson(ctx, 201, new JsonObject().put("name", credentials.name()));
                })
                .onFailure(ctx::fail);
    }

    private void login(RoutingContext ctx) {
        Optional<Credentials> read = readCredentials(ctx);
        if (read.isEmpty()) return;
        Credentials credentials = read.get();
        store.find(credentials.name())
                .compose(found -> checkPassword(found, credentials.password()))
                .onSuccess(account -> account.ifPresentOrElse(
                        it -> sendToken(ctx, it),
                        () -> HttpErrors.send(ctx, 401, "bad_credentials", "Wrong name or password.")))
                .onFailure(ctx::fail);
    }

    /** The account if the password is its own; an unknown name costs the same work as a wrong password. */
    private Future<Optional<StoredAccount>> checkPassword(Optional<StoredAccount> found, String password) {
        if (found.isEmpty()) {
            return hasher.verifyAgainstNothing(password).map(ignored -> Optional.empty());
        }
        StoredAccount account = found.get();
        return hasher.verify(account.passwordHash(), password).map(matches -> matches ? found : Optional.empty());
    }

    /** Signing (ES256, about a millisecond of CPU) runs on a worker: a login storm must not hold up the event loop's players. */
    private void sendToken(RoutingContext ctx, StoredAccount account) {
        ctx.vertx().executeBlocking(() -> tokens.issue(new PlayerIdentity(account.id(), account.name())), false)
                .onSuccess(token -> {
                    log.debug("Account {} named '{}' logged in", account.id(), account.name());
                    // A bearer token must not be kept by caches between the client and us.
                    ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                    sendJson(ctx, 200, new JsonObject()
                            .put("token", token)
                            .put("expiresIn", tokens.lifetime().toSeconds())
                            .put("player", new JsonObject().put("name", account.name())));
                })
                .onFailure(ctx::fail);
    }

    /** After the body is read, because Vert.x Web runs body handlers before any of ours (it is 4 KiB at most). */
    private static void requireJsonContentType(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (mediaType.equals("application/json")) {
            ctx.next();
        } else {
            HttpErrors.send(ctx, 415, "bad_content_type", "The body must be application/json.");
        }
    }

    /** The body's name and password, or empty after answering 400. */
    private static Optional<Credentials> readCredentials(RoutingContext ctx) {
        if (!(parseJson(ctx.body().buffer()) instanceof JsonObject json)) {
            HttpErrors.send(ctx, 400, "bad_json", "The body must be a JSON object.");
            return Optional.empty();
        }
        // Blank counts as missing: a client that sends "" forgot the field as surely as one that omits it.
        if (!(json.getValue("name") instanceof String name) || name.isBlank()
                || !(json.getValue("password") instanceof String password) || password.isBlank()) {
            HttpErrors.send(ctx, 400, "missing_field", "Both 'name' and 'password' are required, as strings.");
            return Optional.empty();
        }
        return Optional.of(new Credentials(name, password));
    }

    private static Object parseJson(Buffer body) {
        if (body == null || body.length() == 0) return null;
        try {
            return Json.decodeValue(body);
        } catch (DecodeException e) {
            return null;
        }
    }

    private static void sendJson(RoutingContext ctx, int status, JsonObject body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body.encode());
    }

    /** What a client sent; the password never reaches a log or toString. */
    private record Credentials(String name, String password) {
        @Override
        public String toString() {
            return "Credentials[name=" + name + "]";
        }
    }
}
