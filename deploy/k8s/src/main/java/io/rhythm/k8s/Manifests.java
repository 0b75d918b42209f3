package io.rhythm.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./rhythm k8s render dev|prod} and {@code ./rhythm k8s validate}: renders an overlay, or
 * renders every overlay and checks each object against its schema and Rhythm's policies.
 */
public final class Manifests {

    public static final List<String> OVERLAYS = List.of("dev", "prod");

    private Manifests() {
    }

    /** Every problem of one rendered overlay: schema errors first, then policy violations. */
    public static List<String> problems(List<ObjectNode> objects, Schemas schemas, Repo repo) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode o : objects) {
            for (String p : schemas.validate(o)) {
                problems.add(Kustomize.describe(o) + ": schema: " + p);
            }
        }
        problems.addAll(new Policies(repo).check(objects));
        return problems;
    }

    public static void main(String[] args) {
        Repo repo = Repo.locate();
        if (args.length == 2 && args[0].equals("render")) {
            Path overlay = repo.k8s().resolve("overlays").resolve(args[1]);
            if (!Files.isDirectory(overlay)) {
                System.err.println("no overlay " + args[1] + " (have: " + OVERLAYS + ")");
                System.exit(2);
            }
            System.out.print(Yaml.write(Kustomize.render(overlay)));
            return;
        }
        if (args.length == 1 && args[0].equals("validate")) {
            Schemas schemas = new Schemas(repo.k8s().resolve("schemas"));
            int failures = 0;
            for (String name : OVERLAYS) {
                List<ObjectNode> objects = Kustomize.render(repo.k8s().resolve("overlays").resolve(name));
                List<String> problems = problems(objects, schemas, repo);
                System.out.println(name + ": " + objects.size() + " objects, " + problems.size() + " problems");
                problems.forEach(p -> System.out.println("  " + p));
                failures += problems.size();
            }
            System.exit(failures == 0 ? 0 : 1);
        }
        System.err.println("usage: Manifests render <overlay> | validate");
        System.exit(2);
    }
}
