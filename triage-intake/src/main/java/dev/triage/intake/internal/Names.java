package dev.triage.intake.internal;

/** Entry-name safety and one-line message helpers. */
final class Names {
    private Names() {
    }

    /** Why an entry name is unsafe, or null when it is fine. */
    static String unsafeReason(String name) {
        if (name.isEmpty()) {
            return "empty entry name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == 0) {
                return "NUL character in entry name";
            }
            if (Character.isISOControl(c)) {
                return "control character in entry name";
            }
        }
        if (name.startsWith("/") || name.startsWith("\\")) {
            return "absolute entry name";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return "drive letter in entry name";
        }
        for (String seg : name.split("[/\\\\]", -1)) {
            if (seg.equals("..")) {
                return "'..' segment in entry name";
            }
        }
        return null;
    }

    /** A printable, single-line form of a (possibly hostile) name. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 300));
        for (int i = 0; i < s.length() && sb.length() < 300; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (sb.length() >= 300) {
            sb.append("...");
        }
        return sb.toString();
    }

    static String oneLine(String message, Throwable t) {
        String m = message == null || message.equals("null") ? t.getClass().getSimpleName() : message;
        return printable(m.replace('\n', ' ').replace('\r', ' '));
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        String cls = t.getClass().getSimpleName();
        if (m == null || m.isBlank()) {
            return cls;
        }
        if (t instanceof java.nio.file.FileSystemException && !(t instanceof java.nio.file.NoSuchFileException)) {
            return oneLine(cls + ": " + m, t);
        }
        return oneLine(m, t);
    }

    static String extension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash ? name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
    }

    static String fileName(String name) {
        String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        return n.substring(n.lastIndexOf('/') + 1);
    }

    static boolean isKeptResource(String name) {
        if (name.startsWith("META-INF/services/") && name.indexOf('/', "META-INF/services/".length()) < 0) {
            return true; // service provider declarations: which library plugs into which (components reachability)
        }
        switch (extension(name)) {
            case "properties", "xml", "yml", "yaml", "mf":
                return true;
            case "ftl", "ftlh", "ftlx":
                return true; // FreeMarker templates: whether they escape what they write (TemplateTexts)
            default:
                return false;
        }
    }
}
