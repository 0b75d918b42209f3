package io.rhythm.platform.events.payload;

import java.time.LocalDate;

/**
 * An active Satisfaction Action Plan missed its monthly progress update ({@code kind} UPDATE) or its quarterly formal
 * review ({@code kind} REVIEW) due on {@code dueOn} (planning-service; published once per plan, kind and due date).
 */
public record SatisfactionActionPlanOverdue(String sapId, String clientId, String kind, LocalDate dueOn, String owner,
                                            String segment) {
}
