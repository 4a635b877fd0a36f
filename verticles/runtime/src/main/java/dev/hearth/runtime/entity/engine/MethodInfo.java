package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.Interleaved;
import io.vertx.core.Future;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** One method of an entity interface, resolved once at registration. */
final class MethodInfo {
    final Method method;
    final Type[] parameterTypes;
    final Type resultType;
    /** Name and arity: how a remote node finds the method (overloads differ by arity). */
    final String signature;
    final boolean interleaved;

    MethodInfo(Method method, boolean typeInterleaved) {
        if (method.getReturnType() != Future.class) {
            throw new IllegalArgumentException(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + " must return io.vertx.core.Future: entity calls are asynchronous");
        }
        this.method = method;
        this.parameterTypes = method.getGenericParameterTypes();
        this.resultType = method.getGenericReturnType() instanceof ParameterizedType future
                ? future.getActualTypeArguments()[0] : Object.class;
        this.signature = method.getName() + "/" + method.getParameterCount();
        this.interleaved = typeInterleaved || method.isAnnotationPresent(Interleaved.class);
    }

    /** Calls the implementation; what it throws becomes a failed future. */
    Future<?> invoke(Object target, Object[] args) {
        try {
            Future<?> result = (Future<?>) method.invoke(target, args);
            return result != null ? result : Future.failedFuture(
                    new IllegalStateException(signature + " returned null instead of a Future"));
        } catch (InvocationTargetException e) {
            return Future.failedFuture(e.getCause());
        } catch (IllegalAccessException | RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
