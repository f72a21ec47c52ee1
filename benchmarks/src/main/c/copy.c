/*
 * The C reference for CopyTable: glibc's memcpy of one frame between two page-aligned buffers, the same two every
 * time (as FrameCopyBenchmark copies), called through a volatile function pointer so that the compiler can neither
 * inline nor drop it. Prints "memcpy <median ns per copy>" over RUNS runs of ITERATIONS copies after a warm-up.
 *
 * Usage: copy LENGTH ITERATIONS RUNS
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void *(*volatile copy)(void *, const void *, size_t) = memcpy;

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: copy LENGTH ITERATIONS RUNS\n");
        return 2;
    }
    size_t length = strtoul(argv[1], NULL, 10);
    long iterations = atol(argv[2]);
    int runs = atoi(argv[3]);
    unsigned char *source, *target;
    if (length == 0 || iterations < 1 || runs < 1 || runs > 1000
            || posix_memalign((void **) &source, 4096, length) || posix_memalign((void **) &target, 4096, length)) {
        fprintf(stderr, "copy: bad arguments or no memory\n");
        return 2;
    }
    for (size_t i = 0; i < length; i++) {
        source[i] = (unsigned char) (i * 31);
    }
    for (long i = 0; i < iterations; i++) {
        copy(target, source, length);
    }
    double samples[1000];
    for (int r = 0; r < runs; r++) {
        double start = now_ns();
        for (long i = 0; i < iterations; i++) {
            copy(target, source, length);
        }
        samples[r] = (now_ns() - start) / iterations;
    }
    qsort(samples, runs, sizeof samples[0], by_value);
    if (memcmp(source, target, length) != 0) {
        fprintf(stderr, "copy: the target differs from the source\n");
        return 1;
    }
    printf("memcpy %.1f\n", samples[runs / 2]);
    return 0;
}
