package io.rhythm.planning.workflow.api;

import io.rhythm.planning.workflow.service.Workflows;
import io.rhythm.platform.web.correlation.CorrelationId;
import io.rhythm.platform.web.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problems the platform's types do not cover: an expired link (410 Gone) and a file over the limit (413). */
public class WorkflowProblems {

    public static final String GONE = "https://rhythm.io/problems/gone";
    public static final String TOO_LARGE = "https://rhythm.io/problems/payload-too-large";

    @ServerExceptionMapper
    public Response expired(Workflows.LinkExpired e, UriInfo uri) {
        return problem(GONE, "Gone", 410, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response tooLarge(Workflows.FileTooLarge e, UriInfo uri) {
        return problem(TOO_LARGE, "Payload too large", 413, e.getMessage(), uri);
    }

    static Response problem(String type, String title, int status, String detail, UriInfo uri) {
        Problem problem = new Problem(type, title, status, detail, uri == null ? null : uri.getPath(),
                CorrelationId.current(), null);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
