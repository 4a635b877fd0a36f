package dev.hearth.gateway.auth;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Tokens an attacker (or a careless issuer) could make, built by hand so each test controls every byte. */
final class ForgedTokens {
    private ForgedTokens() {
    }

    /** The claims TokenService would write, expiring in 15 minutes. */
    static JsonObject validClaims() {
        long now = Instant.now().getEpochSecond();
        return new JsonObject().put("iss", "hearth").put("sub", "42").put("name", "Alice").put("iat", now).put("exp", now + 900);
    }

    /** Properly ES256-signed with the given keys, carrying exactly these claims and nothing added. */
    static String signedWith(Vertx vertx, TokenKeys keys, JsonObject claims) {
        JWTAuth signer = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("ES256").setBuffer(keys.privateKeyPem())));
        return signer.generateToken(claims, new JWTOptions().setAlgorithm("ES256").setNoTimestamp(true));
    }

    /** The classic {@code alg: none} forgery: a header that asks for no signature, and none. */
    static String unsigned(JsonObject claims) {
        return part(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + part(claims) + ".";
    }

    /** Algorithm confusion: HS256 with the server's public key (which anyone may know) as the HMAC secret. */
    static String hs256WithPublicKeyAsSecret(TokenKeys keys, JsonObject claims) throws Exception {
        String signingInput = part(new JsonObject().put("alg", "HS256").put("typ", "JWT")) + "." + part(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keys.publicKeyPem().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        return signingInput + "." + base64Url(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A real token whose payload was swapped for another, keeping the original signature. */
    static String withPayloadReplaced(String token, JsonObject claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + part(claims) + "." + parts[2];
    }

    private static String part(JsonObject json) {
        return base64Url(json.encode().getBytes(StandardCharsets.UTF_8));
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
