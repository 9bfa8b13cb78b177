"""What the benchmarks that drive a stdkit server (lsp-bench.py, serve-bench.py) share: the
summary of a series of times, the server's peak memory, the size of the project measured."""
import os, statistics


def percentile(values, p):
    """The nearest-rank percentile (p in 0…100) of `values`."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def summary(values):
    return {"count": len(values), "median": statistics.median(values), "p95": percentile(values, 95), "max": max(values)}


def memory_kb(pid):
    """VmHWM (the peak) and VmRSS of process `pid`, in kB."""
    figures = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmHWM:", "VmRSS:")):
                name, value = line.split(":")
                figures[name] = int(value.split()[0])
    return figures


def markdown_mb(project):
    """The Markdown of folder `project`, in MB."""
    total = 0
    for folder, _, files in os.walk(project):
        total += sum(os.path.getsize(os.path.join(folder, f)) for f in files if f.endswith(".md"))
    return total / 1048576
