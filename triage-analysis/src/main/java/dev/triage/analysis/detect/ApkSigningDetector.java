package dev.triage.analysis.detect;

import dev.triage.contract.Confidence;
import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.contract.Location;
import dev.triage.contract.Detection;
import dev.triage.analysis.Detector;
import dev.triage.analysis.ResourceScan;
import dev.triage.analysis.model.Models;
import dev.triage.intake.AndroidSigning;
import dev.triage.intake.CodeRole;
import dev.triage.intake.ResourceEntry;
import dev.triage.program.Program;
import dev.triage.program.android.AndroidApp;

import javax.naming.NamingException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The signing checks of an APK, from what apksig read at intake ({@link Program#androidSignings()}), one finding set
 * per APK input, at the APK's file name (line 0):
 * <ul>
 *   <li>android/v1-only-signature: only a JAR (v1) signature and the app installs below the first API level that
 *       verifies v2 (Janus); an unknown minSdk counts as installable there, with medium confidence;</li>
 *   <li>android/debug-certificate: a signing certificate whose subject is a debug subject (data);</li>
 *   <li>android/weak-signature-algorithm: one finding per weak digest (data) used by a certificate's own signature or
 *       by an APK signature that some device the app installs on verifies;</li>
 *   <li>android/expired-certificate: a signing certificate past its validity at the scan's clock, or not yet valid.</li>
 * </ul>
 * A certificate used by several schemes (v1, v2, v3) is judged once. Unsigned APKs and signatures apksig could not
 * verify are problem lines; bare DEX files and AARs carry no APK signature.
 */
public final class ApkSigningDetector implements Detector {
    public static final String V1_ONLY = "android/v1-only-signature";
    public static final String DEBUG = "android/debug-certificate";
    public static final String WEAK = "android/weak-signature-algorithm";
    public static final String EXPIRED = "android/expired-certificate";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final int v2MinApi;
    private final int v3MinApi;
    private final Set<String> weakDigests;
    private final List<Set<String>> debugSubjects;

    public ApkSigningDetector(Models models) {
        this.v2MinApi = apiLevel(models, "apk-signature-v2-min-api");
        this.v3MinApi = apiLevel(models, "apk-signature-v3-min-api");
        this.weakDigests = Set.copyOf(Tables.upperSet(models, "weak-signature-digests"));
        List<Set<String>> subjects = new ArrayList<>();
        for (String s : Tables.set(models, "debug-certificate-subjects")) {
            Set<String> rdns = rdns(s);
            if (rdns == null || rdns.isEmpty()) {
                throw new IllegalStateException("android-signing.yml: not an X.500 name: " + s);
            }
            subjects.add(rdns);
        }
        this.debugSubjects = List.copyOf(subjects);
    }

    private static int apiLevel(Models models, String table) {
        JsonNode api = models.table(table);
        if (!api.canConvertToInt() || api.asInt() <= 1) {
            throw new IllegalStateException("android-signing.yml: " + table + " must be an API level");
        }
        return api.asInt();
    }

    @Override
    public Set<String> rules() {
        return Set.of(V1_ONLY, DEBUG, WEAK, EXPIRED);
    }

    @Override
    public void visitResources(ResourceScan scan) {
        Program program = scan.context().program();
        Instant now = scan.context().now();
        Set<String> seen = new HashSet<>();
        for (AndroidSigning s : program.androidSignings()) {
            if (!seen.add(s.origin())) continue;
            String file = AndroidInputs.fileName(s.origin());
            String first = s.errors().isEmpty() ? "" : s.errors().get(0);
            if (first.length() > 300) first = first.substring(0, 300) + "...";
            String more = s.errors().size() > 1 ? " (and " + (s.errors().size() - 1) + " more)" : "";
            // An unsigned APK (a build intermediate) cannot be installed, and one whose signature does not verify would
            // be refused: problem lines, not findings. What can be read of a signature that does not verify is still
            // checked (a v1-only APK that targets API 30+ fails verification, and is still open to Janus below 24).
            if (s.unsigned()) {
                boolean unreadable = s.errors().stream().anyMatch(e -> e.startsWith("cannot "));
                scan.problem(file + ": " + (unreadable ? "the APK signature could not be read: " + first + more
                        : "the APK is not signed (no v1, v2 or v3 signature), so Android cannot install it")
                        + "; signing checks were not run");
                continue;
            }
            if (!first.isEmpty()) scan.problem(file + ": the APK signature does not verify (apksig): " + first + more);
            if (!s.signers().isEmpty()) check(s, minSdk(s, program), now, scan);
        }
    }

    /** A signing certificate, with the schemes that use it. */
    private record Certificate(String key, AndroidSigning.Signer signer, Set<String> schemes) {
    }

    private void check(AndroidSigning s, int minSdk, Instant now, ResourceScan scan) {
        String file = AndroidInputs.fileName(s.origin());
        Location at = Location.inResource(file, 0, s.origin());
        boolean v1Only = s.v1() && !s.v2() && !s.v3() && !s.v31();
        // Devices verify the JAR signature alone below the v2 level (or at an unknown minSdk), and, without a v2
        // signature, below the v3 level or without a v3 signature either.
        boolean unknownOrOld = minSdk == 0 || minSdk < v2MinApi;
        boolean v1Verified = s.v1() && (unknownOrOld || !s.v2() && (!(s.v3() || s.v31()) || minSdk < v3MinApi));

        if (v1Only && (minSdk == 0 || minSdk < v2MinApi)) {
            String installs = minSdk == 0
                    ? "its minSdkVersion could not be read, so it may install on Android versions before API " + v2MinApi
                    : "it installs from API " + minSdk + " (minSdkVersion " + minSdk + "), below API " + v2MinApi;
            Map<String, String> props = new LinkedHashMap<>();
            props.put("schemes", "v1");
            props.put("minSdk", minSdk == 0 ? "unknown" : Integer.toString(minSdk));
            scan.reporter().report(new Detection(V1_ONLY, at, file + " is signed with the JAR (v1) scheme only and "
                    + installs + ", where Janus (CVE-2017-13156) lets a DEX file prepended to the APK pass the signature"
                    + " check.", List.of(), minSdk == 0 ? Confidence.MEDIUM : Confidence.HIGH, "signing|v1-only", null, props));
        }

        List<Certificate> certificates = certificates(s);
        for (Certificate c : certificates) {
            AndroidSigning.Signer x = c.signer();
            String debug = debugSubject(x.subject());
            if (debug != null) {
                scan.reporter().report(new Detection(DEBUG, at, file + " is signed with a debug certificate (subject "
                        + x.subject() + ", used by the " + schemes(c) + " signature" + (c.schemes().size() > 1 ? "s" : "")
                        + ").", List.of(), Confidence.HIGH,
                        "signing|debug-certificate", null, certificateProps(c)));
            }
            if (x.notAfter() != null && x.notAfter().isBefore(now)) {
                scan.reporter().report(new Detection(EXPIRED, at, file + " is signed with a certificate that expired on "
                        + DAY.format(x.notAfter()) + " (subject " + x.subject() + ", valid " + validity(x) + ").",
                        List.of(), Confidence.HIGH, "signing|expired-certificate", null, certificateProps(c)));
            } else if (x.notBefore() != null && x.notBefore().isAfter(now)) {
                scan.reporter().report(new Detection(EXPIRED, at, file + " is signed with a certificate that is not valid"
                        + " before " + DAY.format(x.notBefore()) + " (subject " + x.subject() + ", valid " + validity(x)
                        + ").", List.of(), Confidence.HIGH, "signing|certificate-not-yet-valid", null, certificateProps(c)));
            }
        }

        // weak digests: one finding per digest, naming every place it is used
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Certificate c : certificates) {
            String alg = c.signer().certificateSignatureAlgorithm();
            for (String d : weakDigestsOf(alg)) {
                uses.computeIfAbsent(d, k -> new LinkedHashSet<>()).add("the certificate " + c.signer().subject()
                        + " is signed with " + alg);
            }
        }
        for (AndroidSigning.Signer x : s.signers()) {
            if (x.scheme().equals("v1") && !v1Verified) continue;
            for (String d : weakDigestsOf(x.signatureAlgorithm())) {
                uses.computeIfAbsent(d, k -> new LinkedHashSet<>()).add("the " + x.scheme()
                        + (x.scheme().equals("v1") ? " (JAR)" : "") + " signature uses " + algorithmWith(x.signatureAlgorithm(), d));
            }
        }
        uses.forEach((digest, where) -> {
            Map<String, String> props = new LinkedHashMap<>();
            props.put("digest", digest);
            scan.reporter().report(new Detection(WEAK, at, file + " is signed with the weak digest " + display(digest)
                    + ": " + join(new ArrayList<>(where)) + ".", List.of(), Confidence.HIGH, "signing|weak-algorithm|" + digest,
                    null, props));
        });
    }

    /**
     * The minSdk the APK installs from: the app model's manifest when it is this APK's, else what the signing reader
     * recorded (its own manifest reading or apksig's); 0 when neither could read it.
     */
    static int minSdk(AndroidSigning s, Program program) {
        AndroidApp app = program.android();
        if (app != null && app.manifest() != null) {
            for (ResourceEntry r : program.resources()) {
                if (r.role() != CodeRole.APP || !r.name().equals(AndroidApp.MANIFEST)) continue;
                // the manifest the app model was built from is the first app manifest
                if (AndroidInputs.inputOf(r.origin()).equals(s.origin())) return app.minSdk();
                break;
            }
        }
        return s.minSdk();
    }

    /** Distinct certificates in signer order (v1, v2, v3, v3.1), keyed by their SHA-256 (or subject and dates). */
    private static List<Certificate> certificates(AndroidSigning s) {
        Map<String, Certificate> out = new LinkedHashMap<>();
        for (AndroidSigning.Signer x : s.signers()) {
            if (x.subject() == null) continue;
            String key = x.certificateSha256() != null ? x.certificateSha256()
                    : x.subject() + "|" + x.notBefore() + "|" + x.notAfter();
            out.computeIfAbsent(key, k -> new Certificate(k, x, new LinkedHashSet<>())).schemes().add(x.scheme());
        }
        return new ArrayList<>(out.values());
    }

    private static Map<String, String> certificateProps(Certificate c) {
        Map<String, String> props = new LinkedHashMap<>();
        AndroidSigning.Signer x = c.signer();
        props.put("certificateSubject", x.subject());
        if (x.certificateSha256() != null) props.put("certificateSha256", x.certificateSha256());
        if (x.notBefore() != null) props.put("notBefore", DAY.format(x.notBefore()));
        if (x.notAfter() != null) props.put("notAfter", DAY.format(x.notAfter()));
        props.put("schemes", String.join(",", c.schemes()));
        return props;
    }

    private static String schemes(Certificate c) {
        return join(new ArrayList<>(c.schemes()));
    }

    private static String validity(AndroidSigning.Signer x) {
        return (x.notBefore() == null ? "?" : DAY.format(x.notBefore())) + " to "
                + (x.notAfter() == null ? "?" : DAY.format(x.notAfter()));
    }

    /** The matching debug subject row, or null. */
    String debugSubject(String subject) {
        Set<String> have = rdns(subject);
        if (have == null) return null;
        for (Set<String> row : debugSubjects) if (have.containsAll(row)) return String.join(",", row);
        return null;
    }

    /** The attributes of an X.500 name as {@code type=value}, upper-cased type, lower-cased value; null if not a name. */
    static Set<String> rdns(String name) {
        if (name == null || name.isBlank()) return null;
        try {
            Set<String> out = new LinkedHashSet<>();
            for (Rdn r : new LdapName(name).getRdns()) {
                javax.naming.directory.Attributes attrs = r.toAttributes();
                var ids = attrs.getIDs();
                while (ids.hasMore()) {
                    String id = ids.next();
                    var values = attrs.get(id).getAll();
                    while (values.hasMore()) {
                        out.add(id.toUpperCase(Locale.ROOT) + "=" + String.valueOf(values.next()).strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
            return out;
        } catch (NamingException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The weak digests an algorithm name (or several joined by ',') uses: {@code SHA1withRSA} → {@code [SHA1]}. */
    List<String> weakDigestsOf(String algorithms) {
        List<String> out = new ArrayList<>();
        if (algorithms == null) return out;
        for (String a : algorithms.split(",")) {
            String d = digestOf(a);
            if (d != null && weakDigests.contains(d) && !out.contains(d)) out.add(d);
        }
        return out;
    }

    /** The digest part of a JCA-style signature algorithm name, upper-cased without '-'; null when there is none. */
    static String digestOf(String algorithm) {
        String u = algorithm.strip().toUpperCase(Locale.ROOT).replace("-", "");
        int with = u.indexOf("WITH");
        return with <= 0 ? null : u.substring(0, with);
    }

    /** The algorithms of a joined list that use the digest: {@code SHA1withRSA}. */
    private static String algorithmWith(String algorithms, String digest) {
        List<String> out = new ArrayList<>();
        for (String a : algorithms.split(",")) if (digest.equals(digestOf(a))) out.add(a.strip());
        return String.join(" and ", out);
    }

    private static String display(String digest) {
        return digest.startsWith("SHA") && !digest.startsWith("SHA-") ? "SHA-" + digest.substring(3) : digest;
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) return String.join("", parts);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
