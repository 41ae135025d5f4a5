package dev.triage.cli.e2e;

import dev.triage.intake.ArtifactReader;
import dev.triage.intake.IntakeOptions;
import dev.triage.program.EntryPoint;
import dev.triage.program.Program;
import dev.triage.testkit.AndroidTestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Android entry points on a real APK: component lifecycle methods, framework callbacks and listeners, click handlers
 * named in layouts, WebView JavaScript interface methods; ordinary methods are not Android entry points.
 */
class AndroidEntryPointsTest {
    @TempDir
    Path tmp;

    @Test
    void lifecycleCallbacksClickHandlersAndJavascriptInterfaces() {
        Path apk = AndroidTestApp.builder()
                .manifest("""
                        <?xml version="1.0" encoding="utf-8"?>
                        <manifest xmlns:android="http://schemas.android.com/apk/res/android" package="org.clinic.app">
                          <uses-sdk android:minSdkVersion="28" android:targetSdkVersion="34"/>
                          <application android:label="Clinic">
                            <activity android:name=".MainActivity" android:exported="false"/>
                            <receiver android:name=".AlarmReceiver" android:exported="false"/>
                          </application>
                        </manifest>
                        """)
                .resource("res/layout/main.xml", """
                        <LinearLayout xmlns:android="http://schemas.android.com/apk/res/android"
                            android:layout_width="match_parent" android:layout_height="match_parent">
                          <Button android:id="@+id/save" android:layout_width="wrap_content"
                              android:layout_height="wrap_content" android:onClick="saveRecord"/>
                        </LinearLayout>
                        """)
                .javaSource("org.clinic.app.MainActivity", """
                        package org.clinic.app;
                        import android.app.Activity;
                        import android.os.Bundle;
                        import android.view.View;
                        import android.webkit.JavascriptInterface;
                        public class MainActivity extends Activity {
                            @Override protected void onCreate(Bundle b) {
                                super.onCreate(b);
                                findViewById(1).setOnLongClickListener(new View.OnLongClickListener() {
                                    @Override public boolean onLongClick(View v) { return true; }
                                });
                            }
                            public void saveRecord(View v) { }
                            public void notAHandler(View v) { }
                            void helper() { }
                            public static final class Bridge {
                                @JavascriptInterface public String version() { return "1"; }
                            }
                        }
                        """)
                .javaSource("org.clinic.app.AlarmReceiver", """
                        package org.clinic.app;
                        import android.content.BroadcastReceiver;
                        import android.content.Context;
                        import android.content.Intent;
                        public class AlarmReceiver extends BroadcastReceiver {
                            @Override public void onReceive(Context c, Intent i) { }
                        }
                        """)
                .buildApk(tmp.resolve("clinic.apk"));
        Program.Builder builder = Program.builder();
        new ArtifactReader(IntakeOptions.defaults()).read(List.of(apk), builder);
        Program program = builder.build();
        Map<String, String> kinds = new TreeMap<>();
        for (EntryPoint e : program.entryPoints()) {
            kinds.put(e.method().owner().substring(e.method().owner().lastIndexOf('/') + 1) + "." + e.method().name(), e.kind());
        }
        assertEquals("android-lifecycle", kinds.get("MainActivity.onCreate"), kinds.toString());
        assertEquals("android-lifecycle", kinds.get("AlarmReceiver.onReceive"), kinds.toString());
        assertEquals("android-onclick", kinds.get("MainActivity.saveRecord"), kinds.toString());
        assertEquals("android-callback", kinds.get("MainActivity$1.onLongClick"), kinds.toString());
        assertEquals("android-javascript-interface", kinds.get("MainActivity$Bridge.version"), kinds.toString());
        assertEquals("public", kinds.get("MainActivity.notAHandler"), "a public method no layout names is only the fallback");
        assertFalse(kinds.containsKey("MainActivity.helper"), kinds.toString());
    }
}
