package dev.hearth.runtime.entity.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The calls that led to this one, outermost first, under one id. An activation busy with a
 * chain lets further calls of the same chain in (A→B→A), and a timeout names the chain.
 */
record CallChain(long id, List<String> frames) {
    private static final char SEPARATOR = '\n';

    static CallChain start() {
        return new CallChain(ThreadLocalRandom.current().nextLong(), List.of());
    }

    CallChain then(String frame) {
        List<String> next = new ArrayList<>(frames.size() + 1);
        next.addAll(frames);
        next.add(frame);
        return new CallChain(id, next);
    }

    /** For a message header: the id, then one frame per line. */
    String encode() {
        StringBuilder text = new StringBuilder(Long.toString(id));
        for (String frame : frames) text.append(SEPARATOR).append(frame.replace(SEPARATOR, ' '));
        return text.toString();
    }

    static CallChain decode(String text) {
        if (text == null || text.isEmpty()) return start();
        String[] parts = text.split(String.valueOf(SEPARATOR));
        try {
            return new CallChain(Long.parseLong(parts[0]), List.of(Arrays.copyOfRange(parts, 1, parts.length)));
        } catch (NumberFormatException e) {
            return start();
        }
    }
}
