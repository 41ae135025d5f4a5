package org.example.portal.auth;

import javax.servlet.http.Cookie;

/** Builds the portal's cookies with the right flags. */
public final class CookieFactory {

    private CookieFactory() {
    }

    /** A cookie only sent over HTTPS and hidden from scripts. */
    public static Cookie secureCookie(String name, String value, String path, int maxAgeSeconds) {
        Cookie cookie = new Cookie(name, value);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        cookie.setPath(path);
        cookie.setMaxAge(maxAgeSeconds);
        return cookie;
    }

    /** A cookie that tells the browser to drop {@code name}. */
    public static Cookie expired(String name, String path) {
        return secureCookie(name, "", path, 0);
    }
}
