package io.rhythm.platform.web.problem;

import java.util.List;

/**
 * An error the API reports on purpose. Services throw the subclasses; {@link ProblemMappers}
 * turns each into {@code application/problem+json}.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ApiException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(ProblemType.NOT_FOUND, what + " " + id + " does not exist or is not visible to you");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ProblemType.VALIDATION, "1 field is invalid", List.of(new FieldError(field, message)));
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(ProblemType.VALIDATION,
                errors.size() + (errors.size() == 1 ? " field is" : " fields are") + " invalid", errors);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail);
    }
}
