package io.kapture.vivid;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Makes Kapture's Declarative Services components outside OSGi the way SCR makes them: through their public
 * activation constructor, with each configuration annotation implemented from its declared defaults (plus the
 * few overrides a check asks for) and each reference given by type; and deactivates them as SCR does, through
 * their {@code deactivate()} method. So the guest drives the very components Karaf runs, not copies of them.
 * Configuration annotations are bundle-private types, which only reflection can implement, as SCR itself does.
 *
 * <p>Stateless; thread-safe.
 */
final class Components {

    private Components() {
    }

    /**
     * A component made with its configuration's defaults.
     *
     * @param type       the component class (public, with one public constructor)
     * @param overrides  configuration values by annotation method name ({@code hotplug}, {@code max_bytes}, ...)
     * @param references services the constructor takes, matched by type
     */
    static <T> T activate(Class<T> type, Map<String, Object> overrides, Object... references) {
        Constructor<?>[] constructors = type.getConstructors();
        if (constructors.length != 1) {
            throw new IllegalArgumentException(type.getName() + " has " + constructors.length
                    + " public constructors; expected the one activation constructor");
        }
        Constructor<?> constructor = constructors[0];
        Class<?>[] parameters = constructor.getParameterTypes();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            arguments[i] = parameters[i].isAnnotation()
                    ? configuration(parameters[i], overrides)
                    : reference(type, parameters[i], references);
        }
        try {
            return type.cast(constructor.newInstance(arguments));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(type.getSimpleName() + " failed to activate: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type.getName() + ": " + e, e);
        }
    }

    /** Calls the component's {@code deactivate()} if it has one, as SCR does when the component goes away. */
    static void deactivate(Object component) {
        Method deactivate;
        try {
            deactivate = component.getClass().getDeclaredMethod("deactivate");
        } catch (NoSuchMethodException none) {
            return;
        }
        try {
            deactivate.setAccessible(true);
            deactivate.invoke(component);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("deactivating " + component.getClass().getSimpleName() + " failed: " + e, e);
        }
    }

    /**
     * Binds a service to a component's dynamic reference through its bind method ({@code addArrivalListener}, for
     * example), as SCR does; bind methods are package-private, so this goes through reflection as SCR's does.
     */
    static void bind(Object component, String bindMethod, Class<?> type, Object service) {
        try {
            Method bind = component.getClass().getDeclaredMethod(bindMethod, type);
            bind.setAccessible(true);
            bind.invoke(component, service);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("binding " + type.getSimpleName() + " to "
                    + component.getClass().getSimpleName() + "." + bindMethod + " failed: " + e, e);
        }
    }

    /** An instance of a configuration annotation answering each method with its override or its default. */
    static Object configuration(Class<?> annotation, Map<String, Object> overrides) {
        return Proxy.newProxyInstance(annotation.getClassLoader(), new Class<?>[] {annotation},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> annotation;
                    case "toString" -> annotation.getSimpleName() + overrides;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> {
                        Object value = overrides.containsKey(method.getName()) ? overrides.get(method.getName())
                                : method.getDefaultValue();
                        if (value == null) {
                            throw new IllegalStateException(annotation.getName() + "." + method.getName()
                                    + " has no default; give it as an override");
                        }
                        yield value;
                    }
                });
    }

    private static Object reference(Class<?> component, Class<?> wanted, Object[] references) {
        for (Object reference : references) {
            if (wanted.isInstance(reference)) {
                return reference;
            }
        }
        throw new IllegalArgumentException(component.getSimpleName() + " needs a " + wanted.getName()
                + " reference; none was given");
    }
}
