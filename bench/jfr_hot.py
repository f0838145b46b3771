#!/usr/bin/env python3
"""Where a benchmark's time goes, from a flight recording: the share of CPU samples per method.

    python3 bench/jfr_hot.py RECORDING.jfr [--thread jmh-worker] [--top 25] [--callers NAME]

Reads the recording's jdk.ExecutionSample events (`jfr print --json`, the JDK's own tool; Python standard library
otherwise) of the threads whose name contains --thread (JMH's benchmark threads by default) and prints:
  - self: the top frame of each sample (what the CPU was executing);
  - ours: the innermost io.mailsift frame with its line (which of our lines the time is spent under);
  - inclusive: the share of samples with the method anywhere on the stack, for io.mailsift methods and the library
    entry points that matter here (regular expressions, jsoup, Jakarta Mail).
--callers NAME instead lists the call chains (two library frames, then the first two io.mailsift frames) into
methods whose name contains NAME, e.g. --callers StreamProvider.provider or --callers Pattern.compile.
"""
import argparse
import collections
import json
import os
import subprocess

LIBRARY_ENTRY_POINTS = ("java.util.regex.Pattern.compile", "java.util.regex.Matcher.find",
                        "java.util.regex.Matcher.matches", "org.jsoup.Jsoup.parse", "jakarta.mail.",
                        "java.text.Normalizer.normalize")


def samples(recording, thread):
    jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")
    printed = subprocess.run([jfr, "print", "--json", "--events", "jdk.ExecutionSample", "--stack-depth", "256",
                              recording], capture_output=True, text=True, check=True).stdout
    for event in json.loads(printed)["recording"]["events"]:
        values = event["values"]
        name = (values.get("sampledThread") or {}).get("javaName") or ""
        frames = (values.get("stackTrace") or {}).get("frames") or []
        if thread in name and frames:
            yield [(f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"], f.get("lineNumber"))
                   for f in frames]


def ours(method):
    return method.startswith("io.mailsift.") and "jmh_generated" not in method and "$$Lambda" not in method


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("recording")
    parser.add_argument("--thread", default="jmh-worker")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--callers")
    args = parser.parse_args()

    stacks = list(samples(args.recording, args.thread))
    total = len(stacks)
    print(f"{total} samples of threads named *{args.thread}*")
    if not total:
        return

    def show(title, counter, keep=lambda key: True):
        print(f"\n== {title} ==")
        for key, count in [(k, c) for k, c in counter.most_common() if keep(k)][:args.top]:
            print(f"{100 * count / total:5.1f}%  {key}")

    if args.callers:
        chains = collections.Counter()
        for stack in stacks:
            for i, (method, line) in enumerate(stack):
                if args.callers in method:
                    library = [f"{m}:{l}" for m, l in stack[i + 1:i + 3]]
                    mine = [f"{m}:{l}" for m, l in stack[i + 1:] if ours(m)][:2]
                    chains[" <- ".join([method] + library + mine)] += 1
                    break
        show(f"callers of *{args.callers}*", chains)
        return

    self_time = collections.Counter(stack[0][0] for stack in stacks)
    innermost = collections.Counter(next((f"{m}:{l}" for m, l in stack if ours(m)), "(none)") for stack in stacks)
    inclusive = collections.Counter(method for stack in stacks for method in {m for m, _ in stack})
    show("self (top frame)", self_time)
    show("ours (innermost io.mailsift frame and line)", innermost)
    show("inclusive", inclusive, lambda m: ours(m) or m.startswith(LIBRARY_ENTRY_POINTS))


if __name__ == "__main__":
    main()
