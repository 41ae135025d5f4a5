package org.example.portal.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Loads the portal settings bundled in the war: {@code portal.properties} first, then
 * {@code application.properties} (deployment settings). Values written as {@code ${NAME}} are
 * resolved from the environment by {@link #resolve(String)}.
 */
public final class PortalConfig {

    public static final String PORTAL_FILE = "portal.properties";
    public static final String APPLICATION_FILE = "application.properties";

    private PortalConfig() {
    }

    /** Both bundled files merged into one {@link Properties}. */
    public static Properties load() {
        Properties props = new Properties();
        loadInto(props, PORTAL_FILE);
        loadInto(props, APPLICATION_FILE);
        return props;
    }

    private static void loadInto(Properties props, String resource) {
        ClassLoader loader = PortalConfig.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Turns {@code ${NAME}} into the environment variable NAME; other values are returned as they are. */
    public static String resolve(String value) {
        if (value != null && value.startsWith("${") && value.endsWith("}")) {
            return System.getenv(value.substring(2, value.length() - 1));
        }
        return value;
    }
}
