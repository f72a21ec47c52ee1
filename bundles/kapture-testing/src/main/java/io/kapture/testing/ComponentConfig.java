package io.kapture.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A component's configuration annotation as SCR makes it from a configuration: each attribute has the value of the
 * property of its name ({@code interval_seconds()} reads {@code interval.seconds}, {@code a__b()} reads
 * {@code a_b}) if a test set one with {@link #with}, and the annotation's own default otherwise, so tests run
 * against the defaults the metatype declares rather than a copy of them. Attributes without a default and without
 * a value give null, or zero for primitives.
 *
 * <p>Immutable: {@link #with} returns a new configuration, so a base configuration can be shared. Safe from any
 * thread, as are the annotation instances it builds.
 *
 * @param <A> the configuration annotation type
 */
public final class ComponentConfig<A extends Annotation> {

    private final Class<A> type;
    private final Map<String, Method> attributes;
    private final Map<String, Object> values;

    private ComponentConfig(Class<A> type, Map<String, Method> attributes, Map<String, Object> values) {
        this.type = type;
        this.attributes = attributes;
        this.values = values;
    }

    /** The configuration with every attribute at its default. */
    public static <A extends Annotation> ComponentConfig<A> of(Class<A> type) {
        if (!type.isAnnotation()) {
            throw new IllegalArgumentException(type.getName() + " is not an annotation type");
        }
        Map<String, Method> attributes = new HashMap<>();
        for (Method attribute : type.getDeclaredMethods()) {
            attributes.put(propertyName(attribute.getName()), attribute);
        }
        return new ComponentConfig<>(type, Map.copyOf(attributes), Map.of());
    }

    /**
     * This configuration with one property set, or back at its default when {@code value} is null.
     *
     * @param property the property's name as in a configuration file, such as {@code interval.seconds}
     * @param value    a value of the attribute's type (boxed for primitives), or null
     * @throws IllegalArgumentException if there is no such property or the value has another type
     */
    public ComponentConfig<A> with(String property, Object value) {
        Method attribute = attributes.get(property);
        if (attribute == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no property '" + property
                    + "'; it has " + attributes.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        Class<?> wanted = boxed(attribute.getReturnType());
        if (value != null && !wanted.isInstance(value)) {
            throw new IllegalArgumentException("property '" + property + "' of " + type.getSimpleName() + " is "
                    + attribute.getReturnType().getSimpleName() + ", not " + value.getClass().getSimpleName() + " "
                    + value);
        }
        Map<String, Object> changed = new HashMap<>(values);
        if (value == null) {
            changed.remove(property);
        } else {
            changed.put(property, value);
        }
        return new ComponentConfig<>(type, attributes, Map.copyOf(changed));
    }

    /** An instance of the annotation with these values. */
    public A build() {
        Object instance = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "annotationType" -> type;
                    case "toString" -> "@" + type.getName() + values;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> value(method);
                });
        return type.cast(instance);
    }

    /** The annotation with these values converted, typically by the component's settings factory. */
    public <S> S as(Function<? super A, S> conversion) {
        return conversion.apply(build());
    }

    private Object value(Method attribute) {
        Object value = values.get(propertyName(attribute.getName()));
        if (value == null) {
            value = attribute.getDefaultValue();
        }
        if (value == null) {
            return attribute.getReturnType().isPrimitive() ? zero(attribute.getReturnType()) : null;
        }
        return value.getClass().isArray() ? copyOf(value) : value;
    }

    /** The zero value of a primitive type, boxed: 0, 0.0, false. */
    private static Object zero(Class<?> primitive) {
        return Array.get(Array.newInstance(primitive, 1), 0);
    }

    private static Object copyOf(Object array) {
        Object copy = Array.newInstance(array.getClass().getComponentType(), Array.getLength(array));
        System.arraycopy(array, 0, copy, 0, Array.getLength(array));
        return copy;
    }

    /** The property name of an attribute, by the Declarative Services rules for '_' and '$'. */
    static String propertyName(String attribute) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < attribute.length(); i++) {
            char c = attribute.charAt(i);
            boolean doubled = i + 1 < attribute.length() && attribute.charAt(i + 1) == c;
            if (c == '_' || c == '$') {
                if (doubled) {
                    name.append(c);
                    i++;
                } else if (c == '_') {
                    name.append('.');
                }
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    private static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? zero(type).getClass() : type;
    }
}
