package dev.hearth.gateway.accounts;

import dev.hearth.gateway.auth.PlayerIdentity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import dev.hearth.runtime.db.DatabaseUrl;
import dev.hearth.runtime.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.hearth.gateway.accounts.AccountsApi.LOGIN_PATH;
import static dev.hearth.gateway.accounts.AccountsApi.REGISTER_PATH;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class AccountsApiTest {
    private static final String GOOD_PASSWORD = "correct horse battery";

    /** One database for the class: a new one per test costs more than all the checks in it. */
    private static DatabaseUrl database;

    private AuthServer server;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.fresh();
    }

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        server = AuthServer.startEmptied(vertx, HashingConfig.cheap(), database);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aPlayerRegistersLogsInAndGetsATokenThatVerifies() throws Exception {
        HttpResponse<Buffer> registered = server.register("Alice", GOOD_PASSWORD);
        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(registered.bodyAsJsonObject()).isEqualTo(new JsonObject().put("name", "Alice"));

        HttpResponse<Buffer> loggedIn = server.login("Alice", GOOD_PASSWORD);

        assertThat(loggedIn.statusCode()).isEqualTo(200);
        assertThat(loggedIn.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(loggedIn.getHeader("Cache-Control")).isEqualTo("no-store");
        JsonObject body = loggedIn.bodyAsJsonObject();
        assertThat(body.getLong("expiresIn")).isEqualTo(AuthServer.TOKEN_LIFETIME.toSeconds());
        assertThat(body.getJsonObject("player")).isEqualTo(new JsonObject().put("name", "Alice"));
        PlayerIdentity who = server.tokens.verify(body.getString("token")).await(5, TimeUnit.SECONDS);
        assertThat(who.name()).isEqualTo("Alice");
        assertThat(who.accountId()).isPositive();
    }

    @Test
    void loginAnswersWithTheNameAsRegisteredWhateverCaseIsTyped() throws Exception {
        server.register("Alice", GOOD_PASSWORD);

        HttpResponse<Buffer> loggedIn = server.login("aLiCe", GOOD_PASSWORD);

        assertThat(loggedIn.statusCode()).isEqualTo(200);
        assertThat(loggedIn.bodyAsJsonObject().getJsonObject("player").getString("name")).isEqualTo("Alice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice", "alice", "ALICE"})
    void aNameIsTakenWhateverItsCase(String sameName) throws Exception {
        server.register("Alice", GOOD_PASSWORD);

        HttpResponse<Buffer> again = server.register(sameName, "another good password");

        assertError(again, 409, "name_taken");
        assertThat(server.storedAccounts()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"name\":\"Alice\"}",
            "{\"password\":\"correct horse battery\"}",
            "{\"name\":\"\",\"password\":\"correct horse battery\"}",
            "{\"name\":\"   \",\"password\":\"correct horse battery\"}",
            "{\"name\":\"Alice\",\"password\":\"\"}",
            "{\"name\":\"Alice\",\"password\":null}",
            "{\"name\":42,\"password\":\"correct horse battery\"}",
            "{\"name\":[\"Alice\"],\"password\":\"correct horse battery\"}"})
    void aMissingBlankOrNonStringFieldIsRefusedAndNothingIsStored(String body) throws Exception {
        assertError(server.postRaw(REGISTER_PATH, "application/json", body), 400, "missing_field");
        assertError(server.postRaw(LOGIN_PATH, "application/json", body), 400, "missing_field");
        assertThat(server.storedAccounts()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Al", "1Alice", "_alice", "Al ice", " Alice", "Alice ", "Ünïcode", "Alice!", "al-ice",
            "TwentyOneCharactersX1", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void aNameThatBreaksTheRulesIsRefusedAndNothingIsStored(String name) throws Exception {
        assertError(server.register(name, GOOD_PASSWORD), 400, "bad_name");
        assertThat(server.storedAccounts()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ali", "Alice_2", "a_1", "TwentyCharactersXYZ1"})
    void namesWithinTheRulesAreAccepted(String name) throws Exception {
        assertThat(server.register(name, GOOD_PASSWORD).statusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "ninechars", "Alexander_10", "ALEXANDER_10", "password123", "1234567890", "Qwertyuiop"})
    void aWeakPasswordIsRefusedAndNothingIsStored(String password) throws Exception {
        assertError(server.register("Alexander_10", password), 400, "weak_password");
        assertThat(server.storedAccounts()).isZero();
    }

    @Test
    void aPasswordOver128CharactersIsRefusedButOneOf128IsAccepted() throws Exception {
        assertError(server.register("Alice", "x".repeat(129)), 400, "weak_password");
        assertThat(server.register("Alice", "x".repeat(128)).statusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"name\": \"Alice\",", "not json", "[1, 2]", "[{\"name\":\"Alice\"}]", "\"Alice\"", "42", "null"})
    void aBodyThatIsNotAJsonObjectIsBadJson(String body) throws Exception {
        assertError(server.postRaw(REGISTER_PATH, "application/json", body), 400, "bad_json");
        assertError(server.postRaw(LOGIN_PATH, "application/json", body), 400, "bad_json");
        assertThat(server.storedAccounts()).isZero();
    }

    @Test
    void aBodyOver4KiBIsRefusedWithAJsonError() throws Exception {
        String huge = AuthServer.credentials("Alice", "p".repeat(5000)).encode();

        assertError(server.postRaw(REGISTER_PATH, "application/json", huge), 413, "too_large");
        assertError(server.postRaw(LOGIN_PATH, "application/json", huge), 413, "too_large");
        assertThat(server.storedAccounts()).isZero();
    }

    @Test
    void aBodyJustUnder4KiBIsRead() throws Exception {
        String body = AuthServer.credentials("Alice", "p".repeat(4000)).encode();
        assertThat(body.length()).isLessThanOrEqualTo(4096);

        assertError(server.postRaw(REGISTER_PATH, "application/json", body), 400, "weak_password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/jsonp", "multipart/form-data; boundary=x"})
    void aBodyThatIsNotDeclaredJsonIsRefused(String contentType) throws Exception {
        String body = AuthServer.credentials("Alice", GOOD_PASSWORD).encode();

        assertError(server.postRaw(REGISTER_PATH, contentType, body), 415, "bad_content_type");
        assertError(server.postRaw(LOGIN_PATH, contentType, body), 415, "bad_content_type");
        assertThat(server.storedAccounts()).isZero();
    }

    @Test
    void aBodyWithoutAContentTypeIsRefused() throws Exception {
        assertError(server.postRaw(REGISTER_PATH, null, AuthServer.credentials("Alice", GOOD_PASSWORD).encode()),
                415, "bad_content_type");
    }

    @Test
    void aJsonContentTypeWithACharsetIsAccepted() throws Exception {
        String body = AuthServer.credentials("Alice", GOOD_PASSWORD).encode();

        assertThat(server.postRaw(REGISTER_PATH, "Application/JSON; charset=utf-8", body).statusCode()).isEqualTo(201);
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSameAnswer() throws Exception {
        server.register("Alice", GOOD_PASSWORD);

        HttpResponse<Buffer> wrongPassword = server.login("Alice", "incorrect horse battery");
        HttpResponse<Buffer> unknownName = server.login("Nobody", "incorrect horse battery");

        assertError(wrongPassword, 401, "bad_credentials");
        assertThat(unknownName.statusCode()).isEqualTo(wrongPassword.statusCode());
        assertThat(unknownName.bodyAsString()).isEqualTo(wrongPassword.bodyAsString());
        assertThat(unknownName.headers().names()).containsExactlyInAnyOrderElementsOf(wrongPassword.headers().names());
    }

    @Test
    void whenHashingIsSaturatedTheApiAnswersBusyWithRetryAfterAndNeverFails(Vertx vertx) throws Exception {
        server.close();
        // One thread, no queue, ~0.1 s a hash: all but the first of a burst find the pool full.
        server = AuthServer.startEmptied(vertx, new HashingConfig(32 * 1024, 3, 1, 1, 0), database);

        List<Future<HttpResponse<Buffer>>> burst = IntStream.range(0, 12)
                .mapToObj(i -> server.postAsync(REGISTER_PATH, AuthServer.credentials("Player" + i, GOOD_PASSWORD)))
                .toList();
        Future.join(burst).await(30, TimeUnit.SECONDS);

        List<HttpResponse<Buffer>> answers = burst.stream().map(Future::result).toList();
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201, 503).contains(201, 503);
        for (HttpResponse<Buffer> busy : answers.stream().filter(answer -> answer.statusCode() == 503).toList()) {
            assertError(busy, 503, "busy");
            assertThat(busy.getHeader("Retry-After")).isEqualTo("1");
        }
        long created = answers.stream().filter(answer -> answer.statusCode() == 201).count();
        assertThat(server.storedAccounts()).isEqualTo(created);
    }

    private static void assertError(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.statusCode()).as("status of %s", response.bodyAsString()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo(code);
        assertThat(error.getString("message")).isNotBlank();
        assertThat(response.bodyAsJsonObject().fieldNames()).containsExactly("error");
    }
}
