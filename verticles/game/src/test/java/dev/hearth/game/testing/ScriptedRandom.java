package dev.hearth.game.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;

/** Chance as a test decides it: each {@code nextInt(bound)} takes the next number given, then a default. */
public final class ScriptedRandom implements RandomGenerator {
    private final Deque<Integer> script;
    private final int otherwise;

    public ScriptedRandom(int otherwise, Integer... numbers) {
        this.script = new ArrayDeque<>(List.of(numbers));
        this.otherwise = otherwise;
    }

    @Override
    public synchronized int nextInt(int bound) {
        Integer next = script.poll();
        return Math.floorMod(next == null ? otherwise : next, bound);
    }

    @Override
    public long nextLong() {
        return nextInt(Integer.MAX_VALUE);
    }
}
