package io.rhythm.bench;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of the benches that start a service of their own (PlanningBench, CalendarBench, SegmentationBench): {@code --name value}
 * pairs over defaults, {@code --help} prints the usage, and {@code --service}, {@code --token-url} and {@code --db-url}
 * are required; the service must be a loopback address.
 */
final class ServiceBenchArgs {

    private ServiceBenchArgs() {
    }

    /** The options, or empty after printing {@code usage} for {@code --help}. */
    static Optional<Map<String, String>> parse(String[] args, Map<String, String> defaults, String usage) {
        Map<String, String> options = new HashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help")) {
                System.out.println(usage);
                return Optional.empty();
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value at " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        for (String required : List.of("service", "token-url", "db-url")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required (see --help)");
            }
        }
        requireLoopback(URI.create(options.get("service")));
        return Optional.of(options);
    }

    static void requireLoopback(URI uri) {
        String host = uri.getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("only loopback addresses: " + uri);
        }
    }
}
