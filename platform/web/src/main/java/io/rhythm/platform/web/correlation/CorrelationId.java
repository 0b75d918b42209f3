package io.rhythm.platform.web.correlation;

import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id ties together one user action across HTTP calls, Kafka events and log lines:
 * HTTP header {@code X-Correlation-Id} ↔ CloudEvents extension {@code correlationid}
 * ({@code ce_correlationid} on Kafka) ↔ log MDC key {@code correlationId}.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private CorrelationId() {
    }

    /** The id of the work in progress on this thread or Vert.x context, or null outside of any. */
    public static String current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? null : value.toString();
    }

    /** Uses an incoming id when it is well-formed, otherwise starts a new one. */
    public static String acceptOrCreate(String incoming) {
        return incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    public static void set(String id) {
        if (id == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, id);
        }
    }

    public static void clear() {
        MDC.remove(MDC_KEY);
    }
}
