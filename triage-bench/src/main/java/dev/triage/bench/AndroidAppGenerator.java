package dev.triage.bench;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a synthetic Android app as Java sources (deterministic for a seed) and compiles it against the Android
 * framework jar: activities that read their intent and query SQLite, services and receivers, WebView screens,
 * DTOs, helpers that call each other, repositories over SQLite, and classes full of lambdas, anonymous and nested
 * classes (D8 turns the lambdas into synthetic classes, as in real apps). One component in ten gets a planted weak
 * call next to its safe twin: an intent extra concatenated into {@code rawQuery} in an exported activity, a location
 * written to the log, universal file access in a WebView, a world-readable preferences file, an MD5 digest.
 *
 * <p>Type i only refers to types with a lower index, so batches of 1000 compile against the ones before.
 */
public final class AndroidAppGenerator {
    public static final int VERSION = 1;
    static final String ROOT = "gen.health";
    private static final int BATCH = 1000;
    private static final String[] NOUNS = {"Patient", "Visit", "Dose", "Vital", "Claim", "Doctor", "Report", "Allergy",
        "Lab", "Consent", "Device", "Message", "Schedule", "Referral", "Invoice", "Insurer", "Ward", "Nurse"};

    /** A generated app: its compiled classes in one jar, the manifest text, counts. */
    public record App(Path jar, String manifest, int types, int plantedWeakCalls) {
    }

    private enum Kind { ACTIVITY, SERVICE, RECEIVER, WEBVIEW, DTO, HELPER, REPOSITORY, WORKER }

    private record Type(int index, Kind kind, String pkg, String name, boolean weak, boolean exported) {
        String fqcn() {
            return pkg + "." + name;
        }
    }

    private final long seed;

    public AndroidAppGenerator(long seed) {
        this.seed = seed;
    }

    /** Generates {@code types} top-level types into {@code dir}/src and compiles them into {@code dir}/app.jar. */
    public App generate(int types, Path dir, Path androidJar) throws IOException {
        Random rnd = new Random(seed);
        List<Type> all = new ArrayList<>();
        int weak = 0;
        for (int i = 0; i < types; i++) {
            Kind k = kindOf(i);
            boolean component = k == Kind.ACTIVITY || k == Kind.SERVICE || k == Kind.RECEIVER || k == Kind.WEBVIEW;
            boolean w = component && rnd.nextInt(10) == 0;
            if (w) weak++;
            String noun = NOUNS[i % NOUNS.length];
            String suffix = switch (k) {
                case ACTIVITY -> "Activity";
                case SERVICE -> "SyncService";
                case RECEIVER -> "Receiver";
                case WEBVIEW -> "WebActivity";
                case DTO -> "Record";
                case HELPER -> "Helper";
                case REPOSITORY -> "Repository";
                case WORKER -> "Worker";
            };
            all.add(new Type(i, k, ROOT + ".m" + (i / 100), noun + suffix + i, w, component && i % 4 == 0));
        }
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        AppGenerator.deleteTree(src);
        AppGenerator.deleteTree(classes);
        Files.createDirectories(classes);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Path> batch = new ArrayList<>();
            for (Type t : all.subList(from, Math.min(all.size(), from + BATCH))) {
                Path f = src.resolve(t.pkg().replace('.', '/')).resolve(t.name() + ".java");
                Files.createDirectories(f.getParent());
                Files.writeString(f, source(t, all, new Random(seed * 31 + t.index())), StandardCharsets.UTF_8);
                batch.add(f);
            }
            compile(batch, classes, androidJar);
        }
        Path jar = dir.resolve("app.jar");
        jar(classes, jar);
        return new App(jar, manifest(all), types, weak);
    }

    private static Kind kindOf(int i) {
        return switch (i % 20) {
            case 0, 1 -> Kind.ACTIVITY;
            case 2 -> Kind.SERVICE;
            case 3 -> Kind.RECEIVER;
            case 4, 5, 6, 7, 8, 9 -> Kind.DTO;
            case 10, 11, 12, 13 -> Kind.HELPER;
            case 14, 15 -> Kind.REPOSITORY;
            case 19 -> Kind.WEBVIEW;
            default -> Kind.WORKER;
        };
    }

    private static String manifest(List<Type> all) {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
            .append("<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"").append(ROOT).append("\">\n")
            .append("    <uses-sdk android:minSdkVersion=\"26\" android:targetSdkVersion=\"34\"/>\n")
            .append("    <uses-permission android:name=\"android.permission.INTERNET\"/>\n")
            .append("    <uses-permission android:name=\"android.permission.ACCESS_FINE_LOCATION\"/>\n")
            .append("    <application android:label=\"Bench Health\" android:allowBackup=\"false\">\n");
        for (Type t : all) {
            String tag = switch (t.kind()) {
                case ACTIVITY, WEBVIEW -> "activity";
                case SERVICE -> "service";
                case RECEIVER -> "receiver";
                default -> null;
            };
            if (tag == null) continue;
            b.append("        <").append(tag).append(" android:name=\"").append(t.fqcn()).append("\" android:exported=\"")
                .append(t.exported()).append('"');
            if (t.exported()) {
                b.append(">\n            <intent-filter>\n")
                    .append("                <action android:name=\"").append(ROOT).append(".action.").append(t.name()).append("\"/>\n")
                    .append("                <category android:name=\"android.intent.category.DEFAULT\"/>\n")
                    .append("            </intent-filter>\n        </").append(tag).append(">\n");
            } else {
                b.append("/>\n");
            }
        }
        b.append("    </application>\n</manifest>\n");
        return b.toString();
    }

    private String source(Type t, List<Type> all, Random rnd) {
        StringBuilder b = new StringBuilder("package ").append(t.pkg()).append(";\n\n");
        Type helper = below(t, all, Kind.HELPER, rnd);
        Type dto = below(t, all, Kind.DTO, rnd);
        switch (t.kind()) {
            case ACTIVITY -> activity(b, t, helper);
            case SERVICE -> service(b, t, helper);
            case RECEIVER -> receiver(b, t);
            case WEBVIEW -> webView(b, t);
            case DTO -> dto(b, t);
            case HELPER -> helper(b, t, helper, rnd);
            case REPOSITORY -> repository(b, t, dto);
            case WORKER -> worker(b, t, helper, dto, rnd);
        }
        return b.toString();
    }

    private static Type below(Type t, List<Type> all, Kind kind, Random rnd) {
        for (int tries = 0, i = t.index() - 1 - rnd.nextInt(Math.max(1, Math.min(40, t.index() + 1))); tries < 60 && i >= 0; tries++, i--) {
            if (all.get(i).kind() == kind) return all.get(i);
        }
        return null;
    }

    private static String normalize(Type helper, String expr) {
        return helper == null ? expr : helper.fqcn() + ".normalize(" + expr + ")";
    }

    private static void activity(StringBuilder b, Type t, Type helper) {
        b.append("import android.app.Activity;\nimport android.database.Cursor;\nimport android.database.sqlite.SQLiteDatabase;\n")
            .append("import android.os.Bundle;\nimport android.util.Log;\nimport android.widget.Button;\n\n")
            .append("public class ").append(t.name()).append(" extends Activity {\n")
            .append("    private static final String TAG = \"").append(t.name()).append("\";\n")
            .append("    private String current = \"\";\n\n")
            .append("    @Override\n    protected void onCreate(Bundle state) {\n        super.onCreate(state);\n")
            .append("        String query = getIntent().getStringExtra(\"query\");\n")
            .append("        String term = ").append(normalize(helper, "query")).append(";\n")
            .append("        SQLiteDatabase db = openOrCreateDatabase(\"visits.db\", MODE_PRIVATE, null);\n")
            .append("        try (Cursor c = db.query(\"visits\", null, \"name = ?\", new String[] {term}, null, null, null)) {\n")
            .append("            current = c.moveToFirst() ? c.getString(0) : \"\";\n        }\n");
        if (t.weak()) {
            b.append("        Cursor raw = db.rawQuery(\"SELECT * FROM visits WHERE name = '\" + query + \"'\", null);\n")
                .append("        raw.close();\n");
        }
        b.append("        Button save = new Button(this);\n")
            .append("        save.setOnClickListener(v -> store(term));\n")
            .append("        Log.d(TAG, \"created\");\n    }\n\n")
            .append("    private void store(String value) {\n        current = value == null ? \"\" : value.trim();\n")
            .append("        getSharedPreferences(\"state\", MODE_PRIVATE).edit().putString(\"last\", \"opened\").apply();\n    }\n}\n");
    }

    private static void service(StringBuilder b, Type t, Type helper) {
        b.append("import android.app.Service;\nimport android.content.Intent;\nimport android.os.IBinder;\n")
            .append("import java.util.concurrent.ExecutorService;\nimport java.util.concurrent.Executors;\n\n")
            .append("public class ").append(t.name()).append(" extends Service {\n")
            .append("    private final ExecutorService pool = Executors.newSingleThreadExecutor();\n\n")
            .append("    @Override\n    public int onStartCommand(Intent intent, int flags, int startId) {\n")
            .append("        String id = intent == null ? \"\" : intent.getStringExtra(\"id\");\n")
            .append("        pool.execute(() -> sync(").append(normalize(helper, "id")).append("));\n")
            .append("        return START_NOT_STICKY;\n    }\n\n")
            .append("    private void sync(String id) {\n        if (id.isEmpty()) {\n            stopSelf();\n        }\n    }\n\n")
            .append("    @Override\n    public IBinder onBind(Intent intent) {\n        return null;\n    }\n}\n");
    }

    private static void receiver(StringBuilder b, Type t) {
        b.append("import android.content.BroadcastReceiver;\nimport android.content.Context;\nimport android.content.Intent;\n")
            .append("import android.location.Location;\nimport android.location.LocationManager;\nimport android.util.Log;\n\n")
            .append("public class ").append(t.name()).append(" extends BroadcastReceiver {\n")
            .append("    @Override\n    public void onReceive(Context context, Intent intent) {\n")
            .append("        LocationManager lm = (LocationManager) context.getSystemService(Context.LOCATION_SERVICE);\n")
            .append("        try {\n            Location last = lm.getLastKnownLocation(LocationManager.GPS_PROVIDER);\n")
            .append("            if (last != null) {\n                Log.i(\"").append(t.name()).append("\", \"location known\");\n");
        if (t.weak()) {
            b.append("                Log.i(\"").append(t.name()).append("\", \"at \" + last.getLatitude() + \",\" + last.getLongitude());\n");
        }
        b.append("            }\n        } catch (SecurityException e) {\n            Log.w(\"").append(t.name())
            .append("\", \"no permission\");\n        }\n    }\n}\n");
    }

    private static void webView(StringBuilder b, Type t) {
        b.append("import android.app.Activity;\nimport android.os.Bundle;\nimport android.webkit.WebSettings;\nimport android.webkit.WebView;\n")
            .append("import java.security.MessageDigest;\nimport java.security.NoSuchAlgorithmException;\n\n")
            .append("public class ").append(t.name()).append(" extends Activity {\n")
            .append("    @Override\n    protected void onCreate(Bundle state) {\n        super.onCreate(state);\n")
            .append("        WebView view = new WebView(this);\n        WebSettings settings = view.getSettings();\n")
            .append("        settings.setAllowFileAccess(false);\n");
        if (t.weak()) b.append("        settings.setAllowUniversalAccessFromFileURLs(true);\n");
        b.append("        view.loadUrl(\"https://portal.example.org/help\");\n        setContentView(view);\n    }\n\n")
            .append("    static byte[] digest(byte[] data) throws NoSuchAlgorithmException {\n")
            .append("        return MessageDigest.getInstance(\"").append(t.weak() ? "MD5" : "SHA-256").append("\").digest(data);\n    }\n")
            .append("\n    void prefs() {\n        getSharedPreferences(\"web\", ").append(t.weak() ? "MODE_WORLD_READABLE" : "MODE_PRIVATE")
            .append(").edit().putBoolean(\"seen\", true).apply();\n    }\n}\n");
    }

    private static void dto(StringBuilder b, Type t) {
        String n = t.name();
        b.append("public class ").append(n).append(" {\n    private long id;\n    private String name;\n    private String note;\n\n")
            .append("    public long getId() {\n        return id;\n    }\n\n    public void setId(long id) {\n        this.id = id;\n    }\n\n")
            .append("    public String getName() {\n        return name;\n    }\n\n    public void setName(String name) {\n        this.name = name;\n    }\n\n")
            .append("    public String getNote() {\n        return note;\n    }\n\n    public void setNote(String note) {\n        this.note = note;\n    }\n\n")
            .append("    @Override\n    public String toString() {\n        return \"").append(n).append("{\" + id + \", \" + name + \"}\";\n    }\n}\n");
    }

    private static void helper(StringBuilder b, Type t, Type lower, Random rnd) {
        b.append("import java.util.List;\nimport java.util.Locale;\n\n")
            .append("public final class ").append(t.name()).append(" {\n    private ").append(t.name()).append("() {\n    }\n\n")
            .append("    public static String normalize(String s) {\n        if (s == null) {\n            return \"\";\n        }\n")
            .append("        return ").append(lower == null ? "s.trim().toLowerCase(Locale.ROOT)" : lower.fqcn() + ".normalize(s.trim())").append(";\n    }\n\n")
            .append("    public static int score(String s) {\n        return s.length() * ").append(1 + rnd.nextInt(97)).append(" % 1009;\n    }\n\n")
            .append("    public static String join(List<String> parts) {\n        return String.join(\",\", parts);\n    }\n}\n");
    }

    private static void repository(StringBuilder b, Type t, Type dto) {
        String d = dto == null ? "String" : dto.fqcn();
        b.append("import android.content.ContentValues;\nimport android.database.Cursor;\nimport android.database.sqlite.SQLiteDatabase;\n")
            .append("import java.util.ArrayList;\nimport java.util.List;\n\n")
            .append("public class ").append(t.name()).append(" {\n    private final SQLiteDatabase db;\n\n")
            .append("    public ").append(t.name()).append("(SQLiteDatabase db) {\n        this.db = db;\n    }\n\n")
            .append("    public List<String> names(String prefix) {\n        List<String> out = new ArrayList<>();\n")
            .append("        try (Cursor c = db.rawQuery(\"SELECT name FROM items WHERE name LIKE ?\", new String[] {prefix + \"%\"})) {\n")
            .append("            while (c.moveToNext()) {\n                out.add(c.getString(0));\n            }\n        }\n        return out;\n    }\n\n")
            .append("    public long save(").append(d).append(" value) {\n        ContentValues v = new ContentValues();\n")
            .append("        v.put(\"name\", String.valueOf(value));\n        return db.insert(\"items\", null, v);\n    }\n}\n");
    }

    private static void worker(StringBuilder b, Type t, Type helper, Type dto, Random rnd) {
        String d = dto == null ? "Object" : dto.fqcn();
        b.append("import java.util.ArrayList;\nimport java.util.Comparator;\nimport java.util.List;\nimport java.util.function.Function;\n")
            .append("import java.util.stream.Collectors;\n\n")
            .append("public class ").append(t.name()).append(" {\n    private final List<").append(d).append("> items = new ArrayList<>();\n")
            .append("    private final Function<String, String> clean = s -> ").append(normalize(helper, "s")).append(";\n\n")
            .append("    public List<String> labels() {\n        return items.stream().map(String::valueOf).map(clean)")
            .append(".sorted(Comparator.reverseOrder()).collect(Collectors.toList());\n    }\n\n")
            .append("    public Runnable task(String name) {\n        return new Runnable() {\n            @Override\n")
            .append("            public void run() {\n                items.removeIf(i -> String.valueOf(i).startsWith(name));\n")
            .append("            }\n        };\n    }\n\n")
            .append("    static final class Counter {\n        int n = ").append(rnd.nextInt(10)).append(";\n\n")
            .append("        int next() {\n            return ++n;\n        }\n    }\n}\n");
    }

    private static void compile(List<Path> sources, Path classes, Path androidJar) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new IOException("no system Java compiler: run the benchmark on a JDK");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-g", "--release", "11", "-proc:none", "-nowarn", "-Xlint:none", "-encoding", "UTF-8",
                "-classpath", androidJar + File.pathSeparator + classes, "-d", classes.toString());
            StringWriter out = new StringWriter();
            boolean ok = javac.getTask(out, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                StringBuilder sb = new StringBuilder("generated Android app does not compile:\n");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) sb.append("  ").append(d).append('\n');
                }
                throw new IOException(sb.toString());
            }
        }
    }

    private static void jar(Path classes, Path jar) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(classes)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream os = Files.newOutputStream(jar); ZipOutputStream z = new ZipOutputStream(os)) {
            for (Path f : files) {
                ZipEntry e = new ZipEntry(classes.relativize(f).toString().replace('\\', '/'));
                e.setTime(0);
                z.putNextEntry(e);
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
    }
}
