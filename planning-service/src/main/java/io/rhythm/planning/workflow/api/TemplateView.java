package io.rhythm.planning.workflow.api;

import io.rhythm.planning.workflow.domain.WorkflowDefinition;
import io.rhythm.planning.workflow.service.TemplateCatalog;

import java.time.Instant;

/** One template version. */
public record TemplateView(String id, String key, int version, boolean latest, String createdBy, Instant createdAt,
                           WorkflowDefinition definition) {

    public static TemplateView of(TemplateCatalog.Version v) {
        return new TemplateView(v.id().toString(), v.key(), v.version(), v.latest(), v.createdBy(), v.createdAt(),
                v.definition());
    }
}
