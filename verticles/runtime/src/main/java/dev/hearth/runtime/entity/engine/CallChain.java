package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.EntityId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The calls that led to this one, outermost first, under one id. An activation busy with a
 * chain lets further calls of the same chain in (A→B→A), and a timeout names the chain.
 * Each link points to its parent, so extending a chain costs one small object per call.
 */
final class CallChain {
    private static final char SEPARATOR = '\n';

    private final long id;
    private final CallChain parent;
    /** "Type/key.method"; built from target and method only when someone reads the chain. */
    private final Object frame;
    private final String method;

    private CallChain(long id, CallChain parent, Object frame, String method) {
        this.id = id;
        this.parent = parent;
        this.frame = frame;
        this.method = method;
    }

    static CallChain start() {
        return new CallChain(ThreadLocalRandom.current().nextLong(), null, null, null);
    }

    long id() {
        return id;
    }

    CallChain then(EntityId target, String methodName) {
        return new CallChain(id, this, target, methodName);
    }

    private CallChain then(String frameText) {
        return new CallChain(id, this, frameText, null);
    }

    List<String> frames() {
        List<String> frames = new ArrayList<>();
        for (CallChain link = this; link != null; link = link.parent) {
            if (link.frame != null) frames.add(link.method == null ? link.frame.toString() : link.frame + "." + link.method);
        }
        Collections.reverse(frames);
        return frames;
    }

    /** For a message header: the id, then one frame per line. */
    String encode() {
        StringBuilder text = new StringBuilder(Long.toString(id));
        for (String f : frames()) text.append(SEPARATOR).append(f.replace(SEPARATOR, ' '));
        return text.toString();
    }

    static CallChain decode(String text) {
        if (text == null || text.isEmpty()) return start();
        String[] parts = text.split(String.valueOf(SEPARATOR));
        try {
            CallChain chain = new CallChain(Long.parseLong(parts[0]), null, null, null);
            for (int i = 1; i < parts.length; i++) chain = chain.then(parts[i]);
            return chain;
        } catch (NumberFormatException e) {
            return start();
        }
    }
}
