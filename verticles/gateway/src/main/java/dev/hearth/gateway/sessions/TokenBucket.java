package dev.hearth.gateway.sessions;

/**
 * A token bucket: refills continuously at a rate, holds at most a burst. Rate and burst
 * are passed on each take, so a live-settings change applies to open connections at once.
 */
final class TokenBucket {
    private double tokens = Double.NaN; // full on first use
    private long lastNanos;

    synchronized boolean take(double perSecond, double burst, long nowNanos) {
        if (Double.isNaN(tokens)) {
            tokens = burst;
        } else {
            tokens = Math.min(burst, tokens + (nowNanos - lastNanos) / 1e9 * perSecond);
        }
        lastNanos = nowNanos;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
