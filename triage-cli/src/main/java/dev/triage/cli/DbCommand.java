package dev.triage.cli;

import dev.triage.components.AdvisoryDb;
import dev.triage.components.DbException;
import dev.triage.components.DbImporter;
import dev.triage.components.DbUpdater;
import dev.triage.components.HashIndex;
import dev.triage.components.HashIndexUpdater;
import dev.triage.components.KnownArtifacts;
import dev.triage.components.MetadataIndex;
import dev.triage.components.UnindexedJars;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code triage db update|import|status}: the local OSV advisory database that scans read. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Manage the local advisory database (OSV format) used to find vulnerable bundled libraries.",
        subcommands = {DbCommand.Update.class, DbCommand.Import.class, DbCommand.Status.class})
final class DbCommand implements Runnable {
    /** Exit code when an update or import is refused or fails (the previous database is kept). */
    static final int FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: update, import or status");
    }

    static class DbOption {
        @Option(names = "--db", paramLabel = "DIR", description = "Database directory (default: $TRIAGE_DB, else ~/.triage/db).")
        Path db;

        Path dir() {
            return db != null ? db : AdvisoryDb.defaultLocation();
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Download the OSV Maven archive, check it, and swap it in (the old database stays on any failure).",
                    "Then bring the SHA-1 index of Maven Central jars up to date (scans identify bundled jars by it): for every"
                            + " package the advisories name, the artifacts Triage knows as most used, and --hashes-for, each"
                            + " version's published .jar.sha1; only versions not indexed yet are fetched.",
                    "With --hashes-from, also find the coordinates of the jars an app bundles that the index does not know:"
                            + " each jar's own evidence proposes a few coordinates, and only one whose published .jar.sha1"
                            + " equals the jar's SHA-1 is indexed (all its versions) and remembered for later updates."})
    static final class Update implements Callable<Integer> {
        @CommandLine.Mixin DbOption db = new DbOption();

        @Option(names = "--url", paramLabel = "URL", description = "Archive URL (default: " + DbUpdater.DEFAULT_URL + ").")
        URI url = URI.create(DbUpdater.DEFAULT_URL);

        @Option(names = "--metadata-for", split = ",", paramLabel = "GROUP:ARTIFACT",
                description = "Also refresh release metadata (maven-metadata.xml) for these artifacts; @FILE reads them from a file.")
        List<String> metadataFor = new ArrayList<>();

        @Option(names = "--repository", paramLabel = "URL",
                description = "Maven repository for release metadata and jar checksums: an http(s) URL or a file: URL of a directory"
                        + " in repository layout, such as a mirror (default: " + MetadataIndex.DEFAULT_REPOSITORY + ").")
        URI repository = URI.create(MetadataIndex.DEFAULT_REPOSITORY);

        @Option(names = "--skip-advisories", description = "Keep the advisories as they are; only refresh the hash index and release metadata.")
        boolean skipAdvisories;

        @Option(names = "--hashes-for", split = ",", paramLabel = "GROUP:ARTIFACT",
                description = "Also index these artifacts' jar checksums (your organisation's libraries, say); @FILE reads them from a file.")
        List<String> hashesFor = new ArrayList<>();

        @Option(names = "--no-hashes", description = "Do not refresh the SHA-1 index of Maven Central jars.")
        boolean noHashes;

        @Option(names = "--hashes-from", arity = "1..*", paramLabel = "WAR|JAR|APK|DIR",
                description = "Index the jars these apps bundle that the index does not know: coordinates proposed by each jar's"
                        + " pom.properties, manifest, file name and class packages (at most " + UnindexedJars.MAX_REQUESTS_PER_JAR
                        + " per jar) are checked against the repository's published .jar.sha1; only an exact SHA-1 match is"
                        + " indexed, and kept for every later update.")
        List<Path> hashesFrom = new ArrayList<>();

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (noHashes && !hashesFrom.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--hashes-from fills the hash index; it cannot be used with --no-hashes");
            }
            try {
                if (!skipAdvisories) {
                    out.println("Downloading " + url + " ...");
                    out.flush();
                    AdvisoryDb.Status s = DbUpdater.defaults().update(url, db.dir());
                    out.println("Imported " + s.advisories() + " advisories for " + s.packages() + " packages into " + s.location());
                }
                if (!noHashes) {
                    java.util.Set<String> keys = new java.util.TreeSet<>(KnownArtifacts.bundledKeys());
                    AdvisoryDb.open(db.dir()).ifPresent(d -> keys.addAll(d.keys()));
                    keys.addAll(hashesFor);
                    keys.addAll(UnindexedJars.confirmedKeys(db.dir()));
                    out.println("Indexing jar checksums of " + keys.size() + " artifacts from " + repository + " ...");
                    out.flush();
                    HashIndexUpdater.Stats h = HashIndexUpdater.defaults().update(repository, keys, db.dir(), line -> {
                        out.println("  " + line);
                        out.flush();
                    });
                    HashIndex index = HashIndex.open(db.dir());
                    out.println("Hash index: " + h.hashes() + " jar checksums (" + h.newJars() + " new) for " + h.artifacts()
                            + " artifacts (" + h.unchanged() + " unchanged since the last update), "
                            + String.format(java.util.Locale.ROOT, "%.1f MB", index.sizeOnDisk() / 1e6) + " on disk");
                    if (h.failures() > 0) {
                        err.println("triage: " + h.failures() + " requests failed (tried again by the next update), e.g. " + h.firstFailure());
                        err.flush();
                    }
                    if (!hashesFrom.isEmpty()) confirmBundledJars(out, err);
                }
                if (!metadataFor.isEmpty()) {
                    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                            .connectTimeout(Duration.ofSeconds(30)).build();
                    int n = MetadataIndex.refresh(http, repository, metadataFor, db.dir());
                    out.println("Refreshed release metadata for " + n + " of " + metadataFor.size() + " artifacts");
                }
                out.flush();
                return Main.OK;
            } catch (DbException e) {
                err.println("triage: db update failed: " + e.getMessage());
                err.println("triage: the previous database (if any) is unchanged.");
                err.flush();
                return FAILED;
            }
        }

        /** {@code --hashes-from}: the bundled jars the index does not know, confirmed by checksum and indexed. */
        private void confirmBundledJars(PrintWriter out, PrintWriter err) throws DbException {
            List<String> skipped = new ArrayList<>();
            List<UnindexedJars.Jar> jars = UnindexedJars.collect(hashesFrom, HashIndex.open(db.dir()), skipped::add);
            for (String s : skipped) err.println("triage: not read: " + s);
            int asked = jars.stream().mapToInt(j -> j.candidates().size()).sum();
            out.println("Confirming " + jars.size() + " bundled jars the hash index does not know (" + asked
                    + " proposed coordinates at most) against " + repository + " ...");
            out.flush();
            HashIndexUpdater updater = HashIndexUpdater.defaults();
            List<UnindexedJars.Result> results = updater.confirm(repository, jars);
            int requests = 0;
            for (UnindexedJars.Result r : results) {
                requests += r.requests();
                if (r.confirmed() != null) {
                    out.println("  " + r.jar().fileName() + ": " + r.confirmed() + " (SHA-1 equal; group from " + r.confirmed().why() + ")");
                } else {
                    out.println("  " + r.jar().fileName() + ": not found (" + r.requests() + " of " + r.jar().candidates().size()
                            + " proposals asked, none publishes this SHA-1" + (r.problem().isEmpty() ? "" : "; a request failed: " + r.problem()) + ")");
                }
            }
            java.util.Set<String> keys = UnindexedJars.keys(results);
            UnindexedJars.remember(db.dir(), results);
            out.println("Confirmed " + results.stream().filter(r -> r.confirmed() != null).count() + " of " + results.size()
                    + " jars (" + requests + " checksum requests); indexing all versions of " + keys.size() + " artifacts ...");
            out.flush();
            if (!keys.isEmpty()) {
                HashIndexUpdater.Stats h = updater.update(repository, keys, db.dir(), line -> {
                    out.println("  " + line);
                    out.flush();
                });
                out.println("Hash index: " + h.hashes() + " jar checksums (" + h.newJars() + " new), "
                        + String.format(java.util.Locale.ROOT, "%.1f MB", HashIndex.open(db.dir()).sizeOnDisk() / 1e6) + " on disk");
                if (h.failures() > 0) err.println("triage: " + h.failures() + " requests failed (tried again by the next update), e.g. " + h.firstFailure());
            }
            out.flush();
            err.flush();
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import OSV advisories offline from a zip (e.g. OSV's Maven/all.zip) or a directory of .json files.")
    static final class Import implements Callable<Integer> {
        @CommandLine.Mixin DbOption db = new DbOption();

        @Parameters(paramLabel = "FILE.zip|DIR", description = "Archive or directory of OSV JSON files.")
        Path source;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                AdvisoryDb.Status s = new DbImporter().importFrom(source, db.dir(), source.toAbsolutePath().normalize().toString());
                spec.commandLine().getOut().println("Imported " + s.advisories() + " advisories for " + s.packages()
                        + " packages into " + s.location());
                spec.commandLine().getOut().flush();
                return Main.OK;
            } catch (DbException e) {
                spec.commandLine().getErr().println("triage: db import failed: " + e.getMessage());
                spec.commandLine().getErr().println("triage: the previous database (if any) is unchanged.");
                spec.commandLine().getErr().flush();
                return FAILED;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the database's source, import time, age and counts.")
    static final class Status implements Callable<Integer> {
        @CommandLine.Mixin DbOption db = new DbOption();

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                Optional<AdvisoryDb> opened = AdvisoryDb.open(db.dir());
                if (opened.isEmpty()) {
                    out.println("No advisory database at " + db.dir() + ". Run 'triage db update' (or 'triage db import FILE' offline).");
                    out.flush();
                    return FAILED;
                }
                AdvisoryDb.Status s = opened.get().status();
                Duration age = s.age(Instant.now());
                out.println("Location:    " + s.location());
                out.println("Source:      " + s.source());
                out.println("Imported:    " + s.importedAt());
                out.println("Age:         " + age.toDays() + " days " + age.toHoursPart() + " hours"
                        + (age.compareTo(Duration.ofDays(7)) > 0 ? " (older than 7 days: run 'triage db update')" : ""));
                out.println("Advisories:  " + s.advisories());
                out.println("Packages:    " + s.packages());
                out.println("Newest advisory change: " + (s.newestModified().isEmpty() ? "unknown" : s.newestModified()));
                out.println("Release metadata: " + MetadataIndex.read(db.dir()).size() + " artifacts");
                HashIndex hashes = HashIndex.open(db.dir());
                out.println("Hash index:  " + (hashes.isEmpty() ? "empty (run 'triage db update')"
                        : hashes.artifacts().values().stream().mapToInt(a -> a.versionsWithJar().size()).sum() + " jar checksums for "
                        + hashes.artifacts().size() + " artifacts, " + String.format(java.util.Locale.ROOT, "%.1f MB", hashes.sizeOnDisk() / 1e6)));
                int confirmed = UnindexedJars.confirmedKeys(db.dir()).size();
                if (confirmed > 0) out.println("Confirmed by checksum (--hashes-from): " + confirmed + " artifacts, refreshed by every update");
                out.flush();
                return Main.OK;
            } catch (DbException e) {
                spec.commandLine().getErr().println("triage: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return FAILED;
            }
        }
    }
}
