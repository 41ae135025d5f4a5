package dev.triage.components;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A Maven repository on 127.0.0.1 serving a directory in repository layout the way Maven Central does:
 * {@code maven-metadata.xml} listing the version directories (plus any extra versions a test adds, which have no
 * jar), and {@code <artifact>-<version>.jar.sha1} computed from the real jar. Counts the requests it answers.
 */
final class MavenRepositoryServer implements AutoCloseable {
    private final HttpServer server;
    private final Path root;
    final Map<String, List<String>> extraVersions = new ConcurrentHashMap<>();
    final Map<String, byte[]> overrides = new ConcurrentHashMap<>();
    final AtomicInteger metadataRequests = new AtomicInteger();
    final AtomicInteger checksumRequests = new AtomicInteger();
    volatile String lastUpdated = "20250101000000";

    MavenRepositoryServer(Path root) throws IOException {
        this.root = root;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath().replaceFirst("^/repo/", "");
            byte[] body = answer(path);
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(body);
                }
            }
            ex.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/repo/");
    }

    private byte[] answer(String path) throws IOException {
        if (overrides.containsKey(path)) return overrides.get(path);
        if (path.contains("..")) return null;
        if (path.endsWith("/maven-metadata.xml")) {
            metadataRequests.incrementAndGet();
            Path dir = root.resolve(path.substring(0, path.length() - "/maven-metadata.xml".length()));
            if (!Files.isDirectory(dir)) return null;
            TreeSet<String> versions = new TreeSet<>();
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(Files::isDirectory).forEach(p -> versions.add(p.getFileName().toString()));
            }
            String rel = root.relativize(dir).toString().replace('\\', '/');
            versions.addAll(extraVersions.getOrDefault(rel, List.of()));
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata><versioning><versions>");
            for (String v : versions) xml.append("<version>").append(v).append("</version>");
            xml.append("</versions><lastUpdated>").append(lastUpdated).append("</lastUpdated></versioning></metadata>\n");
            return xml.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (path.endsWith(".jar.sha1")) {
            checksumRequests.incrementAndGet();
            Path jar = root.resolve(path.substring(0, path.length() - ".sha1".length()));
            if (!Files.isRegularFile(jar)) return null;
            return (sha1(Files.readAllBytes(jar)) + "  " + jar.getFileName() + "\n").getBytes(StandardCharsets.US_ASCII);
        }
        return null;
    }

    static String sha1(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jars under a directory in repository layout, with the coordinates their paths say. */
    static Map<String, Path> jarsByGav(Path root) {
        Map<String, Path> out = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path jar : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                Path rel = root.relativize(jar);
                int n = rel.getNameCount();
                String version = rel.getName(n - 2).toString();
                String artifact = rel.getName(n - 3).toString();
                List<String> group = new ArrayList<>();
                for (int i = 0; i < n - 3; i++) group.add(rel.getName(i).toString());
                out.put(String.join(".", group) + ":" + artifact + ":" + version, jar);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
