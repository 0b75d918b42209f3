package io.rhythm.health.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.health.api.SignalRequest;
import io.rhythm.health.domain.SignalInput;
import io.rhythm.health.domain.scoring.ScoringModel;
import io.rhythm.health.domain.crm.RowProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads and checks one signal (from HTTP or Kafka): shape, metric known to the model, sane time. */
@ApplicationScoped
public class SignalReader {

    /** Clocks disagree a little; a signal from further in the future is refused. */
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    ObjectMapper mapper;
    @Inject
    Validator validator;
    @Inject
    HealthScoring scoring;
    @Inject
    Clock clock;

    public record Read(SignalInput signal, List<RowProblem> problems) {
    }

    public Read read(JsonNode json) {
        if (json == null || !json.isObject()) {
            return new Read(null, List.of(new RowProblem("signal", "must be a JSON object")));
        }
        SignalRequest request;
        try {
            request = mapper.treeToValue(json, SignalRequest.class);
        } catch (JsonProcessingException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                    && m.getPath().get(m.getPath().size() - 1).getFieldName() != null
                    ? m.getPath().get(m.getPath().size() - 1).getFieldName() : "signal";
            return new Read(null, List.of(new RowProblem(field, e.getOriginalMessage())));
        }
        List<RowProblem> problems = new ArrayList<>();
        for (ConstraintViolation<SignalRequest> violation : validator.validate(request)) {
            problems.add(new RowProblem(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if ((request.clientId() == null) == (request.externalId() == null)) {
            problems.add(new RowProblem("clientId", "give either clientId or externalId"));
        }
        ScoringModel model = scoring.activeModel();
        if (request.metric() != null && !model.reads(request.metric())) {
            problems.add(new RowProblem("metric", "'" + request.metric() + "' is not an input of scoring model v"
                    + model.version() + "; known: " + new java.util.TreeSet<>(model.metricKeys())));
        }
        if (request.value() != null && !Double.isFinite(request.value())) {
            problems.add(new RowProblem("value", "must be a finite number"));
        }
        if (request.occurredAt() != null && request.occurredAt().isAfter(Instant.now(clock).plus(MAX_CLOCK_SKEW))) {
            problems.add(new RowProblem("occurredAt", "is in the future"));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(RowProblem::field));
            return new Read(null, problems);
        }
        return new Read(new SignalInput(request.eventId(), request.clientId(),
                request.externalId() == null ? null : request.externalId().source(),
                request.externalId() == null ? null : request.externalId().id(),
                request.metric(), request.value(), request.occurredAt()), List.of());
    }
}
