package io.rhythm.planning.workflow.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.planning.workflow.domain.WorkflowDefinition;
import io.rhythm.planning.workflow.domain.WorkflowTemplate;
import io.rhythm.platform.web.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Workflow templates as data: every version is a row, never changed after it is written, so an instance that
 * started on version 1 keeps running on version 1 after an admin publishes version 2.
 */
@ApplicationScoped
public class TemplateCatalog {

    /** A template version with its parsed definition. */
    public record Version(UUID id, String key, int version, boolean latest, WorkflowDefinition definition,
                          String createdBy, Instant createdAt) {
    }

    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    /** Versions never change, so parsed definitions are cached by id. */
    private final Map<UUID, WorkflowDefinition> parsed = new ConcurrentHashMap<>();

    /** The latest version of every template, by name. */
    public List<Version> latest() {
        List<WorkflowTemplate> rows = WorkflowTemplate.list(
                "from WorkflowTemplate w where w.version = (select max(t.version) from WorkflowTemplate t where t.key = w.key) order by w.name");
        return rows.stream().map(t -> version(t, true)).toList();
    }

    /** Every version of every template (they are few; definitions are cached). */
    public List<Version> all() {
        List<WorkflowTemplate> rows = WorkflowTemplate.listAll();
        Map<String, Integer> newest = new java.util.HashMap<>();
        rows.forEach(t -> newest.merge(t.key, t.version, Math::max));
        return rows.stream().map(t -> version(t, newest.get(t.key) == t.version)).toList();
    }

    /** Every version of one template, newest first; 404 for an unknown key. */
    public List<Version> versions(String key) {
        List<WorkflowTemplate> rows = WorkflowTemplate.list("key = ?1 order by version desc", key);
        if (rows.isEmpty()) {
            throw ApiException.notFound("Workflow template", key);
        }
        int newest = rows.get(0).version;
        return rows.stream().map(t -> version(t, t.version == newest)).toList();
    }

    public Version latest(String key) {
        return versions(key).get(0);
    }

    public Version byId(UUID id) {
        WorkflowTemplate t = WorkflowTemplate.findById(id);
        if (t == null) {
            throw ApiException.notFound("Workflow template version", id);
        }
        long newer = WorkflowTemplate.count("key = ?1 and version > ?2", t.key, t.version);
        return version(t, newer == 0);
    }

    public WorkflowDefinition definition(UUID templateId) {
        return parsed.computeIfAbsent(templateId, id -> {
            WorkflowTemplate t = WorkflowTemplate.findById(id);
            if (t == null) {
                throw new IllegalStateException("template version " + id + " is gone");
            }
            return parse(t.definition);
        });
    }

    /** A new version of the definition's key (version 1 for a new key). Call inside a transaction. */
    public Version publish(WorkflowDefinition definition, String createdBy) {
        List<io.rhythm.platform.web.problem.FieldError> problems = definition.problems();
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        Integer current = WorkflowTemplate.find("select max(version) from WorkflowTemplate where key = ?1", definition.key())
                .project(Integer.class).firstResult();
        WorkflowTemplate t = new WorkflowTemplate();
        t.id = UUID.randomUUID();
        t.key = definition.key();
        t.version = current == null ? 1 : current + 1;
        t.name = definition.name();
        t.definition = write(definition);
        t.createdBy = createdBy;
        t.createdAt = Instant.now(clock);
        t.persist();
        return version(t, true);
    }

    private Version version(WorkflowTemplate t, boolean latest) {
        WorkflowDefinition definition = parsed.computeIfAbsent(t.id, id -> parse(t.definition));
        return new Version(t.id, t.key, t.version, latest, definition, t.createdBy, t.createdAt);
    }

    private WorkflowDefinition parse(String json) {
        try {
            return mapper.readerFor(WorkflowDefinition.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored workflow definition is not readable", e);
        }
    }

    private String write(WorkflowDefinition definition) {
        try {
            return mapper.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
