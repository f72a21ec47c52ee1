package io.kapture.v4l2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.kapture.api.PixelFormat;

/**
 * Finds every constant of the binding: each public static primitive field of every class in the exported
 * packages {@code io.kapture.v4l2} and {@code io.kapture.v4l2.structs}, read from the compiled classes so that a
 * class added later is covered without a list to update. Used by the ABI check only; single-threaded.
 */
final class AbiConstants {

    /**
     * The header's name of each of kapture-api's pixel formats, whose fourccs the binding passes to the driver as
     * they are; a format missing here is reported as unchecked.
     */
    private static final Map<PixelFormat, String> PIXEL_FORMATS = Map.ofEntries(Map.entry(PixelFormat.YUYV, "YUYV"),
            Map.entry(PixelFormat.UYVY, "UYVY"), Map.entry(PixelFormat.NV12, "NV12"),
            Map.entry(PixelFormat.YU12, "YUV420"), Map.entry(PixelFormat.NV21, "NV21"),
            Map.entry(PixelFormat.YV12, "YVU420"), Map.entry(PixelFormat.NV16, "NV16"),
            Map.entry(PixelFormat.RGB24, "RGB24"), Map.entry(PixelFormat.BGR24, "BGR24"),
            Map.entry(PixelFormat.GREY, "GREY"), Map.entry(PixelFormat.MJPEG, "MJPEG"),
            Map.entry(PixelFormat.H264, "H264"));

    /** One constant: the field, the C expression it stands for (null if unannotated) and its Java value. */
    record Constant(String field, String expression, long value, boolean isInt) {
    }

    private AbiConstants() {
    }

    static List<Constant> all() {
        List<Constant> constants = new ArrayList<>();
        for (Class<?> type : bindingClasses()) {
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                Class<?> kind = field.getType();
                if (!Modifier.isStatic(modifiers) || !Modifier.isPublic(modifiers)
                        || !(kind == int.class || kind == long.class || kind == short.class)) {
                    continue;
                }
                AbiName name = field.getAnnotation(AbiName.class);
                constants.add(new Constant(type.getSimpleName() + "." + field.getName(),
                        name == null ? null : name.value(), read(field), kind != long.class));
            }
        }
        for (PixelFormat format : PixelFormat.values()) {
            String name = PIXEL_FORMATS.get(format);
            constants.add(new Constant("PixelFormat." + format.name(), name == null ? null : "V4L2_PIX_FMT_" + name,
                    format.fourcc(), true));
        }
        constants.sort(Comparator.comparing(Constant::field));
        return constants;
    }

    private static long read(Field field) {
        try {
            return field.getType() == long.class ? field.getLong(null) : field.getInt(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private static List<Class<?>> bindingClasses() {
        Path classes = classesRoot().resolve("io/kapture/v4l2");
        List<Class<?>> types = new ArrayList<>();
        for (Path folder : List.of(classes, classes.resolve("structs"))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String simple = file.getFileName().toString().replace(".class", "");
                    String pkg = folder.equals(classes) ? "io.kapture.v4l2." : "io.kapture.v4l2.structs.";
                    types.add(Class.forName(pkg + simple));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return types;
    }

    private static Path classesRoot() {
        try {
            return Path.of(V4l2.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
