package io.rhythm.planning.workflow.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rhythm.platform.testing.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.rhythm.platform.testing.Api.anonymous;
import static io.rhythm.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four templates of seed 003 are shipped exactly as written: this test reads the seed's markdown (a verbatim copy
 * in src/test/resources/seeds) on its own and compares every name, tag, trigger, role, step (order, type, assignee,
 * description) and form field (label, type, required) with what the API serves.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class SeedTemplatesTest {

    private static final Map<String, String> STEP_TYPES = Map.of("Form", "FORM", "File Request", "FILE_REQUEST",
            "To-Do", "TODO", "Acknowledgement", "ACKNOWLEDGEMENT", "Approval", "APPROVAL", "Decision", "DECISION",
            "E-Sign", "E_SIGN");
    private static final Map<String, String> FIELD_TYPES = Map.of("Text (Single Line)", "TEXT_SINGLE_LINE",
            "Text (Multi Line)", "TEXT_MULTI_LINE", "Number", "NUMBER", "Date", "DATE", "Dropdown", "DROPDOWN");

    record SeedField(String label, String type, boolean required) {
    }

    record SeedStep(int number, String name, String type, String assignee, String description, List<SeedField> fields) {
    }

    record SeedTemplate(String name, List<String> tags, String complexity, String trigger, String description,
                        List<String> roles, List<SeedStep> steps) {
    }

    @Test
    void theFourSeedTemplatesArePresentExactlyAsWritten() throws IOException {
        List<SeedTemplate> seed = readSeed();
        assertThat(seed).extracting(SeedTemplate::name).containsExactly("Quarterly Business Review (QBR)", "Annual Renewal",
                "Client Health Check", "Billing Dispute Resolution");
        JsonPath served = as("cse").get("/api/v1/workflows/templates").then().statusCode(200).extract().jsonPath();
        for (SeedTemplate t : seed) {
            String at = "find { it.definition.name == '" + t.name() + "' && it.createdBy == 'seed-003' }";
            Map<String, Object> template = served.getMap(at);
            assertThat(template).as(t.name()).isNotNull();
            assertThat(served.getInt(at + ".version")).isEqualTo(1);
            String d = at + ".definition";
            assertThat(served.getList(d + ".tags", String.class)).as(t.name()).isEqualTo(t.tags());
            assertThat(served.getString(d + ".complexity")).isEqualTo(t.complexity());
            assertThat(served.getString(d + ".trigger.label")).isEqualTo(t.trigger());
            assertThat(served.getString(d + ".description")).isEqualTo(t.description());
            assertThat(served.getList(d + ".roles.name", String.class)).isEqualTo(t.roles());
            assertThat(served.getList(d + ".steps")).as(t.name() + " step count").hasSize(t.steps().size());
            for (SeedStep step : t.steps()) {
                String s = d + ".steps[" + (step.number() - 1) + "]";
                assertThat(served.getString(s + ".name")).isEqualTo(step.name());
                assertThat(served.getString(s + ".type")).as(step.name()).isEqualTo(step.type());
                assertThat(served.getString(s + ".assigneeRole")).as(step.name()).isEqualTo(step.assignee());
                assertThat(served.getString(s + ".description")).isEqualTo(step.description());
                assertThat(served.getList(s + ".fields.label", String.class)).as(step.name())
                        .isEqualTo(step.fields().stream().map(SeedField::label).toList());
                assertThat(served.getList(s + ".fields.type", String.class)).as(step.name())
                        .isEqualTo(step.fields().stream().map(SeedField::type).toList());
                assertThat(served.getList(s + ".fields.required", Boolean.class)).as(step.name())
                        .isEqualTo(step.fields().stream().map(SeedField::required).toList());
                for (int f = 0; f < step.fields().size(); f++) {
                    if (step.fields().get(f).type().equals("DROPDOWN")) {
                        assertThat(served.getList(s + ".fields[" + f + "].options")).as(step.fields().get(f).label()).isNotEmpty();
                    }
                }
            }
        }
        // the seed's counts, as a reader checks them
        assertThat(seed).extracting(t -> t.steps().size()).containsExactly(6, 8, 6, 8);
    }

    @Test
    void everyPersonMayReadTemplatesNobodyAnonymousNorIntegration() {
        as("marketing").get("/api/v1/workflows/templates").then().statusCode(200);
        anonymous().get("/api/v1/workflows/templates").then().statusCode(401);
        io.rhythm.platform.testing.Api.asIntegration().get("/api/v1/workflows/templates").then().statusCode(403);
        as("cse").get("/api/v1/workflows/templates/qbr/versions").then().statusCode(200);
        as("cse").get("/api/v1/workflows/templates/no-such-template/versions").then().statusCode(404);
        io.rhythm.platform.testing.Api.asIntegration().get("/api/v1/workflows/templates/qbr/versions").then().statusCode(403);
    }

    static List<SeedTemplate> readSeed() throws IOException {
        String text;
        try (InputStream in = SeedTemplatesTest.class.getResourceAsStream("/seeds/003_account_management_templates.md")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<SeedTemplate> templates = new ArrayList<>();
        String[] parts = text.split("\n## \\d+\\. ");
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            String name = part.lines().findFirst().orElseThrow().strip();
            Matcher meta = Pattern.compile("\\*\\*Tags\\*\\*: (.*?) \\| \\*\\*Complexity\\*\\*: (.*?) \\| \\*\\*Trigger\\*\\*: (.*)").matcher(part);
            assertThat(meta.find()).isTrue();
            Matcher description = Pattern.compile("\\*\\*Description\\*\\*: (.*)").matcher(part);
            assertThat(description.find()).isTrue();
            Matcher roles = Pattern.compile("\\*\\*Roles\\*\\*: (.*)").matcher(part);
            assertThat(roles.find()).isTrue();
            List<SeedStep> steps = new ArrayList<>();
            for (List<String> row : rows(part.split("### Steps")[1].split("####")[0])) {
                steps.add(new SeedStep(Integer.parseInt(row.get(0)), row.get(1), STEP_TYPES.get(row.get(2)), row.get(3), row.get(4),
                        new ArrayList<>()));
            }
            Matcher forms = Pattern.compile("#### Step (\\d+): .*? — Form Fields\\n(.*?)(?=\\n####|\\n---|\\z)", Pattern.DOTALL).matcher(part);
            while (forms.find()) {
                List<SeedField> fields = steps.get(Integer.parseInt(forms.group(1)) - 1).fields();
                for (List<String> row : rows(forms.group(2))) {
                    fields.add(new SeedField(row.get(0), FIELD_TYPES.get(row.get(1)), row.get(2).equals("Yes")));
                }
            }
            templates.add(new SeedTemplate(name, split(meta.group(1)), meta.group(2).strip(), meta.group(3).strip(),
                    description.group(1).strip(), split(roles.group(1)), steps));
        }
        return templates;
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).toList();
    }

    private static List<List<String>> rows(String block) {
        List<List<String>> rows = block.lines().filter(l -> l.startsWith("|") && !l.matches("^\\|[-| ]+\\|$"))
                .map(l -> Arrays.stream(l.strip().replaceAll("^\\||\\|$", "").split("\\|")).map(String::strip).toList())
                .toList();
        return rows.subList(1, rows.size());
    }
}
