package io.rhythm.health.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rhythm.health.service.SignalIngestion;
import io.rhythm.health.service.SignalReader;
import io.rhythm.platform.events.MalformedEventException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.stream.Collectors;

/**
 * High-volume ingest from {@code signals.ingest.v1}: JSON signals keyed by client. Duplicates are
 * recognised by event id; a record that is not a valid signal goes to the dead-letter topic with the
 * reasons.
 */
@ApplicationScoped
public class SignalConsumer {

    @Inject
    SignalReader reader;
    @Inject
    SignalIngestion ingestion;
    @Inject
    ObjectMapper mapper;

    @Incoming("signals")
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onSignal(ConsumerRecord<String, String> record) {
        SignalReader.Read read;
        try {
            read = reader.read(mapper.readTree(record.value() == null ? "" : record.value()));
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("signal is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (read.signal() == null) {
            throw new MalformedEventException("invalid signal: " + read.problems().stream()
                    .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        }
        QuarkusTransaction.requiringNew().run(() -> ingestion.ingest(read.signal(), "kafka"));
    }
}
