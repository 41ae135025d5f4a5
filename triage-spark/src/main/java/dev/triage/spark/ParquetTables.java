package dev.triage.spark;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * The Parquet tables the job writes under its output folder, each partitioned by scan round ({@code round=N}):
 * <ul>
 * <li>{@code results}: one row per listed app version of the round — a scan ({@code status} ok or failed, with the
 *     failure kind and reason: a failed app is a row, never a failed job) or an artifact that could not be read
 *     ({@code unreadable}: a listing problem, not a scan, as in the single-machine scan); keyed by app, position in
 *     the app's listing and artifact SHA-256; {@code record_json} is the worker's whole scan record.</li>
 * <li>{@code findings}, {@code components}, {@code advisories}, {@code scan_problems}: the scans' records flattened,
 *     keyed the same way.</li>
 * </ul>
 */
final class ParquetTables {
    static final String RESULTS = "results";
    static final String FINDINGS = "findings";
    static final String COMPONENTS = "components";
    static final String ADVISORIES = "advisories";
    static final String SCAN_PROBLEMS = "scan_problems";
    /** Results that are scans (an unreadable artifact is a listing problem). */
    static final String UNREADABLE = "unreadable";

    private ParquetTables() {
    }

    private static final String S = "string", I = "int", L = "long", D = "double";

    /** Columns of {@code results}, in row order (the partition column {@code round} last). */
    static final StructType RESULTS_SCHEMA = schema(
            "app_key", S, "seq", I, "line", I, "path", S, "name", S, "platform", S, "category", S, "vendor", S,
            "store_updated_day", I, "version", S, "artifact_sha256", S, "artifact_name", S, "artifact_bytes", L,
            "started_at", L, "finished_at", L, "scan_day", I, "tool_version", S, "rules_version", S, "status", S,
            "failure_kind", S, "failure_reason", S, "app_classes", I, "code_bytes", L, "build_day", I,
            "build_source", S, "finding_count", I, "problem_count", I, "duration_ms", L, "task_attempt", I,
            "record_json", S, "round", I);

    private static final String[] KEY = {"round", I, "app_key", S, "seq", I, "artifact_sha256", S};

    static final StructType FINDINGS_SCHEMA = keyed("ordinal", I, "fingerprint", S, "rule_id", S, "cwe", I,
            "severity", I, "confidence", S, "class_name", S, "method_name", S, "method_descriptor", S,
            "source_path", S, "line", I, "origin", S, "message", S, "path_json", S, "properties_json", S);

    static final StructType COMPONENTS_SCHEMA = keyed("ordinal", I, "group_id", S, "artifact_id", S, "version", S,
            "purl", S, "identified_by", S, "file_name", S, "path", S, "sha1", S, "sha256", S, "shaded_in", S,
            "release_day", I);

    static final StructType ADVISORIES_SCHEMA = keyed("component_ordinal", I, "advisory_id", S, "primary_alias", S,
            "aliases", S, "summary", S, "score", D, "severity", I, "fixed_version", S, "reachability", S);

    static final StructType SCAN_PROBLEMS_SCHEMA = keyed("ordinal", I, "input", S, "entry", S, "reason", S);

    private static StructType keyed(String... more) {
        String[] all = new String[KEY.length + more.length];
        System.arraycopy(KEY, 0, all, 0, KEY.length);
        System.arraycopy(more, 0, all, KEY.length, more.length);
        return schema(all);
    }

    /** A schema from name, type pairs ({@code string int long double}); every column nullable. */
    static StructType schema(String... nameType) {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < nameType.length; i += 2) {
            fields.add(DataTypes.createStructField(nameType[i], type(nameType[i + 1]), true));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType type(String t) {
        return switch (t) {
            case "string" -> DataTypes.StringType;
            case "int" -> DataTypes.IntegerType;
            case "long" -> DataTypes.LongType;
            case "double" -> DataTypes.DoubleType;
            default -> throw new IllegalArgumentException(t);
        };
    }
}
