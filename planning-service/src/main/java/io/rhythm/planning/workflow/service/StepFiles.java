package io.rhythm.planning.workflow.service;

import io.rhythm.planning.workflow.api.WorkflowView;
import io.rhythm.planning.workflow.domain.StepType;
import io.rhythm.planning.workflow.domain.WorkflowDefinition;
import io.rhythm.planning.workflow.domain.WorkflowFile;
import io.rhythm.planning.workflow.domain.WorkflowInstance;
import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Files of File Request steps: an allow-list of content types, a size limit, SHA-256 recorded. Stored in PostgreSQL
 * (bytea, table workflow_file) rather than a state directory: the file and the step's completion commit together,
 * backups and replicas carry them, and no replica needs a shared disk; the limit keeps rows modest.
 */
@ApplicationScoped
public class StepFiles {

    @Inject
    Workflows workflows;
    @Inject
    TemplateCatalog templates;
    @ConfigProperty(name = "rhythm.workflows.files.max-bytes", defaultValue = "10485760")
    long maxBytes;
    @ConfigProperty(name = "rhythm.workflows.files.allowed-types")
    List<String> allowedTypes;

    /** Upload by a signed-in user holding the step's internal role. */
    @Transactional(Transactional.TxType.MANDATORY)
    public WorkflowView upload(UUID id, int position, String fileName, String contentType, byte[] content, Caller caller,
                               String ipAddress) {
        WorkflowInstance instance = workflows.visible(id, caller, true);
        WorkflowDefinition definition = templates.definition(instance.templateId);
        WorkflowDefinition.Step step = workflows.requireActive(instance, definition, position);
        requireFileRequest(step, position);
        workflows.requireInternalHolder(definition, step, caller);
        store(instance, definition, position, fileName, contentType, content,
                new Workflows.Actor(caller.username(), false, ipAddress));
        return workflows.view(instance, null);
    }

    void store(WorkflowInstance instance, WorkflowDefinition definition, int position, String fileName, String contentType,
               byte[] content, Workflows.Actor actor) {
        String type = normalise(contentType);
        if (content == null || content.length == 0) {
            throw ApiException.invalid("body", "the file is empty");
        }
        if (content.length > maxBytes) {
            throw new Workflows.FileTooLarge("The file has " + content.length + " bytes; at most " + maxBytes + " are accepted");
        }
        if (!allowedTypes.contains(type)) {
            throw Workflows.unsupportedType(type, allowedTypes);
        }
        if (fileName == null || fileName.isBlank() || fileName.length() > 255 || fileName.contains("/") || fileName.contains("\\")) {
            throw ApiException.invalid("fileName", "is required: a file name of at most 255 characters without path");
        }
        workflows.storeFile(instance, definition, position, fileName.strip(), type, content, actor);
    }

    static void requireFileRequest(WorkflowDefinition.Step step, int position) {
        if (step.type() != StepType.FILE_REQUEST) {
            throw ApiException.conflict("Step " + position + " is a " + step.type().label() + ", not a File Request");
        }
    }

    /** The file's metadata and bytes, for a caller who may see the workflow. */
    public WorkflowFile download(UUID id, UUID fileId, Caller caller) {
        workflows.visible(id, caller, false);
        WorkflowFile file = WorkflowFile.find("id = ?1 and instanceId = ?2", fileId, id).firstResult();
        if (file == null) {
            throw ApiException.notFound("File", fileId);
        }
        return file;
    }

    private static String normalise(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }
}
