package dev.hearth.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A call that reached a fake, as the entity under test made it.
 * @param key the key of the fake entity called
 * @param method the method's name
 * @param args the arguments, as passed (references stay references; nulls are kept)
 */
public record Call(String key, String method, List<Object> args) {
    public Call {
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    @Override
    public String toString() {
        return key + "." + method + args.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }
}
