package org.pacekpi.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine and JVM a run was measured on, as the report states them.
 *
 * @param cpu         the CPU model, from /proc/cpuinfo where there is one
 * @param cores       processors available to the JVM
 * @param memoryBytes physical memory
 * @param os          operating system name, version and architecture
 * @param jvm         the JVM's name and version
 * @param maxHeap     the JVM's maximum heap, in bytes
 * @param jvmOptions  the JVM's options (heap, GC)
 * @param loadBefore  the system load average (1 min) before the run: other processes competing for the CPU
 * @param loadAfter   the same after the run
 */
public record Machine(String cpu, int cores, long memoryBytes, String os, String jvm, long maxHeap,
                      List<String> jvmOptions, double loadBefore, double loadAfter) {

    /** The system load average over the last minute, or -1 where the OS does not tell. */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * This machine, now.
     *
     * @param loadBefore the load average noted before the run
     */
    public static Machine current(double loadBefore) {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return new Machine(cpuModel().orElse(System.getProperty("os.arch")),
                Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory(), ManagementFactory.getRuntimeMXBean().getInputArguments(), loadBefore,
                loadAverage());
    }

    private static Optional<String> cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(cpuinfo).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            // Only a label in the report; the figures stand without it.
            return Optional.of("unknown (" + e.getMessage() + ")");
        }
    }
}
