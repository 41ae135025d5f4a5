package dev.triage.server;

/**
 * Who is asking: a user, with their role, authenticated by an API token ({@code tokenId}) or a web session.
 *
 * @param csrfToken the session's CSRF token (null for token-authenticated requests, which carry no cookie and so
 *                  cannot be forged cross-site)
 */
public record Principal(long userId, String name, Role role, Long tokenId, String csrfToken) {
}
