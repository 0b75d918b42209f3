package io.rhythm.platform.web.problem;

/** The stable problem types of the API; {@code type} URIs never change meaning. */
public enum ProblemType {
    VALIDATION(400, "Request validation failed"),
    MALFORMED_REQUEST(400, "Malformed request"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Resource not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    URI_TOO_LONG(414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNPROCESSABLE(422, "Request cannot be processed"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    HEADERS_TOO_LARGE(431, "Request header fields too large"),
    INTERNAL(500, "Internal error"),
    BAD_GATEWAY(502, "Upstream service failed"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "https://rhythm.io/problems/" + name().toLowerCase().replace('_', '-');
    }

    /** The problem type a bare HTTP status stands for (used for framework-raised errors). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != MALFORMED_REQUEST) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
