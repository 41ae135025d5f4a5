package dev.triage.portfolio;

import dev.triage.findings.Rule;
import dev.triage.findings.RuleCatalogue;
import dev.triage.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The portfolio report of a store: loads the reference data, runs {@link Figures}' queries over JDBC. */
public final class PortfolioReport {
    private PortfolioReport() {
    }

    public static Figures.Report of(Store store, int staleYears, String toolVersion) {
        Map<String, Integer> ruleCwes = new TreeMap<>();
        for (Rule r : RuleCatalogue.builtIn().all()) ruleCwes.put(r.id(), r.cwe());
        // rules stored by other Triage versions are classified by their stored CWE
        for (var row : store.query("SELECT DISTINCT rule_id, cwe FROM flaw")) {
            ruleCwes.putIfAbsent((String) row.get("rule_id"), ((Number) row.get("cwe")).intValue());
        }
        Figures.Reference reference = Figures.reference(ruleCwes);
        store.replaceReferenceData(reference.categories(), reference.indicatorRules());
        Object last = store.query("SELECT MAX(finished_at) AS t FROM scan").get(0).get("t");
        long asOf = last == null ? 0 : ((Number) last).longValue();
        return Figures.compute((name, sql, params) -> {
            Figures.Bound b = Figures.bind(sql, params);
            return store.query(b.sql(), b.values().toArray());
        }, reference, staleYears, toolVersion, asOf);
    }

    /** Table names, for help texts. */
    static List<String> tableNames(Figures.Report report) {
        List<String> out = new ArrayList<>();
        for (Figures.Table t : report.tables()) out.add(t.name());
        return out;
    }
}
