package io.rhythm.planning.workflow.domain;

import io.rhythm.platform.web.problem.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a form submission against a step's field definitions and normalises it. Rules per type:
 * <ul>
 *   <li>required: present, not null, not blank;</li>
 *   <li>Text (Single Line): a string of at most {@value #SINGLE_LINE_MAX} characters without line breaks;</li>
 *   <li>Text (Multi Line): a string of at most {@value #MULTI_LINE_MAX} characters;</li>
 *   <li>Number: a JSON number, or a string holding a decimal number (stored as a decimal string);</li>
 *   <li>Date: an ISO date string {@code YYYY-MM-DD} that exists in the calendar;</li>
 *   <li>Dropdown: exactly one of the field's options;</li>
 *   <li>a key that is not a field of the step is an error too (nothing is silently dropped).</li>
 * </ul>
 * Field errors name {@code formData.<key>}.
 */
public final class FormValidation {

    public static final int SINGLE_LINE_MAX = 500;
    public static final int MULTI_LINE_MAX = 10_000;

    private FormValidation() {
    }

    /** The outcome: the normalised values (in field order) or the field errors. */
    public record Result(Map<String, Object> values, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result validate(List<WorkflowDefinition.Field> fields, Map<String, ?> submitted) {
        Map<String, ?> input = submitted == null ? Map.of() : submitted;
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : input.keySet()) {
            if (fields.stream().noneMatch(f -> f.key().equals(key))) {
                errors.add(new FieldError("formData." + key, "is not a field of this step"));
            }
        }
        for (WorkflowDefinition.Field field : fields) {
            String path = "formData." + field.key();
            Object value = input.get(field.key());
            if (value == null || (value instanceof String s && s.isBlank())) {
                if (field.required()) {
                    errors.add(new FieldError(path, "is required (" + field.label() + ")"));
                }
                continue;
            }
            String problem = switch (field.type()) {
                case TEXT_SINGLE_LINE -> !(value instanceof String s) ? "must be text"
                        : s.length() > SINGLE_LINE_MAX ? "must be at most " + SINGLE_LINE_MAX + " characters"
                        : s.contains("\n") || s.contains("\r") ? "must be a single line" : null;
                case TEXT_MULTI_LINE -> !(value instanceof String s) ? "must be text"
                        : s.length() > MULTI_LINE_MAX ? "must be at most " + MULTI_LINE_MAX + " characters" : null;
                case NUMBER -> number(value) == null ? "must be a number" : null;
                case DATE -> date(value) == null ? "must be a date (YYYY-MM-DD)" : null;
                case DROPDOWN -> value instanceof String s && field.options().contains(s) ? null
                        : "must be one of " + field.options();
            };
            if (problem != null) {
                errors.add(new FieldError(path, problem));
                continue;
            }
            values.put(field.key(), switch (field.type()) {
                case NUMBER -> number(value).toPlainString();
                case DATE -> date(value).toString();
                case TEXT_SINGLE_LINE -> ((String) value).strip();
                default -> value;
            });
        }
        return new Result(errors.isEmpty() ? values : Map.of(), errors);
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number n && !(n instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static LocalDate date(Object value) {
        if (!(value instanceof String s)) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
