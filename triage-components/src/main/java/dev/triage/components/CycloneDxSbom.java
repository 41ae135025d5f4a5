package dev.triage.components;

import org.cyclonedx.Version;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component.Type;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.model.vulnerability.Vulnerability;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a CycloneDX 1.6 JSON SBOM with the CycloneDX Java library: the scanned app as the metadata
 * component; every identified library as a component (purl, SHA-1 and SHA-256 of the jar, where it was
 * found, how it was identified), shaded copies nested in their host; and a {@code vulnerabilities}
 * section with one entry per advisory and the components it affects. Each vulnerability carries a VEX
 * analysis: {@code exploitable} when app code reaches the vulnerable symbols, {@code in_triage} when
 * the app uses the library, and {@code not_affected} / {@code code_not_reachable} when no app code
 * (directly, through other bundled libraries, or as a service provider) refers to it — with the
 * evidence in {@code analysis.detail}.
 */
public final class CycloneDxSbom {
    public static final Version VERSION = Version.VERSION_16;

    private CycloneDxSbom() {
    }

    /**
     * @param appName   the scanned artifact's file name
     * @param tool      Triage's version
     * @param timestamp when the scan ran (fixed for reproducible output)
     */
    public static String write(ComponentReport report, String appName, String tool, Instant timestamp) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes((appName + "|" + timestamp).getBytes(StandardCharsets.UTF_8)));
        Metadata meta = new Metadata();
        meta.setTimestamp(Date.from(timestamp));
        ToolInformation tools = new ToolInformation();
        org.cyclonedx.model.Component triage = new org.cyclonedx.model.Component();
        triage.setType(Type.APPLICATION);
        triage.setName("triage");
        triage.setVersion(tool);
        tools.setComponents(List.of(triage));
        meta.setToolChoice(tools);
        org.cyclonedx.model.Component app = new org.cyclonedx.model.Component();
        app.setType(Type.APPLICATION);
        app.setName(appName);
        app.setBomRef("app:" + appName);
        meta.setComponent(app);
        bom.setMetadata(meta);

        Map<Component, String> refs = new HashMap<>();
        Map<String, org.cyclonedx.model.Component> hosts = new LinkedHashMap<>();
        List<org.cyclonedx.model.Component> top = new ArrayList<>();
        int n = 0;
        for (Component c : report.components()) {
            String ref = (c.purl().isEmpty() ? "file:" + c.path() : c.purl()) + (c.shaded() ? "#shaded-in:" + c.path() : "")
                    + "#" + (n++);
            refs.put(c, ref);
            org.cyclonedx.model.Component x = new org.cyclonedx.model.Component();
            x.setType(Type.LIBRARY);
            x.setBomRef(ref);
            if (!c.groupId().isEmpty()) x.setGroup(c.groupId());
            x.setName(c.artifactId().isEmpty() ? c.fileName() : c.artifactId());
            if (!c.version().isEmpty()) x.setVersion(c.version());
            if (!c.purl().isEmpty()) x.setPurl(c.purl());
            x.setScope(org.cyclonedx.model.Component.Scope.REQUIRED);
            List<Hash> hashes = new ArrayList<>();
            if (!c.sha1().isEmpty()) hashes.add(new Hash(Hash.Algorithm.SHA1, c.sha1()));
            if (!c.sha256().isEmpty()) hashes.add(new Hash(Hash.Algorithm.SHA_256, c.sha256()));
            if (!hashes.isEmpty()) x.setHashes(hashes);
            List<Property> props = new ArrayList<>();
            props.add(property("triage:path", c.path()));
            props.add(property("triage:identifiedBy", c.identifiedBy().name().toLowerCase(java.util.Locale.ROOT)));
            if (c.releaseDate() > 0) props.add(property("triage:releaseDate", ComponentAnalysis.date(c.releaseDate())));
            for (ComponentReport.Outdated o : report.outdated()) {
                if (o.component() == c) {
                    props.add(property("triage:latestVersion", o.latest()));
                    if (o.libyears() >= 0) props.add(property("triage:libyears", String.format(java.util.Locale.ROOT, "%.1f", o.libyears())));
                }
            }
            for (String conflict : c.identity().conflicts()) props.add(property("triage:identityConflict", conflict));
            x.setProperties(props);
            x.setEvidence(identityEvidence(c));
            if (c.shaded() && hosts.containsKey(c.origin())) {
                org.cyclonedx.model.Component host = hosts.get(c.origin());
                List<org.cyclonedx.model.Component> nested = host.getComponents() == null ? new ArrayList<>() : new ArrayList<>(host.getComponents());
                nested.add(x);
                host.setComponents(nested);
            } else {
                hosts.putIfAbsent(c.origin(), x);
                top.add(x);
            }
        }
        bom.setComponents(top);

        Map<String, Vulnerability> byId = new LinkedHashMap<>();
        for (ComponentReport.Vulnerability v : report.vulnerabilities()) {
            Advisory a = v.advisory();
            // One entry per advisory and reachability verdict: VEX analysis is per vulnerability entry.
            String key = a.id() + "|" + v.reachability();
            Vulnerability x = byId.get(key);
            if (x == null) {
                x = new Vulnerability();
                x.setBomRef("vuln:" + a.id() + ":" + byId.size());
                x.setId(a.id());
                Vulnerability.Source src = new Vulnerability.Source();
                src.setName(a.id().startsWith("GHSA-") ? "GitHub Advisory Database" : "OSV");
                src.setUrl(a.references().isEmpty() ? "https://osv.dev/vulnerability/" + a.id() : a.references().get(0));
                x.setSource(src);
                List<Vulnerability.Reference> aliasRefs = new ArrayList<>();
                for (String alias : a.aliases()) {
                    Vulnerability.Reference r = new Vulnerability.Reference();
                    r.setId(alias);
                    Vulnerability.Source s = new Vulnerability.Source();
                    s.setName(alias.startsWith("CVE-") ? "NVD" : "OSV");
                    s.setUrl(alias.startsWith("CVE-") ? "https://nvd.nist.gov/vuln/detail/" + alias : "https://osv.dev/vulnerability/" + alias);
                    r.setSource(s);
                    aliasRefs.add(r);
                }
                if (!aliasRefs.isEmpty()) x.setReferences(aliasRefs);
                if (a.score() >= 0) {
                    Vulnerability.Rating rating = new Vulnerability.Rating();
                    rating.setScore(a.score());
                    rating.setVector(a.vector());
                    rating.setMethod(a.vector().startsWith("CVSS:4") ? Vulnerability.Rating.Method.CVSSV4
                            : a.vector().startsWith("CVSS:3.0") ? Vulnerability.Rating.Method.CVSSV3 : Vulnerability.Rating.Method.CVSSV31);
                    rating.setSeverity(severity(a.score()));
                    x.setRatings(List.of(rating));
                }
                x.setCwes(List.of(1395));
                if (!a.summary().isEmpty()) x.setDescription(a.summary());
                if (!v.fixedVersion().isEmpty()) x.setRecommendation("Upgrade to " + v.fixedVersion() + " or newer.");
                Vulnerability.Analysis an = new Vulnerability.Analysis();
                switch (v.reachability()) {
                    case REACHABLE -> an.setState(Vulnerability.Analysis.State.EXPLOITABLE);
                    case REFERENCED -> an.setState(Vulnerability.Analysis.State.IN_TRIAGE);
                    case NOT_REFERENCED -> {
                        an.setState(Vulnerability.Analysis.State.NOT_AFFECTED);
                        an.setJustification(Vulnerability.Analysis.Justification.CODE_NOT_REACHABLE);
                    }
                }
                an.setDetail("Triage: " + v.reachability().label() + " — " + v.evidence());
                x.setAnalysis(an);
                x.setAffects(new ArrayList<>());
                if (!a.published().isEmpty()) {
                    try {
                        x.setPublished(Date.from(Instant.parse(a.published())));
                    } catch (RuntimeException ignored) {
                        // not an instant
                    }
                }
                byId.put(key, x);
            }
            Vulnerability.Affect affect = new Vulnerability.Affect();
            affect.setRef(refs.get(v.component()));
            Vulnerability.Version ver = new Vulnerability.Version();
            ver.setVersion(v.component().version());
            ver.setStatus(Vulnerability.Version.Status.AFFECTED);
            affect.setVersions(List.of(ver));
            x.getAffects().add(affect);
        }
        if (!byId.isEmpty()) bom.setVulnerabilities(new ArrayList<>(byId.values()));
        try {
            return BomGeneratorFactory.createJson(VERSION, bom).toJsonString();
        } catch (org.cyclonedx.exception.GeneratorException e) {
            throw new IllegalStateException("cannot write the CycloneDX SBOM: " + e.getMessage(), e);
        }
    }

    /**
     * {@code evidence.identity}: the package URL (or, for a jar nothing identified, only its name) with Triage's
     * confidence, and each piece of evidence weighed as a method: hash comparison, manifest analysis (Maven metadata
     * and MANIFEST.MF), file name, binary analysis (class packages). Evidence that decided nothing carries confidence 0.
     */
    private static org.cyclonedx.model.Evidence identityEvidence(Component c) {
        org.cyclonedx.model.component.evidence.Identity id = new org.cyclonedx.model.component.evidence.Identity();
        boolean identified = !c.purl().isEmpty();
        id.setField(identified ? org.cyclonedx.model.component.evidence.Identity.Field.PURL
                : org.cyclonedx.model.component.evidence.Identity.Field.NAME);
        id.setConfidence(c.identity().confidence().score());
        id.setConcludedValue(identified ? c.purl() : (c.artifactId().isEmpty() ? c.fileName() : c.artifactId()));
        List<org.cyclonedx.model.component.evidence.Method> methods = new ArrayList<>();
        for (Identity.Evidence e : c.identity().evidence()) {
            org.cyclonedx.model.component.evidence.Method m = new org.cyclonedx.model.component.evidence.Method();
            m.setTechnique(switch (e.technique()) {
                case HASH_COMPARISON -> org.cyclonedx.model.component.evidence.Method.Technique.HASH_COMPARISON;
                case MANIFEST_ANALYSIS -> org.cyclonedx.model.component.evidence.Method.Technique.MANIFEST_ANALYSIS;
                case FILENAME -> org.cyclonedx.model.component.evidence.Method.Technique.FILENAME;
                case BINARY_ANALYSIS -> org.cyclonedx.model.component.evidence.Method.Technique.BINARY_ANALYSIS;
                case OTHER -> org.cyclonedx.model.component.evidence.Method.Technique.OTHER;
            });
            m.setConfidence(e.used() ? c.identity().confidence().score() : 0.0);
            m.setValue(e.source() + ": " + e.value() + (e.note().isEmpty() ? "" : " — " + e.note()));
            methods.add(m);
        }
        if (!methods.isEmpty()) id.setMethods(methods);
        org.cyclonedx.model.Evidence ev = new org.cyclonedx.model.Evidence();
        ev.setIdentities(List.of(id));
        return ev;
    }

    private static Vulnerability.Rating.Severity severity(double score) {
        if (score >= 9.0) return Vulnerability.Rating.Severity.CRITICAL;
        if (score >= 7.0) return Vulnerability.Rating.Severity.HIGH;
        if (score >= 4.0) return Vulnerability.Rating.Severity.MEDIUM;
        if (score > 0) return Vulnerability.Rating.Severity.LOW;
        return Vulnerability.Rating.Severity.NONE;
    }

    private static Property property(String name, String value) {
        Property p = new Property();
        p.setName(name);
        p.setValue(value);
        return p;
    }

}
