package io.rhythm.planning.workflow.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.rhythm.platform.web.problem.FieldError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A workflow template's content: what is stored (as JSON) for each template version, and what an admin posts to
 * create a version. Plain data; {@link #problems()} checks what Bean Validation cannot (references between parts).
 */
public record WorkflowDefinition(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'")
        String key,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 2000) String description,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 60) String> tags,
        @Size(max = 60) String complexity,
        @NotNull @Valid Trigger trigger,
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> useCases,
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> requirements,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid Role> roles,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid Step> steps) {

    public WorkflowDefinition {
        useCases = useCases == null ? List.of() : useCases;
        requirements = requirements == null ? List.of() : requirements;
    }

    /** What starts an instance; {@code kind} MANUAL, QUARTERLY_CADENCE, RENEWAL_WINDOW_OPENED, HEALTH_SCORE_DROP, BILLING_DISPUTE_OPENED. */
    public record Trigger(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z_]+", message = "must be an upper-case trigger kind") String kind,
            @NotBlank @Size(max = 200) String label) {
    }

    /** A role of the template; an internal one names the realm roles that hold it (admin always does). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Role(@NotBlank @Size(max = 60) String name, @NotNull RoleSide side,
                       @Size(max = 8) List<@NotBlank @Size(max = 30) String> realmRoles) {
        public Role {
            realmRoles = realmRoles == null ? List.of() : realmRoles;
        }
    }

    public record Step(@NotBlank @Size(max = 200) String name, @NotNull StepType type,
                       @NotBlank @Size(max = 60) String assigneeRole,
                       @NotBlank @Size(max = 2000) String description,
                       @NotNull @Min(1) @Max(365) Integer dueDays,
                       @Size(max = 40) List<@NotNull @Valid Field> fields,
                       @Size(max = 10) List<@NotNull @Valid Outcome> outcomes) {
        public Step {
            fields = fields == null ? List.of() : fields;
            outcomes = outcomes == null ? List.of() : outcomes;
        }

        public Optional<Outcome> outcome(String key) {
            return outcomes.stream().filter(o -> o.key().equals(key)).findFirst();
        }
    }

    public record Field(@NotBlank @Size(max = 60) @Pattern(regexp = "[a-z][A-Za-z0-9]*", message = "must be camelCase") String key,
                        @NotBlank @Size(max = 200) String label, @NotNull FieldType type, @NotNull Boolean required,
                        @Size(max = 50) List<@NotBlank @Size(max = 200) String> options) {
        public Field {
            options = options == null ? List.of() : options;
        }
    }

    /** A decision's possible outcome; {@code endsWorkflow} ends the instance, {@code attritionRisk} flags it as one. */
    public record Outcome(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z_]+", message = "must be UPPER_CASE") String key,
                          @NotBlank @Size(max = 200) String label, Boolean endsWorkflow, Boolean attritionRisk) {
        public boolean ends() {
            return Boolean.TRUE.equals(endsWorkflow);
        }

        public boolean marksAttritionRisk() {
            return Boolean.TRUE.equals(attritionRisk);
        }
    }

    public Optional<Role> role(String name) {
        return roles.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Step i (1-based). */
    public Step step(int position) {
        return steps.get(position - 1);
    }

    /** Cross-references Bean Validation cannot check: field errors with JSON paths, empty when consistent. */
    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        Set<String> roleNames = new HashSet<>();
        for (int r = 0; r < roles.size(); r++) {
            Role role = roles.get(r);
            if (!roleNames.add(role.name())) {
                problems.add(new FieldError("roles[" + r + "].name", "is used twice"));
            }
            if (role.side() == RoleSide.INTERNAL && role.realmRoles().isEmpty()) {
                problems.add(new FieldError("roles[" + r + "].realmRoles", "an internal role needs at least one realm role"));
            }
            if (role.side() == RoleSide.CLIENT && !role.realmRoles().isEmpty()) {
                problems.add(new FieldError("roles[" + r + "].realmRoles", "a client role has no realm roles"));
            }
        }
        for (int s = 0; s < steps.size(); s++) {
            Step step = steps.get(s);
            String at = "steps[" + s + "]";
            if (!roleNames.contains(step.assigneeRole())) {
                problems.add(new FieldError(at + ".assigneeRole", "must be one of the template's roles " + roleNames));
            }
            if (step.type() != StepType.FORM && !step.fields().isEmpty()) {
                problems.add(new FieldError(at + ".fields", "only a Form step has fields"));
            }
            if (step.type() == StepType.DECISION && step.outcomes().size() < 2) {
                problems.add(new FieldError(at + ".outcomes", "a Decision needs at least two outcomes"));
            }
            if (step.type() != StepType.DECISION && !step.outcomes().isEmpty()) {
                problems.add(new FieldError(at + ".outcomes", "only a Decision step has outcomes"));
            }
            Set<String> keys = new HashSet<>();
            for (int f = 0; f < step.fields().size(); f++) {
                Field field = step.fields().get(f);
                if (!keys.add(field.key())) {
                    problems.add(new FieldError(at + ".fields[" + f + "].key", "is used twice in this step"));
                }
                if (field.type() == FieldType.DROPDOWN && field.options().isEmpty()) {
                    problems.add(new FieldError(at + ".fields[" + f + "].options", "a Dropdown needs options"));
                }
                if (field.type() != FieldType.DROPDOWN && !field.options().isEmpty()) {
                    problems.add(new FieldError(at + ".fields[" + f + "].options", "only a Dropdown has options"));
                }
            }
            Set<String> outcomeKeys = new HashSet<>();
            for (int o = 0; o < step.outcomes().size(); o++) {
                if (!outcomeKeys.add(step.outcomes().get(o).key())) {
                    problems.add(new FieldError(at + ".outcomes[" + o + "].key", "is used twice in this step"));
                }
            }
        }
        return problems;
    }
}
