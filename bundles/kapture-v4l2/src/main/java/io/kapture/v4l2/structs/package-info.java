/**
 * The V4L2 structs as native memory with typed accessors: one class per struct, its size and field offsets as
 * {@link io.kapture.v4l2.AbiName}-annotated constants that the ABI check compares with
 * {@code linux/videodev2.h}. The layouts are those of 64-bit Linux (x86-64 and arm64 agree); 32-bit ABIs differ
 * in {@code v4l2_buffer} (a 32-bit {@code timeval} and pointer), {@code v4l2_format}'s alignment and every struct
 * with a pointer, and are not supported.
 *
 * <p>Not exported (see {@link io.kapture.v4l2}): reachable from the plain class path only.
 */
package io.kapture.v4l2.structs;
