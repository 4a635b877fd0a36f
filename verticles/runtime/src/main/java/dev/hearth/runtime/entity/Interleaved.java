package dev.hearth.runtime.entity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an entity interface or one of its methods: such calls do not wait for the current
 * call to finish, they run between its steps. Use it for reads that must stay answerable
 * while a long call awaits something. By default calls take turns, one at a time.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Interleaved {
}
