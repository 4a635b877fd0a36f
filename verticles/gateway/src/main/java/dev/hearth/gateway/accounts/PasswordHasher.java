package dev.hearth.gateway.accounts;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Argon2id hashing on a small pool of its own. A login costs a core for a
 * noticeable time, so the pool is bounded: when it is full, callers get
 * {@link HashingBusy} at once instead of a queue that grows until the game
 * starves. Create one per process and share it (it is thread-safe).
 */
public final class PasswordHasher {
    private static final Logger log = LoggerFactory.getLogger(PasswordHasher.class);
    private static final AtomicInteger poolNumbers = new AtomicInteger();

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    private final HashingConfig config;
    private final WorkerExecutor workers;
    private final AtomicInteger inFlight = new AtomicInteger();

    public PasswordHasher(Vertx vertx, HashingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        // A name of its own: a shared executor with the same name would share threads but not our bound.
        String poolName = "hearth-password-hashing-" + poolNumbers.incrementAndGet();
        this.workers = vertx.createSharedWorkerExecutor(poolName, config.threads());
        log.info("Password hashing: Argon2id m={} KiB t={} p={} on {} threads, at most {} queued",
                config.memoryKib(), config.iterations(), config.parallelism(), config.threads(), config.maxQueued());
    }

    /** An encoded hash ({@code $argon2id$v=19$m=...}) with a fresh random salt. */
    public Future<String> hash(String password) {
        Objects.requireNonNull(password, "password");
        return run(() -> hashNow(password));
    }

    public Future<Boolean> verify(String encodedHash, String password) {
        Objects.requireNonNull(encodedHash, "encodedHash");
        Objects.requireNonNull(password, "password");
        return run(() -> {
            char[] chars = password.toCharArray();
            try {
                return argon2.verify(encodedHash, chars, StandardCharsets.UTF_8);
            } finally {
                argon2.wipeArray(chars);
            }
        });
    }

    /**
     * For a name with no account: always false, after the same work a real verify
     * costs, so response times do not tell which names exist.
     */
    public Future<Boolean> verifyAgainstNothing(String password) {
        Objects.requireNonNull(password, "password");
        // Verifying is hashing with the stored salt and comparing, so one hash costs the same.
        return run(() -> {
            hashNow(password);
            return false;
        });
    }

    public void close() {
        workers.close().onFailure(e -> log.warn("Closing the password hashing pool failed", e));
    }

    private String hashNow(String password) {
        char[] chars = password.toCharArray();
        try {
            return argon2.hash(config.iterations(), config.memoryKib(), config.parallelism(), chars, StandardCharsets.UTF_8);
        } finally {
            argon2.wipeArray(chars);
        }
    }

    private <T> Future<T> run(Callable<T> job) {
        if (inFlight.incrementAndGet() > config.capacity()) {
            inFlight.decrementAndGet();
            return Future.failedFuture(new HashingBusy(config.capacity()));
        }
        try {
            // Unordered: ordered jobs from one context would run one at a time, whatever the thread count.
            return workers.executeBlocking(job, false).andThen(done -> inFlight.decrementAndGet());
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            return Future.failedFuture(e);
        }
    }
}
