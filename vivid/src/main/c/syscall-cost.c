/*
 * The C side of the vivid suite's syscall-cost check: the per-frame V4L2 calls of an MMAP capture stream made
 * from C on a real driver, the reference for the same calls made through kapture-v4l2's JNA binding
 * (io.kapture.vivid.JavaSyscallRun does exactly what this program does, in the same order).
 *
 * Opens DEVICE as Kapture does (O_RDWR | O_NONBLOCK | O_CLOEXEC), requests BUFFERS mmap'ed buffers in the format
 * the device has (REQBUFS, QUERYBUF + mmap, QBUF each), warms up with WARMUP untimed rounds of the timed calls,
 * times EMPTY back-to-back clock reads and EMPTY VIDIOC_G_INPUT ioctls (the floor), then streams (STREAMON) and for
 * each frame: waits in poll(), times one poll() with a zero time-out on the ready descriptor, times the
 * VIDIOC_DQBUF ioctl and the VIDIOC_QBUF ioctl that gives the buffer back, each with clock_gettime(CLOCK_MONOTONIC)
 * right around the single call (struct preparation and reading outside). The first SKIP frames are not recorded;
 * it stops after FRAMES recorded frames or SECONDS of streaming.
 *
 * The warm-up comes after REQBUFS on purpose: a poll() on a capture node that also offers read() and has no
 * buffers yet starts vb2's read() emulation, which then owns the queue, and REQBUFS fails with EBUSY.
 *
 * Usage: syscall-cost DEVICE BUFFERS FRAMES SECONDS SKIP WARMUP EMPTY
 * Prints one line per call, "<name> <ns> <ns> ...", for clock, g_input, poll, dqbuf and qbuf, then
 * "stream <frames recorded> <nanoseconds from first to last recorded frame>". Single-threaded. Exits non-zero
 * with a message on stderr if a call fails (the kernel then releases the descriptor, buffers and mappings as the
 * process exits).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define MAX_BUFFERS 32
#define POLL_MILLIS 1000
#define MAX_IDLE_POLLS 3

static volatile uint64_t sink;

static int64_t now_nanos(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void fail(const char *what) {
    fprintf(stderr, "syscall-cost: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void print_samples(const char *name, const int64_t *samples, long count) {
    printf("%s", name);
    for (long i = 0; i < count; i++) {
        printf(" %lld", (long long) samples[i]);
    }
    printf("\n");
}

/* One timed call each, as the Java side's timing methods make them: the clock read right around the call. */
static int64_t timed_g_input(int fd) {
    int input = 0;
    int64_t start = now_nanos();
    int result = ioctl(fd, VIDIOC_G_INPUT, &input);
    int64_t end = now_nanos();
    if (result < 0) {
        fail("VIDIOC_G_INPUT");
    }
    sink += input;
    return end - start;
}

static int64_t timed_poll(int fd, int *revents) {
    struct pollfd entry = {.fd = fd, .events = POLLIN | POLLPRI};
    int64_t start = now_nanos();
    int result = poll(&entry, 1, 0);
    int64_t end = now_nanos();
    if (result < 0 && errno != EINTR) {
        fail("poll");
    }
    *revents = result > 0 ? entry.revents : 0;
    return end - start;
}

static int64_t clock_pair(void) {
    int64_t start = now_nanos();
    return now_nanos() - start;
}

int main(int argc, char **argv) {
    if (argc != 8) {
        fprintf(stderr, "usage: %s DEVICE BUFFERS FRAMES SECONDS SKIP WARMUP EMPTY\n", argv[0]);
        return 2;
    }
    const char *device = argv[1];
    int buffers = atoi(argv[2]);
    long frames = atol(argv[3]);
    int64_t limit = (int64_t) atol(argv[4]) * 1000000000;
    long skip = atol(argv[5]);
    long warmup = atol(argv[6]);
    long empty = atol(argv[7]);
    if (buffers < 2 || buffers > MAX_BUFFERS || frames < 1 || empty < 1) {
        fprintf(stderr, "syscall-cost: BUFFERS must be 2-%d, FRAMES and EMPTY at least 1\n", MAX_BUFFERS);
        return 2;
    }
    int64_t *clocks = calloc(empty, sizeof *clocks);
    int64_t *inputs = calloc(empty, sizeof *inputs);
    int64_t *polls = calloc(frames, sizeof *polls);
    int64_t *dqbufs = calloc(frames, sizeof *dqbufs);
    int64_t *qbufs = calloc(frames, sizeof *qbufs);
    if (!clocks || !inputs || !polls || !dqbufs || !qbufs) {
        fail("calloc");
    }
    int fd = open(device, O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        fail(device);
    }

    struct v4l2_requestbuffers request = {.count = buffers, .type = V4L2_BUF_TYPE_VIDEO_CAPTURE,
            .memory = V4L2_MEMORY_MMAP};
    if (ioctl(fd, VIDIOC_REQBUFS, &request) < 0) {
        fail("VIDIOC_REQBUFS");
    }
    if (request.count < 2 || request.count > MAX_BUFFERS) {
        fprintf(stderr, "syscall-cost: the driver granted %u buffers\n", request.count);
        return 1;
    }
    void *addresses[MAX_BUFFERS];
    size_t lengths[MAX_BUFFERS];
    for (unsigned index = 0; index < request.count; index++) {
        struct v4l2_buffer query = {.index = index, .type = V4L2_BUF_TYPE_VIDEO_CAPTURE, .memory = V4L2_MEMORY_MMAP};
        if (ioctl(fd, VIDIOC_QUERYBUF, &query) < 0) {
            fail("VIDIOC_QUERYBUF");
        }
        lengths[index] = query.length;
        addresses[index] = mmap(NULL, query.length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, query.m.offset);
        if (addresses[index] == MAP_FAILED) {
            fail("mmap");
        }
        if (ioctl(fd, VIDIOC_QBUF, &query) < 0) {
            fail("VIDIOC_QBUF");
        }
    }
    /* Warm-up and floor with the buffers queued, before STREAMON; never before REQBUFS (see the header). */
    int revents;
    for (long i = 0; i < warmup; i++) {
        sink += timed_g_input(fd) + timed_poll(fd, &revents) + clock_pair();
    }
    for (long i = 0; i < empty; i++) {
        clocks[i] = clock_pair();
    }
    for (long i = 0; i < empty; i++) {
        inputs[i] = timed_g_input(fd);
    }

    int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (ioctl(fd, VIDIOC_STREAMON, &type) < 0) {
        fail("VIDIOC_STREAMON");
    }

    struct v4l2_buffer dqbuf;
    struct v4l2_buffer qbuf;
    long recorded = 0;
    long seen = 0;
    int idle = 0;
    int64_t started = now_nanos();
    int64_t first = 0;
    int64_t last = 0;
    while (recorded < frames && now_nanos() - started < limit) {
        struct pollfd wait = {.fd = fd, .events = POLLIN | POLLPRI};
        int ready = poll(&wait, 1, POLL_MILLIS);
        if (ready < 0 && errno != EINTR) {
            fail("poll");
        }
        if (ready <= 0 || !(wait.revents & POLLIN)) {
            if (ready == 0 && ++idle >= MAX_IDLE_POLLS) {
                fprintf(stderr, "syscall-cost: no frame for %d ms\n", MAX_IDLE_POLLS * POLL_MILLIS);
                return 1;
            }
            continue;
        }
        idle = 0;
        int64_t poll_nanos = timed_poll(fd, &revents);

        memset(&dqbuf, 0, sizeof dqbuf);
        dqbuf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        dqbuf.memory = V4L2_MEMORY_MMAP;
        int64_t start = now_nanos();
        int result = ioctl(fd, VIDIOC_DQBUF, &dqbuf);
        int64_t end = now_nanos();
        if (result < 0) {
            if (errno == EAGAIN || errno == EINTR) {
                continue;
            }
            fail("VIDIOC_DQBUF");
        }
        int64_t dqbuf_nanos = end - start;
        sink += dqbuf.flags + dqbuf.timestamp.tv_sec + dqbuf.timestamp.tv_usec + dqbuf.sequence + dqbuf.bytesused;

        memset(&qbuf, 0, sizeof qbuf);
        qbuf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        qbuf.memory = V4L2_MEMORY_MMAP;
        qbuf.index = dqbuf.index;
        start = now_nanos();
        result = ioctl(fd, VIDIOC_QBUF, &qbuf);
        end = now_nanos();
        if (result < 0) {
            fail("VIDIOC_QBUF");
        }
        if (seen++ < skip) {
            continue;
        }
        first = recorded == 0 ? end : first;
        last = end;
        polls[recorded] = poll_nanos;
        dqbufs[recorded] = dqbuf_nanos;
        qbufs[recorded] = end - start;
        recorded++;
    }
    if (ioctl(fd, VIDIOC_STREAMOFF, &type) < 0) {
        fail("VIDIOC_STREAMOFF");
    }
    for (unsigned index = 0; index < request.count; index++) {
        munmap(addresses[index], lengths[index]);
    }
    request.count = 0;
    ioctl(fd, VIDIOC_REQBUFS, &request);
    close(fd);
    if (recorded == 0) {
        fprintf(stderr, "syscall-cost: no frame recorded within %s s\n", argv[4]);
        return 1;
    }
    print_samples("clock", clocks, empty);
    print_samples("g_input", inputs, empty);
    print_samples("poll", polls, recorded);
    print_samples("dqbuf", dqbufs, recorded);
    print_samples("qbuf", qbufs, recorded);
    printf("stream %ld %lld\n", recorded, (long long) (last - first));
    return 0;
}
