package dev.hearth.gateway.auth;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

@ExtendWith(VertxExtension.class)
class TokenServiceTest {
    private static final PlayerIdentity ALICE = new PlayerIdentity(42, "Alice");

    private Vertx vertx;
    private TokenKeys keys;
    private TokenService tokens;

    @BeforeEach
    void start(Vertx vertx) {
        this.vertx = vertx;
        this.keys = TokenKeys.generate();
        this.tokens = TokenService.create(vertx, keys, Duration.ofMinutes(15));
    }

    @Test
    void anIssuedTokenVerifiesToThePlayerItWasIssuedFor() throws Exception {
        String token = tokens.issue(ALICE);

        assertThat(tokens.verify(token).await(5, TimeUnit.SECONDS)).isEqualTo(ALICE);
    }

    @Test
    void aTokenIssuedByAnotherGatewayVerifiesByItsSignatureAndAgainFromMemory() throws Exception {
        TokenService otherGateway = TokenService.create(vertx, keys, Duration.ofMinutes(15));
        String token = otherGateway.issue(ALICE);

        assertThat(tokens.verify(token).await(5, TimeUnit.SECONDS)).isEqualTo(ALICE);
        assertThat(tokens.verify(token).await(5, TimeUnit.SECONDS)).as("remembered").isEqualTo(ALICE);
        assertThat(rejectionOf(ForgedTokens.withPayloadReplaced(token, ForgedTokens.validClaims().put("name", "Mallory"))))
                .as("a changed copy of a remembered token").isEqualTo("bad signature");
    }

    @Test
    void anIssuedTokenCarriesIssuerSubjectNameAndItsLifetime() {
        JsonObject header = decodePart(tokens.issue(ALICE), 0);
        JsonObject claims = decodePart(tokens.issue(ALICE), 1);

        assertThat(header.getString("alg")).isEqualTo("ES256");
        assertThat(claims.getString("iss")).isEqualTo("hearth");
        assertThat(claims.getString("sub")).isEqualTo("42");
        assertThat(claims.getString("name")).isEqualTo("Alice");
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(900);
        assertThat(tokens.lifetime()).isEqualTo(Duration.ofMinutes(15));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "garbage", "a.b.c", "a.b", "...", "eyJhbGciOiJFUzI1NiJ9.e30.", "%%%.%%%.%%%"})
    void rejectsMissingBlankAndMalformedTokens(String token) {
        assertThat(rejectionOf(token)).isIn("missing", "malformed", "unsupported algorithm", "invalid", "bad signature");
    }

    @Test
    void rejectsAnExpiredToken() {
        long longAgo = Instant.now().minusSeconds(3600).getEpochSecond();
        String token = ForgedTokens.signedWith(vertx, keys, ForgedTokens.validClaims().put("iat", longAgo - 900).put("exp", longAgo));

        assertThat(rejectionOf(token)).isEqualTo("expired");
    }

    @Test
    void rejectsATokenWhosePayloadWasChangedAfterSigning() {
        String token = ForgedTokens.withPayloadReplaced(tokens.issue(ALICE), ForgedTokens.validClaims().put("name", "Mallory"));

        assertThat(rejectionOf(token)).isEqualTo("bad signature");
    }

    @Test
    void rejectsAnUnsignedTokenThatAsksForAlgorithmNone() {
        assertThat(rejectionOf(ForgedTokens.unsigned(ForgedTokens.validClaims()))).isEqualTo("malformed");
        assertThat(rejectionOf(ForgedTokens.unsigned(ForgedTokens.validClaims()) + "c2lnbmF0dXJl"))
                .isEqualTo("unsupported algorithm");
    }

    @Test
    void rejectsAnHs256TokenKeyedWithOurPublicKey() throws Exception {
        String token = ForgedTokens.hs256WithPublicKeyAsSecret(keys, ForgedTokens.validClaims());

        assertThat(rejectionOf(token)).isEqualTo("unsupported algorithm");
    }

    @Test
    void rejectsATokenSignedByAnotherKey() {
        TokenService elsewhere = TokenService.create(vertx, TokenKeys.generate(), Duration.ofMinutes(15));

        assertThat(rejectionOf(elsewhere.issue(ALICE))).isEqualTo("bad signature");
    }

    @Test
    void rejectsATokenFromAnotherIssuer() {
        String token = ForgedTokens.signedWith(vertx, keys, ForgedTokens.validClaims().put("iss", "not-hearth"));

        assertThat(rejectionOf(token)).isEqualTo("wrong issuer");
    }

    @Test
    void rejectsATokenWithoutAnIssuer() {
        JsonObject claims = ForgedTokens.validClaims();
        claims.remove("iss");

        assertThat(rejectionOf(ForgedTokens.signedWith(vertx, keys, claims))).isEqualTo("wrong issuer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sub", "name", "exp"})
    void rejectsATokenMissingAClaimWeNeed(String claim) {
        JsonObject claims = ForgedTokens.validClaims();
        claims.remove(claim);

        assertThat(rejectionOf(ForgedTokens.signedWith(vertx, keys, claims))).isEqualTo("missing claims");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice", "0", "-3", ""})
    void rejectsATokenWhoseSubjectIsNotAnAccountId(String subject) {
        String token = ForgedTokens.signedWith(vertx, keys, ForgedTokens.validClaims().put("sub", subject));

        assertThat(rejectionOf(token)).isEqualTo("missing claims");
    }

    @Test
    void rejectsABlankNameClaim() {
        String token = ForgedTokens.signedWith(vertx, keys, ForgedTokens.validClaims().put("name", " "));

        assertThat(rejectionOf(token)).isEqualTo("missing claims");
    }

    @Test
    void refusesALifetimeUnderOneSecond() {
        assertThatThrownBy(() -> TokenService.create(vertx, keys, Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenService.create(vertx, keys, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The short reason a token was refused; fails the test if it was accepted or failed otherwise. */
    private String rejectionOf(String token) {
        Throwable failure = catchThrowable(() -> tokens.verify(token).await(5, TimeUnit.SECONDS));
        assertThat(failure).as("verifying %s", token).isInstanceOf(TokenRejected.class);
        return ((TokenRejected) failure).reason();
    }

    private static JsonObject decodePart(String token, int index) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8));
    }
}
