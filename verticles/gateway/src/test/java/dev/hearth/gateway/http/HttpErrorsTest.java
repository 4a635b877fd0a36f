package dev.hearth.gateway.http;

import dev.hearth.gateway.accounts.HashingBusy;
import dev.hearth.gateway.accounts.NameTaken;
import dev.hearth.gateway.auth.TokenRejected;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@ExtendWith(VertxExtension.class)
class HttpErrorsTest {
    private WebClient client;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        Router router = Router.router(vertx);
        router.get("/send").handler(ctx -> HttpErrors.send(ctx, 418, "teapot", "I am a teapot."));
        router.get("/bug").handler(ctx -> {
            throw new IllegalStateException("secret internals at com.example.Thing");
        });
        router.get("/name-taken").handler(ctx -> ctx.fail(new NameTaken("Alice")));
        router.get("/busy").handler(ctx -> ctx.fail(new HashingBusy(18)));
        router.get("/bad-token").handler(ctx -> ctx.fail(new TokenRejected("expired")));
        router.get("/http-exception/:status").handler(ctx ->
                ctx.fail(new HttpException(Integer.parseInt(ctx.pathParam("status")), "detail for logs only")));
        router.get("/status/:status").handler(ctx -> ctx.fail(Integer.parseInt(ctx.pathParam("status"))));
        router.get("/half-sent").handler(ctx -> {
            ctx.response().setChunked(true).write("the beginning of a long answer");
            ctx.fail(new IllegalStateException("failed midway"));
        });
        router.route().failureHandler(HttpErrors.failureHandler());
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).await(5, TimeUnit.SECONDS);
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(server.actualPort()));
    }

    @Test
    void sendWritesTheErrorShapeEveryClientExpects() throws Exception {
        HttpResponse<Buffer> response = get("/send");

        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject()
                .put("error", new JsonObject().put("code", "teapot").put("message", "I am a teapot.")));
    }

    @Test
    void anUnexpectedExceptionIsA500WithoutAnyOfItsDetails() throws Exception {
        HttpResponse<Buffer> response = get("/bug");

        assertError(response, 500, "internal");
        assertThat(response.bodyAsString()).doesNotContain("secret", "IllegalState", "com.example", "at ");
    }

    @Test
    void aTakenNameIsA409() throws Exception {
        assertError(get("/name-taken"), 409, "name_taken");
    }

    @Test
    void aFullHashingPoolIsA503ThatSaysWhenToRetry() throws Exception {
        HttpResponse<Buffer> response = get("/busy");

        assertError(response, 503, "busy");
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    }

    @Test
    void aRejectedTokenIsA401BadToken() throws Exception {
        HttpResponse<Buffer> response = get("/bad-token");

        assertError(response, 401, "bad_token");
        assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("expired");
    }

    @ParameterizedTest
    @CsvSource({"400, bad_request", "404, not_found", "413, too_large", "415, bad_content_type", "418, bad_request",
            "500, internal", "503, unavailable"})
    void aBareStatusFailureBecomesAJsonError(int status, String code) throws Exception {
        assertError(get("/status/" + status), status, code);
        assertError(get("/http-exception/" + status), status, code);
        assertThat(get("/http-exception/" + status).bodyAsString()).doesNotContain("detail for logs only");
    }

    @Test
    void aFailureAfterTheAnswerBeganCutsTheConnectionInsteadOfPretendingAllIsWell() {
        Throwable failure = catchThrowable(() -> get("/half-sent"));

        assertThat(failure).as("the client must not see a complete, successful answer").isNotNull();
    }

    private HttpResponse<Buffer> get(String path) throws Exception {
        return client.get(path).send().await(5, TimeUnit.SECONDS);
    }

    private static void assertError(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.statusCode()).as("status of %s", response.bodyAsString()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo(code);
        assertThat(error.getString("message")).isNotBlank();
    }
}
