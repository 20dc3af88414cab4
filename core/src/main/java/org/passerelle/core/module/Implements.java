package org.passerelle.core.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a module implements. The server advertises {@code features} in disco#info of each hosted
 * domain, {@code accountFeatures} in disco#info of each account's bare JID and {@code roomFeatures}
 * in disco#info of each chat room (a MUC service asks {@link Features#room()}), only while the
 * module runs, and the docs' feature list is generated from these annotations.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Implements.List.class)
public @interface Implements {
    /** "XEP-0199", "RFC 6121". */
    String spec();

    /** The version of the specification implemented. */
    String version() default "";

    String[] features() default {};

    String[] accountFeatures() default {};

    /** What the module adds to every room of the MUC service (a room archive). */
    String[] roomFeatures() default {};

    /** What is left out, if anything. */
    String note() default "";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Implements[] value();
    }
}
