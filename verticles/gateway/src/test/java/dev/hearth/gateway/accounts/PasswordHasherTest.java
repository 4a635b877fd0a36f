package dev.hearth.gateway.accounts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class PasswordHasherTest {
    /** Slow enough (tens of milliseconds) that a job is surely still running while the test piles more on. */
    private static final HashingConfig SLOW_ONE_THREAD_ONE_WAITING = new HashingConfig(32 * 1024, 2, 1, 1, 1);

    private PasswordHasher hasher;

    @AfterEach
    void closeHasher() {
        if (hasher != null) hasher.close();
    }

    @Test
    void theOwaspProfileHashesAndVerifies(Vertx vertx) throws Exception {
        hasher = new PasswordHasher(vertx, HashingConfig.owasp());

        String hash = hasher.hash("correct horse battery").await(10, TimeUnit.SECONDS);

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify(hash, "correct horse battery").await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotVerify(Vertx vertx) throws Exception {
        hasher = new PasswordHasher(vertx, HashingConfig.cheap());
        String hash = hasher.hash("correct horse battery").await(5, TimeUnit.SECONDS);

        assertThat(hasher.verify(hash, "correct horse battery!").await(5, TimeUnit.SECONDS)).isFalse();
        assertThat(hasher.verify(hash, "").await(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeBecauseOfTheSalt(Vertx vertx) throws Exception {
        hasher = new PasswordHasher(vertx, HashingConfig.cheap());

        String first = hasher.hash("correct horse battery").await(5, TimeUnit.SECONDS);
        String second = hasher.hash("correct horse battery").await(5, TimeUnit.SECONDS);

        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify(second, "correct horse battery").await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void verifyingAgainstNothingIsAlwaysFalse(Vertx vertx) throws Exception {
        hasher = new PasswordHasher(vertx, HashingConfig.cheap());

        assertThat(hasher.verifyAgainstNothing("correct horse battery").await(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void hashingNeverRunsOnTheCallingEventLoop(Vertx vertx, VertxTestContext test) {
        hasher = new PasswordHasher(vertx, SLOW_ONE_THREAD_ONE_WAITING);
        vertx.runOnContext(onEventLoop -> {
            Future<String> hash = hasher.hash("correct horse battery");
            // Had it run here, the result would already be in; elsewhere it takes far longer than this check.
            test.verify(() -> assertThat(hash.isComplete()).isFalse());
            hash.onComplete(test.succeedingThenComplete());
        });
    }

    @Test
    void refusesAtOnceWhenEveryThreadAndQueueSlotIsTaken(Vertx vertx, VertxTestContext test) {
        hasher = new PasswordHasher(vertx, SLOW_ONE_THREAD_ONE_WAITING);
        vertx.runOnContext(onEventLoop -> {
            // On the event loop, no job can report back before this handler returns.
            Future<String> running = hasher.hash("first password");
            Future<String> waiting = hasher.hash("second password");
            Future<Boolean> refused = hasher.verifyAgainstNothing("third password");

            test.verify(() -> {
                assertThat(refused.failed()).as("refused without waiting").isTrue();
                assertThat(refused.cause()).isInstanceOf(HashingBusy.class);
            });
            Future.all(running, waiting)
                    .compose(bothDone -> hasher.hash("once the rush is over"))
                    .onComplete(test.succeeding(hash -> test.verify(() -> {
                        assertThat(hash).startsWith("$argon2id$");
                        test.completeNow();
                    })));
        });
    }
}
