package io.rhythm.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Both overlays render, every object validates strictly against the vendored schemas, and every
 * policy holds; each rule is shown to bite by a fixture that breaks it (src/test/resources/broken).
 */
class ManifestsTest {

    private static Repo repo;
    private static Schemas schemas;

    @BeforeAll
    static void load() {
        repo = Repo.locate();
        schemas = new Schemas(repo.k8s().resolve("schemas"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayValidatesAndKeepsEveryPolicy(String overlay) {
        List<ObjectNode> objects = Kustomize.render(overlay(overlay));

        assertThat(Manifests.problems(objects, schemas, repo)).isEmpty();
        assertThat(kinds(objects)).contains("Namespace", "Deployment", "Service", "ConfigMap", "ServiceAccount",
                "PodDisruptionBudget", "NetworkPolicy", "Ingress", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser",
                "Cluster", "Database", "ScheduledBackup", "Keycloak", "KeycloakRealmImport", "ServiceMonitor", "PodMonitor",
                "PrometheusRule");
    }

    @Test
    void devIsSmallAndProdIsReplicatedAndSpread() {
        List<ObjectNode> dev = Kustomize.render(overlay("dev"));
        List<ObjectNode> prod = Kustomize.render(overlay("prod"));

        for (ObjectNode d : Policies.ofKind(dev, "Deployment")) {
            assertThat(d.path("spec").path("replicas").asInt()).as(Kustomize.describe(d)).isEqualTo(1);
        }
        assertThat(Policies.ofKind(dev, "ScaledObject")).hasSize(5);
        assertThat(Policies.find(dev, "Cluster", "rhythm-pg").path("spec").path("instances").asInt()).isEqualTo(1);
        List<ObjectNode> deployments = Policies.ofKind(prod, "Deployment");
        assertThat(deployments).hasSize(6);
        for (ObjectNode d : deployments) {
            JsonNode pod = d.path("spec").path("template").path("spec");
            assertThat(d.path("spec").path("replicas").asInt()).as(Kustomize.describe(d)).isGreaterThanOrEqualTo(3);
            assertThat(pod.path("topologySpreadConstraints").findValuesAsText("topologyKey")).contains("topology.kubernetes.io/zone");
            assertThat(pod.path("affinity").path("podAntiAffinity").isEmpty()).isFalse();
            assertThat(d.path("spec").path("template").path("spec").path("containers").get(0).path("image").asText())
                    .matches("registry\\.example\\.com/rhythm/[a-z-]+:0\\.1\\.0");
        }
        for (ObjectNode h : Policies.ofKind(prod, "HorizontalPodAutoscaler")) {
            assertThat(h.path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(3);
        }
        assertThat(Policies.ofKind(prod, "ExternalSecret")).isNotEmpty();
        assertThat(Policies.find(prod, "Cluster", "rhythm-pg").path("spec").path("instances").asInt()).isEqualTo(3);
        assertThat(Policies.find(prod, "KafkaNodePool", "broker").path("spec").path("replicas").asInt()).isEqualTo(3);
    }

    @Test
    void realmImportIsTheRealmFileWithoutItsDemoUsers() throws IOException {
        ObjectNode realm = (ObjectNode) Yaml.JSON.readTree(repo.realm().toFile());
        ArrayNode users = realm.withArray("users");
        for (int i = users.size() - 1; i >= 0; i--) {
            if (!users.get(i).path("username").asText().startsWith("service-account-")) {
                users.remove(i);
            }
        }
        for (JsonNode c : realm.path("clients")) {
            if (c.path("secret").asText().startsWith("${RHYTHM_INTEGRATION_SECRET")) {
                ((ObjectNode) c).set("secret", new TextNode("${RHYTHM_INTEGRATION_SECRET}"));
            }
        }
        ObjectNode imported = Policies.find(Kustomize.render(overlay("prod")), "KeycloakRealmImport", "rhythm-realm");

        assertThat(imported.path("spec").path("realm"))
                .as("components/keycloak/realm-import.yaml must be deploy/keycloak/rhythm-realm.json without demo users: regenerate it (deploy/k8s/README.md)")
                .isEqualTo(realm);
    }

    /** Where kubectl is installed, its Kustomize renders exactly what ours does; the offline renderer never drifts from the real one. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void rendersAsKubectlKustomizeDoes(String overlay) throws Exception {
        assumeTrue(kubectl(), "kubectl is not installed: nothing to compare with");
        Process p = new ProcessBuilder("kubectl", "kustomize", overlay(overlay).toString()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();

        assertThat(byId(Kustomize.render(overlay(overlay)))).isEqualTo(byId(Yaml.readAll(out, "kubectl kustomize")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            run-as-root                | Deployment/health-service container health-service: must run as non-root
            writable-root-filesystem   | Deployment/nps-service container nps-service: readOnlyRootFilesystem must be true
            no-limits                  | Deployment/gateway container gateway: resources.limits.cpu must be set
            capabilities-kept          | Deployment/calendar-service container calendar-service: capabilities must drop ALL
            privilege-escalation       | Deployment/planning-service container planning-service: allowPrivilegeEscalation must be false
            no-seccomp                 | Deployment/segmentation-service container segmentation-service: seccompProfile must be RuntimeDefault
            probe-off-health           | readinessProbe must be an httpGet on /q/health/* (is '/ready')
            no-liveness                | Deployment/nps-service container nps-service: livenessProbe must be an httpGet on /q/health/*
            literal-password           | env QUARKUS_DATASOURCE_PASSWORD holds a literal secret value
            latest-tag                 | image 'registry.example.com/rhythm/gateway:latest' needs a tag other than latest
            secret-in-repo             | Secret/rhythm-db-health: a Secret with values in the repository
            unknown-field              | Deployment/gateway: schema: /spec/template/spec/containers/0: property 'resource' is not defined in the schema
            wrong-type                 | Deployment/gateway: schema: /spec/replicas: string found, integer expected
            no-network-policy          | Deployment/planning-service: no NetworkPolicy selects its pods
            no-default-deny            | no default-deny NetworkPolicy
            no-pdb                     | Deployment/calendar-service: no PodDisruptionBudget
            no-hpa                     | Deployment/segmentation-service: no HorizontalPodAutoscaler
            automount-token            | ServiceAccount/nps-service: automountServiceAccountToken must be false
            acl-too-wide               | KafkaUser/segmentation-service: writes [health.scores.v1, segmentation.deadletter.v1, segments.migrations.v1] but segmentation-service produces to [segmentation.deadletter.v1, segments.migrations.v1]
            acl-missing                | KafkaUser/health-service: reads [calendar.activities.v1, nps.responses.v1, planning.plans.v1, segments.migrations.v1] but health-service consumes [calendar.activities.v1, nps.responses.v1, planning.plans.v1, segments.migrations.v1, signals.ingest.v1]
            missing-topic              | topic nps.cases.v1 (deploy/kafka/topics.conf) has no KafkaTopic
            wrong-partitions           | KafkaTopic/signals-ingest-v1: 3 partitions, topics.conf says 6
            crd-unknown-field          | Kafka/rhythm-kafka: schema: /spec/kafka: property 'replicas' is not defined in the schema
            public-service             | Ingress/gateway: routes to 'health-service'; only the gateway is public
            """)
    void brokenManifestIsRejected(String fixture, String expected) {
        List<ObjectNode> objects = Kustomize.render(repo.k8s().resolve("src/test/resources/broken").resolve(fixture));

        assertThat(Manifests.problems(objects, schemas, repo)).anySatisfy(p -> assertThat(p).contains(expected));
    }

    @Test
    void everyBrokenFixtureIsTested() throws IOException {
        try (Stream<Path> dirs = Files.list(repo.k8s().resolve("src/test/resources/broken"))) {
            assertThat(dirs.filter(Files::isDirectory).count()).isEqualTo(25);
        }
    }

    @Test
    void kustomizeFeaturesTheRendererLacksAreRefused() {
        assertThatThrownBy(() -> Kustomize.render(repo.k8s().resolve("src/test/resources/broken/unsupported-kustomize-field")))
                .isInstanceOf(Kustomize.KustomizeException.class)
                .hasMessageContaining("field 'commonLabels' is not supported");
    }

    @Test
    void everyServiceHasAHardenedJvmImage() throws IOException {
        for (ObjectNode d : Policies.ofKind(Kustomize.render(overlay("prod")), "Deployment")) {
            String module = d.path("metadata").path("name").asText();
            Path dockerfile = repo.root().resolve(module).resolve("src/main/docker/Dockerfile.jvm");
            assertThat(dockerfile).as(module).isRegularFile();
            String text = Files.readString(dockerfile);
            assertThat(text).as(module).contains("USER 185").contains("quarkus-app/lib/").contains("MaxRAMPercentage");
        }
    }

    private static Path overlay(String name) {
        return repo.k8s().resolve("overlays").resolve(name);
    }

    private static List<String> kinds(List<ObjectNode> objects) {
        return objects.stream().map(o -> o.path("kind").asText()).distinct().toList();
    }

    private static Map<String, JsonNode> byId(List<ObjectNode> objects) {
        Map<String, JsonNode> m = new TreeMap<>();
        for (ObjectNode o : objects) {
            String id = o.path("apiVersion").asText() + "/" + o.path("kind").asText() + "/"
                    + o.path("metadata").path("namespace").asText() + "/" + o.path("metadata").path("name").asText();
            assertThat(m.put(id, o)).as("duplicate " + id).isNull();
        }
        return m;
    }

    private static boolean kubectl() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
