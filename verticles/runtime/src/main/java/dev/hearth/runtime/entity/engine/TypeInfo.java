package dev.hearth.runtime.entity.engine;

import dev.hearth.runtime.entity.EntityType;
import dev.hearth.runtime.entity.Interleaved;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/** A registered entity type with its methods resolved, by Java method and by signature. */
final class TypeInfo {
    final EntityType<Object, Object> type;
    final String name;
    private final Map<Method, MethodInfo> byMethod = new HashMap<>();
    private final Map<String, MethodInfo> bySignature = new HashMap<>();

    @SuppressWarnings("unchecked")
    TypeInfo(EntityType<?, ?> type) {
        this.type = (EntityType<Object, Object>) type;
        this.name = type.name();
        boolean interleaved = type.contract().isAnnotationPresent(Interleaved.class);
        for (Method method : type.contract().getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers())) continue;
            MethodInfo info = new MethodInfo(method, interleaved);
            if (bySignature.putIfAbsent(info.signature, info) != null) {
                throw new IllegalArgumentException(type.contract().getSimpleName() + " has two methods " + info.signature
                        + ": overloads must differ in their number of parameters");
            }
            byMethod.put(method, info);
        }
    }

    MethodInfo method(Method method) {
        return byMethod.get(method);
    }

    /** A method of the interface by its signature, or the reminder callback. */
    MethodInfo method(String signature) {
        MethodInfo declared = bySignature.get(signature);
        if (declared == null && MethodInfo.REMINDER.signature.equals(signature)) return MethodInfo.REMINDER;
        return declared;
    }
}
