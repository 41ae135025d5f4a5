package dev.triage.program;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled platform hierarchy equals what the real API jars on this module's test class path
 * say. Regenerate with {@code -Dtriage.regenerate=true} after changing the jar list.
 */
class PlatformIndexTest {
    /** Jar file-name prefixes, and the packages of each to record. */
    static final String[][] JARS = {
            {"javax.servlet-api-", "javax/servlet/"},
            {"jakarta.servlet-api-", "jakarta/servlet/"},
            {"javax.ws.rs-api-", "javax/ws/rs/"},
            {"jakarta.ws.rs-api-", "jakarta/ws/rs/"},
            {"spring-web-", "org/springframework/web/", "org/springframework/http/"},
            {"spring-jdbc-", "org/springframework/jdbc/core/", "org/springframework/jdbc/core/namedparam/"},
            {"jakarta.persistence-api-", "jakarta/persistence/"},
            {"hibernate-core-", "org/hibernate/Session", "org/hibernate/SharedSessionContract", "org/hibernate/StatelessSession",
                    "org/hibernate/query/QueryProducer", "org/hibernate/query/Query", "org/hibernate/query/SelectionQuery",
                    "org/hibernate/query/MutationQuery", "org/hibernate/query/NativeQuery", "org/hibernate/query/CommonQueryContract",
                    "org/hibernate/engine/spi/SharedSessionContractImplementor", "org/hibernate/engine/spi/SessionImplementor"},
            // Android 14 (API 34) framework: the public classes an app's code can extend or call
            {"android-all-", "android/", "dalvik/", "org/json/", "org/xmlpull/"},
    };

    /** Only public classes of these jars (the framework jar also holds its implementation). */
    static final java.util.Set<String> PUBLIC_ONLY = java.util.Set.of("android-all-");

    @Test
    void bundledIndexMatchesTheRealJars() throws IOException {
        String expected = generate();
        Path resource = Path.of("src/main/resources" + PlatformIndex.RESOURCE);
        if (Boolean.getBoolean("triage.regenerate")) {
            Files.createDirectories(resource.getParent());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(expected.getBytes(StandardCharsets.UTF_8));
            }
            Files.write(resource, bytes.toByteArray());
        }
        String actual;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(resource))) {
            actual = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, actual, "platform-hierarchy.txt.gz is stale: rerun with -Dtriage.regenerate=true");
        assertTrue(PlatformIndex.size() > 500);
        assertTrue(PlatformIndex.find("javax/servlet/http/HttpServletRequest").interfaces().contains("javax/servlet/ServletRequest"));
    }

    @Test
    void containerProvidedTypesJoinTheHierarchy() {
        Program p = Program.builder().build();
        assertTrue(p.isSubtype("javax/servlet/http/HttpServletRequestWrapper", "javax/servlet/ServletRequest"));
        assertTrue(p.isSubtype("org/hibernate/Session", "org/hibernate/query/QueryProducer"));
        assertTrue(p.isSubtype("jakarta/servlet/http/HttpServletResponse", "jakarta/servlet/ServletResponse"));
        // Android: an app's Activity or Fragment resolves up to Context, its receiver to BroadcastReceiver
        assertTrue(p.isSubtype("android/app/Activity", "android/content/Context"));
        assertTrue(p.isSubtype("android/app/IntentService", "android/app/Service"));
        assertTrue(p.isSubtype("android/database/sqlite/SQLiteDatabase", "java/io/Closeable"));
        assertTrue(p.isSubtype("android/webkit/WebView", "android/view/View"));
    }

    @Test
    void bundledCallbacksMatchTheFrameworkJar() throws IOException {
        String expected = generateCallbacks();
        Path resource = Path.of("src/main/resources" + PlatformCallbacks.RESOURCE);
        if (Boolean.getBoolean("triage.regenerate")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(expected.getBytes(StandardCharsets.UTF_8));
            }
            Files.write(resource, bytes.toByteArray());
        }
        String actual;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(resource))) {
            actual = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, actual, "platform-callbacks.txt.gz is stale: rerun with -Dtriage.regenerate=true");
        assertTrue(PlatformCallbacks.declares("android/content/BroadcastReceiver", "onReceive",
                "(Landroid/content/Context;Landroid/content/Intent;)V"));
        assertTrue(PlatformCallbacks.declares("android/view/View$OnClickListener", "onClick", "(Landroid/view/View;)V"));
        assertTrue(PlatformCallbacks.declares("android/app/Activity", "onCreate", "(Landroid/os/Bundle;)V"));
        assertTrue(PlatformCallbacks.declares("android/webkit/WebViewClient", "shouldOverrideUrlLoading",
                "(Landroid/webkit/WebView;Ljava/lang/String;)Z"));
        assertFalse(PlatformCallbacks.declares("android/app/Activity", "getIntent", "()Landroid/content/Intent;"));
    }

    /** Overridable framework methods: abstract ones, and on*, should*, handle*, do* of non-final public classes. */
    static String generateCallbacks() throws IOException {
        TreeSet<String> lines = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String file = Path.of(entry).getFileName().toString();
            if (!file.startsWith("android-all-") || !file.endsWith(".jar")) continue;
            try (ZipFile z = new ZipFile(entry)) {
                Enumeration<? extends ZipEntry> e = z.entries();
                while (e.hasMoreElements()) {
                    String n = e.nextElement().getName();
                    if (!n.endsWith(".class") || !(n.startsWith("android/") || n.startsWith("dalvik/"))) continue;
                    ClassReader r;
                    try (InputStream in = z.getInputStream(z.getEntry(n))) {
                        r = new ClassReader(in.readAllBytes());
                    }
                    int access = r.getAccess();
                    if ((access & Opcodes.ACC_PUBLIC) == 0 || (access & Opcodes.ACC_FINAL) != 0) continue;
                    boolean itf = (access & Opcodes.ACC_INTERFACE) != 0;
                    r.accept(new ClassVisitor(Opcodes.ASM9) {
                        @Override
                        public MethodVisitor visitMethod(int ma, String name, String desc, String sig, String[] ex) {
                            if ((ma & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) == 0 || name.startsWith("<")) return null;
                            if ((ma & (Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0) return null;
                            boolean abs = (ma & Opcodes.ACC_ABSTRACT) != 0;
                            if (itf ? abs : abs || name.matches("(on|should|handle|do)[A-Z].*")) {
                                lines.add(r.getClassName() + " " + name + " " + desc);
                            }
                            return null;
                        }
                    }, ClassReader.SKIP_CODE);
                }
            }
        }
        return "# framework methods apps override: class name descriptor\n" + String.join("\n", lines) + "\n";
    }

    static String generate() throws IOException {
        TreeSet<String> lines = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String file = Path.of(entry).getFileName().toString();
            for (String[] jar : JARS) {
                if (!file.startsWith(jar[0]) || !file.endsWith(".jar")) continue;
                try (ZipFile z = new ZipFile(entry)) {
                    Enumeration<? extends ZipEntry> e = z.entries();
                    while (e.hasMoreElements()) {
                        ZipEntry ze = e.nextElement();
                        String n = ze.getName();
                        if (!n.endsWith(".class") || n.contains("module-info") || n.contains("package-info") || n.startsWith("META-INF/")) continue;
                        boolean wanted = false;
                        for (int i = 1; i < jar.length; i++) {
                            wanted |= jar[i].endsWith("/") ? n.startsWith(jar[i]) : n.equals(jar[i] + ".class");
                        }
                        if (!wanted) continue;
                        try (InputStream in = z.getInputStream(ze)) {
                            ClassReader r = new ClassReader(in.readAllBytes());
                            if (PUBLIC_ONLY.contains(jar[0]) && (r.getAccess() & org.objectweb.asm.Opcodes.ACC_PUBLIC) == 0) continue;
                            List<String> itfs = new ArrayList<>(List.of(r.getInterfaces()));
                            lines.add(r.getClassName() + " " + (r.getSuperName() == null ? "-" : r.getSuperName()) + " "
                                    + (itfs.isEmpty() ? "-" : String.join(",", itfs)) + " " + r.getAccess() + " "
                                    + jar[0].substring(0, jar[0].length() - 1));
                        }
                    }
                }
            }
        }
        return "# type hierarchy of container-provided APIs: name super interfaces access origin\n" + String.join("\n", lines) + "\n";
    }
}
