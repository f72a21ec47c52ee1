package io.kapture.processor.recorder.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapture.processor.recorder.RetentionStatus;

/**
 * Keeps Kapture's storage directory within its limits: runs a {@link RetentionPass} every
 * {@code interval.seconds} on a thread of its own ({@code kapture-retention}), never on SCR's or a camera's, adds
 * up what the passes deleted, and logs one line for a pass that deleted something or met a problem (not one per
 * file). Nothing runs while every limit is 0. Its error tells the present, for alerts: the last pass's first
 * problem (a pass without one clears it) and a refused configuration (until a valid one is applied).
 *
 * <p>Threading contract: {@link #apply}, {@link #status} and {@link #close} may be called from any thread and
 * return at once; passes run one at a time on the retention thread (or on the caller of {@link #runPass}), under
 * a lock of their own, and touch the shared figures only briefly, when a pass is done.
 */
final class StorageRetention implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StorageRetention.class);

    private final Path root;
    private final Supplier<Set<Path>> inUse;
    private final RetentionPass.Disk disk;
    private final LongSupplier clock;
    private final ScheduledExecutorService thread;
    private final Object lock = new Object();
    /** Held while a pass runs, so that passes never overlap; never taken under {@link #lock}. */
    private final Object passLock = new Object();

    // guarded by lock
    private RetentionSettings settings = new RetentionSettings(0, 0, 0, 60_000);
    private ScheduledFuture<?> schedule;
    private long passes;
    private long byAge;
    private long bySize;
    private long byDisk;
    private long bytesDeleted;
    private long filesKept;
    private long bytesKept;
    private long lastPassMillis;
    /** The first problem of the last pass (or why it failed); null once a pass meets none. */
    private String passError;
    /** Why the last configuration was refused; null once a valid one is applied. */
    private String refusal;

    StorageRetention(Path root, Supplier<Set<Path>> inUse, RetentionPass.Disk disk, LongSupplier clock) {
        this.root = root;
        this.inUse = inUse;
        this.disk = disk;
        this.clock = clock;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread worker = new Thread(task, "kapture-retention");
            worker.setDaemon(true);
            return worker;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.thread = executor;
    }

    /** The disk holding {@code root}, as {@code df} counts it. */
    static RetentionPass.Disk diskOf(Path root) {
        return new RetentionPass.Disk() {
            @Override
            public long usedBytes() throws IOException {
                FileStore store = Files.getFileStore(root);
                return store.getTotalSpace() - store.getUnallocatedSpace();
            }

            @Override
            public long availableBytes() throws IOException {
                return Files.getFileStore(root).getUsableSpace();
            }
        };
    }

    /** Enforces these limits from now on, the first pass at once; every limit 0 stops the passes. */
    void apply(RetentionSettings newSettings) {
        synchronized (lock) {
            settings = newSettings;
            refusal = null;
            if (schedule != null) {
                schedule.cancel(false);
                schedule = null;
            }
            if (newSettings.enforcesAny()) {
                schedule = thread.scheduleWithFixedDelay(this::scheduledPass, 0, newSettings.intervalMillis(),
                        TimeUnit.MILLISECONDS);
                LOG.info("Storage retention in {}: {}, a pass every {} s", root, newSettings.describe(),
                        newSettings.intervalMillis() / 1000);
            }
        }
    }

    /** Records a configuration that could not be used, which {@link #status} shows until a valid one is applied. */
    void refuse(String problem) {
        synchronized (lock) {
            refusal = problem;
        }
    }

    /** Runs one pass now, on the calling thread, after any pass running (passes never overlap). */
    RetentionPass.Outcome runPass() {
        synchronized (passLock) {
            RetentionSettings limits;
            synchronized (lock) {
                limits = settings;
            }
            // the pass reads and deletes files without holding the lock, so status() answers meanwhile
            RetentionPass.Outcome outcome = RetentionPass.run(root, limits, inUse, disk, clock.getAsLong());
            count(outcome, limits);
            return outcome;
        }
    }

    private void count(RetentionPass.Outcome outcome, RetentionSettings limits) {
        synchronized (lock) {
            passes++;
            byAge += outcome.byAge();
            bySize += outcome.bySize();
            byDisk += outcome.byDisk();
            bytesDeleted += outcome.bytesDeleted();
            filesKept = outcome.filesKept();
            bytesKept = outcome.bytesKept();
            lastPassMillis = clock.getAsLong();
            passError = outcome.errors().isEmpty() ? null : outcome.errors().get(0);
        }
        log(outcome, limits);
    }

    /** What retention did, and what keeps it from working now: a refused configuration, the last pass's problem. */
    RetentionStatus status() {
        synchronized (lock) {
            String problem = refusal == null ? passError : passError == null ? refusal : refusal + "; " + passError;
            return new RetentionStatus(settings.describe(), passes, byAge, bySize, byDisk, bytesDeleted, filesKept,
                    bytesKept, lastPassMillis, Optional.ofNullable(problem));
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private void scheduledPass() {
        try {
            runPass();
        } catch (RuntimeException e) {
            // a pass that failed must not end the schedule: the next one may find the disk back
            synchronized (lock) {
                passError = e.toString();
            }
            LOG.warn("Storage retention pass in {} failed: {}", root, e.toString());
        }
    }

    private void log(RetentionPass.Outcome outcome, RetentionSettings limits) {
        if (outcome.deleted() == 0 && outcome.errors().isEmpty()) {
            return;
        }
        String line = String.format("Storage retention (%s) deleted %d files, %d bytes (%d by age, %d by size, %d by"
                + " disk usage); %d files, %d bytes kept in %s", limits.describe(), outcome.deleted(),
                outcome.bytesDeleted(), outcome.byAge(), outcome.bySize(), outcome.byDisk(), outcome.filesKept(),
                outcome.bytesKept(), root);
        if (outcome.errors().isEmpty()) {
            LOG.info(line);
        } else {
            LOG.warn("{}; {} problems, the first: {}", line, outcome.errors().size(), outcome.errors().get(0));
        }
    }
}
