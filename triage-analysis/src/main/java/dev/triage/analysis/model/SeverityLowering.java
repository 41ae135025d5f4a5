package dev.triage.analysis.model;

import dev.triage.contract.Severity;

import java.util.List;

/**
 * A check's severity and the words added to its message when what the checked call returns is used in the method only
 * by these calls ({@link CheckRow.ResultUse}): a parser that parses only the app's own resources is still unhardened,
 * but what it reads is the XML the app was built with, not outside input.
 */
public record SeverityLowering(List<CheckRow.ResultUse> uses, Severity severity, String message) {
    public SeverityLowering {
        uses = List.copyOf(uses);
    }
}
