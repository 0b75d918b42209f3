package io.rhythm.nps.api;

import io.rhythm.nps.service.delivery.SurveyResponses;
import io.rhythm.platform.web.correlation.CorrelationId;
import io.rhythm.platform.web.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problems of survey delivery that the platform's problem types do not cover: an expired link is 410 Gone. */
public class DeliveryProblems {

    public static final String GONE = "https://rhythm.io/problems/gone";

    @ServerExceptionMapper
    public Response expired(SurveyResponses.ExpiredLink e, UriInfo uri) {
        Problem problem = new Problem(GONE, "Gone", 410, e.getMessage(), uri == null ? null : uri.getPath(),
                CorrelationId.current(), null);
        return Response.status(410).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
