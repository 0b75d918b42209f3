package io.rhythm.platform.events;

/**
 * Kafka topic names. Partition counts live in {@code deploy/kafka/topics.conf}, which the
 * launcher and the Kubernetes manifests create topics from.
 */
public final class Topics {

    public static final String CLIENTS = "clients.v1";
    public static final String SIGNALS_INGEST = "signals.ingest.v1";
    public static final String HEALTH_SCORES = "health.scores.v1";
    public static final String HEALTH_ALERTS = "health.alerts.v1";
    public static final String NPS_RESPONSES = "nps.responses.v1";
    public static final String NPS_CYCLES = "nps.cycles.v1";
    public static final String NPS_CASES = "nps.cases.v1";
    public static final String SEGMENT_MIGRATIONS = "segments.migrations.v1";
    public static final String PLANNING_PLANS = "planning.plans.v1";
    public static final String PLANNING_WORKFLOWS = "planning.workflows.v1";
    public static final String CALENDAR_ACTIVITIES = "calendar.activities.v1";
    public static final String CALENDAR_MILESTONES = "calendar.milestones.v1";
    public static final String PLATFORM_PROBES = "platform.probes.v1";

    private Topics() {
    }

    /** The dead-letter topic of one consuming service, e.g. {@code health.deadletter.v1}. */
    public static String deadLetter(String service) {
        return service + ".deadletter.v1";
    }
}
