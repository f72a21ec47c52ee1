#!/usr/bin/env python3
"""Measures the Kapture distribution's start-up as a user meets it: bin/karaf in a terminal.

Each run unpacks a fresh copy of a distribution into a temporary directory (free loopback ports for HTTP, SSH,
JMX and RTSP, so a Karaf already running here is not disturbed), starts bin/karaf under a pseudo-terminal and
records, from the moment bin/karaf is started:
  - console: the wall time until the shell prompt appears (etc/scripts/kapture-boot.script holds it until the
    boot features are installed, so the prompt means "kapture:* commands work") and the CPU time
    (utime + stime of the Java process, /proc/<pid>/stat) used by then;
  - frame: the same at the first frame delivered to a listener of camera "synthetic", as /kapture/metrics shows
    it (kapture_frames_delivered_total > 0). Polling starts once the log says the camera is capturing and repeats
    every 50 ms, so the figure is late by up to one poll plus one request's own CPU;
  - what is loaded by then: classes (jstat -class; bin/setenv turns the JVM's perf data off, so add
    ::-XX:+UsePerfData to a variant to see them) and bundles (data/cache/bundle*).
Then it types "shutdown -f" at the prompt and, with --restarts, starts the same copy again: a restart skips the
features resolver and the first unpacking of bundles, which every start after the first one does.

Several distributions or JVM option sets are compared in one invocation, rounds interleaved (A B A B ...) so that
changing load hits each alike; the summary gives medians and each variant's ratio to the first.

usage: benchmarks/startup.py [--runs N] [--restarts M] [--variant LABEL=TARGZ[::JAVA_OPTS]] ...
                             [--class-log] [--threads] [--steady WARM WINDOW] [--keep]
       benchmarks/startup.py --engine N [--engine-variant LABEL=JAVA_OPTS] ...
  TARGZ may also be an unpacked distribution, started where it is (not deleted; every start after its first is
  a restart).
  default: one variant "dist" = karaf-dist/target/kapture-karaf-dist-*.tar.gz, 3 runs, 1 restart each.
  JAVA_OPTS after "::" go into EXTRA_JAVA_OPTS (after bin/setenv's, so they win).
  --class-log adds -Xlog:class+load to every start and reports how many classes came from a CDS archive
  (it slows the start a little; use it to explain, not to time).
  --threads prints the CPU each kind of thread (C1, C2, FelixStartLevel, ...) had used at the first frame;
  --steady WARM WINDOW the CPU the running distribution uses over WINDOW s, WARM s after the first frame.
  --engine N starts the engine outside OSGi N times instead (io.kapture.benchmarks.EngineStartup, phase by phase).
Needs: python3, tar, jstat, a Java 17 for Karaf (JAVA_HOME or java on the PATH).
"""
import argparse
import glob
import os
import pty
import re
import select
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

TICKS = os.sysconf("SC_CLK_TCK")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\r")
PROMPT = "@root()>"
CAPTURING = "Camera synthetic: capturing"
DELIVERED = 'kapture_frames_delivered_total{camera="synthetic"}'
TIMEOUT_S = 180


def free_ports(n):
    socks = [socket.socket() for _ in range(n)]
    for s in socks:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return ports


def set_key(path, key, value):
    """Sets 'key = value' in a .cfg file, replacing the line that sets it."""
    with open(path) as f:
        lines = f.read().splitlines()
    pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*[=:]")
    out = [f"{key} = {value}" if pattern.match(line) else line for line in lines]
    if out == lines and not any(pattern.match(line) for line in lines):
        out.append(f"{key} = {value}")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def unpack(dist):
    """A fresh copy of the tar.gz dist in a temporary directory, or dist itself where it is a directory."""
    if os.path.isdir(dist):
        home = dist
    else:
        home = tempfile.mkdtemp(prefix="kapture-startup.")
        subprocess.run(["tar", "xzf", dist, "-C", home, "--strip-components=1"], check=True)
    http, ssh, registry, server, jmxmp, rtsp = free_ports(6)
    etc = os.path.join(home, "etc")
    set_key(f"{etc}/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", http)
    set_key(f"{etc}/org.apache.karaf.shell.cfg", "sshPort", ssh)
    set_key(f"{etc}/org.apache.karaf.management.cfg", "rmiRegistryPort", registry)
    set_key(f"{etc}/org.apache.karaf.management.cfg", "rmiServerPort", server)
    set_key(f"{etc}/org.apache.karaf.management.cfg", "jmxmpPort", jmxmp)
    if os.path.exists(f"{etc}/io.kapture.rtsp.cfg"):
        set_key(f"{etc}/io.kapture.rtsp.cfg", "port", rtsp)
    return home, http


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime (fields 14 and 15 of stat)


def thread_cpu(pid):
    """CPU seconds per thread kind (name with digits dropped: "C2 CompilerThread0" -> "C2 CompilerThread")."""
    kinds = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                text = f.read()
        except OSError:
            continue
        name = re.sub(r"[-#]?\d+$", "", text[text.index("(") + 1:text.rindex(")")]).strip() or "?"
        fields = text.rsplit(")", 1)[1].split()
        kinds[name] = kinds.get(name, 0) + (int(fields[11]) + int(fields[12])) / TICKS
    return kinds


def java_pid(home):
    marker = f"-Dkaraf.home={home}".encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmd = f.read()
        except OSError:
            continue
        if marker in cmd and b"org.apache.karaf.main.Main" in cmd:
            return int(entry)
    return None


def delivered(http):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{http}/kapture/metrics", timeout=2) as r:
            text = r.read().decode()
    except OSError:
        return False
    for line in text.splitlines():
        if line.startswith(DELIVERED + " "):
            return float(line.split()[1]) > 0
    return False


def loaded_classes(pid):
    out = subprocess.run(["jstat", "-class", str(pid)], capture_output=True, text=True).stdout.split()
    return int(out[5]) if len(out) > 5 and out[5].isdigit() else None


def start(home, http, java_opts, class_log, steady):
    """One start of the copy at home; returns its figures. Leaves Karaf stopped."""
    env = dict(os.environ)
    opts = java_opts
    log = os.path.join(home, "class-load.log")
    if class_log:
        if os.path.exists(log):
            os.remove(log)
        opts = (opts + f" -Xlog:class+load=info:file={log}").strip()
    if opts:
        env["EXTRA_JAVA_OPTS"] = opts
    env["TERM"] = "xterm"
    karaf_log = os.path.join(home, "data", "log", "karaf.log")
    log_offset = os.path.getsize(karaf_log) if os.path.exists(karaf_log) else 0
    t0 = time.monotonic()
    child, fd = pty.fork()
    if child == 0:
        os.chdir(home)
        os.execve(os.path.join(home, "bin", "karaf"), [os.path.join(home, "bin", "karaf")], env)
    pid, screen, result = None, "", {}
    capturing = False
    next_poll = 0.0
    try:
        while "frame" not in result or "console" not in result:
            if time.monotonic() - t0 > TIMEOUT_S:
                raise RuntimeError(f"no {'prompt' if 'console' not in result else 'frame'} within {TIMEOUT_S} s;"
                                   f" see {home}/data/log/karaf.log")
            ready, _, _ = select.select([fd], [], [], 0.01)
            if ready:
                try:
                    screen = (screen + ANSI.sub("", os.read(fd, 65536).decode(errors="replace")))[-4096:]
                except OSError:
                    raise RuntimeError(f"bin/karaf ended before it was ready; see {home}/data/log/karaf.log")
            if pid is None:
                pid = java_pid(home)
                if pid is None:
                    continue
            if "console" not in result and PROMPT in screen:
                result["console"] = (time.monotonic() - t0, cpu_seconds(pid))
            if "frame" not in result:
                if not capturing and os.path.exists(karaf_log):
                    with open(karaf_log, errors="replace") as f:
                        f.seek(log_offset)
                        capturing = CAPTURING in f.read()
                if capturing and time.monotonic() >= next_poll:
                    if delivered(http):
                        result["frame"] = (time.monotonic() - t0, cpu_seconds(pid))
                        result["threads"] = thread_cpu(pid)
                    next_poll = time.monotonic() + 0.05
        if steady:
            warm, window = steady
            time.sleep(warm)
            before, t1 = cpu_seconds(pid), time.monotonic()
            time.sleep(window)
            after = cpu_seconds(pid)
            result["steady"] = (after - before) / (time.monotonic() - t1)
            result["later"] = after
        result["classes"] = loaded_classes(pid)
        result["bundles"] = len(glob.glob(os.path.join(home, "data", "cache", "bundle*")))
        if class_log:
            time.sleep(0.5)
            with open(log, errors="replace") as f:
                lines = [line for line in f if "source:" in line]
            result["class_log"] = (len(lines), sum(1 for line in lines if "shared objects file" in line))
        os.write(fd, b"shutdown -f\r")
        end = time.monotonic() + 60
        while time.monotonic() < end:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    os.read(fd, 65536)
                except OSError:
                    break
            done, _ = os.waitpid(child, os.WNOHANG)
            if done:
                break
        return result
    finally:
        for p in (pid, child):
            if p:
                try:
                    os.kill(p, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        try:
            os.waitpid(child, 0)
        except ChildProcessError:
            pass
        os.close(fd)


def fmt(values, unit="s", digits=1):
    values = [v for v in values if v is not None]
    if not values:
        return "-"
    med = statistics.median(values)
    if len(values) == 1:
        return f"{med:.{digits}f}{unit}"
    return f"{med:.{digits}f}{unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def engine(runs, variants):
    """Runs io.kapture.benchmarks.EngineStartup runs times per variant (rounds interleaved); prints the medians."""
    jar = "benchmarks/target/benchmarks.jar"
    if not os.path.isfile(jar):
        sys.exit(f"no {jar}: build it (mvn -B -o -q package -pl benchmarks -am -DskipTests)")
    phases = {}
    for round_ in range(runs):
        for label, opts in variants:
            out = subprocess.run(["java", *opts.split(), "-cp", jar, "io.kapture.benchmarks.EngineStartup"],
                                 capture_output=True, text=True)
            if out.returncode != 0:
                sys.exit(f"EngineStartup failed ({label}): {out.stderr.strip()}")
            line = []
            for text in out.stdout.splitlines():
                _, name, _, cpu, _, wall = text.split()
                phases.setdefault((label, name), []).append((float(cpu), float(wall)))
                line.append(f"{name} {float(cpu):.2f}/{float(wall):.2f}")
            print(f"{label} round {round_ + 1} (CPU/wall s since JVM start): " + ", ".join(line), flush=True)
    print()
    names = list(dict.fromkeys(name for _, name in phases))
    print("| variant | " + " | ".join(f"{n}: CPU / wall" for n in names) + " |")
    print("|---|" + "---|" * len(names))
    for label, _ in variants:
        cells = []
        for n in names:
            values = phases.get((label, n), [])
            cells.append(f"{statistics.median(v[0] for v in values):.2f} / {statistics.median(v[1] for v in values):.2f} s"
                         if values else "-")
        print(f"| {label} | " + " | ".join(cells) + " |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--restarts", type=int, default=1)
    parser.add_argument("--variant", action="append", default=[])
    parser.add_argument("--class-log", action="store_true")
    parser.add_argument("--threads", action="store_true",
                        help="print the CPU each kind of thread had used at the first frame (JIT, GC, Karaf, ...)")
    parser.add_argument("--steady", type=float, nargs=2, metavar=("WARM", "WINDOW"),
                        help="after the first frame wait WARM s, then report the CPU used over WINDOW s (in %% of a"
                             " core): what the start-up's JVM options cost once running")
    parser.add_argument("--engine", type=int, metavar="N",
                        help="instead of the distribution, start the engine outside OSGi N times"
                             " (io.kapture.benchmarks.EngineStartup from benchmarks/target/benchmarks.jar)")
    parser.add_argument("--engine-variant", action="append", default=[], metavar="LABEL=JAVA_OPTS",
                        help="with --engine: JVM options to compare (default: none)")
    parser.add_argument("--keep", action="store_true", help="keep the unpacked copies (their paths are printed)")
    args = parser.parse_args()
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    if args.engine:
        java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
        print(f"# {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())} {os.cpu_count()} cores,"
              f" load {' '.join(open('/proc/loadavg').read().split()[:3])}, {java}")
        engine(args.engine, [tuple(v.split("=", 1)) for v in args.engine_variant] or [("engine", "")])
        return
    variants = []
    for spec in args.variant or ["dist=" + (sorted(glob.glob("karaf-dist/target/kapture-karaf-dist-*.tar.gz"))
                                            or ["karaf-dist/target/missing.tar.gz"])[0]]:
        label, rest = spec.split("=", 1)
        dist, _, opts = rest.partition("::")
        if not os.path.exists(dist):
            sys.exit(f"no distribution {dist}: build it (mvn -B verify -pl karaf-dist -am -DskipTests)")
        variants.append((label, os.path.abspath(dist), opts))
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    print(f"# {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())} {os.cpu_count()} cores,"
          f" load {' '.join(open('/proc/loadavg').read().split()[:3])}, {java}")
    kinds = ["first start"] + ["restart"] * args.restarts
    figures = {(label, kind): [] for label, _, _ in variants for kind in set(kinds)}
    for round_ in range(args.runs):
        for label, dist, opts in variants:
            home, http = unpack(dist)
            try:
                for i, kind in enumerate(kinds):
                    r = start(home, http, opts, args.class_log, args.steady)
                    figures[(label, kind)].append(r)
                    extra = f", steady {r['steady'] * 100:.1f} % CPU, {r['later']:.2f} s CPU in all by then" \
                        if "steady" in r else ""
                    extra += f", class log {r['class_log'][0]} loaded / {r['class_log'][1]} from CDS" \
                        if "class_log" in r else ""
                    print(f"{label} round {round_ + 1} {kind}: console {r['console'][0]:.2f} s wall"
                          f" {r['console'][1]:.2f} s CPU; first frame {r['frame'][0]:.2f} s wall"
                          f" {r['frame'][1]:.2f} s CPU; {r['classes']} classes, {r['bundles']} bundles{extra}"
                          f"; load {open('/proc/loadavg').read().split()[0]}", flush=True)
                    if args.threads:
                        top = sorted(r["threads"].items(), key=lambda kv: -kv[1])[:12]
                        print("    threads: " + ", ".join(f"{name} {cpu:.2f}" for name, cpu in top), flush=True)
            finally:
                if args.keep or os.path.isdir(dist):
                    print(f"# kept {home}")
                else:
                    shutil.rmtree(home, ignore_errors=True)
    print()
    print("| variant | start | console: wall | console: CPU | first frame: wall | first frame: CPU | CPU vs first |"
          " classes | bundles | steady CPU |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for kind in dict.fromkeys(kinds):
        reference = None
        for label, _, _ in variants:
            rs = figures[(label, kind)]
            cpu = statistics.median(r["frame"][1] for r in rs)
            reference = reference or cpu
            print(f"| {label} | {kind} | {fmt([r['console'][0] for r in rs])} | {fmt([r['console'][1] for r in rs])}"
                  f" | {fmt([r['frame'][0] for r in rs])} | {fmt([r['frame'][1] for r in rs])}"
                  f" | {cpu / reference:.2f}× | {fmt([r['classes'] for r in rs], '', 0)}"
                  f" | {fmt([r['bundles'] for r in rs], '', 0)}"
                  f" | {fmt([r['steady'] * 100 if 'steady' in r else None for r in rs], ' %')} |")


if __name__ == "__main__":
    main()
