package dev.triage.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Figures about this process, for --stats and the benchmark. */
final class Stats {
    private Stats() {
    }

    static String describe(long wallStartNanos) {
        double wall = (System.nanoTime() - wallStartNanos) / 1e9;
        double cpu = cpuSeconds();
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) peakHeap += pool.getPeakUsage().getUsed();
        }
        long rssKb = peakRssKb();
        return String.format(Locale.ROOT, "stats: wall %.2f s, cpu %.2f s, peak heap %d MB, peak rss %s",
                wall, cpu, peakHeap >> 20, rssKb < 0 ? "n/a" : (rssKb >> 10) + " MB");
    }

    static double cpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime() / 1e9;
        return -1;
    }

    /** VmHWM from /proc/self/status (Linux), or -1. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
