package dev.triage.program;

import dev.triage.intake.CodeRole;
import dev.triage.intake.ResourceEntry;
import dev.triage.program.android.AndroidApp;
import dev.triage.program.android.XmlTree;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Android app model read from decoded manifest and resources: components, export state, permissions, files. */
class AndroidAppTest {
    static final String MANIFEST = """
            <?xml version="1.0" encoding="utf-8"?>
            <manifest xmlns:android="http://schemas.android.com/apk/res/android"
                package="com.acme.health">
              <uses-sdk android:minSdkVersion="21" android:targetSdkVersion="30"/>
              <permission android:name="com.acme.SIGNED" android:protectionLevel="signature"/>
              <permission android:name="com.acme.OPEN"/>
              <uses-permission android:name="android.permission.INTERNET"/>
              <application android:debuggable="@bool/debug"
                  android:networkSecurityConfig="@xml/network_security_config">
                <activity android:name=".MainActivity" android:exported="true">
                  <intent-filter>
                    <action android:name="android.intent.action.MAIN"/>
                    <category android:name="android.intent.category.LAUNCHER"/>
                  </intent-filter>
                </activity>
                <activity
                    android:name=".LinkActivity">
                  <intent-filter>
                    <action android:name="android.intent.action.VIEW"/>
                    <category android:name="android.intent.category.BROWSABLE"/>
                    <data android:scheme="acme"/>
                  </intent-filter>
                </activity>
                <service android:name="com.acme.health.sync.SyncService" android:exported="true"
                    android:permission="com.acme.SIGNED"/>
                <service android:name=".OpenService" android:exported="true" android:permission="com.acme.OPEN"/>
                <receiver android:name=".Private"/>
                <provider android:name=".Records" android:authorities="com.acme.records" android:exported="true"
                    android:readPermission="com.acme.SIGNED"/>
                <activity-alias android:name=".Alias" android:targetActivity=".LinkActivity" android:exported="false"/>
              </application>
            </manifest>
            """;

    static final String TABLE = """
            <?xml version="1.0" encoding="utf-8"?>
            <resources package="com.acme.health">
              <entry type="bool" name="debug" id="0x7f010000" config="" value="true"/>
              <entry type="string" name="app_name" id="0x7f020000" config="" value="Acme"/>
              <entry type="string" name="app_name" id="0x7f020000" config="-de" value="Akme"/>
              <entry type="xml" name="network_security_config" id="0x7f030000" config="" file="res/xml/nsc.xml"/>
            </resources>
            """;

    static final String NSC = """
            <network-security-config>
              <base-config cleartextTrafficPermitted="true"/>
            </network-security-config>
            """;

    static final String LAYOUT = """
            <LinearLayout xmlns:android="http://schemas.android.com/apk/res/android">
              <Button android:id="@+id/save"
                  android:onClick="saveRecord"/>
            </LinearLayout>
            """;

    private static List<ResourceEntry> resources(Map<String, String> files) {
        List<ResourceEntry> out = new ArrayList<>();
        files.forEach((name, text) -> out.add(new ResourceEntry(name, "app.apk!/" + name, text.getBytes(StandardCharsets.UTF_8), CodeRole.APP)));
        return out;
    }

    private static AndroidApp app() {
        Map<String, String> files = new TreeMap<>();
        files.put("AndroidManifest.xml", MANIFEST);
        files.put("android-resources.xml", TABLE);
        files.put("res/xml/nsc.xml", NSC);
        files.put("res/layout/main.xml", LAYOUT);
        return AndroidApp.from(resources(files));
    }

    @Test
    void manifestBasics() {
        AndroidApp a = app();
        assertEquals("com.acme.health", a.packageName());
        assertEquals(21, a.minSdk());
        assertEquals(30, a.targetSdk());
        assertEquals(Boolean.TRUE, a.applicationFlag("debuggable"), "@bool/debug resolved through the table");
        assertEquals(List.of("android.permission.INTERNET"), a.usesPermissions());
        assertEquals("signature", a.permission("com.acme.SIGNED").baseLevel());
        assertEquals("normal", a.permission("com.acme.OPEN").baseLevel(), "protectionLevel defaults to normal");
        assertEquals("Acme", a.resources().value("@string/app_name"), "the default configuration wins");
        assertTrue(a.problems().isEmpty(), a.problems().toString());
    }

    @Test
    void componentsExportAndExposure() {
        AndroidApp a = app();
        Map<String, AndroidApp.Component> byName = new TreeMap<>();
        a.components().forEach(c -> byName.put(c.className(), c));
        AndroidApp.Component main = byName.get("com.acme.health.MainActivity");
        assertTrue(main.exported() && main.exportedExplicitly() && main.isLauncher());
        assertEquals(10, main.line());
        AndroidApp.Component link = byName.get("com.acme.health.LinkActivity");
        assertTrue(link.exported() && link.implicitlyExported(), "an intent filter exports it");
        assertTrue(link.intentFilters().get(0).browsable());
        assertEquals(16, link.line(), "the line of '<activity', not of the tag's end");
        assertEquals("com/acme/health/LinkActivity", link.implementation());
        assertTrue(a.exposed(link));
        assertFalse(a.exposed(byName.get("com.acme.health.sync.SyncService")), "signature permission keeps others out");
        assertTrue(a.exposed(byName.get("com.acme.health.OpenService")), "a normal-level permission does not");
        assertFalse(byName.get("com.acme.health.Private").exported());
        assertTrue(a.exposed(byName.get("com.acme.health.Records")), "the write side is open");
        AndroidApp.Component alias = byName.get("com.acme.health.Alias");
        assertEquals("com/acme/health/LinkActivity", alias.implementation());
        assertFalse(alias.exported());
        assertEquals(2, a.componentsOf("com/acme/health/LinkActivity").size());
    }

    @Test
    void xmlResourcesAndClickHandlers() {
        AndroidApp a = app();
        AndroidApp.XmlFile nsc = a.networkSecurityConfig();
        assertNotNull(nsc);
        assertEquals("res/xml/nsc.xml", nsc.path());
        assertEquals("true", nsc.root().child("base-config").attr("cleartextTrafficPermitted"));
        assertEquals(2, nsc.root().child("base-config").line());
        assertEquals(List.of(new AndroidApp.ClickHandler("saveRecord", "res/layout/main.xml", 2)), a.clickHandlers());
    }

    @Test
    void withoutATableReferencesFallBackToConventionalPaths() {
        Map<String, String> files = new TreeMap<>();
        files.put("AndroidManifest.xml", MANIFEST);
        files.put("res/xml/network_security_config.xml", NSC);
        AndroidApp a = AndroidApp.from(resources(files));
        assertNotNull(a.networkSecurityConfig());
        assertNull(a.applicationFlag("debuggable"), "an unresolvable reference is not a boolean");
    }

    @Test
    void originsLibrariesAndResolvedFlags() {
        AndroidApp a = app();
        assertEquals("app.apk!/AndroidManifest.xml", a.origin("AndroidManifest.xml"));
        assertEquals("app.apk!/res/xml/nsc.xml", a.origin("res/xml/nsc.xml"));
        assertEquals("app.apk!/android-resources.xml", a.origin("android-resources.xml"));
        assertEquals("assets/unknown.json", a.origin("assets/unknown.json"), "unknown files keep their name");
        assertFalse(a.library());
        assertEquals(Boolean.TRUE, a.flag("@bool/debug"));
        assertEquals(Boolean.FALSE, a.flag("0x0"));
        assertNull(a.flag("@bool/absent"));
        assertNull(a.flag(null));
        List<ResourceEntry> aar = List.of(new ResourceEntry("AndroidManifest.xml", "/libs/care-sdk.AAR!/AndroidManifest.xml",
                MANIFEST.getBytes(StandardCharsets.UTF_8), CodeRole.APP));
        assertTrue(AndroidApp.from(aar).library(), "a manifest read from an .aar is a library's");
    }

    @Test
    void noManifestNoApp() {
        assertNull(AndroidApp.from(resources(Map.of("res/xml/a.xml", NSC))));
        assertNull(Program.builder().build().android());
    }

    @Test
    void hostileXmlIsRefusedWithAReason() {
        XmlTree.XmlException e = assertThrows(XmlTree.XmlException.class, () -> XmlTree.parse("""
                <?xml version="1.0"?>
                <!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <manifest>&x;</manifest>
                """));
        assertTrue(e.getMessage().contains("DOCTYPE") || e.getMessage().contains("malformed"), e.getMessage());
        assertThrows(XmlTree.XmlException.class, () -> XmlTree.parse("<a><b></a>"));
        assertThrows(XmlTree.XmlException.class, () -> XmlTree.parse("<a>".repeat(300) + "</a>".repeat(300)));
        Map<String, String> files = new TreeMap<>();
        files.put("AndroidManifest.xml", "<manifest><application>");
        AndroidApp broken = AndroidApp.from(resources(files));
        assertTrue(broken.components().isEmpty());
        assertEquals(1, broken.problems().size(), broken.problems().toString());
    }

    @Test
    void startTagLinesSkipCommentsAndQuotedBrackets() {
        XmlTree.Element root;
        try {
            root = XmlTree.parse("""
                    <a>
                      <!-- <b> in a comment
                           spans lines -->
                      <b x="1 > 0"
                         y="2"/>
                      <![CDATA[ <c> ]]>
                      <c/>
                    </a>
                    """);
        } catch (XmlTree.XmlException e) {
            throw new AssertionError(e);
        }
        assertEquals(1, root.line());
        assertEquals(4, root.child("b").line());
        assertEquals(7, root.child("c").line());
    }
}
