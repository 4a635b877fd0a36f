package dev.hearth.gateway.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * Issues and checks player tokens: ES256 JWTs with issuer {@code hearth}, the account id
 * as subject and the player's name as claim {@code name} (docs/protocol.md, section 1).
 * Both calls are pure computation (well under a millisecond), so they are safe on an event loop.
 */
public final class TokenService {
    static final String ISSUER = "hearth";
    static final String ALGORITHM = "ES256";
    private static final String NAME_CLAIM = "name";
    /** Gateways on different machines disagree a little about the time. */
    private static final int CLOCK_LEEWAY_SECONDS = 5;
    /** Far above any token we issue; stops a client from making us parse megabytes. */
    private static final int MAX_TOKEN_LENGTH = 4096;

    /** Tokens remembered as verified: about 20,000 players' worth at a few hundred bytes each. */
    static final int REMEMBERED_TOKENS = 32_768;

    private final JWTAuth jwt;
    private final Duration lifetime;
    private final VerifiedTokens verified = new VerifiedTokens(REMEMBERED_TOKENS);

    private TokenService(JWTAuth jwt, Duration lifetime) {
        this.jwt = jwt;
        this.lifetime = lifetime;
    }

    public static TokenService create(Vertx vertx, TokenKeys keys, Duration lifetime) {
        if (lifetime == null || lifetime.toSeconds() < 1 || lifetime.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("token lifetime must be at least one second: " + lifetime);
        }
        JWTAuthOptions options = new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(keys.privateKeyPem()))
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(keys.publicKeyPem()))
                .setJWTOptions(new JWTOptions().setIssuer(ISSUER).setLeeway(CLOCK_LEEWAY_SECONDS));
        return new TokenService(JWTAuth.create(vertx, options), lifetime);
    }

    /** A signed token for the player; this gateway remembers it as verified, so the hello that follows checks no signature. */
    public String issue(PlayerIdentity who) {
        long expiresAt = System.currentTimeMillis() / 1000 + lifetime.toSeconds();
        String token = jwt.generateToken(
                new JsonObject().put(NAME_CLAIM, who.name()),
                new JWTOptions()
                        .setAlgorithm(ALGORITHM)
                        .setIssuer(ISSUER)
                        .setSubject(Long.toString(who.accountId()))
                        .setExpiresInSeconds((int) lifetime.toSeconds()));
        verified.remember(token, who, expiresAt);
        return token;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /**
     * The player a token speaks for, or a failure with {@link TokenRejected} saying briefly why
     * not. A token this gateway issued or verified before, and that has not expired, is known
     * without checking its signature again: an ES256 check costs about a millisecond of CPU,
     * which a reconnect storm of thousands pays at once.
     */
    public Future<PlayerIdentity> verify(String token) {
        PlayerIdentity known = token == null ? null : verified.identity(token, System.currentTimeMillis() / 1000);
        if (known != null) return Future.succeededFuture(known);
        try {
            requireOurAlgorithm(token);
        } catch (TokenRejected rejected) {
            return Future.failedFuture(rejected);
        }
        return jwt.authenticate(new TokenCredentials(token))
                .recover(failure -> Future.failedFuture(rejectionFor(failure)))
                .map(user -> {
                    PlayerIdentity who = identityOf(user);
                    verified.remember(token, who, user.attributes().getJsonObject("accessToken").getLong("exp"));
                    return who;
                });
    }

    /**
     * Looks at the header before any key does: only ES256 is ours, which shuts out
     * {@code alg: none} and HS256-with-the-public-key forgeries whatever the library would do.
     */
    private static void requireOurAlgorithm(String token) {
        if (token == null || token.isBlank()) throw new TokenRejected("missing");
        if (token.length() > MAX_TOKEN_LENGTH) throw new TokenRejected("malformed");
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) throw new TokenRejected("malformed");
        JsonObject header;
        try {
            header = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
            throw new TokenRejected("malformed");
        }
        if (!ALGORITHM.equals(header.getValue("alg"))) throw new TokenRejected("unsupported algorithm");
    }

    private static TokenRejected rejectionFor(Throwable failure) {
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("expired")) return new TokenRejected("expired");
        if (message.contains("issuer")) return new TokenRejected("wrong issuer");
        if (message.contains("signature")) return new TokenRejected("bad signature");
        return new TokenRejected("invalid");
    }

    private static PlayerIdentity identityOf(User user) {
        JsonObject claims = user.attributes().getJsonObject("accessToken");
        if (claims == null) throw new TokenRejected("invalid");
        // JWTAuth 5.0.10 checks the issuer too; checked again so the rule does not rest on a library detail.
        if (!ISSUER.equals(claims.getValue("iss"))) throw new TokenRejected("wrong issuer");
        if (!(claims.getValue("exp") instanceof Number)) throw new TokenRejected("missing claims");
        if (!(claims.getValue("sub") instanceof String subject) || !(claims.getValue(NAME_CLAIM) instanceof String name)
                || name.isBlank()) {
            throw new TokenRejected("missing claims");
        }
        long accountId;
        try {
            accountId = Long.parseLong(subject);
        } catch (NumberFormatException e) {
            throw new TokenRejected("missing claims");
        }
        if (accountId <= 0) throw new TokenRejected("missing claims");
        return new PlayerIdentity(accountId, name);
    }
}
