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

    /**
     * Model coverage: of the library call sites (and distinct library methods) tainted data reached, how many a model
     * described, how many a summary computed from the library's code, and how many nothing; and how many library code
     * summaries this process computed or reused.
     */
    static String coverage(dev.triage.findings.ScanStats s) {
        java.util.Map<String, Integer> c = s == null ? java.util.Map.of() : s.modelCoverage();
        long[] lib = dev.triage.analysis.value.LibraryCodeSummaries.counters();
        return String.format(Locale.ROOT, "model coverage: library calls reached by tainted data: %d sites (%d model, %d computed"
                        + " summary, %d nothing), %d methods (%d model, %d computed summary, %d nothing); library code"
                        + " summaries computed %d, reused %d",
                c.getOrDefault("sites-model", 0) + c.getOrDefault("sites-computed", 0) + c.getOrDefault("sites-none", 0),
                c.getOrDefault("sites-model", 0), c.getOrDefault("sites-computed", 0), c.getOrDefault("sites-none", 0),
                c.getOrDefault("methods-model", 0) + c.getOrDefault("methods-computed", 0) + c.getOrDefault("methods-none", 0),
                c.getOrDefault("methods-model", 0), c.getOrDefault("methods-computed", 0), c.getOrDefault("methods-none", 0),
                lib[0], lib[1]);
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
