package io.rhythm.health.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rhythm.health.api.BillingEventRequest;
import io.rhythm.health.api.SignalRequest;
import io.rhythm.health.api.SupportEventRequest;
import io.rhythm.health.domain.crm.RowProblem;
import io.rhythm.health.domain.supportbilling.BillingEvent;
import io.rhythm.health.domain.supportbilling.ClientEvent;
import io.rhythm.health.domain.supportbilling.SupportEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads and checks one support or billing event: shape, the fields its type needs, a sane time. */
@ApplicationScoped
public class ClientEventReader {

    /** Clocks disagree a little; an event from further in the future is refused. */
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    ObjectMapper mapper;
    @Inject
    Validator validator;
    @Inject
    Clock clock;

    /** The client an event is about: a Rhythm id, or an id in a source system. */
    public record ClientRef(UUID clientId, String source, String externalId) {
        String describe() {
            return clientId != null ? clientId.toString() : source + ":" + externalId;
        }
    }

    /** A readable event (with its client), or the problems that keep it out. */
    public record Read(ClientRef client, ClientEvent event, List<RowProblem> problems) {
    }

    public Read support(JsonNode json) {
        return read(json, SupportEventRequest.class, r -> {
            SupportEvent event = new SupportEvent(r.eventId(), r.type(), r.ticketId(), r.priority(), r.csat(), micros(r.occurredAt()));
            return new Checked(event.withDefaults(), event.problems(), ref(r.clientId(), r.externalId()));
        });
    }

    public Read billing(JsonNode json) {
        return read(json, BillingEventRequest.class, r -> {
            BillingEvent event = new BillingEvent(r.eventId(), r.type(), blankToNull(r.invoiceId()), blankToNull(r.disputeId()),
                    r.amount(), r.currency(), r.dueDate(), micros(r.occurredAt()));
            return new Checked(event, event.problems(), ref(r.clientId(), r.externalId()));
        });
    }

    private record Checked(ClientEvent event, List<RowProblem> problems, ClientRef client) {
    }

    private <R> Read read(JsonNode json, Class<R> type, Function<R, Checked> convert) {
        if (json == null || !json.isObject()) {
            return new Read(null, null, List.of(new RowProblem("event", "must be a JSON object")));
        }
        R request;
        try {
            request = mapper.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    && m.getPath().get(m.getPath().size() - 1).getFieldName() != null
                    ? m.getPath().get(m.getPath().size() - 1).getFieldName() : "event";
            return new Read(null, null, List.of(new RowProblem(field, e.getOriginalMessage())));
        }
        List<RowProblem> problems = new ArrayList<>();
        for (ConstraintViolation<R> violation : validator.validate(request)) {
            problems.add(new RowProblem(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (!problems.isEmpty()) {
            // name the event's other problems too (one answer lists all), each field once; an event too broken to
            // be read further (a required field missing) is rejected with what validation found
            try {
                Set<String> named = problems.stream().map(RowProblem::field).collect(Collectors.toSet());
                convert.apply(request).problems().stream().filter(p -> !named.contains(p.field())).forEach(problems::add);
            } catch (RuntimeException unreadable) {
                // validation's problems say why
            }
            return rejected(problems);
        }
        Checked checked = convert.apply(request);
        problems.addAll(checked.problems());
        ClientRef client = checked.client();
        if ((client.clientId() == null) == (client.source() == null)) {
            problems.add(new RowProblem("clientId", "give either clientId or externalId"));
        }
        if (checked.event().occurredAt().isAfter(Instant.now(clock).plus(MAX_CLOCK_SKEW))) {
            problems.add(new RowProblem("occurredAt", "is in the future"));
        }
        return problems.isEmpty() ? new Read(client, checked.event(), List.of()) : rejected(problems);
    }

    private static Read rejected(List<RowProblem> problems) {
        problems.sort(Comparator.comparing(RowProblem::field));
        return new Read(null, null, List.copyOf(problems));
    }

    private static ClientRef ref(UUID clientId, SignalRequest.ExternalRef external) {
        return new ClientRef(clientId, external == null ? null : external.source(), external == null ? null : external.id());
    }

    /** PostgreSQL keeps microseconds: the state compares event times as stored. */
    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
