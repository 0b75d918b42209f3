package io.rhythm.health.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rhythm.health.domain.SignalInput;
import io.rhythm.health.service.SignalIngestion;
import io.rhythm.health.service.SignalReader;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * High-volume ingest from {@code signals.ingest.v1}: JSON signals keyed by client, consumed a poll's
 * batch at a time and stored in one transaction per batch (each client rescored once per batch).
 * Duplicates are recognised by event id. A record that is not a valid signal, or that cannot be stored
 * even on its own, goes to the dead-letter topic with the reason, and the rest of the batch goes on.
 * The batch's offsets are committed only after all of that is done, so a crash redelivers it (and the
 * event ids make the redelivery harmless).
 */
@ApplicationScoped
public class SignalConsumer {

    private static final Logger LOG = Logger.getLogger(SignalConsumer.class);

    @Inject
    SignalReader reader;
    @Inject
    SignalIngestion ingestion;
    @Inject
    ObjectMapper mapper;
    @Inject
    @Channel("signal-dead-letters")
    Emitter<String> deadLetters;

    @Incoming("signals")
    @Blocking
    public void onSignals(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> valid = new ArrayList<>(records.count());
        List<SignalInput> signals = new ArrayList<>(records.count());
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            String problem = null;
            try {
                SignalReader.Read read = reader.read(mapper.readTree(record.value() == null ? "" : record.value()));
                if (read.signal() == null) {
                    problem = "invalid signal: " + read.problems().stream()
                            .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
                } else {
                    valid.add(record);
                    signals.add(read.signal());
                }
            } catch (JsonProcessingException e) {
                problem = "signal is not valid JSON: " + e.getOriginalMessage();
            }
            if (problem != null) {
                deadLettered.add(deadLetter(record, problem));
            }
        }
        if (!signals.isEmpty()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> ingestion.ingestAll(signals, "kafka"));
            } catch (RuntimeException batchFailure) {
                // find the culprit: each signal on its own; what still fails is dead-lettered
                LOG.warnf("A batch of %d signals failed (%s); storing them one by one", signals.size(), batchFailure.toString());
                for (int i = 0; i < signals.size(); i++) {
                    SignalInput signal = signals.get(i);
                    try {
                        QuarkusTransaction.requiringNew().run(() -> ingestion.ingest(signal, "kafka"));
                    } catch (RuntimeException e) {
                        deadLettered.add(deadLetter(valid.get(i), "could not be stored: " + e));
                    }
                }
            }
        }
        CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<Void> deadLetter(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        CompletableFuture<Void> sent = new CompletableFuture<>();
        deadLetters.send(Message.of(record.value() == null ? "" : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build())
                .withAck(() -> {
                    sent.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    sent.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return sent;
    }
}
