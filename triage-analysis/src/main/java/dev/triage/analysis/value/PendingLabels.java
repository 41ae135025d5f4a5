package dev.triage.analysis.value;

import dev.triage.program.MethodRef;

/**
 * A label whose row's constant condition could not be judged where the call stands because the conditioned argument
 * is the method's own unchanged parameter: {@code app-resource?p0@com/acme/XmlUtil.parse(Ljava/lang/String;)V} is
 * "the app's own resource if every caller of {@code XmlUtil.parse} passes a constant name at parameter 0". The method
 * is named in the label, so the label means the same wherever the value flows (returned to a caller, stored). It is a
 * plain label, never taint or parameter flow: only detectors that ask for the row's label resolve it, by the callers.
 */
public final class PendingLabels {
    private PendingLabels() {
    }

    /** A pending label: the row's label, the parameter its condition is on, the method that parameter belongs to. */
    public record Pending(String label, int param, MethodRef method) {
    }

    static String pending(String label, int param, String owner, String name, String descriptor) {
        return label + "?p" + param + "@" + owner + "." + name + descriptor;
    }

    /** The pending form of {@code label} this text is, or null. */
    public static Pending parse(String text, String label) {
        if (!text.startsWith(label + "?p")) return null;
        int at = text.indexOf('@', label.length() + 2);
        int paren = text.indexOf('(', at);
        int dot = at < 0 ? -1 : text.lastIndexOf('.', paren);
        if (at < 0 || paren < 0 || dot <= at) return null;
        try {
            int param = Integer.parseInt(text.substring(label.length() + 2, at));
            return new Pending(label, param, new MethodRef(text.substring(at + 1, dot), text.substring(dot + 1, paren), text.substring(paren)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
