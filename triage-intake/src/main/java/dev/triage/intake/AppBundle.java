package dev.triage.intake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Everything intake read from the inputs, kept in memory: convenient for small apps and tests. */
public final class AppBundle implements IntakeListener {
    private final List<ClassEntry> classes = new ArrayList<>();
    private final List<ResourceEntry> resources = new ArrayList<>();
    private final List<LibraryArchive> libraries = new ArrayList<>();
    private final List<SkippedInput> skipped = new ArrayList<>();
    private final List<AndroidSigning> signings = new ArrayList<>();
    private long newestEntryTime;

    @Override public void onClass(ClassEntry entry) { classes.add(entry); }
    @Override public void onResource(ResourceEntry entry) { resources.add(entry); }
    @Override public void onLibrary(LibraryArchive library) { libraries.add(library); }
    @Override public void onSkipped(SkippedInput s) { skipped.add(s); }
    @Override public void onAndroidSigning(AndroidSigning s) { signings.add(s); }
    @Override public void onNewestEntryTime(long t) { newestEntryTime = Math.max(newestEntryTime, t); }

    public List<ClassEntry> classes() { return Collections.unmodifiableList(classes); }
    public List<ResourceEntry> resources() { return Collections.unmodifiableList(resources); }
    public List<LibraryArchive> libraries() { return Collections.unmodifiableList(libraries); }
    public List<SkippedInput> skipped() { return Collections.unmodifiableList(skipped); }
    public List<AndroidSigning> androidSignings() { return Collections.unmodifiableList(signings); }
    public long newestEntryTime() { return newestEntryTime; }

    /** Replays the bundle into another listener (for building a program model from it). */
    public void replay(IntakeListener listener) {
        libraries.forEach(listener::onLibrary);
        classes.forEach(listener::onClass);
        resources.forEach(listener::onResource);
        skipped.forEach(listener::onSkipped);
        signings.forEach(listener::onAndroidSigning);
        listener.onNewestEntryTime(newestEntryTime);
    }
}
