package dev.triage.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.triage.intake.Fixtures.cls;
import static dev.triage.intake.Fixtures.text;
import static dev.triage.intake.Fixtures.write;
import static dev.triage.intake.Fixtures.zip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArtifactReaderLayoutTest {
    @TempDir
    Path tmp;

    private static AppBundle read(List<Path> inputs) {
        return new ArtifactReader(IntakeOptions.defaults()).readAll(inputs);
    }

    static Map<String, ClassEntry> byName(AppBundle b) {
        return b.classes().stream().collect(Collectors.toMap(ClassEntry::internalName, c -> c, (a, c) -> {
            throw new AssertionError("two copies of " + a.internalName());
        }));
    }

    static Map<String, CodeRole> roles(AppBundle b) {
        return byName(b).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().role()));
    }

    @Test
    void classesDirectory() {
        Path dir = tmp.resolve("classes");
        write(dir.resolve("com/acme/B.class"), cls("com/acme/B"));
        write(dir.resolve("com/acme/A.class"), cls("com/acme/A"));
        write(dir.resolve("config/app.properties"), text("db.password=secret"));
        write(dir.resolve("notes.txt"), text("ignored"));
        write(dir.resolve("lib/dep.jar"), zip("org/lib/L.class", cls("org/lib/L")));

        AppBundle b = read(List.of(dir));

        assertEquals(List.of(), b.skipped());
        assertEquals(List.of("com/acme/A", "com/acme/B", "org/lib/L"),
                b.classes().stream().map(ClassEntry::internalName).toList(), "sorted directory order");
        assertEquals(Map.of("com/acme/A", CodeRole.APP, "com/acme/B", CodeRole.APP, "org/lib/L", CodeRole.LIBRARY),
                roles(b));
        assertNull(byName(b).get("com/acme/A").library());
        assertEquals(dir + "/com/acme/A.class", byName(b).get("com/acme/A").origin());
        assertEquals(dir + "/lib/dep.jar!/org/lib/L.class", byName(b).get("org/lib/L").origin());
        assertEquals(List.of("config/app.properties"), b.resources().stream().map(ResourceEntry::name).toList());
        assertEquals(1, b.libraries().size());
        assertEquals("dep.jar", b.libraries().get(0).fileName());
        assertEquals(1, b.libraries().get(0).classCount());
        assertTrue(b.newestEntryTime() > 0);
    }

    @Test
    void singleClassFile() {
        Path f = write(tmp.resolve("Solo.class"), cls("x/Solo"));
        AppBundle b = read(List.of(f));
        assertEquals(Map.of("x/Solo", CodeRole.APP), roles(b));
        assertEquals(f.toString(), b.classes().get(0).origin());
    }

    @Test
    void plainJarWithNestedJar() {
        byte[] inner = zip("org/dep/D.class", cls("org/dep/D"));
        Path jar = write(tmp.resolve("app.jar"), zip(
                "META-INF/MANIFEST.MF", text("Manifest-Version: 1.0\n"),
                "com/acme/Main.class", cls("com/acme/Main"),
                "META-INF/maven/com.acme/app/pom.properties", text("version=1"),
                "libs/dep.jar", inner,
                "logo.png", new byte[]{1, 2, 3}));

        AppBundle b = read(List.of(jar));

        assertEquals(List.of(), b.skipped());
        assertEquals(Map.of("com/acme/Main", CodeRole.APP, "org/dep/D", CodeRole.LIBRARY), roles(b));
        assertEquals(jar + "!/libs/dep.jar", byName(b).get("org/dep/D").library());
        assertEquals(jar + "!/libs/dep.jar!/org/dep/D.class", byName(b).get("org/dep/D").origin());
        assertEquals(List.of("META-INF/MANIFEST.MF", "META-INF/maven/com.acme/app/pom.properties"),
                b.resources().stream().map(ResourceEntry::name).toList());
        LibraryArchive lib = b.libraries().get(0);
        assertEquals(inner.length, lib.size());
        assertEquals(hex("SHA-1", inner), lib.sha1());
        assertEquals(hex("SHA-256", inner), lib.sha256());
    }

    @Test
    void warSplitsAppFromLibrariesAndNamesResources() {
        Path war = write(tmp.resolve("portal.war"), zip(
                "WEB-INF/web.xml", text("<web-app/>"),
                "WEB-INF/classes/com/acme/PatientServlet.class", cls("com/acme/PatientServlet"),
                "WEB-INF/classes/config/app.properties", text("a=b"),
                "WEB-INF/lib/log4j-core-2.14.1.jar", zip("org/apache/logging/log4j/core/Logger.class",
                        cls("org/apache/logging/log4j/core/Logger"),
                        "META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties", text("version=2.14.1")),
                "index.jsp", text("<html/>")));

        AppBundle b = read(List.of(war));

        assertEquals(List.of(), b.skipped());
        assertEquals(Map.of("com/acme/PatientServlet", CodeRole.APP,
                "org/apache/logging/log4j/core/Logger", CodeRole.LIBRARY), roles(b));
        assertEquals(war + "!/WEB-INF/classes/com/acme/PatientServlet.class",
                byName(b).get("com/acme/PatientServlet").origin());
        Map<String, ResourceEntry> res = b.resources().stream()
                .collect(Collectors.toMap(ResourceEntry::name, r -> r));
        assertEquals(CodeRole.APP, res.get("config/app.properties").role());
        assertEquals(war + "!/WEB-INF/classes/config/app.properties", res.get("config/app.properties").origin());
        assertEquals(CodeRole.APP, res.get("WEB-INF/web.xml").role());
        assertEquals(CodeRole.LIBRARY,
                res.get("META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties").role());
        assertEquals(1, b.libraries().size());
        LibraryArchive lib = b.libraries().get(0);
        assertEquals("log4j-core-2.14.1.jar", lib.fileName());
        assertEquals(war + "!/WEB-INF/lib/log4j-core-2.14.1.jar", lib.origin());
        assertEquals(1, lib.classCount());
    }

    @Test
    void earModulesAreAppAndLibDirIsLibrary() {
        byte[] web = zip("WEB-INF/classes/com/acme/web/Servlet.class", cls("com/acme/web/Servlet"),
                "WEB-INF/lib/webdep.jar", zip("org/webdep/W.class", cls("org/webdep/W")));
        byte[] ejb = zip("com/acme/ejb/Bean.class", cls("com/acme/ejb/Bean"));
        byte[] util = zip("org/util/U.class", cls("org/util/U"));
        Path ear = write(tmp.resolve("app.ear"), zip(
                "META-INF/application.xml", text("<application/>"),
                "web.war", web, "ejb.jar", ejb, "lib/util.jar", util));

        AppBundle b = read(List.of(ear));

        assertEquals(List.of(), b.skipped());
        assertEquals(Map.of("com/acme/web/Servlet", CodeRole.APP, "com/acme/ejb/Bean", CodeRole.APP,
                "org/webdep/W", CodeRole.LIBRARY, "org/util/U", CodeRole.LIBRARY), roles(b));
        assertEquals(List.of("webdep.jar", "util.jar"), b.libraries().stream().map(LibraryArchive::fileName).toList());
        assertEquals(ear + "!/web.war!/WEB-INF/lib/webdep.jar", b.libraries().get(0).origin());
    }

    @Test
    void earHonoursLibraryDirectory() {
        Path ear = write(tmp.resolve("app.ear"), zip(
                "META-INF/application.xml",
                text("<application><library-directory>shared</library-directory></application>"),
                "shared/s.jar", zip("org/s/S.class", cls("org/s/S")),
                "lib/notlib.jar", zip("com/acme/M.class", cls("com/acme/M"))));
        AppBundle b = read(List.of(ear));
        assertEquals(Map.of("org/s/S", CodeRole.LIBRARY, "com/acme/M", CodeRole.APP), roles(b));
    }

    @Test
    void springBootJar() {
        Path jar = write(tmp.resolve("boot.jar"), zip(
                "META-INF/MANIFEST.MF", text("Main-Class: org.springframework.boot.loader.launch.JarLauncher\n"),
                "org/springframework/boot/loader/launch/JarLauncher.class",
                cls("org/springframework/boot/loader/launch/JarLauncher"),
                "BOOT-INF/classes/com/acme/App.class", cls("com/acme/App"),
                "BOOT-INF/classes/application.yml", text("server.port: 8080"),
                "BOOT-INF/lib/spring-web.jar", zip("org/springframework/web/W.class", cls("org/springframework/web/W"))));

        AppBundle b = read(List.of(jar));

        assertEquals(List.of(), b.skipped());
        assertEquals(Map.of("com/acme/App", CodeRole.APP,
                "org/springframework/boot/loader/launch/JarLauncher", CodeRole.LIBRARY,
                "org/springframework/web/W", CodeRole.LIBRARY), roles(b));
        assertTrue(b.resources().stream().anyMatch(r -> r.name().equals("application.yml")));
        assertEquals(List.of("spring-web.jar"), b.libraries().stream().map(LibraryArchive::fileName).toList());
    }

    @Test
    void springBootWarIncludesLibProvided() {
        Path war = write(tmp.resolve("boot.war"), zip(
                "WEB-INF/classes/com/acme/App.class", cls("com/acme/App"),
                "WEB-INF/lib/a.jar", zip("org/a/A.class", cls("org/a/A")),
                "WEB-INF/lib-provided/tomcat.jar", zip("org/apache/T.class", cls("org/apache/T"))));
        AppBundle b = read(List.of(war));
        assertEquals(Map.of("com/acme/App", CodeRole.APP, "org/a/A", CodeRole.LIBRARY,
                "org/apache/T", CodeRole.LIBRARY), roles(b));
        assertEquals(2, b.libraries().size());
    }

    @Test
    void multiReleaseJarPicksHighestVersionUpTo17() {
        byte[] mr = zip(
                "META-INF/MANIFEST.MF", text("Multi-Release: true\n"),
                "com/acme/M.class", cls("com/acme/M", "base"),
                "com/acme/Only.class", cls("com/acme/Only", "base"),
                "META-INF/versions/9/com/acme/M.class", cls("com/acme/M", "v9"),
                "META-INF/versions/11/com/acme/M.class", cls("com/acme/M", "v11"),
                "META-INF/versions/21/com/acme/M.class", cls("com/acme/M", "v21"),
                "META-INF/versions/21/com/acme/Only.class", cls("com/acme/Only", "v21"),
                "META-INF/versions/9/com/acme/New.class", cls("com/acme/New", "v9"));
        Path jar = write(tmp.resolve("mr.jar"), mr);
        // the same jar nested in a war is streamed from memory: same choice
        Path war = write(tmp.resolve("w.war"), zip("WEB-INF/lib/mr.jar", mr));

        for (Path input : List.of(jar, war)) {
            AppBundle b = read(List.of(input));
            assertEquals(List.of(), b.skipped());
            Map<String, ClassEntry> c = byName(b);
            assertEquals(3, c.size(), input.toString());
            assertArrayEquals(cls("com/acme/M", "v11"), c.get("com/acme/M").bytes());
            assertArrayEquals(cls("com/acme/Only", "base"), c.get("com/acme/Only").bytes());
            assertArrayEquals(cls("com/acme/New", "v9"), c.get("com/acme/New").bytes());
        }
    }

    @Test
    void appPackagesOverrideTheSplit() {
        Path war = write(tmp.resolve("portal.war"), zip(
                "WEB-INF/classes/com/acme/A.class", cls("com/acme/A"),
                "WEB-INF/classes/org/thirdparty/Shaded.class", cls("org/thirdparty/Shaded"),
                "WEB-INF/lib/acme-common.jar", zip("com/acme/common/C.class", cls("com/acme/common/C")),
                "WEB-INF/lib/other.jar", zip("org/other/O.class", cls("org/other/O"))));
        IntakeOptions opts = new IntakeOptions(IntakeLimits.DEFAULTS, List.of("com.acme"), List.of());

        AppBundle b = new ArtifactReader(opts).readAll(List.of(war));

        assertEquals(Map.of("com/acme/A", CodeRole.APP, "org/thirdparty/Shaded", CodeRole.LIBRARY,
                "com/acme/common/C", CodeRole.APP, "org/other/O", CodeRole.LIBRARY), roles(b));
        assertNull(byName(b).get("com/acme/common/C").library());
        assertEquals(2, b.libraries().size());
    }

    @Test
    void classpathEntriesAreLibraries() {
        Path app = write(tmp.resolve("app/com/acme/A.class"), cls("com/acme/A")).getParent().getParent().getParent();
        Path cpJar = write(tmp.resolve("cp/servlet-api.jar"), zip("javax/servlet/Servlet.class",
                cls("javax/servlet/Servlet")));
        Path cpDir = tmp.resolve("cpdir");
        write(cpDir.resolve("org/x/X.class"), cls("org/x/X"));
        IntakeOptions opts = new IntakeOptions(IntakeLimits.DEFAULTS, List.of(), List.of(cpJar, cpDir));

        AppBundle b = new ArtifactReader(opts).readAll(List.of(app));

        assertEquals(List.of(), b.skipped());
        assertEquals(Map.of("com/acme/A", CodeRole.APP, "javax/servlet/Servlet", CodeRole.LIBRARY,
                "org/x/X", CodeRole.LIBRARY), roles(b));
        assertEquals(cpJar.toString(), byName(b).get("javax/servlet/Servlet").library());
        assertEquals(cpDir.toString(), byName(b).get("org/x/X").library());
        assertEquals(1, b.libraries().size());
        assertEquals("servlet-api.jar", b.libraries().get(0).fileName());
        assertEquals(1, b.libraries().get(0).classCount());
    }

    @Test
    void outputIsDeterministic() {
        Path war = write(tmp.resolve("portal.war"), zip(
                "WEB-INF/classes/com/acme/Z.class", cls("com/acme/Z"),
                "WEB-INF/classes/com/acme/A.class", cls("com/acme/A"),
                "WEB-INF/lib/x.jar", zip("org/x/X.class", cls("org/x/X"))));
        List<String> first = read(List.of(war)).classes().stream().map(ClassEntry::origin).toList();
        List<String> second = read(List.of(war)).classes().stream().map(ClassEntry::origin).toList();
        assertEquals(first, second);
        assertEquals(List.of(war + "!/WEB-INF/classes/com/acme/Z.class", war + "!/WEB-INF/classes/com/acme/A.class",
                war + "!/WEB-INF/lib/x.jar!/org/x/X.class"), first, "archive order");
    }

    static String hex(String alg, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(data));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
