package io.kapture.v4l2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.jna.Native;

import io.kapture.v4l2.AbiConstants.Constant;
import io.kapture.v4l2.structs.V4l2Buffer;

/**
 * The ABI check: compiles, with the system C compiler, a program that prints every constant of the binding as
 * the kernel's {@code linux/videodev2.h} and libc's headers define it ({@code sizeof}, {@code offsetof}, ioctl
 * request codes, flags, errno values), and asserts that the Java side agrees on every single one. Skipped, with
 * a message saying why, only where no C compiler or no kernel header is installed.
 */
class AbiCheckTest {

    private static final Path HEADER = Path.of("/usr/include/linux/videodev2.h");

    @TempDir
    static Path work;

    private static List<Constant> constants;
    private static Map<String, Long> header;

    @BeforeAll
    static void compileAndRun() throws IOException, InterruptedException {
        constants = AbiConstants.all();
        String compiler = findCompiler();
        Assumptions.assumeTrue(compiler != null, "ABI check skipped: no C compiler (cc or gcc) on PATH");
        Assumptions.assumeTrue(Files.isReadable(HEADER),
                "ABI check skipped: " + HEADER + " not installed (Debian: apt-get install linux-libc-dev)");
        Path source = work.resolve("abi.c");
        Files.writeString(source, program(constants));
        Path binary = work.resolve("abi");
        run(List.of(compiler, "-std=gnu11", "-Wall", "-Werror", "-o", binary.toString(), source.toString()));
        header = parse(run(List.of(binary.toString())));
    }

    @Test
    void everyConstantNamesItsCExpression() {
        List<String> unnamed = constants.stream().filter(c -> c.expression() == null).map(Constant::field).toList();
        assertTrue(unnamed.isEmpty(), "binding constants without @AbiName, so unchecked: " + unnamed);
        assertTrue(constants.size() > 200, "found only " + constants.size() + " constants; is the scan broken?");
    }

    @Test
    void javaAgreesWithTheKernelHeaderOnEveryConstant() {
        List<String> mismatches = compare(constants, header);
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " of " + constants.size() + " ABI constants disagree with " + HEADER
                    + " (Java vs C):\n  " + String.join("\n  ", mismatches));
        }
    }

    @Test
    void aSingleDriftedOffsetIsReported() {
        List<Constant> drifted = new ArrayList<>(constants);
        int at = indexOf(drifted, "V4l2Buffer.SEQUENCE");
        Constant original = drifted.get(at);
        drifted.set(at, new Constant(original.field(), original.expression(), V4l2Buffer.SEQUENCE + 4, true));
        List<String> mismatches = compare(drifted, header);
        assertEquals(1, mismatches.size(), "exactly the drifted constant must be reported: " + mismatches);
        assertTrue(mismatches.get(0).contains("V4l2Buffer.SEQUENCE"), mismatches.get(0));
    }

    @Test
    void pointersAndLongsAreSixtyFourBit() {
        assertEquals(8, Native.POINTER_SIZE, "the binding's layouts are those of 64-bit Linux");
        assertEquals(8, Native.LONG_SIZE, "ioctl request codes are passed as a 64-bit unsigned long");
    }

    @Test
    void ioctlNamesComeFromTheirCodes() {
        assertEquals("VIDIOC_DQBUF", V4l2.ioctlName(V4l2.VIDIOC_DQBUF));
        assertEquals("VIDIOC_QUERY_EXT_CTRL", V4l2.ioctlName(V4l2.VIDIOC_QUERY_EXT_CTRL));
        assertEquals("ioctl 0x1234", V4l2.ioctlName(0x1234));
    }

    private static List<String> compare(List<Constant> expected, Map<String, Long> actual) {
        List<String> mismatches = new ArrayList<>();
        for (Constant constant : expected) {
            Long c = actual.get(constant.field());
            if (c == null) {
                mismatches.add(constant.field() + ": the C program printed no value for " + constant.expression());
            } else if (!agrees(constant, c)) {
                mismatches.add(constant.field() + " = " + constant.value() + " but " + constant.expression() + " = " + c);
            }
        }
        return mismatches;
    }

    /** An int constant agrees if the C value fits in 32 bits (signed or unsigned) and has the same bits. */
    private static boolean agrees(Constant constant, long c) {
        if (!constant.isInt()) {
            return constant.value() == c;
        }
        boolean fits = c >= Integer.MIN_VALUE && c <= 0xffffffffL;
        return fits && (int) c == (int) constant.value();
    }

    private static String program(List<Constant> constants) {
        StringBuilder c = new StringBuilder("""
                #include <stdio.h>
                #include <stddef.h>
                #include <errno.h>
                #include <fcntl.h>
                #include <poll.h>
                #include <sys/mman.h>
                #include <linux/videodev2.h>

                int main(void) {
                """);
        for (Constant constant : constants) {
            if (constant.expression() != null) {
                c.append("    printf(\"%s %lld\\n\", \"").append(constant.field()).append("\", (long long) (")
                        .append(constant.expression()).append("));\n");
            }
        }
        return c.append("    return 0;\n}\n").toString();
    }

    private static Map<String, Long> parse(String output) {
        Map<String, Long> values = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2) {
                values.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return values;
    }

    private static int indexOf(List<Constant> list, String field) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).field().equals(field)) {
                return i;
            }
        }
        throw new AssertionError(field + " not among the constants");
    }

    private static String findCompiler() {
        for (String name : List.of("cc", "gcc")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command.get(0) + " did not finish within 60 s");
        }
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
