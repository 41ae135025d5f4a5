package dev.triage.analysis;

import dev.triage.contract.Detection;
import dev.triage.analysis.detect.AndroidAppConfigDetector;
import dev.triage.analysis.detect.AndroidComponentDetector;
import dev.triage.analysis.detect.AndroidNetworkConfigDetector;
import dev.triage.analysis.detect.AndroidSecretDetector;
import dev.triage.analysis.detect.ApkSigningDetector;
import dev.triage.analysis.detect.CleartextAuthorizationDetector;
import dev.triage.analysis.detect.CleartextHttpDetector;
import dev.triage.analysis.detect.CookieHeaderDetector;
import dev.triage.analysis.detect.ConfigSecretDetector;
import dev.triage.analysis.detect.AnnotationSettingDetector;
import dev.triage.analysis.detect.RequestBodyTypingDetector;
import dev.triage.analysis.detect.ConfigSettingDetector;
import dev.triage.analysis.detect.FlagSecureDetector;
import dev.triage.analysis.detect.CsrfDisabledDetector;
import dev.triage.analysis.detect.MissingAuthorizationDetector;
import dev.triage.analysis.detect.HardcodedPasswordDetector;
import dev.triage.analysis.detect.KeyMaterialDetector;
import dev.triage.analysis.detect.ObjectStateDetector;
import dev.triage.analysis.detect.PredictableRandomDetector;
import dev.triage.analysis.detect.ShortKeyDetector;
import dev.triage.analysis.detect.TaintDetector;
import dev.triage.analysis.detect.TlsVerificationDetector;
import dev.triage.analysis.detect.TrackerSdkDetector;
import dev.triage.analysis.detect.WeakCipherDetector;
import dev.triage.analysis.detect.WeakHashDetector;
import dev.triage.analysis.detect.WeakTlsProtocolDetector;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.value.ValueContext;
import dev.triage.program.ClassInfo;
import dev.triage.program.Program;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs the detectors over a program: one app class per task, on a fixed number of threads. */
public final class Analyses {
    private Analyses() {
    }

    /** The built-in detectors. */
    public static List<Detector> builtInDetectors(Models models) {
        return List.of(
                new WeakCipherDetector(),
                new WeakHashDetector(),
                new PredictableRandomDetector(),
                ObjectStateDetector.forModels(models),
                new TlsVerificationDetector(),
                new WeakTlsProtocolDetector(),
                new HardcodedPasswordDetector(),
                new KeyMaterialDetector(),
                new ShortKeyDetector(),
                new CleartextHttpDetector(),
                new CookieHeaderDetector(),
                new CleartextAuthorizationDetector(),
                new ConfigSecretDetector(),
                new ConfigSettingDetector(models),
                new AnnotationSettingDetector(models),
                new RequestBodyTypingDetector(models),
                new ApkSigningDetector(models),
                new TrackerSdkDetector(models),
                new AndroidAppConfigDetector(),
                new AndroidNetworkConfigDetector(),
                new AndroidComponentDetector(),
                new AndroidSecretDetector(),
                new FlagSecureDetector(),
                new MissingAuthorizationDetector(),
                new CsrfDisabledDetector(),
                new TaintDetector(models));
    }

    /**
     * What the analyses found and what they could not finish.
     *
     * @param detections      unordered (the findings stage orders them)
     * @param problems        one line each: methods not analysed, budget exhausted
     * @param methodsAnalysed methods whose code was analysed
     * @param complete        false when the budget ran out before every class was analysed
     * @param outOfMemory     problems (among {@code problems}) of classes or resource checks that ran out of heap:
     *                        the scan is partial for a reason other than its input
     */
    public record Result(List<Detection> detections, List<String> problems, int methodsAnalysed, boolean complete,
                         List<String> outOfMemory, ModelCoverage coverage) {
        public Result {
            outOfMemory = List.copyOf(outOfMemory);
        }

        public Result(List<Detection> detections, List<String> problems, int methodsAnalysed, boolean complete) {
            this(detections, problems, methodsAnalysed, complete, List.of(), ModelCoverage.EMPTY);
        }

        public Result(List<Detection> detections, List<String> problems, int methodsAnalysed, boolean complete,
                      List<String> outOfMemory) {
            this(detections, problems, methodsAnalysed, complete, outOfMemory, ModelCoverage.EMPTY);
        }
    }

    public static Result run(Program program, Models models, List<Detector> detectors, int threads, Deadline budget,
                             IntConsumer progress) {
        return run(program, models, detectors, threads, budget, java.util.Set.of("remote"), progress);
    }

    public static Result run(Program program, Models models, List<Detector> detectors, int threads, Deadline budget,
                             java.util.Set<String> sourceKinds, IntConsumer progress) {
        return run(program, models, detectors, threads, budget, sourceKinds, null, progress);
    }

    /** @param now the scan's clock reading (certificate validity is judged against it); null for the current time */
    public static Result run(Program program, Models models, List<Detector> detectors, int threads, Deadline budget,
                             java.util.Set<String> sourceKinds, java.time.Instant now, IntConsumer progress) {
        AnalysisContext ctx = new AnalysisContext(program, models, budget, sourceKinds, now);
        ConcurrentLinkedQueue<Detection> found = new ConcurrentLinkedQueue<>();
        Reporter reporter = found::add;
        AtomicInteger methods = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger skippedForBudget = new AtomicInteger();
        List<String> problems = new ArrayList<>();
        List<String> oom = java.util.Collections.synchronizedList(new ArrayList<>());

        // Each detector reports through its own reporter, which gives a finding that names no model row the
        // detector's own provenance (its code, the tables it judged by): every finding leaves here with one.
        java.util.Map<Detector, Reporter> reporters = new java.util.IdentityHashMap<>();
        for (Detector d : detectors) {
            String fallback = d.provenance(models);
            reporters.put(d, x -> reporter.report(Provenance.orElse(x, fallback)));
        }
        for (Detector d : detectors) {
            try {
                d.visitResources(new ResourceScan(ctx, reporters.get(d)));
            } catch (ValueContext.DeadlineExceeded e) {
                skippedForBudget.incrementAndGet();
            } catch (RuntimeException | StackOverflowError | AssertionError e) {
                // a resource the detector could not judge (hostile input): the other detectors and the code go on
                ctx.problem(d.getClass().getSimpleName() + ": resource checks failed: " + e);
            } catch (OutOfMemoryError e) {
                String p = d.getClass().getSimpleName() + ": resource checks not finished: out of memory";
                oom.add(p);
                ctx.problem(p);
            }
        }

        List<Program.AppClass> classes = new ArrayList<>(program.appClasses());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "triage-analysis");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Program.AppClass app : classes) {
                futures.add(pool.submit(() -> {
                    try {
                        if (budget.exhausted()) {
                            skippedForBudget.incrementAndGet();
                            return;
                        }
                        analyseClass(ctx, app.info(), detectors, reporters, methods);
                    } catch (ValueContext.DeadlineExceeded e) {
                        skippedForBudget.incrementAndGet();
                    } catch (RuntimeException | StackOverflowError | AssertionError e) {
                        ctx.problem(app.info().dottedName() + ": analysis failed: " + e);
                    } catch (OutOfMemoryError e) {
                        // the class's analysis state is garbage now; the other classes go on
                        String p = app.info().dottedName() + ": not analysed: out of memory";
                        oom.add(p);
                        ctx.problem(p);
                    } finally {
                        if (progress != null) progress.accept(done.incrementAndGet());
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new IllegalStateException("analysis task failed", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        problems.addAll(ctx.problems());
        if (skippedForBudget.get() > 0) {
            problems.add("time budget exhausted: " + skippedForBudget.get() + " of " + classes.size()
                    + " app classes were not (fully) analysed; findings are incomplete");
        }
        problems.sort(null);
        List<String> outOfMemory = new ArrayList<>(oom);
        outOfMemory.sort(null);
        return new Result(new ArrayList<>(found), problems, methods.get(), skippedForBudget.get() == 0, outOfMemory,
                ctx.coverage());
    }

    private static void analyseClass(AnalysisContext ctx, ClassInfo info, List<Detector> detectors,
                                     java.util.Map<Detector, Reporter> reporters, AtomicInteger methods) {
        ClassNode node = ctx.program().readCode(info.name());
        if (node == null) return;
        for (Detector d : detectors) d.visitClass(new ClassScan(ctx, info, node, reporters.get(d)));
        for (MethodNode m : node.methods) {
            if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || m.instructions.size() == 0) continue;
            ctx.checkDeadline();
            MethodFrames frames = ctx.analyse(node, m, 0);
            if (frames == null) continue;
            methods.incrementAndGet();
            for (Detector d : detectors) d.visitMethod(new MethodScan(ctx, info, frames, reporters.get(d)));
        }
    }
}
