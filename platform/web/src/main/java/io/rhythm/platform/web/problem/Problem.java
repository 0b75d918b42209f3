package io.rhythm.platform.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * RFC 9457 problem details, the body of every Rhythm error response
 * ({@code application/problem+json}). {@code type} is stable and documented; {@code errors} lists
 * field errors for validation problems; {@code correlationId} ties the answer to the logs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      String correlationId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
