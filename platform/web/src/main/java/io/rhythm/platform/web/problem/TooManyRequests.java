package io.rhythm.platform.web.problem;

/** A 429: the caller is over a rate limit; {@link ProblemMappers} adds {@code Retry-After} with the seconds to wait. */
public class TooManyRequests extends ApiException {

    private final long retryAfterSeconds;

    public TooManyRequests(String detail, long retryAfterSeconds) {
        super(ProblemType.TOO_MANY_REQUESTS, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
