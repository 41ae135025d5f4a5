package dev.triage.server;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Escaping and the page frame of the dashboard: every value from the store or a request goes through {@link #esc}. */
final class Html {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Html() {
    }

    /** HTML-escapes text (attribute-safe) and makes control and bidirectional-override characters visible. */
    static String esc(Object o) {
        if (o == null) return "";
        String s = String.valueOf(o);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '`' -> b.append("&#96;");
                default -> {
                    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A URL path segment: only characters that need no encoding (app keys are restricted to them). */
    static String seg(Object o) {
        return esc(String.valueOf(o).replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    static String time(Object epochMillis) {
        return epochMillis instanceof Number n ? TIME.format(Instant.ofEpochMilli(n.longValue())) : "";
    }

    static final String[] SEVERITY = {"Informational", "Very Low", "Low", "Medium", "High", "Very High"};

    static String severity(Object level) {
        int s = level instanceof Number n ? n.intValue() : 0;
        return "<span class=\"sev sev" + s + "\">" + SEVERITY[Math.max(0, Math.min(5, s))] + "</span>";
    }

    /** The frame: title, navigation for the signed-in user (with a logout form carrying the CSRF token), content. */
    static String page(String title, Principal p, String body) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
                .append("<title>").append(esc(title)).append(" · Triage</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/triage.css\"><script src=\"/static/triage.js\" defer></script>")
                .append("</head><body>");
        b.append("<header><a class=\"brand\" href=\"/\">Triage</a>");
        if (p != null) {
            b.append("<nav><a href=\"/\">Portfolio</a><a href=\"/upload\">Upload</a><a href=\"/tokens\">API tokens</a>")
                    .append("<a href=\"/openapi.json\">API</a></nav>")
                    .append("<form class=\"logout\" method=\"post\" action=\"/logout\">").append(csrf(p))
                    .append("<span class=\"who\">").append(esc(p.name())).append(" · ").append(esc(p.role().id()))
                    .append("</span><button type=\"submit\">Log out</button></form>");
        }
        b.append("</header><main>").append("<h1>").append(esc(title)).append("</h1>").append(body).append("</main></body></html>\n");
        return b.toString();
    }

    static String csrf(Principal p) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(p.csrfToken()) + "\">";
    }
}
