#!/usr/bin/env python3
"""Reads the runs bench/plan-apply.sh recorded and prints them as a Markdown table beside
the lower bound of each run; exits 1 when a correctness check fails.

The lower bound of a run is the fewest requests that can read (and write) the state, and
the time those take when every request costs the injected latency and at most
`parallelism` are in flight, each waiting for the requests it depends on:

- reading: 1 token, then the resource list and the application list (their pages one after
  another), then per managed resource that exists one attribute list and one scope list,
  and per managed application that exists one grant list;
- writing: one write per change; a resource before its attributes and scopes, a grant after
  its application and its scopes; a create only once the lists show the object is absent.

The makespan of that task graph is computed by list scheduling, highest remaining chain
first (optimal for these graphs of unit tasks), in rounds of one latency each.
"""

import argparse
import heapq
import json
import math
import os
import re
import sys


class Graph:
    """Unit tasks with dependencies, added in topological order."""

    def __init__(self):
        self.deps = []

    def task(self, *deps):
        self.deps.append([d for d in deps if d is not None])
        return len(self.deps) - 1

    def chain(self, first_dep, count):
        tasks, prev = [], first_dep
        for _ in range(count):
            prev = self.task(prev)
            tasks.append(prev)
        return tasks

    def rounds(self, workers):
        n = len(self.deps)
        succ = [[] for _ in range(n)]
        indeg = [0] * n
        for i, deps in enumerate(self.deps):
            indeg[i] = len(deps)
            for d in deps:
                succ[d].append(i)
        height = [1] * n
        for i in range(n - 1, -1, -1):
            for s in succ[i]:
                height[i] = max(height[i], height[s] + 1)
        ready = [(-height[i], i) for i in range(n) if indeg[i] == 0]
        heapq.heapify(ready)
        rounds = 0
        while ready:
            taken = [heapq.heappop(ready)[1] for _ in range(min(workers, len(ready)))]
            rounds += 1
            for t in taken:
                for s in succ[t]:
                    indeg[s] -= 1
                    if indeg[s] == 0:
                        heapq.heappush(ready, (-height[s], s))
        return rounds


def read_graph(g, live_resources, live_apps, managed_resources, managed_apps, page):
    """The reads of a plan; returns the last page of each top-level list."""
    token = g.task()
    res_pages = g.chain(token, max(1, math.ceil(live_resources / page)))
    app_pages = g.chain(token, max(1, math.ceil(live_apps / page)))
    for j in range(managed_resources):  # optimistic: managed objects on the first pages
        g.task(res_pages[j // page])
        g.task(res_pages[j // page])
    for j in range(managed_apps):
        g.task(app_pages[j // page])
    return res_pages[-1], app_pages[-1]


def create_graph(g, n, res_last, app_last):
    """The writes that create n resources (2 attributes, 3 scopes) and n granted apps."""
    for _ in range(n):
        resource = g.task(res_last)
        for _ in range(2):
            g.task(resource)
        scopes = [g.task(resource) for _ in range(3)]
        app = g.task(app_last)
        g.task(app, *scopes)


def parse_time(path):
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return seconds, rss_kb


def summary_of(out_text):
    if "No changes." in out_text:
        return (0, 0, 0, 0)
    m = re.search(r"Plan: (\d+) to add, (\d+) to change, (\d+) to replace, (\d+) to delete", out_text)
    return tuple(int(x) for x in m.groups()) if m else None


def classify(requests):
    token = reads = writes = errors = 0
    for r in requests:
        if r["path"].endswith("/as/token"):
            token += 1
        elif r["method"] == "GET":
            reads += 1
        else:
            writes += 1
        if r["status"] >= 400:
            errors += 1
    return token, reads, writes, errors


class Run:
    def __init__(self, work, n, kind, args):
        base = os.path.join(work, "%d-%s" % (n, kind))
        self.n, self.kind = n, kind
        self.exit = int(open(base + ".exit").read())
        self.out = open(base + ".out").read()
        self.err = open(base + ".err").read()
        self.wall, self.rss_kb = parse_time(base + ".time")
        requests = json.load(open(base + ".requests.json"))["requests"]
        self.token, self.reads, self.writes, self.errors = classify(requests)
        state = json.load(open(base + ".state.json"))
        live_res = state["resources"]
        live_apps = state["applications"]
        mr = sum(1 for r in live_res if r["name"].startswith("Bench API "))
        ma = sum(1 for a in live_apps if a["name"].startswith("Bench App "))
        self.summary = summary_of(self.out)
        changes = sum(self.summary) if self.summary else None
        # Replacing an application is a delete and a create.
        self.expected_writes = (changes + self.summary[2]) if self.summary else None
        # One GET per managed object that exists (resource, 2 attributes, 3 scopes; app,
        # grant), after one token, plus the writes: a refresh that reads object by object.
        self.refresh = 1 + 6 * mr + 2 * ma + (self.expected_writes or 0)

        g = Graph()
        res_last, app_last = read_graph(g, len(live_res), len(live_apps), mr, ma, args.page_size)
        self.bound_requests = None
        if self.kind == "plan" or changes == 0:
            self.bound_requests = len(g.deps)
        elif mr == 0 and ma == 0 and self.summary == (8 * n, 0, 0, 0):
            create_graph(g, n, res_last, app_last)
            self.bound_requests = len(g.deps)
        self.bound_rounds = g.rounds(args.parallelism) if self.bound_requests else None
        self.bound_seconds = (
            self.bound_rounds * args.latency_ms / 1000.0 if self.bound_rounds else None
        )

    def problems(self):
        found = []
        if self.exit != 0:
            found.append("exit %d: %s" % (self.exit, self.err.strip()[-300:]))
        if self.errors:
            found.append("%d requests answered with an error status" % self.errors)
        if self.kind == "apply":
            if self.summary != (8 * self.n, 0, 0, 0):
                found.append("the plan from empty is %s, not %d creates" % (self.summary, 8 * self.n))
            if self.expected_writes is not None and self.writes != self.expected_writes:
                found.append(
                    "sent %d writes for %d changes (one per change expected)"
                    % (self.writes, self.expected_writes)
                )
        else:
            if self.writes:
                found.append("sent %d writes (none expected)" % self.writes)
            if self.summary != (0, 0, 0, 0):
                found.append("the plan is %s, not empty" % (self.summary,))
        return found


RUN_NAMES = {"apply": "apply from empty", "plan": "no-op plan", "reapply": "second apply"}


def table(runs, args):
    lines = [
        "| resources | run | requests: token + reads + writes | per-object refresh "
        "| lower bound: requests | wall time | lower bound: time | time / bound | peak RSS |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        total = r.token + r.reads + r.writes
        bound_req = str(r.bound_requests) if r.bound_requests else "n/a"
        if r.bound_seconds:
            bound_time = "%.2f s (%d rounds)" % (r.bound_seconds, r.bound_rounds)
            ratio = "%.2fx" % (r.wall / r.bound_seconds)
        else:
            bound_time = "%d rounds" % r.bound_rounds if r.bound_rounds else "n/a"
            ratio = "n/a"
        lines.append(
            "| %d | %s | %d = %d + %d + %d | %d | %s | %.2f s | %s | %s | %.1f MB |"
            % (r.n, RUN_NAMES[r.kind], total, r.token, r.reads, r.writes, r.refresh, bound_req,
               r.wall, bound_time, ratio, r.rss_kb / 1024.0)
        )
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--work", required=True)
    p.add_argument("--sizes", required=True)
    p.add_argument("--latency-ms", type=int, required=True)
    p.add_argument("--page-size", type=int, required=True)
    p.add_argument("--parallelism", type=int, required=True)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--out")
    args = p.parse_args()

    runs = [Run(args.work, int(n), kind, args)
            for n in args.sizes.split() for kind in ("apply", "plan", "reapply")]
    text = (
        "Latency %d ms per request, emulator page size %d, parallelism %d.\n\n"
        % (args.latency_ms, args.page_size, args.parallelism)
    ) + table(runs, args)
    failures = []
    for r in runs:
        failures += ["%d resources, %s: %s" % (r.n, RUN_NAMES[r.kind], m) for m in r.problems()]
    for r in runs:
        if r.kind == "plan" and r.n >= 1000 and r.bound_seconds:
            ratio = r.wall / r.bound_seconds
            text += "\nTarget, no-op plan of %d resources within 1.3x of its bound: %.2fx, %s.\n" % (
                r.n, ratio, "met" if ratio <= 1.3 else "MISSED")
    if failures:
        text += "\nChecks FAILED:\n" + "".join("- %s\n" % f for f in failures)
    else:
        text += "\nChecks passed: every apply sent one write per change, every second apply " \
                "and no-op plan none.\n"
    sys.stdout.write(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
