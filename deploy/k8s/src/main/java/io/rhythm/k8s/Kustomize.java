package io.rhythm.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a Kustomize directory the way {@code kubectl kustomize} does, for the subset of
 * Kustomize that deploy/k8s uses: {@code resources} (files and directories), {@code components},
 * {@code namespace}, {@code images}, {@code replicas} and {@code patches} (JSON 6902 operations
 * add/replace/remove with a target, or strategic-merge patches — map merge, lists of named items
 * merged by name, {@code $patch: delete}). Any other field is an error, so the manifests cannot
 * silently use a feature this renderer would get wrong; where {@code kubectl} is installed, the
 * tests compare both renderings object by object.
 */
public final class Kustomize {

    private static final Set<String> KNOWN_FIELDS =
            Set.of("apiVersion", "kind", "namespace", "resources", "components", "images", "replicas", "patches");
    private static final Set<String> CLUSTER_SCOPED =
            Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "ClusterSecretStore",
                    "ClusterTriggerAuthentication", "PriorityClass", "StorageClass", "IngressClass");
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController");

    private Kustomize() {
    }

    /** The objects {@code kubectl kustomize dir} prints (order aside). */
    public static List<ObjectNode> render(Path dir) {
        return build(dir, "Kustomization");
    }

    private static List<ObjectNode> build(Path dir, String expectedKind) {
        ObjectNode k = kustomization(dir);
        String kind = k.path("kind").asText("Kustomization");
        if (!kind.equals(expectedKind)) {
            throw new KustomizeException(dir + ": expected a " + expectedKind + ", found a " + kind);
        }
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            if (Files.isDirectory(p)) {
                out.addAll(build(p, "Kustomization"));
            } else {
                out.addAll(Yaml.readAll(p));
            }
        }
        for (JsonNode c : k.path("components")) {
            applyComponent(dir.resolve(c.asText()).normalize(), out);
        }
        transform(dir, k, out);
        return out;
    }

    private static void applyComponent(Path dir, List<ObjectNode> accumulated) {
        ObjectNode k = kustomization(dir);
        if (!"Component".equals(k.path("kind").asText())) {
            throw new KustomizeException(dir + ": a component must be of kind Component");
        }
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            accumulated.addAll(Files.isDirectory(p) ? build(p, "Kustomization") : Yaml.readAll(p));
        }
        for (JsonNode c : k.path("components")) {
            applyComponent(dir.resolve(c.asText()).normalize(), accumulated);
        }
        transform(dir, k, accumulated);
    }

    private static void transform(Path dir, ObjectNode k, List<ObjectNode> objects) {
        for (JsonNode p : k.path("patches")) {
            patch(dir, p, objects);
        }
        for (JsonNode image : k.path("images")) {
            for (ObjectNode o : objects) {
                setImages(o, image);
            }
        }
        for (JsonNode r : k.path("replicas")) {
            boolean found = false;
            for (ObjectNode o : objects) {
                if (SCALABLE.contains(o.path("kind").asText()) && o.path("metadata").path("name").asText().equals(r.path("name").asText())) {
                    ((ObjectNode) o.with("spec")).put("replicas", r.path("count").asInt());
                    found = true;
                }
            }
            if (!found) {
                throw new KustomizeException(dir + ": replicas: no workload named " + r.path("name").asText());
            }
        }
        if (k.hasNonNull("namespace")) {
            for (ObjectNode o : objects) {
                if (!CLUSTER_SCOPED.contains(o.path("kind").asText())) {
                    ((ObjectNode) o.with("metadata")).put("namespace", k.get("namespace").asText());
                }
            }
        }
    }

    private static ObjectNode kustomization(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new KustomizeException("no kustomization.yaml in " + dir);
        }
        List<ObjectNode> docs = Yaml.readAll(file);
        if (docs.size() != 1) {
            throw new KustomizeException(file + ": expected one document");
        }
        ObjectNode k = docs.get(0);
        k.fieldNames().forEachRemaining(f -> {
            if (!KNOWN_FIELDS.contains(f)) {
                throw new KustomizeException(file + ": field '" + f + "' is not supported by this renderer (supported: " + KNOWN_FIELDS + ")");
            }
        });
        return k;
    }

    // ---- patches ----

    private static void patch(Path dir, JsonNode entry, List<ObjectNode> objects) {
        String text;
        if (entry.hasNonNull("path")) {
            try {
                text = Files.readString(dir.resolve(entry.get("path").asText()));
            } catch (IOException e) {
                throw new KustomizeException(dir + ": cannot read patch " + entry.get("path").asText(), e);
            }
        } else if (entry.hasNonNull("patch")) {
            text = entry.get("patch").asText();
        } else {
            throw new KustomizeException(dir + ": a patch needs 'path' or 'patch'");
        }
        entry.fieldNames().forEachRemaining(f -> {
            if (!Set.of("path", "patch", "target").contains(f)) {
                throw new KustomizeException(dir + ": patch field '" + f + "' is not supported");
            }
        });
        JsonNode body = Yaml.readTree(text);
        JsonNode target = entry.get("target");
        if (body.isArray()) {
            if (target == null) {
                throw new KustomizeException(dir + ": a JSON 6902 patch needs a target");
            }
            List<ObjectNode> matched = objects.stream().filter(o -> matches(target, o)).toList();
            if (matched.isEmpty()) {
                throw new KustomizeException(dir + ": patch target " + target + " matches nothing");
            }
            for (ObjectNode o : matched) {
                for (JsonNode op : body) {
                    jsonPatch(o, op, dir);
                }
            }
            return;
        }
        ObjectNode smp = (ObjectNode) body;
        JsonNode selector = target != null ? target : selectorOf(smp);
        boolean delete = "delete".equals(smp.path("$patch").asText());
        boolean found = false;
        for (Iterator<ObjectNode> it = objects.iterator(); it.hasNext(); ) {
            ObjectNode o = it.next();
            if (!matches(selector, o)) {
                continue;
            }
            found = true;
            if (delete) {
                it.remove();
            } else {
                ObjectNode p = smp.deepCopy();
                if (target != null) {
                    // a targeted strategic-merge patch does not rename what it hits
                    p.remove("apiVersion");
                    p.remove("kind");
                    if (p.get("metadata") instanceof ObjectNode m) {
                        m.remove("name");
                    }
                }
                merge(o, p);
            }
        }
        if (!found) {
            throw new KustomizeException(dir + ": strategic-merge patch for " + selector + " matches nothing");
        }
    }

    private static JsonNode selectorOf(ObjectNode smp) {
        ObjectNode s = Yaml.MAPPER.createObjectNode();
        s.put("kind", smp.path("kind").asText());
        s.put("name", smp.path("metadata").path("name").asText());
        return s;
    }

    private static boolean matches(JsonNode target, ObjectNode o) {
        for (Map.Entry<String, JsonNode> f : iterable(target)) {
            String want = f.getValue().asText();
            boolean ok = switch (f.getKey()) {
                case "kind" -> o.path("kind").asText().equals(want);
                case "name" -> o.path("metadata").path("name").asText().equals(want);
                case "namespace" -> o.path("metadata").path("namespace").asText().equals(want);
                case "version" -> apiVersion(o)[1].equals(want);
                case "group" -> apiVersion(o)[0].equals(want);
                default -> throw new KustomizeException("patch target field '" + f.getKey() + "' is not supported");
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String[] apiVersion(ObjectNode o) {
        String v = o.path("apiVersion").asText();
        int slash = v.indexOf('/');
        return slash < 0 ? new String[] {"", v} : new String[] {v.substring(0, slash), v.substring(slash + 1)};
    }

    private static void jsonPatch(ObjectNode doc, JsonNode op, Path dir) {
        String kind = op.path("op").asText();
        String path = op.path("path").asText();
        List<String> tokens = new ArrayList<>();
        for (String t : path.substring(1).split("/", -1)) {
            tokens.add(t.replace("~1", "/").replace("~0", "~"));
        }
        JsonNode parent = doc;
        for (String t : tokens.subList(0, tokens.size() - 1)) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(t)) : parent.get(t);
            if (parent == null) {
                throw new KustomizeException(dir + ": " + kind + " " + path + ": no such path in " + describe(doc));
            }
        }
        String last = tokens.get(tokens.size() - 1);
        switch (kind) {
            case "add" -> {
                if (parent instanceof ArrayNode a) {
                    if (last.equals("-")) {
                        a.add(op.get("value").deepCopy());
                    } else {
                        a.insert(Integer.parseInt(last), op.get("value").deepCopy());
                    }
                } else {
                    ((ObjectNode) parent).set(last, op.get("value").deepCopy());
                }
            }
            case "replace" -> {
                if (parent instanceof ArrayNode a) {
                    a.set(Integer.parseInt(last), op.get("value").deepCopy());
                } else {
                    if (!parent.has(last)) {
                        throw new KustomizeException(dir + ": replace " + path + ": no such path in " + describe(doc));
                    }
                    ((ObjectNode) parent).set(last, op.get("value").deepCopy());
                }
            }
            case "remove" -> {
                JsonNode removed = parent instanceof ArrayNode a ? a.remove(Integer.parseInt(last)) : ((ObjectNode) parent).remove(last);
                if (removed == null) {
                    throw new KustomizeException(dir + ": remove " + path + ": no such path in " + describe(doc));
                }
            }
            default -> throw new KustomizeException(dir + ": JSON patch op '" + kind + "' is not supported");
        }
    }

    /** Strategic merge, as far as deploy/k8s needs it: maps merge, lists of named maps merge by name, other lists are replaced. */
    private static void merge(ObjectNode into, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> f : iterable(patch)) {
            JsonNode current = into.get(f.getKey());
            JsonNode value = f.getValue();
            if (value.isNull()) {
                into.remove(f.getKey());
            } else if (current instanceof ObjectNode c && value instanceof ObjectNode v) {
                merge(c, v);
            } else if (current instanceof ArrayNode c && value instanceof ArrayNode v && named(c) && named(v)) {
                for (JsonNode item : v) {
                    ObjectNode existing = null;
                    for (JsonNode e : c) {
                        if (e.get("name").asText().equals(item.get("name").asText())) {
                            existing = (ObjectNode) e;
                        }
                    }
                    if (existing != null) {
                        merge(existing, (ObjectNode) item);
                    } else {
                        c.add(item.deepCopy());
                    }
                }
            } else {
                into.set(f.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean named(ArrayNode a) {
        for (JsonNode e : a) {
            if (!e.isObject() || !e.hasNonNull("name")) {
                return false;
            }
        }
        return true;
    }

    // ---- images ----

    private static void setImages(JsonNode node, JsonNode image) {
        if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> f : iterable(o)) {
                if ((f.getKey().equals("containers") || f.getKey().equals("initContainers")) && f.getValue().isArray()) {
                    for (JsonNode c : f.getValue()) {
                        if (c instanceof ObjectNode container && container.hasNonNull("image")) {
                            container.set("image", new TextNode(retag(container.get("image").asText(), image)));
                        }
                    }
                } else {
                    setImages(f.getValue(), image);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode e : a) {
                setImages(e, image);
            }
        }
    }

    static String retag(String ref, JsonNode image) {
        String name = ref;
        String tag = null;
        int at = ref.indexOf('@');
        if (at >= 0) {
            name = ref.substring(0, at);
            tag = ref.substring(at);
        } else {
            int colon = ref.lastIndexOf(':');
            if (colon > ref.lastIndexOf('/')) {
                name = ref.substring(0, colon);
                tag = ref.substring(colon);
            }
        }
        if (!name.equals(image.path("name").asText())) {
            return ref;
        }
        String newName = image.hasNonNull("newName") ? image.get("newName").asText() : name;
        if (image.hasNonNull("digest")) {
            return newName + "@" + image.get("digest").asText();
        }
        if (image.hasNonNull("newTag")) {
            return newName + ":" + image.get("newTag").asText();
        }
        return newName + (tag == null ? "" : tag);
    }

    static String describe(JsonNode o) {
        return o.path("kind").asText() + "/" + o.path("metadata").path("name").asText();
    }

    static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        n.fields().forEachRemaining(fields::add);
        return fields;
    }

    /** A kustomization this renderer cannot build (or that Kustomize would refuse). */
    public static final class KustomizeException extends RuntimeException {
        KustomizeException(String message) {
            super(message);
        }

        KustomizeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
