package io.rhythm.bench;

import org.apache.kafka.clients.admin.Admin;

/**
 * Creates (or, with {@code delete}, deletes) a bench scratch topic from a script, before the service that reads it
 * starts: {@code java -cp bench/target/rhythm-bench.jar io.rhythm.bench.BenchTopic create|delete H:P bench.<name> [partitions]}.
 * Only names starting with {@code bench.} ({@link KafkaSupport}); {@code create} replaces an existing topic, so a run
 * starts from an empty one.
 */
public final class BenchTopic {

    private BenchTopic() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !(args[0].equals("create") || args[0].equals("delete"))) {
            System.err.println("usage: BenchTopic create|delete host:port bench.<name> [partitions (3)]");
            System.exit(64);
        }
        try (Admin admin = KafkaSupport.admin(args[1])) {
            if (args[0].equals("create")) {
                KafkaSupport.recreateTopic(admin, args[2], args.length > 3 ? Integer.parseInt(args[3]) : 3);
            } else {
                KafkaSupport.deleteTopic(admin, args[2]);
            }
        }
    }
}
