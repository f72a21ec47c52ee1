package io.kapture.v4l2;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the C expression a constant of the binding stands for: {@code sizeof(struct v4l2_buffer)},
 * {@code offsetof(struct v4l2_buffer, m.planes)}, {@code VIDIOC_QBUF}, {@code O_NONBLOCK}, ...
 *
 * <p>Kept at run time so that the ABI check can find every such constant, compile a C program printing each
 * expression against the kernel's own headers and compare the values one by one: a constant of the binding
 * without this annotation fails that check, so nothing escapes it. Immutable metadata; thread-safe.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface AbiName {

    /** The C expression, compiled as is after including the kernel and libc headers. */
    String value();
}
