package dev.triage.analysis;

/**
 * Model coverage of one scan (for {@code --stats}): of the library calls tainted data reached, how many a model row
 * (or a built-in rule) described, how many a summary computed from the library's code described, and how many
 * nothing described — counted by call site and by distinct library method.
 */
public record ModelCoverage(int sitesByModel, int sitesByComputed, int sitesByNothing,
                            int methodsByModel, int methodsByComputed, int methodsByNothing) {
    public static final ModelCoverage EMPTY = new ModelCoverage(0, 0, 0, 0, 0, 0);

    public int sites() {
        return sitesByModel + sitesByComputed + sitesByNothing;
    }

    public int methods() {
        return methodsByModel + methodsByComputed + methodsByNothing;
    }
}
