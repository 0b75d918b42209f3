package io.rhythm.platform.persistence;

import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.ProblemMappers;
import io.rhythm.platform.web.problem.ProblemType;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Database races become clear 409s: a concurrent update, or a row that now conflicts with another. */
public class PersistenceProblemMappers {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return concurrentUpdate(uri);
    }

    @ServerExceptionMapper
    public Response stale(StaleStateException e, UriInfo uri) {
        return concurrentUpdate(uri);
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e, UriInfo uri) {
        return problems.apiException(ApiException.conflict(
                "The request conflicts with data stored meanwhile (" + e.getConstraintName() + "); re-read and retry"), uri);
    }

    private Response concurrentUpdate(UriInfo uri) {
        return problems.apiException(new ApiException(ProblemType.CONFLICT,
                "The resource was changed by someone else at the same time; re-read it and retry"), uri);
    }
}
