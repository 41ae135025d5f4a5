package dev.triage.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Generates a synthetic, deterministic web application of N top-level types as Java sources, compiles them with the
 * JDK's own javac (javax.tools, in batches) and packages them as {@code app.jar} (classes only) and {@code app.war}
 * (WEB-INF/classes + WEB-INF/lib with the real library jars).
 *
 * <p>Type i only refers to types with a lower index, so batch k compiles against the classes of batches before it.
 * The mix: DTOs with getters/setters, helpers calling each other, repository interfaces with 2-3 implementations,
 * services (anonymous classes, nested classes, lambdas, streams), servlets (doGet/doPost), enums, and security helpers
 * doing safe crypto/hash/random/cookie/XML/https calls. About one class in 20 also gets one weak call
 * (DES, MD5, java.util.Random token, cookie without flags, unhardened XML parser, http://, hard-coded password, ...).
 */
public final class AppGenerator {

    /** Bump when the generated code changes, so cached apps are regenerated. */
    public static final int VERSION = 2;

    static final String ROOT_PACKAGE = "gen.shop";
    private static final int BATCH = 1000;
    private static final int WEAK_ONE_IN = 20;

    enum Kind { DTO, HELPER, REPOSITORY, REPOSITORY_IMPL, SERVICE, SERVLET, SECURITY, ENUM }

    /** One planned top-level type. */
    static final class Type {
        final int index;
        final Kind kind;
        final String pkg;
        final String simpleName;
        Type dto;        // repository, impl, service, servlet: the DTO they handle
        Type repository; // impl: its interface; service: the interface it uses
        Type impl;       // service: the implementation it instantiates by default
        Type service;    // servlet: the service it calls
        int weak = -1;   // index into WEAK snippets, or -1

        Type(int index, Kind kind, String pkg, String simpleName) {
            this.index = index;
            this.kind = kind;
            this.pkg = pkg;
            this.simpleName = simpleName;
        }

        String fqcn() {
            return pkg + "." + simpleName;
        }
    }

    /** What was generated. */
    public record App(int classes, long seed, Path jar, Path war, List<Path> libraries, int plantedWeakCalls,
                      int classFiles, boolean fromCache) {
    }

    private static final String[] NOUNS = {"Patient", "Order", "Invoice", "Customer", "Account", "Payment", "Product",
        "Cart", "Shipment", "Ticket", "Visit", "Claim", "Doctor", "Report", "Address", "Review", "Coupon", "Stock",
        "Supplier", "Message", "Session", "Profile", "Schedule", "Bill", "Refund", "Audit", "Booking", "Device"};

    private final long seed;
    private final List<Path> libraries;

    /** @param libraries real library jars the app compiles against and ships (javax.servlet-api at least) */
    public AppGenerator(long seed, List<Path> libraries) {
        this.seed = seed;
        this.libraries = List.copyOf(libraries);
    }

    /** Returns the cached app for (n, seed, VERSION) under workDir, generating it if needed. */
    public App generate(int n, Path workDir) throws IOException {
        if (n < 10) {
            throw new IllegalArgumentException("at least 10 classes, got " + n);
        }
        Path dir = workDir.resolve("app-n" + n + "-s" + seed + "-g" + VERSION);
        Path jar = dir.resolve("app.jar");
        Path war = dir.resolve("app.war");
        Path done = dir.resolve("DONE");
        List<Type> plan = plan(n);
        int weak = (int) plan.stream().filter(t -> t.weak >= 0).count();
        if (Files.exists(done) && Files.exists(jar) && Files.exists(war)) {
            int classFiles = Integer.parseInt(Files.readString(done).trim());
            return new App(n, seed, jar, war, libraries, weak, classFiles, true);
        }
        deleteTree(dir);
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Files.createDirectories(src);
        Files.createDirectories(classes);
        planned = plan;
        for (int from = 0; from < plan.size(); from += BATCH) {
            List<Path> batch = new ArrayList<>();
            for (Type t : plan.subList(from, Math.min(plan.size(), from + BATCH))) {
                Path file = src.resolve(t.fqcn().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source(t), StandardCharsets.UTF_8);
                batch.add(file);
            }
            compile(batch, classes);
        }
        List<Path> classFiles;
        try (Stream<Path> s = Files.walk(classes)) {
            classFiles = s.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        writeArchive(jar, classes, classFiles, "", List.of());
        writeArchive(war, classes, classFiles, "WEB-INF/classes/", libraries);
        Files.writeString(done, classFiles.size() + "\n");
        return new App(n, seed, jar, war, libraries, weak, classFiles.size(), false);
    }

    // ---------------------------------------------------------------- plan

    List<Type> plan(int n) {
        Random rnd = new Random(seed * 31 + n);
        List<Type> types = new ArrayList<>(n);
        Type lastDto = null;
        Type lastRepoWithImpl = null;
        Type lastImpl = null;
        Type lastService = null;
        int pendingImpls = 0;
        Type pendingRepo = null;
        for (int i = 0; i < n; i++) {
            String pkg = ROOT_PACKAGE + ".m" + (i / 100);
            String noun = NOUNS[rnd.nextInt(NOUNS.length)];
            Kind kind;
            if (pendingImpls > 0) {
                kind = Kind.REPOSITORY_IMPL;
            } else if (i == 0) {
                kind = Kind.DTO;
            } else if (i == 1) {
                kind = Kind.HELPER;
            } else {
                int r = rnd.nextInt(100);
                kind = r < 22 ? Kind.DTO : r < 42 ? Kind.HELPER : r < 48 ? Kind.REPOSITORY : r < 62 ? Kind.SERVICE
                    : r < 74 ? Kind.SERVLET : r < 82 ? Kind.SECURITY : r < 86 ? Kind.ENUM : Kind.DTO;
                if ((kind == Kind.SERVICE && lastRepoWithImpl == null) || (kind == Kind.SERVLET && lastService == null)) {
                    kind = Kind.HELPER;
                }
            }
            String suffix = switch (kind) {
                case DTO -> "Dto";
                case HELPER -> "Helper";
                case REPOSITORY -> "Repository";
                case REPOSITORY_IMPL -> "RepositoryImpl";
                case SERVICE -> "Service";
                case SERVLET -> "Servlet";
                case SECURITY -> "Security";
                case ENUM -> "Status";
            };
            Type t = new Type(i, kind, pkg, noun + suffix + i);
            switch (kind) {
                case DTO -> lastDto = t;
                case REPOSITORY -> {
                    t.dto = lastDto;
                    pendingRepo = t;
                    pendingImpls = 2 + rnd.nextInt(2);
                }
                case REPOSITORY_IMPL -> {
                    t.repository = pendingRepo;
                    t.dto = pendingRepo.dto;
                    lastImpl = t;
                    lastRepoWithImpl = pendingRepo;
                    pendingImpls--;
                }
                case SERVICE -> {
                    t.repository = lastRepoWithImpl;
                    t.impl = lastImpl;
                    t.dto = lastRepoWithImpl.dto;
                    lastService = t;
                }
                case SERVLET -> {
                    t.service = lastService;
                    t.dto = lastService.dto;
                }
                default -> { }
            }
            if (kind != Kind.REPOSITORY && kind != Kind.ENUM && i > 1 && rnd.nextInt(WEAK_ONE_IN) == 0) {
                t.weak = rnd.nextInt(WEAK.length);
            }
            types.add(t);
        }
        return types;
    }

    // ---------------------------------------------------------------- sources

    private String source(Type t) {
        Random rnd = new Random(seed * 1_000_003L + t.index);
        StringBuilder b = new StringBuilder(4096);
        b.append("package ").append(t.pkg).append(";\n\n");
        b.append("import java.util.*;\nimport java.util.concurrent.*;\nimport java.util.function.*;\n");
        b.append("import java.util.stream.*;\n");
        switch (t.kind) {
            case DTO -> dto(b, t, rnd);
            case HELPER -> helper(b, t, rnd);
            case REPOSITORY -> repository(b, t);
            case REPOSITORY_IMPL -> repositoryImpl(b, t, rnd);
            case SERVICE -> service(b, t, rnd);
            case SERVLET -> servlet(b, t, rnd);
            case SECURITY -> security(b, t, rnd);
            case ENUM -> enumType(b, t, rnd);
        }
        return b.toString();
    }

    private String helperBelow(Type t, Random rnd) {
        // A helper with a lower index: helpers are frequent, so a few random probes find one.
        for (int k = 0; k < 40; k++) {
            int j = rnd.nextInt(Math.max(1, t.index));
            Type cand = planned.get(j);
            if (cand.kind == Kind.HELPER) {
                return cand.fqcn();
            }
        }
        return planned.get(1).fqcn(); // index 1 is always a helper
    }

    private List<Type> planned = List.of();

    private void weakMethod(StringBuilder b, Type t) {
        if (t.weak >= 0) {
            b.append("\n    // planted weak call\n");
            b.append(WEAK[t.weak]);
        }
    }

    private void dto(StringBuilder b, Type t, Random rnd) {
        String n = t.simpleName;
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[]{"long", "id"});
        fields.add(new String[]{"String", "name"});
        fields.add(new String[]{"String", "email"});
        fields.add(new String[]{"int", "count"});
        int extra = rnd.nextInt(6);
        for (int k = 0; k < extra; k++) {
            fields.add(new String[]{rnd.nextBoolean() ? "String" : "double", "attr" + k});
        }
        b.append("\npublic class ").append(n).append(" implements java.io.Serializable {\n");
        b.append("    private static final long serialVersionUID = ").append(t.index).append("L;\n");
        for (String[] f : fields) {
            b.append("    private ").append(f[0]).append(' ').append(f[1]).append(";\n");
        }
        b.append("\n    public ").append(n).append("() {\n    }\n");
        for (String[] f : fields) {
            String cap = Character.toUpperCase(f[1].charAt(0)) + f[1].substring(1);
            b.append("\n    public ").append(f[0]).append(" get").append(cap).append("() {\n        return ")
                .append(f[1]).append(";\n    }\n");
            b.append("\n    public void set").append(cap).append('(').append(f[0]).append(" value) {\n        this.")
                .append(f[1]).append(" = value;\n    }\n");
        }
        b.append("\n    public String describe() {\n        StringBuilder sb = new StringBuilder(\"").append(n)
            .append("{\");\n");
        for (String[] f : fields) {
            b.append("        sb.append(\"").append(f[1]).append("=\").append(").append(f[1]).append(").append(',');\n");
        }
        b.append("        return sb.append('}').toString();\n    }\n");
        b.append("\n    @Override\n    public boolean equals(Object o) {\n        if (this == o) return true;\n")
            .append("        if (!(o instanceof ").append(n).append(")) return false;\n        ").append(n)
            .append(" other = (").append(n).append(") o;\n")
            .append("        return id == other.id && Objects.equals(name, other.name) && Objects.equals(email, other.email);\n    }\n");
        b.append("\n    @Override\n    public int hashCode() {\n        return Objects.hash(id, name, email);\n    }\n");
        weakMethod(b, t);
        b.append("}\n");
    }

    private void helper(StringBuilder b, Type t, Random rnd) {
        String n = t.simpleName;
        boolean root = t.index <= 1;
        String h1 = root ? null : helperBelow(t, rnd);
        String h2 = root ? null : helperBelow(t, rnd);
        b.append("\npublic final class ").append(n).append(" {\n");
        b.append("    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();\n");
        b.append("\n    private ").append(n).append("() {\n    }\n");
        b.append("\n    public static String normalize(String s) {\n        if (s == null) {\n            return \"\";\n        }\n")
            .append("        String t = s.trim().toLowerCase(Locale.ROOT);\n");
        if (!root) {
            b.append("        t = ").append(h1).append(".normalize(t);\n");
        }
        b.append("        return CACHE.computeIfAbsent(t, k -> k.replace(' ', '-'));\n    }\n");
        b.append("\n    public static int score(String s, int base) {\n        int h = base + ").append(rnd.nextInt(1000))
            .append(";\n        for (char c : normalize(s).toCharArray()) {\n            h = 31 * h + c;\n        }\n");
        if (!root) {
            b.append("        h ^= ").append(h2).append(".score(s, h >>> 3);\n");
        }
        b.append("        return h;\n    }\n");
        b.append("\n    public static String join(List<String> parts) {\n")
            .append("        return parts.stream().map(").append(n).append("::normalize).filter(p -> !p.isEmpty())")
            .append(".sorted().collect(Collectors.joining(\"").append(rnd.nextBoolean() ? "," : ";").append("\"));\n    }\n");
        b.append("\n    public static String label(String kind, long id) {\n")
            .append("        StringBuilder sb = new StringBuilder();\n        sb.append(kind).append('#').append(id);\n")
            .append("        if (id % 2 == 0) {\n            sb.append(\"-even\");\n        }\n");
        if (!root) {
            b.append("        sb.append('/').append(").append(h1).append(".label(kind, id / 2));\n");
        }
        b.append("        return sb.toString();\n    }\n");
        weakMethod(b, t);
        b.append("}\n");
    }

    private void repository(StringBuilder b, Type t) {
        String d = t.dto.fqcn();
        b.append("\npublic interface ").append(t.simpleName).append(" {\n")
            .append("    ").append(d).append(" find(long id);\n\n")
            .append("    List<").append(d).append("> findAll();\n\n")
            .append("    void save(").append(d).append(" value);\n\n")
            .append("    default int size() {\n        return findAll().size();\n    }\n}\n");
    }

    private void repositoryImpl(StringBuilder b, Type t, Random rnd) {
        String d = t.dto.fqcn();
        int variant = rnd.nextInt(3);
        b.append("\npublic class ").append(t.simpleName).append(" implements ").append(t.repository.fqcn()).append(" {\n");
        b.append("    private final Map<Long, ").append(d).append("> store = new ConcurrentHashMap<>();\n");
        if (variant == 2) {
            b.append("\n    static final class Entry {\n        final long id;\n        final long stamp;\n\n")
                .append("        Entry(long id, long stamp) {\n            this.id = id;\n            this.stamp = stamp;\n        }\n    }\n")
                .append("\n    private final Deque<Entry> log = new ArrayDeque<>();\n");
        }
        b.append("\n    @Override\n    public ").append(d).append(" find(long id) {\n");
        if (variant == 1) {
            b.append("        return store.computeIfAbsent(id, k -> {\n            ").append(d).append(" v = new ").append(d)
                .append("();\n            v.setId(k);\n            v.setName(\"auto-\" + k);\n            return v;\n        });\n    }\n");
        } else {
            b.append("        return store.get(id);\n    }\n");
        }
        b.append("\n    @Override\n    public List<").append(d).append("> findAll() {\n")
            .append("        List<").append(d).append("> all = new ArrayList<>(store.values());\n");
        if (variant == 0) {
            b.append("        all.sort(new Comparator<").append(d).append(">() {\n            @Override\n")
                .append("            public int compare(").append(d).append(" a, ").append(d).append(" b) {\n")
                .append("                return Long.compare(a.getId(), b.getId());\n            }\n        });\n");
        } else {
            b.append("        all.sort(Comparator.comparing(").append(d).append("::getId));\n");
        }
        b.append("        return all;\n    }\n");
        b.append("\n    @Override\n    public void save(").append(d).append(" value) {\n        store.put(value.getId(), value);\n");
        if (variant == 2) {
            b.append("        log.addLast(new Entry(value.getId(), System.nanoTime()));\n        if (log.size() > 100) {\n")
                .append("            log.removeFirst();\n        }\n");
        }
        b.append("    }\n");
        weakMethod(b, t);
        b.append("}\n");
    }

    private void service(StringBuilder b, Type t, Random rnd) {
        String d = t.dto.fqcn();
        String repo = t.repository.fqcn();
        String h1 = helperBelow(t, rnd);
        String h2 = helperBelow(t, rnd);
        Type other = null;
        for (int k = t.index - 1; k >= 0 && k > t.index - 200; k--) {
            if (planned.get(k).kind == Kind.SERVICE) {
                other = planned.get(k);
                break;
            }
        }
        String n = t.simpleName;
        b.append("\npublic class ").append(n).append(" {\n");
        b.append("    private final ").append(repo).append(" repository;\n");
        b.append("    private final List<Consumer<").append(d).append(">> listeners = new CopyOnWriteArrayList<>();\n");
        if (other != null) {
            b.append("    private final ").append(other.fqcn()).append(" upstream = new ").append(other.fqcn()).append("();\n");
        }
        b.append("\n    public ").append(n).append("() {\n        this(new ").append(t.impl.fqcn()).append("());\n    }\n");
        b.append("\n    public ").append(n).append('(').append(repo).append(" repository) {\n")
            .append("        this.repository = repository;\n    }\n");
        b.append("\n    public void onSave(Consumer<").append(d).append("> listener) {\n        listeners.add(listener);\n    }\n");
        b.append("\n    public ").append(d).append(" load(long id) {\n        ").append(d).append(" v = repository.find(id);\n")
            .append("        if (v == null) {\n            v = new ").append(d).append("();\n            v.setId(id);\n")
            .append("            v.setName(").append(h1).append(".label(\"").append(n).append("\", id));\n")
            .append("            v.setCount(").append(h2).append(".score(v.getName(), (int) id));\n")
            .append("            repository.save(v);\n            final ").append(d).append(" saved = v;\n")
            .append("            listeners.forEach(l -> l.accept(saved));\n        }\n        return v;\n    }\n");
        b.append("\n    public String summary() {\n        return repository.findAll().stream()\n")
            .append("            .filter(v -> v.getCount() >= ").append(rnd.nextInt(10)).append(")\n")
            .append("            .map(").append(d).append("::describe)\n            .map(").append(h1).append("::normalize)\n")
            .append("            .collect(Collectors.joining(\"\\n\"));\n    }\n");
        b.append("\n    public int total() {\n        int sum = 0;\n        for (").append(d).append(" v : repository.findAll()) {\n")
            .append("            sum += ").append(h2).append(".score(v.getName(), v.getCount());\n        }\n");
        if (other != null) {
            b.append("        sum += upstream.total();\n");
        }
        b.append("        return sum;\n    }\n");
        b.append("\n    public Runnable refresher(final long id) {\n        return new Runnable() {\n")
            .append("            @Override\n            public void run() {\n                ").append(d)
            .append(" v = load(id);\n                v.setCount(v.getCount() + 1);\n                repository.save(v);\n")
            .append("            }\n        };\n    }\n");
        b.append("\n    public Stats stats() {\n        Stats s = new Stats();\n        for (").append(d)
            .append(" v : repository.findAll()) {\n            s.add(v.getCount());\n        }\n        return s;\n    }\n");
        b.append("\n    public static final class Stats {\n        private long n;\n        private long sum;\n\n")
            .append("        void add(long x) {\n            n++;\n            sum += x;\n        }\n\n")
            .append("        public double mean() {\n            return n == 0 ? 0 : (double) sum / n;\n        }\n    }\n");
        weakMethod(b, t);
        b.append("}\n");
    }

    private void servlet(StringBuilder b, Type t, Random rnd) {
        String d = t.dto.fqcn();
        String svc = t.service.fqcn();
        String h = helperBelow(t, rnd);
        b.append("import java.io.IOException;\nimport javax.servlet.ServletException;\n")
            .append("import javax.servlet.http.*;\n");
        b.append("\npublic class ").append(t.simpleName).append(" extends HttpServlet {\n")
            .append("    private static final long serialVersionUID = 1L;\n")
            .append("    private final transient ").append(svc).append(" service = new ").append(svc).append("();\n");
        b.append("\n    @Override\n    protected void doGet(HttpServletRequest req, HttpServletResponse resp)")
            .append(" throws ServletException, IOException {\n")
            .append("        String raw = req.getParameter(\"id\");\n")
            .append("        long id = raw == null || raw.isEmpty() ? 0L : Long.parseLong(raw.trim());\n")
            .append("        ").append(d).append(" v = service.load(id);\n")
            .append("        resp.setContentType(\"text/plain;charset=UTF-8\");\n")
            .append("        StringBuilder out = new StringBuilder();\n")
            .append("        out.append(v.describe()).append('\\n').append(service.total());\n")
            .append("        if (req.getParameter(\"all\") != null) {\n            out.append('\\n').append(service.summary());\n        }\n")
            .append("        resp.getWriter().write(out.toString());\n    }\n");
        b.append("\n    @Override\n    protected void doPost(HttpServletRequest req, HttpServletResponse resp)")
            .append(" throws ServletException, IOException {\n")
            .append("        String name = ").append(h).append(".normalize(req.getParameter(\"name\"));\n")
            .append("        ").append(d).append(" v = service.load(name.hashCode());\n")
            .append("        v.setName(name);\n        v.setEmail(req.getParameter(\"email\"));\n");
        if (rnd.nextInt(3) == 0) {
            b.append("        Cookie pref = new Cookie(\"pref\", name);\n        pref.setSecure(true);\n")
                .append("        pref.setHttpOnly(true);\n        pref.setMaxAge(3600);\n        resp.addCookie(pref);\n");
        }
        b.append("        req.getSession().setAttribute(\"last\", v.getId());\n")
            .append("        resp.sendRedirect(req.getContextPath() + \"/").append(t.simpleName.toLowerCase(Locale.ROOT))
            .append("?id=\" + v.getId());\n    }\n");
        weakMethod(b, t);
        b.append("}\n");
    }

    private static final String[] SAFE = {
        // 0 AES-GCM with a random IV
        "    public static byte[] encrypt(byte[] key, byte[] data) throws java.security.GeneralSecurityException {\n"
            + "        byte[] iv = new byte[12];\n        RNG.nextBytes(iv);\n"
            + "        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(\"AES/GCM/NoPadding\");\n"
            + "        c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, \"AES\"),"
            + " new javax.crypto.spec.GCMParameterSpec(128, iv));\n"
            + "        byte[] body = c.doFinal(data);\n        byte[] out = new byte[iv.length + body.length];\n"
            + "        System.arraycopy(iv, 0, out, 0, iv.length);\n"
            + "        System.arraycopy(body, 0, out, iv.length, body.length);\n        return out;\n    }\n",
        // 1 SHA-256
        "    public static String digest(String s) throws java.security.NoSuchAlgorithmException {\n"
            + "        java.security.MessageDigest md = java.security.MessageDigest.getInstance(\"SHA-256\");\n"
            + "        return java.util.HexFormat.of().formatHex(md.digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));\n"
            + "    }\n",
        // 2 SecureRandom token
        "    public static String newToken() {\n        byte[] b = new byte[24];\n        RNG.nextBytes(b);\n"
            + "        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);\n    }\n",
        // 3 hardened XML parser
        "    public static org.w3c.dom.Document parse(java.io.InputStream in) throws Exception {\n"
            + "        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();\n"
            + "        f.setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", true);\n"
            + "        f.setXIncludeAware(false);\n        f.setExpandEntityReferences(false);\n"
            + "        return f.newDocumentBuilder().parse(in);\n    }\n",
        // 4 https call
        "    public static java.io.InputStream fetch(String path) throws java.io.IOException {\n"
            + "        java.net.URL url = new java.net.URL(\"https://api.example.com/v1/\" + path);\n"
            + "        java.net.HttpURLConnection con = (java.net.HttpURLConnection) url.openConnection();\n"
            + "        con.setConnectTimeout(5000);\n        return con.getInputStream();\n    }\n",
        // 5 flagged cookie
        "    public static void sessionCookie(javax.servlet.http.HttpServletResponse resp, String value) {\n"
            + "        javax.servlet.http.Cookie c = new javax.servlet.http.Cookie(\"sid\", value);\n"
            + "        c.setSecure(true);\n        c.setHttpOnly(true);\n        c.setPath(\"/\");\n        resp.addCookie(c);\n    }\n",
        // 6 java.util.Random for a non-security use (shuffle)
        "    public static <T> List<T> sample(List<T> items, int k) {\n        List<T> copy = new ArrayList<>(items);\n"
            + "        Collections.shuffle(copy, new Random(copy.size()));\n        return copy.subList(0, Math.min(k, copy.size()));\n    }\n",
        // 7 PBKDF2 with a random salt
        "    public static byte[] hashPassword(char[] password) throws java.security.GeneralSecurityException {\n"
            + "        byte[] salt = new byte[16];\n        RNG.nextBytes(salt);\n"
            + "        javax.crypto.SecretKeyFactory f = javax.crypto.SecretKeyFactory.getInstance(\"PBKDF2WithHmacSHA256\");\n"
            + "        return f.generateSecret(new javax.crypto.spec.PBEKeySpec(password, salt, 210000, 256)).getEncoded();\n"
            + "    }\n",
        // 8 request input bound as a SQL parameter
        "    public static java.sql.ResultSet findByName(javax.servlet.http.HttpServletRequest req, java.sql.Connection con)"
            + " throws java.sql.SQLException {\n"
            + "        java.sql.PreparedStatement ps = con.prepareStatement(\"SELECT * FROM patient WHERE name = ?\");\n"
            + "        ps.setString(1, req.getParameter(\"name\"));\n        return ps.executeQuery();\n    }\n",
        // 9 request input parsed as a number before it is echoed
        "    public static void echoPage(javax.servlet.http.HttpServletRequest req, javax.servlet.http.HttpServletResponse resp)"
            + " throws java.io.IOException {\n"
            + "        int page = Integer.parseInt(req.getParameter(\"page\"));\n"
            + "        resp.getWriter().print(\"<p>page \" + page + \"</p>\");\n    }\n",
    };

    private void security(StringBuilder b, Type t, Random rnd) {
        b.append("\npublic final class ").append(t.simpleName).append(" {\n")
            .append("    private static final java.security.SecureRandom RNG = new java.security.SecureRandom();\n")
            .append("\n    private ").append(t.simpleName).append("() {\n    }\n");
        int first = rnd.nextInt(SAFE.length);
        int count = 2 + rnd.nextInt(3);
        for (int k = 0; k < count; k++) {
            b.append('\n').append(SAFE[(first + k * 3) % SAFE.length]);
        }
        weakMethod(b, t);
        b.append("}\n");
    }

    private void enumType(StringBuilder b, Type t, Random rnd) {
        b.append("\npublic enum ").append(t.simpleName).append(" {\n    NEW(\"n\"), ACTIVE(\"a\"), CLOSED(\"c\")");
        if (rnd.nextBoolean()) {
            b.append(", ARCHIVED(\"x\")");
        }
        b.append(";\n\n    private final String code;\n\n    ").append(t.simpleName)
            .append("(String code) {\n        this.code = code;\n    }\n")
            .append("\n    public String code() {\n        return code;\n    }\n")
            .append("\n    public static Optional<").append(t.simpleName).append("> byCode(String c) {\n")
            .append("        return Arrays.stream(values()).filter(v -> v.code.equals(c)).findFirst();\n    }\n}\n");
    }

    /** Weak calls planted in about one class in 20. Each is a whole method. */
    static final String[] WEAK = {
        // DES
        "    public static byte[] legacyEncrypt(byte[] key, byte[] data) throws java.security.GeneralSecurityException {\n"
            + "        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(\"DES/ECB/PKCS5Padding\");\n"
            + "        c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, \"DES\"));\n"
            + "        return c.doFinal(data);\n    }\n",
        // MD5
        "    public static byte[] legacyChecksum(byte[] data) throws java.security.NoSuchAlgorithmException {\n"
            + "        return java.security.MessageDigest.getInstance(\"MD5\").digest(data);\n    }\n",
        // predictable random into a cookie
        "    public static void legacyToken(javax.servlet.http.HttpServletResponse resp) {\n"
            + "        String token = Long.toHexString(new Random().nextLong());\n"
            + "        javax.servlet.http.Cookie c = new javax.servlet.http.Cookie(\"token\", token);\n"
            + "        c.setSecure(true);\n        c.setHttpOnly(true);\n        resp.addCookie(c);\n    }\n",
        // cookie without Secure / HttpOnly
        "    public static void legacyCookie(javax.servlet.http.HttpServletResponse resp, String user) {\n"
            + "        javax.servlet.http.Cookie c = new javax.servlet.http.Cookie(\"user\", user);\n"
            + "        c.setMaxAge(86400);\n        resp.addCookie(c);\n    }\n",
        // unhardened XML parser
        "    public static org.w3c.dom.Document legacyParse(java.io.InputStream in) throws Exception {\n"
            + "        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();\n"
            + "        return f.newDocumentBuilder().parse(in);\n    }\n",
        // cleartext http
        "    public static java.io.InputStream legacyFetch(String path) throws java.io.IOException {\n"
            + "        return new java.net.URL(\"http://partner.example.com/feed/\" + path).openStream();\n    }\n",
        // hard-coded password
        "    public static java.sql.Connection legacyConnect() throws java.sql.SQLException {\n"
            + "        return java.sql.DriverManager.getConnection(\"jdbc:mysql://db/shop\", \"shop\", \"Sh0pPassw0rd\");\n    }\n",
        // static IV
        "    public static byte[] legacyCbc(byte[] key, byte[] data) throws java.security.GeneralSecurityException {\n"
            + "        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(\"AES/CBC/PKCS5Padding\");\n"
            + "        c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, \"AES\"),"
            + " new javax.crypto.spec.IvParameterSpec(new byte[16]));\n"
            + "        return c.doFinal(data);\n    }\n",
        // weak TLS + accept-all hostnames
        "    public static javax.net.ssl.SSLContext legacyTls() throws java.security.GeneralSecurityException {\n"
            + "        javax.net.ssl.HttpsURLConnection.setDefaultHostnameVerifier(new javax.net.ssl.HostnameVerifier() {\n"
            + "            @Override\n            public boolean verify(String host, javax.net.ssl.SSLSession session) {\n"
            + "                return true;\n            }\n        });\n"
            + "        return javax.net.ssl.SSLContext.getInstance(\"SSL\");\n    }\n",
        // trust-all trust manager (nested class)
        "    static final class LegacyTrustAll implements javax.net.ssl.X509TrustManager {\n"
            + "        @Override\n        public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) { }\n\n"
            + "        @Override\n        public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) { }\n\n"
            + "        @Override\n        public java.security.cert.X509Certificate[] getAcceptedIssuers() {\n"
            + "            return new java.security.cert.X509Certificate[0];\n        }\n    }\n",
        // SQL injection
        "    public static java.sql.ResultSet legacySearch(javax.servlet.http.HttpServletRequest req, java.sql.Connection con)"
            + " throws java.sql.SQLException {\n"
            + "        String name = req.getParameter(\"name\");\n"
            + "        return con.createStatement().executeQuery(\"SELECT * FROM patient WHERE name = '\" + name + \"'\");\n    }\n",
        // reflected XSS
        "    public static void legacyEcho(javax.servlet.http.HttpServletRequest req, javax.servlet.http.HttpServletResponse resp)"
            + " throws java.io.IOException {\n"
            + "        resp.getWriter().print(\"<p>\" + req.getParameter(\"q\") + \"</p>\");\n    }\n",
        // path traversal
        "    public static java.io.InputStream legacyDownload(javax.servlet.http.HttpServletRequest req)"
            + " throws java.io.IOException {\n"
            + "        return new java.io.FileInputStream(new java.io.File(\"/data/exports\", req.getParameter(\"file\")));\n    }\n",
        // command injection through a helper
        "    public static Process legacyConvert(javax.servlet.http.HttpServletRequest req) throws java.io.IOException {\n"
            + "        return legacyRun(\"convert \" + req.getParameter(\"study\"));\n    }\n\n"
            + "    private static Process legacyRun(String command) throws java.io.IOException {\n"
            + "        return Runtime.getRuntime().exec(command);\n    }\n",
    };

    // ---------------------------------------------------------------- build

    private void compile(List<Path> sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the benchmark with a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> cp = new ArrayList<>();
            cp.add(classes.toString());
            libraries.forEach(l -> cp.add(l.toString()));
            List<String> options = List.of("--release", "17", "-g", "-nowarn", "-Xlint:none", "-proc:none",
                "-encoding", "UTF-8", "-d", classes.toString(), "-cp", String.join(java.io.File.pathSeparator, cp));
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(sources);
            Writer sink = Writer.nullWriter();
            boolean ok = javac.getTask(sink, fm, diagnostics, options, null, units).call();
            if (!ok) {
                String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR).limit(10)
                    .map(d -> d.getSource() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
                throw new IllegalStateException("generated sources do not compile:\n" + errors);
            }
        }
    }

    private static void writeArchive(Path target, Path classes, List<Path> classFiles, String prefix, List<Path> libs)
        throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Created-By", "triage-bench AppGenerator v" + VERSION);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp); JarOutputStream jar = new JarOutputStream(os, mf)) {
            java.util.Set<String> dirs = new java.util.HashSet<>();
            for (Path f : classFiles) {
                String name = prefix + classes.relativize(f).toString().replace('\\', '/');
                addDirs(jar, dirs, name);
                JarEntry e = new JarEntry(name);
                e.setTime(0L);
                jar.putNextEntry(e);
                Files.copy(f, jar);
                jar.closeEntry();
            }
            if (!libs.isEmpty()) {
                List<Path> sorted = new ArrayList<>(libs);
                sorted.sort(Comparator.comparing(p -> p.getFileName().toString()));
                for (Path lib : sorted) {
                    String name = "WEB-INF/lib/" + lib.getFileName();
                    addDirs(jar, dirs, name);
                    JarEntry e = new JarEntry(name);
                    e.setTime(0L);
                    jar.putNextEntry(e);
                    Files.copy(lib, jar);
                    jar.closeEntry();
                }
            }
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void addDirs(JarOutputStream jar, java.util.Set<String> done, String name) throws IOException {
        int slash = name.indexOf('/');
        while (slash > 0) {
            String dir = name.substring(0, slash + 1);
            if (done.add(dir)) {
                JarEntry e = new JarEntry(dir);
                e.setTime(0L);
                jar.putNextEntry(e);
                jar.closeEntry();
            }
            slash = name.indexOf('/', slash + 1);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
