package dev.triage.cli.corpus;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkersTest {
    private static final String JAVA = "corpus/crypto/A.java";

    @Test
    void javaTrailingMarkerMarksItsOwnLine() {
        List<Marker> m = Markers.parseJava(JAVA, List.of(
                "package corpus.crypto;",
                "class A {",
                "  void f() throws Exception { javax.crypto.Cipher.getInstance(\"DES\"); } // BUG: java/weak-cipher",
                "}"));
        assertEquals(List.of(new Marker(JAVA, 3, "java/weak-cipher")), m);
    }

    @Test
    void javaSeveralIdsOnOneLine() {
        List<Marker> m = Markers.parseJava(JAVA, List.of(
                "resp.addCookie(c); //BUG:java/cookie-without-secure ,  java/cookie-without-httponly  "));
        assertEquals(List.of(new Marker(JAVA, 1, "java/cookie-without-secure"),
                new Marker(JAVA, 1, "java/cookie-without-httponly")), m);
    }

    @Test
    void javaUnmarkedLinesAndOrdinaryCommentsYieldNothing() {
        assertTrue(Markers.parseJava(JAVA, List.of(
                "int x = 1; // safe twin",
                "// a BUGGY comment without the colon form",
                "String s = \"http://example.org\"; // not a marker")).isEmpty());
    }

    @Test
    void javaMarkerOnCommentOnlyLineIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Markers.parseJava(JAVA, List.of("    // BUG: java/weak-cipher", "x();")));
    }

    @Test
    void javaMalformedIdIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Markers.parseJava(JAVA, List.of("x(); // BUG: weak cipher")));
        assertThrows(IllegalArgumentException.class,
                () -> Markers.parseJava(JAVA, List.of("x(); // BUG:")));
        assertThrows(IllegalArgumentException.class,
                () -> Markers.parseJava(JAVA, List.of("x(); // BUG java/weak-cipher")));
    }

    @Test
    void propertiesMarkerAppliesToNextNonCommentLine() {
        List<Marker> m = Markers.parseProperties("application.properties", List.of(
                "# datasource",
                "db.url=jdbc:postgresql://db/patients",
                "# BUG: config/hardcoded-secret",
                "# the legacy password, rotated yearly",
                "",
                "db.password=Winter2023!",
                "db.user=portal"));
        assertEquals(List.of(new Marker("application.properties", 6, "config/hardcoded-secret")), m);
    }

    @Test
    void propertiesBangCommentAndSeveralIds() {
        List<Marker> m = Markers.parseProperties("a.properties", List.of(
                "! BUG: config/hardcoded-secret, java/other-rule",
                "api.key = abc"));
        assertEquals(List.of(new Marker("a.properties", 2, "config/hardcoded-secret"),
                new Marker("a.properties", 2, "java/other-rule")), m);
    }

    @Test
    void propertiesContinuationLinesAreNotTargets() {
        List<Marker> m = Markers.parseProperties("a.properties", List.of(
                "list=a,\\",
                "  b",
                "# BUG: config/hardcoded-secret",
                "x.secret=y"));
        assertEquals(List.of(new Marker("a.properties", 4, "config/hardcoded-secret")), m);
    }

    @Test
    void propertiesMarkerAtEndOfFileIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Markers.parseProperties("a.properties", List.of(
                "a=b", "# BUG: config/hardcoded-secret", "")));
    }

    @Test
    void propertiesMalformedMarkerIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Markers.parseProperties("a.properties", List.of(
                "# BUG: not an id", "a=b")));
    }

    @Test
    void dispatchOnExtension() {
        assertEquals(1, Markers.parse("x.properties", List.of("# BUG: config/hardcoded-secret", "k=v")).size());
        assertEquals(1, Markers.parse("p/X.java", List.of("f(); // BUG: java/weak-hash")).size());
        assertTrue(Markers.parse("x.json", List.of("{\"BUG\": 1}")).isEmpty());
    }

    @Test
    void xmlMarkerMarksTheNextElementStart() {
        List<Marker> m = Markers.parse("AndroidManifest.xml", List.of(
                "<application>",
                "  <!-- BUG: android/exported-component, android/task-hijacking -->",
                "  <!-- a comment between -->",
                "",
                "  <activity android:name=\".A\"",
                "      android:exported=\"true\"/>"));
        assertEquals(List.of(new Marker("AndroidManifest.xml", 5, "android/exported-component"),
                new Marker("AndroidManifest.xml", 5, "android/task-hijacking")), m);
        assertThrows(IllegalArgumentException.class, () -> Markers.parse("a.xml", List.of("<a/>", "<!-- BUG: android/debuggable -->")));
        assertThrows(IllegalArgumentException.class, () -> Markers.parse("a.xml", List.of("<!-- BUG: not a rule -->", "<a/>")));
    }

    @Test
    void apkPropertiesMarkersStandOnTheAppOrAGivenLine() {
        List<Marker> m = Markers.parse("apk.properties", List.of(
                "signing=debug",
                "# BUG: android/debug-certificate",
                "# BUG at assets/config.json:3: android/hardcoded-secret"));
        assertEquals(List.of(new Marker("apk.properties", 0, "android/debug-certificate"),
                new Marker("assets/config.json", 3, "android/hardcoded-secret")), m);
    }
}
