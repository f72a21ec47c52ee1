package io.kapture.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Sets a {@link FrameListener} component's subscription properties in one annotation:
 * {@code @FrameSubscription(camera = "cam0", dropPolicy = DropPolicy.DROP_OLDEST, queueCapacity = 4)}.
 * Values left at their defaults fall back to the camera's defaults.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FrameSubscription {

    /** Prefix that turns {@code camera} into {@code kapture.camera} and so on. */
    String PREFIX_ = "kapture.";

    /** Camera names to receive; {@code "*"} for all. Becomes {@link FrameListener#CAMERA}. */
    String[] camera() default FrameListener.ALL_CAMERAS;

    /** Becomes {@link FrameListener#QUEUE_CAPACITY}; 0 means the camera's default. */
    int queue_capacity() default 0;

    /** Becomes {@link FrameListener#DROP_POLICY}; empty means the camera's default. */
    String drop_policy() default "";

    /** Becomes {@link FrameListener#BLOCK_TIMEOUT_MS}. */
    long block_timeout_ms() default 1000;

    /** Becomes {@link FrameListener#NAME}; empty means the class name. */
    String listener_name() default "";

    /** Becomes {@link FrameListener#CAPTURE_THREAD}: called on the capture thread, with no queue; read its cost. */
    boolean capture_thread() default false;

    /**
     * Becomes {@link FrameListener#DELIVERY_THREAD}: always on a delivery thread of its own, never called on the
     * capture thread; for listeners that block or work long per frame.
     *
     * @since 1.4
     */
    boolean delivery_thread() default false;
}
