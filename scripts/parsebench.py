#!/usr/bin/env python3
"""parsebench.py measures parse throughput on one core, in MB of text per
CPU second, over the shared corpus (BenchmarkParse) and the own corpus
(BenchmarkParseOwn), for one or more commits side by side.

    scripts/parsebench.py [--rounds N] [--instructions] [REV ...]

REV defaults to HEAD. Each commit's parse test binary is built from a copy
of that commit, and the commits' runs alternate, so that a busy machine
slows them alike. What counts is CPU time (user and system) of the test
process, not wall time, which on a shared machine says more about the
neighbours than about the parser; and a run of one iteration is
subtracted from a run of many, so that start-up (reading the corpus,
compiling expressions) does not count. Each line gives the best and the
median round. Run it from the repository, with ../shared beside it.

With --instructions it counts instead the instructions a pass executes,
under valgrind's callgrind (Debian's package valgrind): a count that does
not depend on the machine's load, so that two commits compare on a busy
machine too. One round is enough; the garbage collector's share still
varies by a percent or two between runs.
"""
import argparse, os, re, resource, shutil, statistics, subprocess, sys, tempfile

ITERS = 20  # iterations of a measured run; one more run has 1
BENCHES = ["BenchmarkParse", "BenchmarkParseOwn"]


def cpu_run(binary, pkgdir, bench, n):
    """Runs bench n times and returns (CPU seconds, bytes per iteration)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(
        [binary, "-test.run", "^$", "-test.bench", "^%s$" % bench,
         "-test.benchtime", "%dx" % n, "-test.cpu", "1"],
        cwd=pkgdir, env=dict(os.environ, GOMAXPROCS="1"),
        capture_output=True, text=True, check=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    m = re.search(r"^%s\S*\s+\d+\s+\d+ ns/op\s+([\d.]+) MB/s" % bench, out, re.M)
    ns = re.search(r"^%s\S*\s+\d+\s+(\d+) ns/op" % bench, out, re.M)
    if not m or not ns:
        return None, None  # the commit has no such benchmark
    # bytes per iteration = MB/s * ns/op / 1e3
    return cpu, float(m.group(1)) * int(ns.group(1)) / 1e3


def instructions(binary, pkgdir, bench, n):
    """Runs bench n times under callgrind and returns the instructions executed."""
    # Without these, valgrind can stop on the RDTSCP the runtime's clock
    # uses, or on the signals of asynchronous preemption.
    env = dict(os.environ, GOMAXPROCS="1", GODEBUG="asyncpreemptoff=1,cpu.rdtscp=off")
    err = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", binary,
         "-test.run", "^$", "-test.bench", "^%s$" % bench,
         "-test.benchtime", "%dx" % n, "-test.cpu", "1"],
        cwd=pkgdir, env=env, capture_output=True, text=True).stderr
    m = re.search(r"I\s+refs:\s+([\d,]+)", err)
    return int(m.group(1).replace(",", "")) if m else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--instructions", action="store_true",
                    help="count instructions under valgrind instead of timing")
    ap.add_argument("revs", nargs="*", default=["HEAD"])
    args = ap.parse_args()
    root = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True).stdout.strip()
    shared = os.path.join(os.path.dirname(root), "shared")
    if not os.path.isdir(shared):
        sys.exit("no %s: the shared corpus must sit beside the repository" % shared)
    # The copies sit beside a link to shared, so that the tests'
    # "../../../shared" resolves from each copy's internal/parse.
    tmp = tempfile.mkdtemp(prefix="parsebench.")
    try:
        os.symlink(shared, os.path.join(tmp, "shared"))
        pkg = {}
        for rev in args.revs:
            src = os.path.join(tmp, re.sub(r"[^\w.-]", "_", rev))
            os.makedirs(src)
            arch = subprocess.run(["git", "-C", root, "archive", rev], capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", src], input=arch, check=True)
            subprocess.run(["go", "test", "-c", "-o", "parse.test", "./internal/parse"], cwd=src, check=True)
            pkg[rev] = (os.path.join(src, "parse.test"), os.path.join(src, "internal", "parse"))
        if args.instructions:
            if not shutil.which("valgrind"):
                sys.exit("--instructions needs valgrind")
            for bench in BENCHES:
                for rev in args.revs:
                    binary, pkgdir = pkg[rev]
                    _, size = cpu_run(binary, pkgdir, bench, 1)
                    if size is None:
                        print("%-18s %-12s no such benchmark" % (bench, rev))
                        continue
                    one = instructions(binary, pkgdir, bench, 1)
                    many = instructions(binary, pkgdir, bench, ITERS + 1)
                    if one is None or many is None:
                        sys.exit("valgrind did not report a count for %s at %s" % (bench, rev))
                    per = (many - one) / ITERS
                    print("%-18s %-12s %7.1f M instructions a pass, %6.0f a byte"
                          % (bench, rev, per / 1e6, per / size))
            return
        for bench in BENCHES:
            rates = {rev: [] for rev in args.revs}
            for _ in range(args.rounds):
                for rev in args.revs:
                    binary, pkgdir = pkg[rev]
                    one, size = cpu_run(binary, pkgdir, bench, 1)
                    if one is None:
                        continue
                    many, _ = cpu_run(binary, pkgdir, bench, ITERS + 1)
                    rates[rev].append(size * ITERS / (many - one) / 1e6)
            for rev in args.revs:
                r = rates[rev]
                if not r:
                    print("%-18s %-12s no such benchmark" % (bench, rev))
                    continue
                print("%-18s %-12s best %5.1f MB/s  median %5.1f MB/s  (%d rounds, one core, CPU time)"
                      % (bench, rev, max(r), statistics.median(r), len(r)))
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
