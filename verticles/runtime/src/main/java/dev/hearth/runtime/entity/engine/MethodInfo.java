package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.Interleaved;
import dev.hearth.runtime.entity.Remindable;
import io.vertx.core.Future;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** One method of an entity interface, resolved once at registration. */
final class MethodInfo {
    /**
     * {@link Remindable#onReminder}, which every type answers though its interface need not
     * declare it; its signature cannot clash with a Java method's name.
     */
    static final MethodInfo REMINDER = reminder();

    final Method method;
    final Type[] parameterTypes;
    final Type resultType;
    /** Name and arity: how a remote node finds the method (overloads differ by arity). */
    final String signature;
    final boolean interleaved;

    MethodInfo(Method method, boolean typeInterleaved) {
        this(method, typeInterleaved, method.getName() + "/" + method.getParameterCount());
    }

    private MethodInfo(Method method, boolean typeInterleaved, String signature) {
        if (method.getReturnType() != Future.class) {
            throw new IllegalArgumentException(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + " must return io.vertx.core.Future: entity calls are asynchronous");
        }
        this.method = method;
        this.parameterTypes = method.getGenericParameterTypes();
        this.resultType = method.getGenericReturnType() instanceof ParameterizedType future
                ? future.getActualTypeArguments()[0] : Object.class;
        this.signature = signature;
        this.interleaved = typeInterleaved || method.isAnnotationPresent(Interleaved.class);
    }

    /** Calls the implementation; what it throws becomes a failed future. */
    Future<?> invoke(Object target, Object[] args) {
        if (!method.getDeclaringClass().isInstance(target)) {
            return Future.failedFuture(new IllegalStateException(target.getClass().getSimpleName() + " does not implement "
                    + method.getDeclaringClass().getSimpleName()));
        }
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

    private static MethodInfo reminder() {
        try {
            return new MethodInfo(Remindable.class.getMethod("onReminder", String.class), false, "hearth:reminder/1");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
