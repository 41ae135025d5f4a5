package dev.triage.program;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Headers of the running JDK's classes, read as bytes from the {@code jrt:/} image on demand.
 * (The JDK is trusted platform code; reading its class files is not loading scanned code.)
 */
final class JdkClasses {
    private static final FileSystem JRT = openJrt();
    private static final Map<String, Optional<String>> MODULE_OF_PACKAGE = new ConcurrentHashMap<>();
    private static final Map<String, Optional<ClassInfo>> CACHE = new ConcurrentHashMap<>();

    private JdkClasses() {
    }

    private static FileSystem openJrt() {
        try {
            return FileSystems.getFileSystem(URI.create("jrt:/"));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static ClassInfo find(String internalName) {
        if (JRT == null) return null;
        return CACHE.computeIfAbsent(internalName, JdkClasses::load).orElse(null);
    }

    /** The class file of a JDK class, or null. */
    static byte[] bytes(String internalName) {
        if (JRT == null || find(internalName) == null) return null;
        int slash = internalName.lastIndexOf('/');
        Optional<String> module = MODULE_OF_PACKAGE.get(internalName.substring(0, slash).replace('/', '.'));
        if (module == null || module.isEmpty()) return null;
        try {
            return Files.readAllBytes(JRT.getPath("/modules", module.get(), internalName + ".class"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Optional<ClassInfo> load(String internalName) {
        int slash = internalName.lastIndexOf('/');
        if (slash < 0) return Optional.empty();
        String pkg = internalName.substring(0, slash).replace('/', '.');
        Optional<String> module = MODULE_OF_PACKAGE.computeIfAbsent(pkg, JdkClasses::moduleOf);
        if (module.isEmpty()) return Optional.empty();
        Path file = JRT.getPath("/modules", module.get(), internalName + ".class");
        try {
            if (!Files.exists(file)) return Optional.empty();
            return Optional.of(HeaderReader.read(Files.readAllBytes(file), null, "jrt:/" + module.get()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> moduleOf(String dottedPackage) {
        Path dir = JRT.getPath("/packages", dottedPackage);
        if (!Files.isDirectory(dir)) return Optional.empty();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                return Optional.of(p.getFileName().toString());
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
