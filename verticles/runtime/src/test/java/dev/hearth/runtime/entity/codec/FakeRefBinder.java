package dev.hearth.runtime.entity.codec;

import dev.hearth.runtime.entity.EntityId;
import dev.hearth.runtime.entity.EntityName;
import dev.hearth.runtime.entity.Ref;
import dev.hearth.runtime.entity.RefBinder;
import io.vertx.core.Future;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A binder for codec tests: knows the given entity interfaces by their stored names and makes
 * proxies that are equal when they stand for the same entity; calling one fails.
 */
public final class FakeRefBinder implements RefBinder {
    private final Map<String, Class<?>> types;

    public FakeRefBinder(Class<?>... entityInterfaces) {
        this.types = Stream.of(entityInterfaces).collect(Collectors.toMap(EntityName.Of::type, Function.identity()));
    }

    @Override
    public <T> T proxy(Class<T> type, String key) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new Stand(new EntityId(EntityName.Of.type(type), key))));
    }

    @Override
    public <T> Ref<T> refOf(Class<T> type, String key) {
        return new Ref<>(type, key, this);
    }

    @Override
    public Optional<EntityId> idOfProxy(Object candidate) {
        return candidate != null && Proxy.isProxyClass(candidate.getClass())
                        && Proxy.getInvocationHandler(candidate) instanceof Stand stand
                ? Optional.of(stand.id)
                : Optional.empty();
    }

    @Override
    public Optional<Class<?>> typeNamed(String name) {
        return Optional.ofNullable(types.get(name));
    }

    private record Stand(EntityId id) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            return switch (method.getName()) {
                case "equals" -> args[0] != null && Proxy.isProxyClass(args[0].getClass())
                        && Proxy.getInvocationHandler(args[0]) instanceof Stand other && other.id.equals(id);
                case "hashCode" -> id.hashCode();
                case "toString" -> "proxy of " + id;
                default -> Future.failedFuture("a fake proxy of " + id + " cannot be called");
            };
        }
    }
}
