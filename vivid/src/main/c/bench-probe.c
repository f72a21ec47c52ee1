/*
 * The measuring side of the vivid suite's benchmark (vivid/guest/bench.sh): runs one capture program and reads
 * its process CPU time at its first and its FRAMES-th dequeued frame, as the kernel itself sees the frames.
 *
 * Every VIDIOC_DQBUF that succeeds on a V4L2 node fires the kernel's v4l2_dqbuf trace event (with the buffer's
 * index and sequence number); bench.sh enables that event, with the trace clock set to "mono". This program
 * reads the events from tracefs' trace_pipe as they come, so the moment of each frame is the same for every
 * tool, whatever it prints and however many threads it has (GStreamer and Kapture dequeue on a thread of their
 * own). At the first, the middle (FRAMES / 2 + 1) and the FRAMES-th event it reads the child's process CPU time
 * (clock_getcpuclockid: every thread, nanoseconds, also those that ended), and once the child has exited its
 * total from wait4. Steady-state CPU per frame is the CPU between the first and the FRAMES-th frame over the
 * FRAMES - 1 frame periods between them; start-up is the CPU before the first frame. The child must be asked
 * for a few frames more than FRAMES, so that the last sample is not taken while it stops and exits.
 *
 * The samples are taken when the event reaches this program, a little after the dequeue; the delay (trace
 * timestamp to sample, both CLOCK_MONOTONIC) is reported as lag, so a late sample shows. The sequence numbers
 * give the frames lost: numbers skipped before the FRAMES-th frame, those within the first second
 * (START_SEQUENCES) and repeated numbers; the highest buffer index + 1 is the number of buffers the tool streams
 * with. Where bench.sh could also enable vb2_buf_queue and vb2_buf_done (videobuf2 handing a buffer to the driver,
 * the driver completing one), each number the driver skipped is attributed: "dry" when the driver held no buffer
 * right after it completed the frame before the gap (the program had not given one back in time), "clock" when
 * it still held one (vivid numbers frames from its clock and skips one when its thread runs late). Buffers are
 * completed and dequeued in the same order, so the k-th completion belongs to the k-th dequeued frame.
 *
 * Usage: bench-probe [--marks N,N,...] [--perf-from N --perf-out FILE [--perf-period P]]
 *                    TRACE_PIPE FRAMES NICE LOG -- PROGRAM ARGS...
 *   the child runs at niceness NICE with stdout and stderr in LOG (a file on tmpfs: a write per frame to the
 *   9p-shared output folder would cost the child an emulated round trip).
 *   --marks     more frames (besides the first, middle and FRAMES-th) at which to read the child's CPU, for the
 *               long runs' windows (bench.sh's bench-long suite). At every mark the probe also reads each of the
 *               child's threads' CPU (/proc/PID/task/TID/schedstat, nanoseconds on the CPU, and comm), from
 *               outside: the reading costs the probe, not the child. Printed as cpu_at=N:MS,... and
 *               tasks_N=TID|COMM|NS,... (blanks in a thread's name become '_').
 *   --perf-from at the N-th frame start `perf record -e cpu-clock -c P -p PID -o FILE` on the child (P defaults
 *               to 50000 ns of CPU, which under qemu -icount shift=0 is 50,000 instructions) and stop it with
 *               SIGINT at the FRAMES-th: a profile of exactly that window. perf runs at the child's niceness, with
 *               a 4 MB ring (fewer wake-ups). The samples' interrupts run in the child's context and perf shares
 *               the vCPU, so a profiled run's own figures are higher than an unprofiled one's: compare the
 *               profiled window's CPU (printed) with the measured runs' before reading the profile.
 * Prints one line of key=value pairs, and on stderr the dequeued sequence numbers up to the FRAMES-th. Exits 0 if the child exited 0 and FRAMES frames were seen, 1 otherwise
 * (the line is printed either way). Single-threaded.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_FRAMES 100000
#define MAX_MARKS 16
#define TASKS_TEXT 8192
#define START_SEQUENCES 40
#define IDLE_LIMIT_MS 120000

static uint32_t sequences[MAX_FRAMES];
static int32_t held[MAX_FRAMES];

static int64_t now_nanos(clockid_t clock) {
    struct timespec ts;
    if (clock_gettime(clock, &ts) != 0) {
        return -1;
    }
    return (int64_t) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void fail(const char *what) {
    fprintf(stderr, "bench-probe: %s: %s\n", what, strerror(errno));
    exit(2);
}

/* The value after "key = " in a trace line, or -1. */
static long long field(const char *line, const char *key) {
    const char *at = strstr(line, key);
    if (at == NULL) {
        return -1;
    }
    at += strlen(key);
    while (*at == ' ' || *at == '=') {
        at++;
    }
    return strtoll(at, NULL, 10);
}

/* The trace timestamp in nanoseconds: the number before ": v4l2_dqbuf:" ("  1234.567890: ..."). */
static int64_t trace_nanos(const char *line, const char *event) {
    const char *end = event;
    const char *start = end;
    while (start > line && start[-1] != ' ') {
        start--;
    }
    long long seconds = 0, micros = 0;
    if (sscanf(start, "%lld.%lld", &seconds, &micros) != 2 || start == end) {
        return -1;
    }
    return (int64_t) seconds * 1000000000 + (int64_t) micros * 1000;
}

struct sample {
    int64_t cpu;
    int64_t at;
    int64_t lag;
};

/* A mark: the child's process CPU and every thread's CPU at the n-th dequeued frame. */
struct mark {
    long frame;
    int64_t cpu;
    char tasks[TASKS_TEXT];
};

struct run {
    long frames;
    long owned;       /* buffers handed to the driver and not yet completed by it */
    long done_frames; /* completions seen; held[k] is what the driver held right after the k-th */
    long lost_dry;
    long lost_clock;
    long wanted;
    long max_index;
    clockid_t cpu_clock;
    struct sample first, middle, last;
    int64_t lag_max;
    pid_t child;
    int marks;
    struct mark mark[MAX_MARKS];
    long perf_from;
    const char *perf_out;
    const char *perf_period;
    pid_t perf;
    int niceness;
};

/* Appends "TID|COMM|NS" for every thread of the child to text (comma-separated); schedstat's first field is the
 * thread's time on the CPU in nanoseconds. A thread that ends while being read is left out. */
static void read_tasks(pid_t child, char *text, size_t size) {
    char path[320];
    snprintf(path, sizeof path, "/proc/%d/task", (int) child);
    DIR *tasks = opendir(path);
    size_t used = 0;
    text[0] = '\0';
    if (tasks == NULL) {
        return;
    }
    struct dirent *entry;
    while ((entry = readdir(tasks)) != NULL) {
        if (entry->d_name[0] == '.') {
            continue;
        }
        char comm[64] = "", stat[128] = "";
        snprintf(path, sizeof path, "/proc/%d/task/%s/comm", (int) child, entry->d_name);
        FILE *file = fopen(path, "r");
        if (file == NULL) {
            continue;
        }
        int named = fgets(comm, sizeof comm, file) != NULL;
        fclose(file);
        snprintf(path, sizeof path, "/proc/%d/task/%s/schedstat", (int) child, entry->d_name);
        file = fopen(path, "r");
        if (file == NULL) {
            continue;
        }
        int timed = fgets(stat, sizeof stat, file) != NULL;
        fclose(file);
        if (!named || !timed) {
            continue;
        }
        comm[strcspn(comm, "\n")] = '\0';
        for (char *c = comm; *c; c++) {
            if (*c == ' ' || *c == ',' || *c == '|' || *c == '=') {
                *c = '_';
            }
        }
        int wrote = snprintf(text + used, size - used, "%s%s|%s|%lld", used ? "," : "", entry->d_name, comm,
                strtoll(stat, NULL, 10));
        if (wrote < 0 || (size_t) wrote >= size - used) {
            text[used] = '\0';
            break;
        }
        used += (size_t) wrote;
    }
    closedir(tasks);
}

static void start_perf(struct run *run) {
    char pid[24];
    snprintf(pid, sizeof pid, "%d", (int) run->child);
    run->perf = fork();
    if (run->perf < 0) {
        fail("fork perf");
    }
    if (run->perf == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, 1);
        }
        /* at the child's niceness: at 0 its bursts of writing samples take the one vCPU from a child at 19 for
         * long enough that the driver runs out of buffers (seen: Kapture's zero-copy then copied frames) */
        if (setpriority(PRIO_PROCESS, 0, run->niceness) != 0) {
            fail("setpriority perf");
        }
        execlp("perf", "perf", "record", "-q", "-m", "1024", "-e", "cpu-clock", "-c", run->perf_period, "-p", pid,
                "-o", run->perf_out, (char *) NULL);
        fail("perf");
    }
}

static void take(struct run *run, struct sample *sample, int64_t event_at) {
    sample->cpu = now_nanos(run->cpu_clock);
    sample->at = now_nanos(CLOCK_MONOTONIC);
    sample->lag = event_at < 0 ? -1 : sample->at - event_at;
    if (sample->lag > run->lag_max) {
        run->lag_max = sample->lag;
    }
}

static void on_line(struct run *run, char *line) {
    if (strstr(line, ": vb2_buf_queue:") != NULL) {
        run->owned++;
        return;
    }
    if (strstr(line, ": vb2_buf_done:") != NULL) {
        run->owned--;
        if (run->done_frames < MAX_FRAMES) {
            held[run->done_frames] = (int32_t) run->owned;
        }
        run->done_frames++;
        return;
    }
    char *event = strstr(line, ": v4l2_dqbuf:");
    if (event == NULL) {
        return;
    }
    long long sequence = field(event, "sequence");
    long long index = field(event, "index");
    if (sequence < 0) {
        return;
    }
    if (run->frames < MAX_FRAMES) {
        sequences[run->frames] = (uint32_t) sequence;
        long skipped = run->frames == 0 ? 0 : sequence - (long) sequences[run->frames - 1] - 1;
        if (skipped > 0 && run->frames < run->wanted && run->done_frames > 0) {
            if (held[run->frames - 1] <= 0) {
                run->lost_dry += skipped;
            } else {
                run->lost_clock += skipped;
            }
        }
    }
    run->frames++;
    if (index > run->max_index) {
        run->max_index = index;
    }
    int64_t event_at = trace_nanos(line, event);
    for (int m = 0; m < run->marks; m++) {
        if (run->mark[m].frame == run->frames) {
            run->mark[m].cpu = now_nanos(run->cpu_clock);
            read_tasks(run->child, run->mark[m].tasks, sizeof run->mark[m].tasks);
        }
    }
    if (run->perf_out != NULL && run->frames == run->perf_from && run->perf == 0) {
        start_perf(run);
    } else if (run->perf > 0 && run->frames == run->wanted) {
        kill(run->perf, SIGINT);
    }
    if (run->frames == 1) {
        take(run, &run->first, event_at);
    } else if (run->frames == run->wanted / 2 + 1) {
        take(run, &run->middle, event_at);
    } else if (run->frames == run->wanted) {
        take(run, &run->last, event_at);
    }
}

static double ms(int64_t nanos) {
    return nanos / 1e6;
}

static void usage(void) {
    fprintf(stderr, "usage: bench-probe [--marks N,N,...] [--perf-from N --perf-out FILE [--perf-period P]]"
            " TRACE_PIPE FRAMES NICE LOG -- PROGRAM ARGS...\n");
    exit(2);
}

/* Reads --marks N,N,... into run's marks, after the frames every run samples. */
static void parse_marks(struct run *run, const char *list) {
    char *copy = strdup(list);
    for (char *word = strtok(copy, ","); word != NULL; word = strtok(NULL, ",")) {
        if (run->marks == MAX_MARKS) {
            fprintf(stderr, "bench-probe: at most %d marks\n", MAX_MARKS);
            exit(2);
        }
        run->mark[run->marks++].frame = atol(word);
    }
    free(copy);
}

int main(int argc, char **argv) {
    static struct run run;
    run.perf_period = "50000";
    while (argc > 2 && strncmp(argv[1], "--", 2) == 0 && strcmp(argv[1], "--") != 0) {
        if (strcmp(argv[1], "--marks") == 0) {
            parse_marks(&run, argv[2]);
        } else if (strcmp(argv[1], "--perf-from") == 0) {
            run.perf_from = atol(argv[2]);
        } else if (strcmp(argv[1], "--perf-out") == 0) {
            run.perf_out = argv[2];
        } else if (strcmp(argv[1], "--perf-period") == 0) {
            run.perf_period = argv[2];
        } else {
            usage();
        }
        argc -= 2;
        argv += 2;
    }
    if (argc < 7 || strcmp(argv[5], "--") != 0) {
        usage();
    }
    run.wanted = atol(argv[2]);
    run.max_index = -1;
    int niceness = atoi(argv[3]);
    run.niceness = niceness;
    if (run.perf_out != NULL && (run.perf_from < 1 || run.perf_from >= run.wanted)) {
        fprintf(stderr, "bench-probe: --perf-from must be 1 to FRAMES - 1 with --perf-out\n");
        return 2;
    }
    if (run.wanted < 4 || run.wanted > MAX_FRAMES) {
        fprintf(stderr, "bench-probe: FRAMES must be 4 to %d, was %s\n", MAX_FRAMES, argv[2]);
        return 2;
    }
    int trace = open(argv[1], O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (trace < 0) {
        fail(argv[1]);
    }
    int64_t started = now_nanos(CLOCK_MONOTONIC);
    pid_t child = fork();
    if (child < 0) {
        fail("fork");
    }
    if (child == 0) {
        int log = open(argv[4], O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (log < 0 || dup2(log, 1) < 0 || dup2(log, 2) < 0) {
            fail(argv[4]);
        }
        if (setpriority(PRIO_PROCESS, 0, niceness) != 0) {
            fail("setpriority");
        }
        execvp(argv[6], argv + 6);
        fail(argv[6]);
    }
    run.child = child;
    if (clock_getcpuclockid(child, &run.cpu_clock) != 0) {
        fail("clock_getcpuclockid");
    }
    char buffer[1 << 16];
    size_t held = 0;
    int status = 0;
    struct rusage usage;
    int exited = 0;
    int64_t idle_since = now_nanos(CLOCK_MONOTONIC);
    while (1) {
        struct pollfd ready = {.fd = trace, .events = POLLIN};
        int polled = poll(&ready, 1, exited ? 200 : 50);
        if (polled < 0 && errno != EINTR) {
            fail("poll");
        }
        ssize_t got = 0;
        if (polled > 0) {
            got = read(trace, buffer + held, sizeof buffer - 1 - held);
            if (got < 0 && errno != EAGAIN && errno != EINTR) {
                fail("read trace_pipe");
            }
        }
        if (got > 0) {
            held += (size_t) got;
            buffer[held] = '\0';
            char *line = buffer;
            char *end;
            while ((end = strchr(line, '\n')) != NULL) {
                *end = '\0';
                on_line(&run, line);
                line = end + 1;
            }
            held = strlen(line);
            memmove(buffer, line, held);
            idle_since = now_nanos(CLOCK_MONOTONIC);
        } else if (exited) {
            break; /* the child is gone and its events are read */
        }
        if (!exited) {
            pid_t done = wait4(child, &status, WNOHANG, &usage);
            if (done == child) {
                exited = 1;
            } else if (now_nanos(CLOCK_MONOTONIC) - idle_since > (int64_t) IDLE_LIMIT_MS * 1000000) {
                fprintf(stderr, "bench-probe: no frame for %d s; stopping %s\n", IDLE_LIMIT_MS / 1000, argv[6]);
                kill(child, SIGKILL);
            }
        }
    }
    if (run.perf > 0) {
        kill(run.perf, SIGINT); /* still running if the child stopped before the FRAMES-th frame */
        waitpid(run.perf, NULL, 0);
    }
    int64_t total = (int64_t) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000000
            + (int64_t) (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1000;
    long counted = run.frames < run.wanted ? run.frames : run.wanted;
    long lost = 0, lost_start = 0, gaps = 0, repeats = 0;
    for (long i = 1; i < counted && i < MAX_FRAMES; i++) {
        int64_t step = (int64_t) sequences[i] - sequences[i - 1];
        if (step > 1) {
            gaps++;
            lost += step - 1;
            for (int64_t s = sequences[i - 1] + 1; s < sequences[i]; s++) {
                lost_start += s < START_SEQUENCES;
            }
        } else if (step <= 0) {
            repeats++;
        }
    }
    fprintf(stderr, "sequences dequeued:");
    for (long i = 0; i < counted && i < MAX_FRAMES; i++) {
        fprintf(stderr, " %" PRIu32, sequences[i]);
    }
    fprintf(stderr, "\n");
    int complete = run.frames >= run.wanted;
    printf("frames=%ld buffers=%ld first_seq=%" PRIu32 " last_seq=%" PRIu32 " lost=%ld lost_start=%ld gaps=%ld repeats=%ld",
            run.frames, run.max_index + 1, run.frames > 0 ? sequences[0] : 0,
            counted > 0 ? sequences[counted - 1] : 0, lost + (run.frames > 0 ? sequences[0] : 0),
            lost_start + (run.frames > 0 ? (sequences[0] < START_SEQUENCES ? sequences[0] : START_SEQUENCES) : 0),
            gaps, repeats);
    if (run.frames > 0) {
        printf(" startup_ms=%.1f first_frame_wall_ms=%.0f", ms(run.first.cpu), ms(run.first.at - started));
    }
    if (complete) {
        printf(" steady_ms=%.3f half_ms=%.3f fps=%.2f lag_max_ms=%.2f",
                ms(run.last.cpu - run.first.cpu) / (run.wanted - 1),
                ms(run.last.cpu - run.middle.cpu) / (run.wanted - (run.wanted / 2 + 1)),
                (run.wanted - 1) / ((run.last.at - run.first.at) / 1e9), ms(run.lag_max));
    }
    if (run.done_frames > 0) {
        printf(" driver_lost_dry=%ld driver_lost_clock=%ld", run.lost_dry, run.lost_clock);
    }
    if (run.marks > 0) {
        printf(" cpu_at=");
        for (int m = 0; m < run.marks; m++) {
            if (run.mark[m].cpu > 0) {
                printf("%s%ld:%.3f", m ? "," : "", run.mark[m].frame, ms(run.mark[m].cpu));
            }
        }
        for (int m = 0; m < run.marks; m++) {
            if (run.mark[m].tasks[0] != '\0') {
                printf(" tasks_%ld=%s", run.mark[m].frame, run.mark[m].tasks);
            }
        }
    }
    printf(" total_cpu_ms=%.1f exit=%d\n", ms(total),
            WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    return complete && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
