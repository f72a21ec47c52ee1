package io.kapture.processor.recorder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.kapture.processor.recorder.RetentionStatus;
import io.kapture.testing.ComponentConfig;

/**
 * Storage retention's error tells the present (what {@code kapture_storage_retention_error} and JMX show): a pass's
 * problem until a pass meets none, a refused configuration until a valid one is applied.
 */
class RetentionErrorTest {

    @TempDir
    Path root;

    @Test
    void aPassWithoutProblemsClearsTheErrorOfThePassBefore() {
        AtomicBoolean diskUnreadable = new AtomicBoolean(true);
        StorageRetention retention = new StorageRetention(root, Set::of, new RetentionPass.Disk() {
            @Override
            public long usedBytes() throws IOException {
                if (diskUnreadable.get()) {
                    throw new IOException("Input/output error");
                }
                return 10;
            }

            @Override
            public long availableBytes() {
                return 90;
            }
        }, System::currentTimeMillis);
        try {
            retention.apply(new RetentionSettings(0, 90, 0, 60_000)); // its first pass may run at any time now
            retention.runPass();
            RetentionStatus failed = retention.status();
            diskUnreadable.set(false);
            retention.runPass(); // after any pass apply started: passes never overlap
            RetentionStatus recovered = retention.status();

            assertEquals(Optional.of("reading the disk usage of " + root + ": Input/output error"), failed.lastError());
            assertEquals(Optional.empty(), recovered.lastError(), recovered.line());
            assertTrue(recovered.passes() >= 2, recovered.line());
        } finally {
            retention.close();
        }
    }

    @Test
    void aRefusedConfigurationIsShownUntilAValidOneIsApplied() {
        RecordingsService service = new RecordingsService(root);
        ComponentConfig<RetentionConfig> retention = ComponentConfig.of(RetentionConfig.class);
        try {
            service.modified(retention.with("max.age.days", 14).as(config -> config));
            service.modified(retention.with("max.disk.percent", 150).as(config -> config));
            service.storageRetention().runPass(); // a pass without problems: the refusal still holds
            Optional<String> refused = service.retention().lastError();
            service.modified(retention.with("max.age.days", 7).as(config -> config));
            RetentionStatus applied = service.retention();

            assertTrue(refused.orElseThrow().contains("max.disk.percent must be from 0 (no limit) to 99"),
                    refused.toString());
            assertEquals("age 7 days", applied.limits());
            assertEquals(Optional.empty(), applied.lastError(), applied.line());
        } finally {
            service.deactivate();
        }
    }
}
