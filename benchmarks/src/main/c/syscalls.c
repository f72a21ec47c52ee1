/*
 * The per-frame system calls of V4L2 capture, made from C: the reference line for the same calls made from Java
 * through kapture-v4l2's JNA binding (SyscallBenchmark). Without a V4L2 device it makes the same kinds of call
 * on a real descriptor (a temporary regular file): poll() with one pollfd and a zero time-out, and ioctl() with
 * a pointer to a 88-byte struct v4l2_buffer-sized argument (FIONREAD, which the kernel answers for regular
 * files). Each ioctl is prepared and read back as the capture loop does for DQBUF and QBUF.
 *
 * Usage: syscalls FILE ITERATIONS. Prints one line per measurement: "<name> <nanoseconds per call>".
 * Single-threaded; exits non-zero with a message if a call fails.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

struct buffer_like {            /* struct v4l2_buffer on x86-64: 88 bytes */
    uint32_t index, type, bytesused, flags, field, pad;
    int64_t tv_sec, tv_usec;
    uint32_t timecode[4];
    uint32_t sequence, memory;
    uint64_t m;
    uint32_t length, reserved2, request_fd, pad2;
};

static volatile uint64_t sink;

static int64_t now_nanos(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void fail(const char *what) {
    perror(what);
    exit(1);
}

static void poll_once(int fd) {
    struct pollfd entry = {.fd = fd, .events = POLLIN | POLLPRI};
    if (poll(&entry, 1, 0) < 0) {
        fail("poll");
    }
    sink += entry.revents;
}

static void ioctl_once(int fd, struct buffer_like *buffer) {
    memset(buffer, 0, sizeof *buffer);
    buffer->type = 1;
    buffer->memory = 1;
    if (ioctl(fd, FIONREAD, buffer) < 0) {
        fail("ioctl");
    }
    sink += buffer->index + buffer->bytesused + buffer->flags + buffer->sequence + buffer->tv_sec;
}

static void report(const char *name, int64_t start, long iterations) {
    printf("%s %.1f\n", name, (double) (now_nanos() - start) / iterations);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s FILE ITERATIONS\n", argv[0]);
        return 2;
    }
    long iterations = atol(argv[2]);
    int fd = open(argv[1], O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        fail("open");
    }
    struct buffer_like buffer;
    for (int round = 0; round < 2; round++) {   /* the first round warms caches and the branch predictor */
        int64_t start = now_nanos();
        for (long i = 0; i < iterations; i++) {
            poll_once(fd);
        }
        if (round == 1) report("poll", start, iterations);
        start = now_nanos();
        for (long i = 0; i < iterations; i++) {
            ioctl_once(fd, &buffer);
        }
        if (round == 1) report("ioctl", start, iterations);
        start = now_nanos();
        for (long i = 0; i < iterations; i++) {
            poll_once(fd);
            ioctl_once(fd, &buffer);
            ioctl_once(fd, &buffer);
        }
        if (round == 1) report("frame", start, iterations);
    }
    close(fd);
    return 0;
}
