package io.rhythm.planning.workflow.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.planning.service.WorkflowAttrition;
import io.rhythm.planning.workflow.api.StepCompletionRequest;
import io.rhythm.planning.workflow.api.WorkflowView;
import io.rhythm.planning.workflow.domain.FormValidation;
import io.rhythm.planning.workflow.domain.LinkTokens;
import io.rhythm.planning.workflow.domain.RoleSide;
import io.rhythm.planning.workflow.domain.StepStatus;
import io.rhythm.planning.workflow.domain.StepType;
import io.rhythm.planning.workflow.domain.WorkflowDefinition;
import io.rhythm.planning.workflow.domain.WorkflowFile;
import io.rhythm.planning.workflow.domain.WorkflowInstance;
import io.rhythm.planning.workflow.domain.WorkflowRun;
import io.rhythm.planning.workflow.domain.WorkflowStatus;
import io.rhythm.planning.workflow.domain.WorkflowStep;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.events.EventCatalogue;
import io.rhythm.platform.events.payload.WorkflowCompleted;
import io.rhythm.platform.events.payload.WorkflowStarted;
import io.rhythm.platform.events.payload.WorkflowStepCompleted;
import io.rhythm.platform.outbox.OutboxWriter;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.platform.web.problem.ProblemType;
import io.rhythm.platform.web.security.Caller;
import io.rhythm.platform.web.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Starts workflow instances and moves their steps on, one completion rule per step type. */
@ApplicationScoped
public class Workflows {

    /** Who did it: a signed-in user, or the client through a link (with the recipient's address). */
    public record Actor(String name, boolean viaLink, String ipAddress) {
    }

    @Inject
    TemplateCatalog templates;
    @Inject
    ClientDirectory directory;
    @Inject
    OutboxWriter outbox;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;
    @Inject
    WorkflowAttrition attrition;

    /** Starts an instance by hand: the caller must see the client. */
    @Transactional(Transactional.TxType.MANDATORY)
    public WorkflowView startByHand(UUID clientId, String templateKey, UUID templateId, Caller caller) {
        if ((templateKey == null) == (templateId == null)) {
            throw ApiException.invalid("templateKey", "give exactly one of templateKey and templateId");
        }
        DirectoryEntry client = directory.requireVisible(clientId, caller);
        TemplateCatalog.Version version = templateId != null ? templates.byId(templateId) : templates.latest(templateKey);
        WorkflowInstance instance = start(client.clientId(), version, "MANUAL", null, caller.username());
        return view(instance, client);
    }

    /**
     * Starts an instance for a trigger, at most once per {@code triggerKey} (a redelivered trigger starts nothing).
     *
     * @return the new instance, or empty when this trigger already started one
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<WorkflowInstance> startByTrigger(UUID clientId, String templateKey, String triggerKind, String triggerKey) {
        if (WorkflowInstance.count("triggerKey", triggerKey) > 0) {
            return Optional.empty();
        }
        return Optional.of(start(clientId, templates.latest(templateKey), triggerKind, triggerKey, "system"));
    }

    private WorkflowInstance start(UUID clientId, TemplateCatalog.Version version, String triggerKind, String triggerKey,
                                   String startedBy) {
        Instant now = Instant.now(clock);
        WorkflowInstance instance = new WorkflowInstance();
        instance.id = UUID.randomUUID();
        instance.clientId = clientId;
        instance.templateId = version.id();
        instance.status = WorkflowStatus.RUNNING;
        instance.activePosition = 1;
        instance.triggerKind = triggerKind;
        instance.triggerKey = triggerKey;
        instance.startedBy = startedBy;
        instance.startedAt = now;
        instance.persist();
        WorkflowDefinition definition = version.definition();
        for (int p = 1; p <= definition.steps().size(); p++) {
            WorkflowStep step = new WorkflowStep();
            step.instanceId = instance.id;
            step.position = p;
            step.status = p == 1 ? StepStatus.ACTIVE : StepStatus.PENDING;
            step.dueOn = p == 1 ? today().plusDays(definition.step(1).dueDays()) : null;
            step.persist();
        }
        outbox.publish(EventCatalogue.WORKFLOW_STARTED, clientId.toString(), new WorkflowStarted(instance.id.toString(),
                clientId.toString(), version.key(), version.version(), definition.name(), triggerKind, startedBy, now));
        return instance;
    }

    /** The instance if the caller may see its client; 404 otherwise. */
    public WorkflowView get(UUID id, Caller caller) {
        WorkflowInstance instance = visible(id, caller, false);
        return view(instance, directory.find(instance.clientId).orElse(null));
    }

    /** Completes the active step as a signed-in user (internal steps only; client-facing steps take a link). */
    @Transactional(Transactional.TxType.MANDATORY)
    public WorkflowView complete(UUID id, int position, StepCompletionRequest request, Caller caller, String ipAddress) {
        WorkflowInstance instance = visible(id, caller, true);
        WorkflowDefinition definition = templates.definition(instance.templateId);
        WorkflowDefinition.Step step = requireActive(instance, definition, position);
        requireInternalHolder(definition, step, caller);
        if (step.type() == StepType.FILE_REQUEST) {
            throw ApiException.conflict("Step " + position + " is a File Request: upload the file with PUT "
                    + "/api/v1/workflows/" + id + "/steps/" + position + "/file");
        }
        apply(instance, definition, position, request, new Actor(caller.username(), false, ipAddress));
        return view(instance, directory.find(instance.clientId).orElse(null));
    }

    /** Checks that the caller holds the internal role of a step (admin always does): 409 for a client step, 403 otherwise. */
    void requireInternalHolder(WorkflowDefinition definition, WorkflowDefinition.Step step, Caller caller) {
        WorkflowDefinition.Role role = definition.role(step.assigneeRole()).orElseThrow();
        if (role.side() == RoleSide.CLIENT) {
            throw ApiException.conflict("'" + step.name() + "' is the client's step (" + role.name()
                    + "): it is completed through a client link (POST .../links)");
        }
        if (!caller.hasRole(Roles.ADMIN) && role.realmRoles().stream().noneMatch(caller::hasRole)) {
            throw ApiException.forbidden("'" + step.name() + "' is for the " + role.name() + " role, held by "
                    + role.realmRoles() + "; you hold " + caller.roles());
        }
    }

    /** The step at {@code position}, which must be the active one (409 otherwise). */
    WorkflowDefinition.Step requireActive(WorkflowInstance instance, WorkflowDefinition definition, int position) {
        if (position < 1 || position > definition.steps().size()) {
            throw ApiException.notFound("Step", position);
        }
        if (instance.status != WorkflowStatus.RUNNING) {
            throw ApiException.conflict("The workflow is " + instance.status + "; its steps cannot change");
        }
        if (instance.activePosition != position) {
            throw ApiException.conflict("Step " + position + " is not the active step; steps progress in order and step "
                    + instance.activePosition + " is next");
        }
        return definition.step(position);
    }

    /** Validates the request for the step's type and records the completion (the instance row is locked). */
    void apply(WorkflowInstance instance, WorkflowDefinition definition, int position, StepCompletionRequest request,
               Actor actor) {
        WorkflowDefinition.Step step = definition.step(position);
        StepCompletionRequest r = request == null ? new StepCompletionRequest(null, null, null, null, null) : request;
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", step.type().name());
        notTaken(errors, step.type() != StepType.FORM && r.formData() != null, "formData", step);
        notTaken(errors, step.type() != StepType.E_SIGN && (r.signerName() != null || r.documentSha256() != null),
                r.signerName() != null ? "signerName" : "documentSha256", step);
        WorkflowRun.outcomeProblem(step, r.outcome()).ifPresent(message -> errors.add(new FieldError("outcome", message)));
        switch (step.type()) {
            case FORM -> {
                FormValidation.Result result = FormValidation.validate(step.fields(), r.formData());
                errors.addAll(result.errors());
                record.put("values", result.values());
            }
            case E_SIGN -> {
                if (r.signerName() == null || r.signerName().isBlank()) {
                    errors.add(new FieldError("signerName", "is required to sign"));
                }
                if (r.documentSha256() == null) {
                    errors.add(new FieldError("documentSha256", "is required: the SHA-256 of the document signed"));
                }
                record.put("signerName", r.signerName() == null ? null : r.signerName().strip());
                record.put("documentSha256", r.documentSha256());
                record.put("ipAddress", actor.ipAddress());
                record.put("nature", "record of intent to sign, not a qualified electronic signature");
            }
            case APPROVAL -> record.put("approver", actor.name());
            case ACKNOWLEDGEMENT -> record.put("acknowledgedBy", actor.name());
            default -> {
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (r.comment() != null && !r.comment().isBlank()) {
            record.put("comment", r.comment().strip());
        }
        finish(instance, definition, position, r.outcome(), record, actor);
    }

    private static void notTaken(List<FieldError> errors, boolean given, String field, WorkflowDefinition.Step step) {
        if (given) {
            errors.add(new FieldError(field, "a " + step.type().label() + " step does not take " + field));
        }
    }

    /** Marks the active step done and moves the instance on (next step, reopened step, completed or ended). */
    void finish(WorkflowInstance instance, WorkflowDefinition definition, int position, String outcome,
                Map<String, Object> record, Actor actor) {
        Instant now = Instant.now(clock);
        WorkflowDefinition.Step step = definition.step(position);
        WorkflowStep state = WorkflowStep.findById(new WorkflowStep.Key(instance.id, position));
        record.put("at", now.toString());
        record.put("by", actor.name());
        record.put("viaClientLink", actor.viaLink());
        state.completedBy = actor.name();
        state.completedAt = now;
        state.outcome = outcome;
        state.record = json(record);
        WorkflowRun.Transition next = WorkflowRun.after(definition, position, outcome);
        // a rejected approval goes back to PENDING (its previous step is redone) or, as the first step, stays ACTIVE
        state.status = next.nextActive().map(p -> p == position).orElse(false) ? StepStatus.ACTIVE
                : next.reopened() ? StepStatus.PENDING : StepStatus.DONE;
        for (int skipped : next.skipped()) {
            WorkflowStep s = WorkflowStep.findById(new WorkflowStep.Key(instance.id, skipped));
            s.status = StepStatus.SKIPPED;
        }
        outbox.publish(EventCatalogue.WORKFLOW_STEP_COMPLETED, instance.clientId.toString(), new WorkflowStepCompleted(
                instance.id.toString(), instance.clientId.toString(), definition.key(), position, step.name(),
                step.type().name(), actor.name(), outcome, actor.viaLink(), now));
        instance.status = next.status();
        instance.activePosition = next.nextActive().orElse(null);
        next.nextActive().ifPresent(p -> {
            WorkflowStep following = WorkflowStep.findById(new WorkflowStep.Key(instance.id, p));
            following.status = StepStatus.ACTIVE;
            following.dueOn = today().plusDays(definition.step(p).dueDays());
            following.overdueNotifiedOn = null;
        });
        if (next.status() != WorkflowStatus.RUNNING) {
            instance.endedAt = now;
            boolean attrition = false;
            if (next.status() == WorkflowStatus.ENDED) {
                instance.outcome = outcome;
                attrition = step.outcome(outcome).map(WorkflowDefinition.Outcome::marksAttritionRisk).orElse(false);
            }
            if (attrition) {
                // e.g. Annual Renewal "client will not renew": confirmed attrition in the plan's risk register, same transaction
                this.attrition.confirm(instance.id, instance.clientId, instance.triggerKey, definition.name(),
                        step.outcome(outcome).map(WorkflowDefinition.Outcome::label).orElse(outcome),
                        (String) record.get("comment"));
            }
            outbox.publish(EventCatalogue.WORKFLOW_COMPLETED, instance.clientId.toString(), new WorkflowCompleted(
                    instance.id.toString(), instance.clientId.toString(), definition.key(), next.status().name(),
                    instance.outcome, attrition, now));
        }
    }

    /** Stores a File Request step's file and completes the step. */
    void storeFile(WorkflowInstance instance, WorkflowDefinition definition, int position, String fileName,
                   String contentType, byte[] content, Actor actor) {
        WorkflowFile file = new WorkflowFile();
        file.id = UUID.randomUUID();
        file.instanceId = instance.id;
        file.position = position;
        file.fileName = fileName;
        file.contentType = contentType;
        file.sizeBytes = content.length;
        file.sha256 = HexFormat.of().formatHex(LinkTokens.sha256(content));
        file.content = content;
        file.uploadedBy = actor.name();
        file.uploadedAt = Instant.now(clock);
        file.persist();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", StepType.FILE_REQUEST.name());
        record.put("fileId", file.id.toString());
        record.put("fileName", fileName);
        record.put("contentType", contentType);
        record.put("sizeBytes", file.sizeBytes);
        record.put("sha256", file.sha256);
        finish(instance, definition, position, null, record, actor);
    }

    /** Loads the instance if its client is visible to the caller (404 otherwise), locked for update when asked. */
    WorkflowInstance visible(UUID id, Caller caller, boolean lock) {
        WorkflowInstance instance = lock ? WorkflowInstance.findById(id, LockModeType.PESSIMISTIC_WRITE)
                : WorkflowInstance.findById(id);
        if (instance == null) {
            throw ApiException.notFound("Workflow", id);
        }
        DirectoryEntry client = directory.find(instance.clientId).orElseThrow(() -> ApiException.notFound("Workflow", id));
        caller.requireVisible(client.ownership(), "Workflow", id);
        return instance;
    }

    public WorkflowView view(WorkflowInstance instance, DirectoryEntry client) {
        return view(instance, client, templates.byId(instance.templateId),
                WorkflowStep.list("instanceId = ?1 order by position", instance.id));
    }

    /** The view from its template version and step states (in position order). */
    private WorkflowView view(WorkflowInstance instance, DirectoryEntry client, TemplateCatalog.Version version, List<WorkflowStep> states) {
        WorkflowDefinition definition = version.definition();
        LocalDate today = today();
        List<WorkflowView.StepView> steps = states.stream().map(s -> {
            WorkflowDefinition.Step step = definition.step(s.position);
            String side = definition.role(step.assigneeRole()).map(r -> r.side().name()).orElse(null);
            return new WorkflowView.StepView(s.position, step.name(), step.type().name(), step.assigneeRole(), side,
                    step.description(), s.status.name(), s.dueOn,
                    s.status == StepStatus.ACTIVE && s.dueOn != null && s.dueOn.isBefore(today), s.completedBy,
                    s.completedAt, s.outcome, s.record == null ? null : parse(s.record), step.fields(), step.outcomes());
        }).toList();
        return new WorkflowView(instance.id.toString(), instance.clientId.toString(), client == null ? null : client.name(),
                new WorkflowView.TemplateRef(version.id().toString(), version.key(), version.version(), definition.name()),
                instance.status.name(), instance.activePosition, instance.outcome, instance.triggerKind, instance.startedBy,
                instance.startedAt, instance.endedAt, steps);
    }

    LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> parse(String json) {
        try {
            return mapper.readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Shared by the problem mapper: a link that has expired. */
    public static final class LinkExpired extends RuntimeException {
        public LinkExpired(String message) {
            super(message, null, false, false);
        }
    }

    /** Shared by the problem mapper: a file over the size limit. */
    public static final class FileTooLarge extends RuntimeException {
        public FileTooLarge(String message) {
            super(message, null, false, false);
        }
    }

    static ApiException unsupportedType(String contentType, List<String> allowed) {
        return new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Files of type " + contentType
                + " are not accepted; allowed: " + allowed);
    }
}
