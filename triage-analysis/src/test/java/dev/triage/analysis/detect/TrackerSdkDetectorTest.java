package dev.triage.analysis.detect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.triage.analysis.AnalysisContext;
import dev.triage.analysis.Deadline;
import dev.triage.analysis.Detection;
import dev.triage.analysis.ResourceScan;
import dev.triage.analysis.model.Models;
import dev.triage.intake.ClassEntry;
import dev.triage.intake.CodeRole;
import dev.triage.intake.ResourceEntry;
import dev.triage.program.Program;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tracker SDKs by package signature, on programs as intake builds them from APK, DEX and JVM inputs. */
class TrackerSdkDetectorTest {
    private final Program.Builder b = Program.builder();

    static byte[] classBytes(String internalName) {
        ClassWriter w = new ClassWriter(0);
        w.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
        w.visitEnd();
        return w.toByteArray();
    }

    /** A class of an APK's DEX code; library code unless it is under the app package. */
    void dexClass(String apk, String internalName, CodeRole role) {
        String dexOrigin = apk + "!/classes.dex";
        b.onClass(new ClassEntry(internalName, classBytes(internalName), role, dexOrigin + "!/" + internalName + ".class",
                role == CodeRole.APP ? null : dexOrigin));
    }

    void manifest(String apk, CodeRole role) {
        b.onResource(new ResourceEntry("AndroidManifest.xml", apk + "!/AndroidManifest.xml",
                "<manifest package=\"a.b\"/>".getBytes(StandardCharsets.UTF_8), role));
    }

    List<Detection> scan() {
        AnalysisContext ctx = new AnalysisContext(b.build(), Models.builtIn(), new Deadline(Duration.ofMinutes(1)));
        List<Detection> out = new ArrayList<>();
        new TrackerSdkDetector(Models.builtIn()).visitResources(new ResourceScan(ctx, out::add));
        return out;
    }

    @Test
    void oneFindingPerTrackerAtTheApkFile() {
        manifest("/in/diary.apk", CodeRole.APP);
        dexClass("/in/diary.apk", "a/b/Main", CodeRole.APP);
        dexClass("/in/diary.apk", "com/appsflyer/AppsFlyerLib", CodeRole.LIBRARY);
        dexClass("/in/diary.apk", "com/appsflyer/AppsFlyerLib$1", CodeRole.LIBRARY);
        dexClass("/in/diary.apk", "com/appsflyer/internal/Z", CodeRole.LIBRARY);
        dexClass("/in/diary.apk", "com/facebook/appevents/AppEventsLogger", CodeRole.LIBRARY);
        dexClass("/in/diary.apk", "com/facebook/FacebookSdk", CodeRole.LIBRARY);
        List<Detection> ds = scan();
        assertEquals(List.of("tracker|appsflyer", "tracker|facebook-analytics"), ds.stream().map(Detection::key).toList());
        Detection d = ds.get(0);
        assertEquals("android/tracker-sdk", d.ruleId());
        assertEquals("diary.apk", d.location().sourcePath());
        assertEquals(0, d.location().line());
        assertEquals("AppsFlyer, an analytics SDK, is in diary.apk: 3 classes under com.appsflyer, e.g. "
                + "com.appsflyer.AppsFlyerLib.", d.message());
        assertEquals("3", d.properties().get("classCount"));
        assertEquals("https://www.appsflyer.com", d.properties().get("trackerWebsite"));
    }

    @Test
    void sameVendorLibrariesThatAreNoTrackersStaySilent() {
        manifest("/in/app.apk", CodeRole.APP);
        for (String c : List.of("com/google/firebase/FirebaseApp", "com/google/firebase/firestore/FirebaseFirestore",
                "com/google/firebase/analytics/connector/AnalyticsConnector",
                "com/google/firebase/analytics/connector/internal/AnalyticsConnectorRegistrar",
                "com/google/android/gms/ads/identifier/AdvertisingIdClient", "com/google/android/gms/common/api/Api",
                "com/facebook/react/ReactActivity", "com/google/analytics/data/v1beta/BetaAnalyticsDataClient",
                "com/appsflyerclone/Lib", "io/sentryx/Helper", "com/unity3d/player/UnityPlayer")) {
            dexClass("/in/app.apk", c, CodeRole.LIBRARY);
        }
        assertEquals(List.of(), scan());
        // the tracker itself, beside the excluded connector, counts only its own classes
        dexClass("/in/app.apk", "com/google/firebase/analytics/FirebaseAnalytics", CodeRole.LIBRARY);
        List<Detection> ds = scan();
        assertEquals(1, ds.size());
        assertEquals("1", ds.get(0).properties().get("classCount"));
        assertEquals("com.google.firebase.analytics.FirebaseAnalytics", ds.get(0).properties().get("evidenceClass"));
    }

    @Test
    void bareDexInputsAreNamedByTheirFile() {
        b.onClass(new ClassEntry("io/sentry/Sentry", classBytes("io/sentry/Sentry"), CodeRole.APP,
                "/in/code.dex!/io/sentry/Sentry.class", null));
        List<Detection> ds = scan();
        assertEquals(1, ds.size());
        assertEquals("code.dex", ds.get(0).location().sourcePath());
    }

    @Test
    void jvmInputsAndClassPathApksAreNotAndroidApps() {
        // a web app bundling Sentry: not an Android tracker finding
        b.onClass(new ClassEntry("com/acme/Portal", classBytes("com/acme/Portal"), CodeRole.APP,
                "/in/portal.war!/WEB-INF/classes/com/acme/Portal.class", null));
        b.onClass(new ClassEntry("io/sentry/Sentry", classBytes("io/sentry/Sentry"), CodeRole.LIBRARY,
                "/in/portal.war!/WEB-INF/lib/sentry.jar!/io/sentry/Sentry.class", "/in/portal.war!/WEB-INF/lib/sentry.jar"));
        // an SDK APK given with -cp: its code and resources are library code only
        manifest("/cp/sdk.apk", CodeRole.LIBRARY);
        dexClass("/cp/sdk.apk", "com/appsflyer/AppsFlyerLib", CodeRole.LIBRARY);
        assertEquals(List.of(), scan());
    }

    @Test
    void severalApksAreReportedEachAndInOrder() {
        manifest("/in/z.apk", CodeRole.APP);
        dexClass("/in/z.apk", "com/mixpanel/android/mpmetrics/MixpanelAPI", CodeRole.LIBRARY);
        manifest("/in/a.apk", CodeRole.APP);
        dexClass("/in/a.apk", "com/amplitude/api/Amplitude", CodeRole.LIBRARY);
        // one program model per scan: a class two inputs share is the first input's (intake order)
        dexClass("/in/a.apk", "com/mixpanel/android/mpmetrics/MixpanelAPI", CodeRole.LIBRARY);
        List<Detection> ds = scan();
        assertEquals(List.of("a.apk tracker|amplitude", "z.apk tracker|mixpanel"),
                ds.stream().map(d -> d.location().sourcePath() + " " + d.key()).toList());
    }

    @Test
    void theTableIsPreciseAndLargeEnough() {
        TrackerSdkDetector d = new TrackerSdkDetector(Models.builtIn());
        assertTrue(d.trackers().size() >= 40, "trackers: " + d.trackers().size());
        Set<String> categories = new TreeSet<>();
        d.trackers().forEach(t -> categories.addAll(t.categories()));
        assertEquals(Set.of("advertising", "analytics", "crash-reporting", "identification", "location", "profiling"),
                categories);
        // vendor roots whose other libraries are no trackers must never be a signature
        Set<String> tooBroad = Set.of("com.google", "com.google.firebase", "com.google.android.gms",
                "com.google.android", "com.facebook", "com.microsoft", "com.microsoft.appcenter", "com.huawei.hms",
                "com.yandex", "com.amazon", "com.unity3d", "com.adobe", "com.twitter", "io.branch");
        for (TrackerSdkDetector.Tracker t : d.trackers()) {
            for (String p : t.packages()) assertTrue(!tooBroad.contains(p), t.id() + " lists the vendor root " + p);
        }
        assertEquals("firebase-analytics", d.match("com/google/firebase/analytics/FirebaseAnalytics").tracker().id());
        assertEquals(null, d.match("com/google/firebase/analytics/connector/AnalyticsConnector").tracker());
        assertEquals("facebook-analytics", d.match("com/facebook/CampaignTrackingReceiver$Inner").tracker().id());
        assertEquals(null, d.match("com/facebook/CampaignTrackingReceiverX"));
    }

    @Test
    void malformedRowsFailLoudly() throws Exception {
        String good = "{id: x, name: X, categories: [analytics], packages: [com.x], website: \"https://x\"}";
        for (String row : List.of(
                "{id: x, name: X, categories: [analytics], packages: [com], website: \"https://x\"}",
                "{id: x, name: X, categories: [spying], packages: [com.x], website: \"https://x\"}",
                "{id: x, name: X, categories: [analytics], packages: [com.x], website: \"https://x\", typo: 1}",
                "{id: x, name: X, categories: [analytics], packages: [com.x], exclude: [org.y], website: \"https://x\"}",
                "{id: x, name: X, categories: [analytics], packages: [com.x-y], website: \"https://x\"}",
                "{id: X Y, name: X, categories: [analytics], packages: [com.x], website: \"https://x\"}",
                good.replace("id: x", "id: y").replace("com.x", "com.z") + ", " + good.replace("com.x", "com.z"))) {
            Models m = new Models();
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            m.tables.put("tracker-categories", yaml.readTree("[analytics]"));
            m.tables.put("tracker-sdks", yaml.readTree("[" + row + "]"));
            assertThrows(IllegalStateException.class, () -> new TrackerSdkDetector(m), row);
        }
        Models m = new Models();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        m.tables.put("tracker-categories", yaml.readTree("[analytics]"));
        m.tables.put("tracker-sdks", yaml.readTree("[" + good + "]"));
        assertEquals(1, new TrackerSdkDetector(m).trackers().size());
    }
}
