package dev.hearth.runtime.entity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stored name of an entity type, on its interface. Without it the interface's simple
 * name is used; give one when renaming or moving the interface, so stored rows still match.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EntityName {
    String value();

    /** The name an entity interface is stored and addressed under. */
    final class Of {
        private Of() {
        }

        public static String type(Class<?> entityInterface) {
            EntityName name = entityInterface.getAnnotation(EntityName.class);
            return name != null ? name.value() : entityInterface.getSimpleName();
        }
    }
}
