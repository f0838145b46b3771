package io.mailsift.bench.jmh;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The benchmark JVM's CPU time per operation ({@code ·cpu}, ns/op): {@code -prof io.mailsift.bench.jmh.CpuTimeProfiler}.
 *
 * <p>On a machine others share, the wall time per operation counts the time the benchmark thread waited for a core;
 * the CPU time does not, so it stays close to the quiet machine's figure while the load changes. It counts every
 * thread of the forked JVM (the benchmark thread, and also the garbage collector and the JIT compilers, whose work
 * the benchmark causes), so on a quiet machine it is a little above the wall time of a single-threaded benchmark.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private long cpuAtStart;

    @Override
    public String getDescription() {
        return "CPU time of the benchmark JVM per operation (all its threads)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = processCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long operations = result.getMetadata().getAllOps();
        if (operations == 0) {
            return List.of();
        }
        double perOperation = (processCpuNanos() - cpuAtStart) / (double) operations;
        return List.of(new ScalarResult("·cpu", perOperation, "ns/op", AggregationPolicy.AVG));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
