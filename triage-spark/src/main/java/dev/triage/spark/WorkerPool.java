package dev.triage.spark;

import dev.triage.portfolio.PortfolioRunner;
import dev.triage.portfolio.WorkerProcess;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker JVMs of one Spark executor: a task borrows one, scans its app in it, and gives it back, so JVM start-up
 * and model loading are paid once per worker, not once per app (as in the single-machine portfolio scan). A worker
 * that died (timeout, out of memory, crash) is not given back; one that served {@value #APPS_PER_WORKER} apps is
 * closed. Idle workers are closed when the executor's JVM exits (and a worker exits on its own when its input ends).
 */
final class WorkerPool {
    static final int APPS_PER_WORKER = 500;
    private static final Map<List<String>, Deque<WorkerProcess>> IDLE = new HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(WorkerPool::closeAll, "triage-worker-pool-close"));
    }

    private WorkerPool() {
    }

    static WorkerProcess borrow(List<String> command) throws IOException, InterruptedException {
        synchronized (IDLE) {
            Deque<WorkerProcess> idle = IDLE.get(command);
            while (idle != null && !idle.isEmpty()) {
                WorkerProcess w = idle.pop();
                if (w.alive()) return w;
                w.close();
            }
        }
        return new WorkerProcess(command, PortfolioRunner.STARTUP);
    }

    static void release(List<String> command, WorkerProcess w) {
        if (!w.alive() || w.served() >= APPS_PER_WORKER) {
            w.close();
            return;
        }
        synchronized (IDLE) {
            IDLE.computeIfAbsent(List.copyOf(command), k -> new ArrayDeque<>()).push(w);
        }
    }

    /** Closes every idle worker of this JVM (the driver calls it after a local-mode scan; executors on exit). */
    static void closeAll() {
        List<WorkerProcess> all = new ArrayList<>();
        synchronized (IDLE) {
            IDLE.values().forEach(all::addAll);
            IDLE.clear();
        }
        all.forEach(WorkerProcess::close);
    }
}
