package io.rhythm.planning.workflow.service;

import io.rhythm.planning.workflow.api.LinkIssued;
import io.rhythm.planning.workflow.api.LinkRequest;
import io.rhythm.planning.workflow.api.LinkStepView;
import io.rhythm.planning.workflow.api.StepCompletionRequest;
import io.rhythm.planning.workflow.domain.LinkTokens;
import io.rhythm.planning.workflow.domain.RoleSide;
import io.rhythm.planning.workflow.domain.StepType;
import io.rhythm.planning.workflow.domain.WorkflowDefinition;
import io.rhythm.planning.workflow.domain.WorkflowInstance;
import io.rhythm.planning.workflow.domain.WorkflowLink;
import io.rhythm.platform.clients.ClientDirectory;
import io.rhythm.platform.clients.DirectoryEntry;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Client-facing steps are completed without a login, through a link that is single-use (used once → 409),
 * expiring (→ 410), bound to one step of one instance, and unguessable (256-bit token, only its SHA-256 stored).
 */
@ApplicationScoped
public class ClientLinks {

    public static final String PATH = "/api/v1/workflows/links/";

    @Inject
    Workflows workflows;
    @Inject
    TemplateCatalog templates;
    @Inject
    StepFiles files;
    @Inject
    ClientDirectory directory;
    @Inject
    StepMail mail;
    @Inject
    Clock clock;
    @ConfigProperty(name = "rhythm.workflows.public-url", defaultValue = "http://127.0.0.1:8080")
    String publicUrl;

    /** Issues a link to the active client-facing step and e-mails it to the recipient. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LinkIssued issue(UUID id, int position, LinkRequest request, Caller caller) {
        WorkflowInstance instance = workflows.visible(id, caller, true);
        WorkflowDefinition definition = templates.definition(instance.templateId);
        WorkflowDefinition.Step step = workflows.requireActive(instance, definition, position);
        WorkflowDefinition.Role role = definition.role(step.assigneeRole()).orElseThrow();
        if (role.side() != RoleSide.CLIENT) {
            throw ApiException.conflict("'" + step.name() + "' is an internal step (" + role.name() + "); only client steps get links");
        }
        String token = LinkTokens.newToken();
        Instant now = Instant.now(clock);
        WorkflowLink link = new WorkflowLink();
        link.tokenHash = LinkTokens.hash(token);
        link.instanceId = instance.id;
        link.position = position;
        link.email = request.email().strip();
        link.recipient = request.recipientName() == null || request.recipientName().isBlank() ? null : request.recipientName().strip();
        link.issuedBy = caller.username();
        link.issuedAt = now;
        link.expiresAt = now.plus(Duration.ofDays(request.validForDays() == null ? 14 : request.validForDays()));
        link.persist();
        String url = url(token);
        DirectoryEntry client = directory.find(instance.clientId).orElseThrow();
        boolean mailed = mail.send(new StepMail.Letter(link.email, link.recipient, client.name(), definition.name(), step.name(),
                step.description(), url, link.expiresAt));
        return new LinkIssued(url, token, link.email, position, link.expiresAt, mailed);
    }

    public LinkStepView view(String token) {
        WorkflowLink link = usable(token, false);
        WorkflowInstance instance = WorkflowInstance.findById(link.instanceId);
        WorkflowDefinition definition = templates.definition(instance.templateId);
        WorkflowDefinition.Step step = workflows.requireActive(instance, definition, link.position);
        String clientName = directory.find(instance.clientId).map(DirectoryEntry::name).orElse(null);
        return new LinkStepView(clientName, definition.name(), link.position, step.name(), step.type().name(),
                step.description(), step.fields(), step.outcomes(), link.expiresAt);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public LinkStepView.Receipt complete(String token, StepCompletionRequest request, String ipAddress) {
        WorkflowLink link = usable(token, true);
        WorkflowInstance instance = WorkflowInstance.findById(link.instanceId, LockModeType.PESSIMISTIC_WRITE);
        WorkflowDefinition definition = templates.definition(instance.templateId);
        WorkflowDefinition.Step step = workflows.requireActive(instance, definition, link.position);
        if (step.type() == StepType.FILE_REQUEST) {
            throw ApiException.conflict("This step asks for a file: upload it with PUT " + PATH + "{token}/file");
        }
        workflows.apply(instance, definition, link.position, request, actor(link, ipAddress));
        return used(link, step);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public LinkStepView.Receipt upload(String token, String fileName, String contentType, byte[] content, String ipAddress) {
        WorkflowLink link = usable(token, true);
        WorkflowInstance instance = WorkflowInstance.findById(link.instanceId, LockModeType.PESSIMISTIC_WRITE);
        WorkflowDefinition definition = templates.definition(instance.templateId);
        WorkflowDefinition.Step step = workflows.requireActive(instance, definition, link.position);
        StepFiles.requireFileRequest(step, link.position);
        files.store(instance, definition, link.position, fileName, contentType, content, actor(link, ipAddress));
        return used(link, step);
    }

    private LinkStepView.Receipt used(WorkflowLink link, WorkflowDefinition.Step step) {
        link.usedAt = Instant.now(clock);
        return new LinkStepView.Receipt(step.name(), "DONE", link.usedAt);
    }

    private static Workflows.Actor actor(WorkflowLink link, String ipAddress) {
        return new Workflows.Actor(link.recipient == null ? link.email : link.recipient + " <" + link.email + ">", true, ipAddress);
    }

    private WorkflowLink usable(String token, boolean lock) {
        if (!LinkTokens.isWellFormed(token)) {
            throw ApiException.notFound("Link", "(token)");
        }
        byte[] hash = LinkTokens.hash(token);
        WorkflowLink link = lock ? WorkflowLink.findById(hash, LockModeType.PESSIMISTIC_WRITE) : WorkflowLink.findById(hash);
        if (link == null) {
            throw ApiException.notFound("Link", "(token)");
        }
        if (link.usedAt != null) {
            throw ApiException.conflict("This link was already used on " + link.usedAt + "; each link works once");
        }
        if (!Instant.now(clock).isBefore(link.expiresAt)) {
            throw new Workflows.LinkExpired("This link expired on " + link.expiresAt + "; ask your account team for a new one");
        }
        return link;
    }

    String url(String token) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + PATH + token;
    }
}
