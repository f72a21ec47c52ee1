/**
 * The soak test: Kapture's whole pipeline (engine sessions, frame pool, copy/pool/zero-copy delivery, synthetic
 * cameras) run for a long time outside OSGi, to show that nothing grows without bound.
 *
 * <pre>
 * mvn -B -o -q package -pl benchmarks        # builds benchmarks/target/benchmarks.jar
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar io.kapture.benchmarks.soak.Soak \
 *      --cameras 4 --subscribers 4 --minutes 30 [--width 320 --height 240 --fps 200] \
 *      [--churn-seconds 20] [--sample-seconds 60] [--delivery pool,zerocopy,copy]
 * </pre>
 *
 * <p>Every camera streams YUYV from its own synthetic device at {@code --fps} (0 = unthrottled) to
 * {@code --subscribers} subscribers, half lossless ({@code BLOCK}) and half {@code DROP_OLDEST}, each checking
 * that every frame names its camera and that every 16th frame's pixels carry the sequence number its metadata
 * says. Every {@code --churn-seconds} one camera is stopped and started and one subscriber replaced, in turn, so
 * that stream and subscriber life cycles are soaked as well as frames.
 *
 * <p>Once per {@code --sample-seconds} (a minute by default) it prints one row: heap in use after a full GC,
 * direct-buffer memory and count, open descriptors ({@code /proc/self/fd}), memory mappings
 * ({@code /proc/self/maps}), live threads, GC count and total GC time, frames captured, delivered and dropped by
 * queue policy, driver sequence gaps, listener errors, pooled buffers out, bytes the frame pool holds, and frames
 * with a wrong camera or stale pixels.
 *
 * <p>Exit status: 0 when all is well; 2 for bad options; 1 if a frame reached the wrong subscriber or showed
 * stale pixels, a listener call failed, the pool has buffers out after every camera stopped, a camera is not
 * running at the end, or a figure grows without bound. The growth rule ({@link io.kapture.benchmarks.soak.GrowthRule}):
 * the baseline is the minute-2 sample; a least-squares line is fitted through the second half of the samples
 * from there; a figure is unbounded when its slope exceeds the figure's limit AND its last value exceeds the
 * baseline by more than the figure's allowed rise (heap 2 MiB/min and 32 MiB, direct memory 1 MiB/min and 16 MiB,
 * descriptors 0.5/min and 8, mappings 2/min and 64, threads 0.5/min and 8, pool bytes 1 MiB/min and 16 MiB; for
 * the per-minute rates of GC time, queue drops and driver gaps 20 ms/min, 200/min and 200/min per minute with a
 * rise of 500 ms, 2000 and 2000). A verdict needs at least five samples.
 */
package io.kapture.benchmarks.soak;
