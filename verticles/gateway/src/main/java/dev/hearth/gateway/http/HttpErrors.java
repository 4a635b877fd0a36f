package dev.hearth.gateway.http;

import dev.hearth.gateway.accounts.HashingBusy;
import dev.hearth.gateway.accounts.NameTaken;
import dev.hearth.gateway.auth.TokenRejected;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers, all shaped
 * {@code {"error": {"code": ..., "message": ...}}} (docs/protocol.md, section 1).
 * Clients get a stable code and a sentence, never a stack trace.
 */
public final class HttpErrors {
    private static final Logger log = LoggerFactory.getLogger(HttpErrors.class);
    /** Hashing frees up within a second or so; sooner retries would only be refused again. */
    private static final String RETRY_AFTER_SECONDS = "1";

    private HttpErrors() {
    }

    public static void send(RoutingContext ctx, int status, String code, String message) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) return; // the client already has a status; nothing sensible to add
        JsonObject body = new JsonObject().put("error", new JsonObject().put("code", code).put("message", message));
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body.encode());
    }

    /** For {@code route.failureHandler(...)}: answers any failed request with the JSON error it deserves. */
    public static Handler<RoutingContext> failureHandler() {
        return HttpErrors::answerFailure;
    }

    private static void answerFailure(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            // Too late for an error body: cut the connection so the client sees a broken answer, not a short one.
            log.warn("Request {} {} failed after its answer began", ctx.request().method(), ctx.normalizedPath(), ctx.failure());
            ctx.response().reset();
            return;
        }
        Throwable failure = ctx.failure();
        switch (failure) {
            case NameTaken taken -> send(ctx, 409, "name_taken", "That name is already taken.");
            case HashingBusy busy -> {
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
                send(ctx, 503, "busy", "The server is busy. Try again in a moment.");
            }
            case TokenRejected rejected -> send(ctx, 401, "bad_token", "The token was refused (" + rejected.reason() + ").");
            case HttpException http -> answerStatus(ctx, http.getStatusCode(), failure);
            case null -> answerStatus(ctx, ctx.statusCode(), null);
            default -> answerStatus(ctx, 500, failure);
        }
    }

    /** Failures that carry only a status: Vert.x Web's own (a BodyHandler's 413) or {@code ctx.fail(status)}. */
    private static void answerStatus(RoutingContext ctx, int status, Throwable cause) {
        switch (status) {
            case 400 -> send(ctx, 400, "bad_request", "The request is not valid.");
            case 401 -> send(ctx, 401, "unauthorized", "Log in first.");
            case 403 -> send(ctx, 403, "forbidden", "That is not allowed.");
            case 404 -> send(ctx, 404, "not_found", "There is nothing here.");
            case 405 -> send(ctx, 405, "method_not_allowed", "That method is not allowed here.");
            case 413 -> send(ctx, 413, "too_large", "The request body is too large.");
            case 415 -> send(ctx, 415, "bad_content_type", "The body must be application/json.");
            case 503 -> send(ctx, 503, "unavailable", "Not available right now. Try again in a moment.");
            default -> {
                if (status >= 400 && status < 500) {
                    send(ctx, status, "bad_request", "The request was refused.");
                } else {
                    log.error("Unexpected failure answering {} {} (status {})",
                            ctx.request().method(), ctx.normalizedPath(), status, cause);
                    send(ctx, 500, "internal", "Something went wrong on our side. It has been logged.");
                }
            }
        }
    }
}
