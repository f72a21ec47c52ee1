package io.kapture.processor.recorder;

/**
 * The disk (file system) holding Kapture's storage directory, as {@code df} counts it, at one moment.
 *
 * <p>Immutable; safe from any thread.
 *
 * @param totalBytes     the file system's size
 * @param usedBytes      bytes in use (total less unallocated), what {@code max.disk.percent} limits
 * @param availableBytes bytes a writer without root's reserve may still use ({@code df}'s "available")
 */
public record StorageSpace(long totalBytes, long usedBytes, long availableBytes) {
}
