package dev.triage.components;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which groups really publish an artifact id: the advisory database's packages, the artifacts the hash index has
 * read from the repository, and {@code known-artifacts.txt} (the jars the most used platform BOMs manage). Evidence
 * in a jar may propose a group; it is accepted only when it is one of these for that artifact id.
 */
public final class KnownArtifacts {
    private static final List<String> BUNDLED = load();

    private final Map<String, Set<String>> groupsByArtifact = new TreeMap<>();
    private final HashIndex hashes;

    private KnownArtifacts(HashIndex hashes) {
        this.hashes = hashes;
    }

    /**
     * @param advisoryKeys group:artifact keys of the advisory database (may be empty)
     * @param hashes       the hash index (its artifacts are read on first use)
     */
    public static KnownArtifacts of(Collection<String> advisoryKeys, HashIndex hashes) {
        KnownArtifacts k = new KnownArtifacts(hashes == null ? HashIndex.empty() : hashes);
        BUNDLED.forEach(k::add);
        advisoryKeys.forEach(k::add);
        return k;
    }

    /** Only the bundled list (no database). */
    public static KnownArtifacts bundled() {
        return of(List.of(), HashIndex.empty());
    }

    /** The bundled list of group:artifact keys that {@code db update} indexes beside the advisories' packages. */
    public static List<String> bundledKeys() {
        return BUNDLED;
    }

    private void add(String key) {
        int c = key.indexOf(':');
        if (c <= 0 || c == key.length() - 1) return;
        groupsByArtifact.computeIfAbsent(key.substring(c + 1), x -> new TreeSet<>()).add(key.substring(0, c));
    }

    /** Groups known to publish {@code artifactId}, sorted. */
    public Set<String> groupsOf(String artifactId) {
        Set<String> a = groupsByArtifact.getOrDefault(artifactId, Set.of());
        Set<String> b = hashes.groupsOf(artifactId);
        if (b.isEmpty()) return Collections.unmodifiableSet(a);
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    public HashIndex hashes() {
        return hashes;
    }

    private static List<String> load() {
        try (InputStream in = KnownArtifacts.class.getResourceAsStream("/dev/triage/components/known-artifacts.txt")) {
            if (in == null) return List.of();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
