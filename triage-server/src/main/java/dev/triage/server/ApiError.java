package dev.triage.server;

/**
 * A request the server refuses, with the HTTP status and a message for the client (a 4xx, or 503 when the scan
 * queue is full). Never carries internal details: the message is written for whoever sent the request.
 */
public final class ApiError extends RuntimeException {
    private final int status;

    public ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    static ApiError forbidden(String message) {
        return new ApiError(403, message);
    }
}
