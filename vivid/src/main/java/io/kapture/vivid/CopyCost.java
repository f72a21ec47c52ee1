package io.kapture.vivid;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * What each candidate for the pool strategy's frame copy costs in the vivid guest, in the thread's CPU time, which
 * the benchmark's instruction-counted guest (qemu {@code -icount shift=0}) makes an instruction count: libc's
 * {@code memcpy} through JNA direct mapping with the buffers as arguments (what the pool called until this
 * measurement), the JDK's absolute bulk {@link ByteBuffer#put(int, ByteBuffer, int, int)},
 * {@code sun.misc.Unsafe.copyMemory} on the two addresses, and a loop of 8-byte {@code getLong}/{@code putLong}:
 * the candidates benchmarks' {@code FrameCopyBenchmark} times on the host. Each is warmed up first with small copies
 * (the JIT compiles the caller as it would the pool's path; a small copy is cheap under emulation), then timed over
 * {@code --copies} copies of {@code --bytes} between two direct buffers, one of each candidate in turn, every result
 * checked. Prints one line
 * {@code @@COPY name=instructions-per-copy ...}. Run it with {@code -XX:TieredStopAtLevel=1} to see the copies as
 * C1 compiles their callers (the distribution's raised C2 thresholds keep the per-frame path there for long).
 *
 * <p>Usage: {@code CopyCost [--bytes 460800] [--copies 100] [--warm-up 20000] [--pairs 1]}: {@code --pairs N > 1}
 * goes round N pairs of buffers, so that on a host with a last-level cache smaller than them each copy meets memory
 * the caches no longer hold. Runs on the main thread only.
 */
public final class CopyCost {

    private static final int WARM_UP_BYTES = 256;

    /** A copy of {@code length} bytes from index 0 of one direct buffer to index 0 of another. */
    private interface Copy {
        void copy(ByteBuffer source, ByteBuffer target, int length);
    }

    private CopyCost() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        Map<String, String> options = options(args);
        int bytes = Integer.parseInt(options.getOrDefault("bytes", "460800"));
        int copies = Integer.parseInt(options.getOrDefault("copies", "100"));
        int warmUp = Integer.parseInt(options.getOrDefault("warm-up", "20000"));
        int pairs = Integer.parseInt(options.getOrDefault("pairs", "1"));
        Native.register(LibC.class, Platform.C_LIBRARY_NAME);
        Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        sun.misc.Unsafe unsafe = (sun.misc.Unsafe) field.get(null);

        Map<String, Copy> candidates = new LinkedHashMap<>();
        candidates.put("jna_memcpy", (source, target, length) -> LibC.memcpy(target, source, length));
        candidates.put("bytebuffer_put", (source, target, length) -> target.put(0, source, 0, length));
        candidates.put("unsafe_copymemory", (source, target, length) -> unsafe.copyMemory(address(source),
                address(target), length));
        candidates.put("long_loop", CopyCost::longLoop);

        ByteBuffer[] sources = new ByteBuffer[pairs];
        ByteBuffer[] targets = new ByteBuffer[pairs];
        for (int p = 0; p < pairs; p++) {
            sources[p] = ByteBuffer.allocateDirect(bytes);
            targets[p] = ByteBuffer.allocateDirect(bytes);
            for (int i = 0; i < bytes; i++) {
                sources[p].put(i, (byte) (i * 31 + p));
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Copy copy : candidates.values()) {
            for (int i = 0; i < warmUp; i++) {
                copy.copy(sources[0], targets[0], WARM_UP_BYTES);
            }
        }
        // round-robin, one copy of each candidate per round: on a busy host a disturbance hits them all alike
        Map<String, long[]> samples = new LinkedHashMap<>();
        candidates.keySet().forEach(name -> samples.put(name, new long[copies]));
        int turn = 0;
        for (int i = 0; i < copies; i++) {
            for (Map.Entry<String, Copy> candidate : candidates.entrySet()) {
                ByteBuffer source = sources[turn % pairs];
                ByteBuffer target = targets[turn % pairs];
                turn++;
                target.put(0, (byte) ~source.get(0));
                long before = threads.getCurrentThreadCpuTime();
                candidate.getValue().copy(source, target, bytes);
                samples.get(candidate.getKey())[i] = threads.getCurrentThreadCpuTime() - before;
                if (target.mismatch(source) != -1) {
                    throw new IllegalStateException(candidate.getKey() + " did not copy the buffer exactly: first "
                            + "difference at " + target.mismatch(source));
                }
            }
        }
        StringBuilder line = new StringBuilder("@@COPY bytes=" + bytes + " copies=" + copies + " warm_up=" + warmUp
                + " pairs=" + pairs);
        samples.forEach((name, nanos) -> {
            Arrays.sort(nanos);
            line.append(String.format(Locale.ROOT, " %s=%d %s_min=%d %s_p10=%d", name, nanos[copies / 2], name,
                    nanos[0], name, nanos[copies / 10]));
        });
        System.out.println(line);
    }

    private static void longLoop(ByteBuffer source, ByteBuffer target, int length) {
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            target.putLong(i, source.getLong(i));
        }
        for (; i < length; i++) {
            target.put(i, source.get(i));
        }
    }

    private static long address(ByteBuffer buffer) {
        return Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --bytes, --copies or --warm-up with a value, got '"
                        + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    /** libc's memcpy, direct-mapped as the pool's former copy mapped it. */
    private static final class LibC {
        static native void memcpy(ByteBuffer target, ByteBuffer source, long length);
    }
}
