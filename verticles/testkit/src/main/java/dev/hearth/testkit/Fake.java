package dev.hearth.testkit;

import dev.hearth.runtime.entity.EntityType;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A developer's fake standing in for one entity type. It is registered with the engine as an
 * entity type without state, so calls to it take turns, time out and fail as calls to the real
 * one would; only the implementation is the developer's. Every call that reaches it is recorded.
 */
final class Fake<T> {
    private final Class<T> contract;
    private final Function<String, ? extends T> perKey;
    /** One fake per key for the whole test: deactivating it must not reset what it remembers. */
    private final Map<String, T> byKey = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    Fake(Class<T> contract, Function<String, ? extends T> perKey) {
        this.contract = contract;
        this.perKey = perKey;
    }

    EntityType<T, Void> entityType() {
        return EntityType.of(contract, Void.class, self -> recording(self.key()));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    private T recording(String key) {
        T fake = byKey.computeIfAbsent(key, k -> {
            T made = perKey.apply(k);
            if (made == null) throw new IllegalStateException("the fake " + contract.getSimpleName() + " for key '" + k + "' is null");
            return made;
        });
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                calls.add(new Call(key, method.getName(), args == null ? List.of() : Arrays.asList(args)));
            }
            return invoke(fake, method, args);
        };
        return contract.cast(Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[]{contract}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the fake's own exception, as the engine would see it from a real entity
        }
    }
}
