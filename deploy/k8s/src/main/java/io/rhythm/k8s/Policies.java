package io.rhythm.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Rhythm's deployment rules over one rendered overlay. Each violation names the object and the
 * rule; an empty list means the overlay complies.
 */
public final class Policies {

    /** The last part of a property key (after its last dot) or of an environment variable (after its last _) naming a secret. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)(.*[._-])?(password|passwd|secret|token|credentials?|apikey|api-key|private-key|jaas\\.config|jaas_config)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Za-z0-9_.-]+}");

    private final Repo repo;

    public Policies(Repo repo) {
        this.repo = repo;
    }

    public List<String> check(List<ObjectNode> objects) {
        List<String> v = new ArrayList<>();
        List<ObjectNode> deployments = ofKind(objects, "Deployment");
        if (deployments.isEmpty()) {
            v.add("no Deployment at all");
        }
        for (ObjectNode d : deployments) {
            workload(d, objects, v);
        }
        for (ObjectNode sa : ofKind(objects, "ServiceAccount")) {
            if (!sa.path("automountServiceAccountToken").isBoolean() || sa.path("automountServiceAccountToken").asBoolean()) {
                v.add(id(sa) + ": automountServiceAccountToken must be false");
            }
        }
        defaultDeny(objects, v);
        noSecretValues(objects, v);
        ingress(objects, v);
        kafka(objects, v);
        return v;
    }

    // ---- workloads ----

    private void workload(ObjectNode d, List<ObjectNode> objects, List<String> v) {
        String id = id(d);
        JsonNode pod = d.path("spec").path("template").path("spec");
        JsonNode podLabels = d.path("spec").path("template").path("metadata").path("labels");
        JsonNode psc = pod.path("securityContext");
        if (!pod.path("automountServiceAccountToken").isBoolean() || pod.path("automountServiceAccountToken").asBoolean()) {
            v.add(id + ": pod automountServiceAccountToken must be false");
        }
        String sa = pod.path("serviceAccountName").asText("");
        if (sa.isEmpty() || find(objects, "ServiceAccount", sa) == null) {
            v.add(id + ": needs its own ServiceAccount (serviceAccountName '" + sa + "' not in the overlay)");
        }
        if (pod.path("hostNetwork").asBoolean() || pod.path("hostPID").asBoolean() || pod.path("hostIPC").asBoolean()) {
            v.add(id + ": host namespaces are not allowed");
        }
        List<JsonNode> containers = new ArrayList<>();
        pod.path("initContainers").forEach(containers::add);
        pod.path("containers").forEach(containers::add);
        for (JsonNode c : containers) {
            container(id + " container " + c.path("name").asText(), c, psc, pod, v, pod.path("containers").findValues("name").contains(c.path("name")));
        }
        String name = d.path("metadata").path("name").asText();
        if (objects.stream().noneMatch(o -> o.path("kind").asText().equals("Service") && selects(o.path("spec").path("selector"), podLabels))) {
            v.add(id + ": no Service selects its pods");
        }
        if (ofKind(objects, "PodDisruptionBudget").stream().noneMatch(p -> selects(p.path("spec").path("selector").path("matchLabels"), podLabels))) {
            v.add(id + ": no PodDisruptionBudget");
        }
        boolean hpa = ofKind(objects, "HorizontalPodAutoscaler").stream()
                .anyMatch(h -> h.path("spec").path("scaleTargetRef").path("kind").asText().equals("Deployment")
                        && h.path("spec").path("scaleTargetRef").path("name").asText().equals(name));
        boolean scaledObject = ofKind(objects, "ScaledObject").stream()
                .anyMatch(s -> s.path("spec").path("scaleTargetRef").path("name").asText().equals(name));
        if (!hpa && !scaledObject) {
            v.add(id + ": no HorizontalPodAutoscaler (or KEDA ScaledObject)");
        }
        if (hpa && scaledObject) {
            v.add(id + ": both an HorizontalPodAutoscaler and a ScaledObject: KEDA's HPA and ours would fight");
        }
        boolean ownPolicy = ofKind(objects, "NetworkPolicy").stream()
                .anyMatch(n -> !n.path("spec").path("podSelector").path("matchLabels").isEmpty()
                        && selects(n.path("spec").path("podSelector").path("matchLabels"), podLabels));
        if (!ownPolicy) {
            v.add(id + ": no NetworkPolicy selects its pods");
        }
    }

    private static void container(String id, JsonNode c, JsonNode psc, JsonNode pod, List<String> v, boolean main) {
        JsonNode sc = c.path("securityContext");
        boolean nonRoot = sc.path("runAsNonRoot").asBoolean(psc.path("runAsNonRoot").asBoolean(false));
        if (!nonRoot || sc.path("runAsUser").asInt(psc.path("runAsUser").asInt(1)) == 0) {
            v.add(id + ": must run as non-root (runAsNonRoot true, no runAsUser 0)");
        }
        if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
            v.add(id + ": readOnlyRootFilesystem must be true");
        }
        if (!sc.path("allowPrivilegeEscalation").isBoolean() || sc.path("allowPrivilegeEscalation").asBoolean()) {
            v.add(id + ": allowPrivilegeEscalation must be false");
        }
        if (sc.path("privileged").asBoolean(false)) {
            v.add(id + ": must not be privileged");
        }
        boolean dropAll = false;
        for (JsonNode cap : sc.path("capabilities").path("drop")) {
            dropAll |= cap.asText().equals("ALL");
        }
        if (!dropAll || !sc.path("capabilities").path("add").isEmpty()) {
            v.add(id + ": capabilities must drop ALL and add none");
        }
        String seccomp = sc.path("seccompProfile").path("type").asText(psc.path("seccompProfile").path("type").asText(""));
        if (!seccomp.equals("RuntimeDefault")) {
            v.add(id + ": seccompProfile must be RuntimeDefault");
        }
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (c.path("resources").path(kind).path(resource).asText("").isEmpty()) {
                    v.add(id + ": resources." + kind + "." + resource + " must be set");
                }
            }
        }
        String image = c.path("image").asText("");
        String tag = image.contains("@") ? "digest" : image.lastIndexOf(':') > image.lastIndexOf('/') ? image.substring(image.lastIndexOf(':') + 1) : "";
        if (tag.isEmpty() || tag.equals("latest")) {
            v.add(id + ": image '" + image + "' needs a tag other than latest (or a digest)");
        }
        if (main) {
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                String path = c.path(probe).path("httpGet").path("path").asText("");
                if (!path.startsWith("/q/health/")) {
                    v.add(id + ": " + probe + " must be an httpGet on /q/health/* (is '" + path + "')");
                }
            }
            boolean tmp = false;
            for (JsonNode m : c.path("volumeMounts")) {
                if (m.path("mountPath").asText().equals("/tmp")) {
                    for (JsonNode vol : pod.path("volumes")) {
                        tmp |= vol.path("name").asText().equals(m.path("name").asText()) && vol.has("emptyDir");
                    }
                }
            }
            if (!tmp) {
                v.add(id + ": needs an emptyDir volume mounted on /tmp (the root filesystem is read-only)");
            }
        }
        for (JsonNode e : c.path("env")) {
            if (SECRET_NAME.matcher(e.path("name").asText()).matches() && e.has("value")
                    && !PLACEHOLDER.matcher(e.path("value").asText()).matches()) {
                v.add(id + ": env " + e.path("name").asText() + " holds a literal secret value; use valueFrom.secretKeyRef");
            }
        }
    }

    // ---- network ----

    private static void defaultDeny(List<ObjectNode> objects, List<String> v) {
        boolean found = ofKind(objects, "NetworkPolicy").stream().anyMatch(n -> {
            JsonNode spec = n.path("spec");
            Set<String> types = new TreeSet<>();
            spec.path("policyTypes").forEach(t -> types.add(t.asText()));
            return spec.path("podSelector").isEmpty() && types.equals(Set.of("Ingress", "Egress"))
                    && spec.path("ingress").isEmpty() && spec.path("egress").isEmpty();
        });
        if (!found) {
            v.add("no default-deny NetworkPolicy (podSelector {}, policyTypes Ingress and Egress, no rules)");
        }
    }

    private static void ingress(List<ObjectNode> objects, List<String> v) {
        List<ObjectNode> ingresses = ofKind(objects, "Ingress");
        if (ingresses.isEmpty()) {
            v.add("no Ingress for the gateway");
        }
        for (ObjectNode i : ingresses) {
            if (i.path("spec").path("tls").isEmpty()) {
                v.add(id(i) + ": needs TLS");
            }
            for (JsonNode rule : i.path("spec").path("rules")) {
                for (JsonNode p : rule.path("http").path("paths")) {
                    String backend = p.path("backend").path("service").path("name").asText();
                    if (!backend.equals("gateway")) {
                        v.add(id(i) + ": routes to '" + backend + "'; only the gateway is public");
                    }
                }
            }
        }
    }

    // ---- secrets ----

    private static void noSecretValues(List<ObjectNode> objects, List<String> v) {
        for (ObjectNode o : objects) {
            String kind = o.path("kind").asText();
            if (kind.equals("Secret") && (!o.path("data").isEmpty() || !o.path("stringData").isEmpty())) {
                v.add(id(o) + ": a Secret with values in the repository; reference a Secret created outside it");
            }
            if (kind.equals("ConfigMap")) {
                for (Map.Entry<String, JsonNode> f : Kustomize.iterable(o.path("data"))) {
                    for (String line : f.getValue().asText().split("\n")) {
                        int eq = line.indexOf('=');
                        if (line.startsWith("#") || eq < 0) {
                            continue;
                        }
                        String key = line.substring(0, eq).trim();
                        String value = line.substring(eq + 1).trim();
                        if (SECRET_NAME.matcher(key).matches() && !value.isEmpty() && !PLACEHOLDER.matcher(value).matches()) {
                            v.add(id(o) + ": " + f.getKey() + " sets " + key + " to a literal; secrets come from Secrets");
                        }
                    }
                }
            }
            if (kind.equals("KeycloakRealmImport")) {
                JsonNode realm = o.path("spec").path("realm");
                for (JsonNode c : realm.path("clients")) {
                    String secret = c.path("secret").asText("");
                    if (!secret.isEmpty() && !PLACEHOLDER.matcher(secret).matches()) {
                        v.add(id(o) + ": client " + c.path("clientId").asText() + " has a literal secret");
                    }
                }
                for (JsonNode u : realm.path("users")) {
                    if (!u.path("credentials").isEmpty()) {
                        v.add(id(o) + ": user " + u.path("username").asText() + " has credentials in the repository");
                    }
                    if (!u.path("username").asText().startsWith("service-account-")) {
                        v.add(id(o) + ": demo user " + u.path("username").asText() + " must not be imported");
                    }
                }
            }
        }
    }

    // ---- Kafka ----

    private void kafka(List<ObjectNode> objects, List<String> v) {
        List<ObjectNode> kafkaTopics = ofKind(objects, "KafkaTopic");
        if (ofKind(objects, "Kafka").isEmpty()) {
            return; // an overlay without the strimzi component brings its own Kafka
        }
        Map<String, ObjectNode> byTopic = new java.util.HashMap<>();
        for (ObjectNode t : kafkaTopics) {
            byTopic.put(t.path("spec").path("topicName").asText(t.path("metadata").path("name").asText()), t);
        }
        for (Map.Entry<String, Integer> t : repo.topics().entrySet()) {
            ObjectNode kt = byTopic.get(t.getKey());
            if (kt == null) {
                v.add("topic " + t.getKey() + " (deploy/kafka/topics.conf) has no KafkaTopic");
            } else if (kt.path("spec").path("partitions").asInt() != t.getValue()) {
                v.add(id(kt) + ": " + kt.path("spec").path("partitions").asInt() + " partitions, topics.conf says " + t.getValue());
            }
        }
        for (ObjectNode d : ofKind(objects, "Deployment")) {
            String service = d.path("metadata").path("name").asText();
            if (!repo.isModule(service)) {
                continue;
            }
            for (String topic : repo.uses(service)) {
                if (!byTopic.containsKey(topic)) {
                    v.add(service + " uses topic " + topic + ", which has no KafkaTopic");
                }
            }
            if (repo.uses(service).isEmpty()) {
                continue;
            }
            ObjectNode user = find(objects, "KafkaUser", service);
            if (user == null) {
                v.add(service + " uses Kafka but has no KafkaUser");
                continue;
            }
            acls(user, service, v);
        }
    }

    private void acls(ObjectNode user, String service, List<String> v) {
        Set<String> reads = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode r = acl.path("resource");
            Set<String> ops = new TreeSet<>();
            acl.path("operations").forEach(o -> ops.add(o.asText()));
            if (!r.path("patternType").asText("literal").equals("literal") || r.path("name").asText().contains("*")) {
                v.add(id(user) + ": ACL on " + r.path("name").asText() + " is not literal");
            }
            if (!acl.path("type").asText("allow").equals("allow")) {
                continue;
            }
            switch (r.path("type").asText()) {
                case "topic" -> {
                    if (ops.contains("Read")) {
                        reads.add(r.path("name").asText());
                    }
                    if (ops.contains("Write")) {
                        writes.add(r.path("name").asText());
                    }
                    Set<String> other = new TreeSet<>(ops);
                    other.removeAll(Set.of("Read", "Write", "Describe"));
                    if (!other.isEmpty()) {
                        v.add(id(user) + ": operations " + other + " on topic " + r.path("name").asText() + " are more than it needs");
                    }
                }
                case "group" -> groups.add(r.path("name").asText());
                default -> v.add(id(user) + ": ACL on a " + r.path("type").asText() + " is more than it needs");
            }
        }
        if (!reads.equals(repo.reads(service))) {
            v.add(id(user) + ": reads " + reads + " but " + service + " consumes " + repo.reads(service));
        }
        if (!writes.equals(repo.writes(service))) {
            v.add(id(user) + ": writes " + writes + " but " + service + " produces to " + repo.writes(service));
        }
        Set<String> expectedGroups = repo.groups(service);
        if (!groups.equals(expectedGroups)) {
            v.add(id(user) + ": consumer groups " + groups + ", expected " + expectedGroups);
        }
    }

    // ---- helpers ----

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector == null || selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> s : Kustomize.iterable(selector)) {
            if (!Objects.equals(labels.path(s.getKey()).asText(null), s.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    static ObjectNode find(List<ObjectNode> objects, String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name))
                .findFirst().orElse(null);
    }

    static String id(JsonNode o) {
        return Kustomize.describe(o);
    }
}
