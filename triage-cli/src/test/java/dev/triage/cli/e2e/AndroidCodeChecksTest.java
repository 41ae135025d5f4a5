package dev.triage.cli.e2e;

import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.findings.Finding;
import dev.triage.testkit.AndroidTestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the corpus markers cannot show: a JavaScript bridge is Very High (5) when the app installs below API 17,
 * where script reaches every public method through reflection, and keeps the rule's High (4) otherwise; and two
 * scans of one app report the same findings in the same order.
 */
class AndroidCodeChecksTest {
    @TempDir
    Path tmp;

    private static final String ACTIVITY = """
            package org.clinic.app;

            import android.app.Activity;
            import android.os.Bundle;
            import android.webkit.WebView;

            public class PortalActivity extends Activity {
                @Override
                protected void onCreate(Bundle state) {
                    super.onCreate(state);
                    WebView web = new WebView(this);
                    web.getSettings().setJavaScriptEnabled(true);
                    web.addJavascriptInterface(new Object(), "Native");
                    setContentView(web);
                }
            }
            """;

    private List<Finding> scan(int minSdk) throws Exception {
        Path apk = tmp.resolve("portal-" + minSdk + ".apk");
        AndroidTestApp.builder()
                .manifest("""
                        <?xml version="1.0" encoding="utf-8"?>
                        <manifest xmlns:android="http://schemas.android.com/apk/res/android" package="org.clinic.app">
                            <uses-sdk android:minSdkVersion="%d" android:targetSdkVersion="34"/>
                            <application android:label="Clinic" android:allowBackup="false"/>
                        </manifest>
                        """.formatted(minSdk))
                .javaSource("org.clinic.app.PortalActivity", ACTIVITY)
                .buildApk(apk);
        return ScanPipeline.run(ScanRequest.of(List.of(apk))).findings().stream()
                .filter(f -> f.rule().id().equals("android/webview-javascript-bridge")).toList();
    }

    @Test
    void bridgeBelowApi17IsVeryHigh() throws Exception {
        List<Finding> old = scan(16);
        assertEquals(1, old.size(), old.toString());
        assertEquals(5, old.get(0).severity().level());
        assertTrue(old.get(0).message().contains("minSdk 16"), old.get(0).message());
        assertEquals(13, old.get(0).location().line());

        List<Finding> current = scan(21);
        assertEquals(1, current.size(), current.toString());
        assertEquals(4, current.get(0).severity().level());
        assertEquals(old.get(0).fingerprint(), current.get(0).fingerprint());
        assertEquals(current, scan(21), "same app, same findings");
    }
}
