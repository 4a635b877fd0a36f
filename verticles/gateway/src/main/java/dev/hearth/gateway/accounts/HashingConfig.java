package dev.hearth.gateway.accounts;

import java.util.Locale;

/**
 * How hard password hashing works (Argon2id cost) and how much of it may run at once.
 *
 * @param memoryKib   Argon2 memory cost per hash, in KiB
 * @param iterations  Argon2 passes over that memory
 * @param parallelism Argon2 lanes per hash
 * @param threads     worker threads that hash; the game's event loops never do
 * @param maxQueued   hashes that may wait for a thread; beyond that a request is refused at once
 */
public record HashingConfig(int memoryKib, int iterations, int parallelism, int threads, int maxQueued) {

    public HashingConfig {
        if (parallelism < 1) throw new IllegalArgumentException("hashing parallelism must be at least 1: " + parallelism);
        // Argon2 itself refuses less than 8 KiB per lane.
        if (memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("hashing memory must be at least " + 8 * parallelism + " KiB: " + memoryKib);
        }
        if (iterations < 1) throw new IllegalArgumentException("hashing iterations must be at least 1: " + iterations);
        if (threads < 1) throw new IllegalArgumentException("hashing threads must be at least 1: " + threads);
        if (maxQueued < 0) throw new IllegalArgumentException("hashing queue must not be negative: " + maxQueued);
    }

    /** OWASP's Argon2id minimum (m=19 MiB, t=2, p=1): about 0.3 s of one core per hash here. */
    public static HashingConfig owasp() {
        return new HashingConfig(19_456, 2, 1, defaultThreads(), 16);
    }

    /** Valid but fast: for tests and local development, never for real passwords. */
    public static HashingConfig cheap() {
        return new HashingConfig(1_024, 1, 1, defaultThreads(), 16);
    }

    /**
     * Half the cores (at least one): a login storm may take that much of the machine and no
     * more, so the players already in keep the rest.
     */
    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** The profile a setting names: {@code owasp} or {@code cheap}. */
    public static HashingConfig named(String profile) {
        String key = profile == null ? "" : profile.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "owasp" -> owasp();
            case "cheap" -> cheap();
            default -> throw new IllegalArgumentException(
                    "unknown password hashing profile '" + profile + "' (expected 'owasp' or 'cheap')");
        };
    }

    /** Hashes running plus waiting: the most the pool accepts before it answers busy. */
    public int capacity() {
        return threads + maxQueued;
    }
}
