package org.passerelle.web.admin;

/**
 * A refusal with its HTTP status, a short machine-readable code and a message for people; the
 * API answers it as {@code {"error": code, "message": message}}.
 */
final class ApiError extends Exception {
    final int status;
    final String code;

    ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "bad_request", message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message);
    }

    static ApiError forbidden(String message) {
        return new ApiError(403, "forbidden", message);
    }
}
