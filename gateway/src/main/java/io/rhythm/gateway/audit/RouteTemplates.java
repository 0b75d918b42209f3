package io.rhythm.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a request path into what the audit log may keep: the route template of the operation (from the merged
 * OpenAPI document) and the ids among its path parameters. A parameter that is not an id (a survey link's token,
 * an ics feed secret) is never kept, only its {@code {name}} in the template. A path no template matches keeps its
 * literal segments; every other segment becomes {@code {value}}, UUIDs also being kept as target ids.
 */
public final class RouteTemplates {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern LITERAL = Pattern.compile("[a-z][a-z-]{0,39}");

    private final List<Template> templates;

    private RouteTemplates(List<Template> templates) {
        this.templates = templates;
    }

    public static RouteTemplates none() {
        return new RouteTemplates(List.of());
    }

    /** From an OpenAPI document's {@code paths}; the most literal template wins when several match. */
    public static RouteTemplates of(JsonNode openApi) {
        List<Template> templates = new ArrayList<>();
        openApi.path("paths").fieldNames().forEachRemaining(path -> templates.add(Template.of(path)));
        templates.sort(Comparator.comparingInt(Template::parameters).thenComparing(t -> -t.path().length()));
        return new RouteTemplates(templates);
    }

    public Route resolve(String path) {
        for (Template template : templates) {
            Matcher matcher = template.pattern().matcher(path);
            if (matcher.matches()) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < template.names().size(); i++) {
                    String name = template.names().get(i);
                    String value = matcher.group(i + 1);
                    if ((name.equals("id") || name.endsWith("Id") || name.endsWith("_id")) && isId(value)) {
                        ids.add(value);
                    }
                }
                return new Route(template.path(), ids);
            }
        }
        return fallback(path);
    }

    public static Route fallback(String path) {
        StringBuilder route = new StringBuilder();
        List<String> ids = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            route.append('/');
            if (UUID_LIKE.matcher(segment).matches()) {
                ids.add(segment.toLowerCase());
                route.append("{id}");
            } else if (LITERAL.matcher(segment).matches() || segment.equals("v1")) {
                route.append(segment);
            } else {
                route.append("{value}");
            }
        }
        return new Route(route.isEmpty() ? "/" : route.toString(), ids);
    }

    /** An id worth keeping: a UUID or a short number (never a long opaque string, which may be a secret). */
    private static boolean isId(String value) {
        return UUID_LIKE.matcher(value).matches() || value.matches("[0-9]{1,19}");
    }

    public record Route(String template, List<String> targetIds) {
    }

    private record Template(String path, Pattern pattern, List<String> names) {

        static Template of(String path) {
            Matcher matcher = PARAMETER.matcher(path);
            StringBuilder regex = new StringBuilder();
            List<String> names = new ArrayList<>();
            int last = 0;
            while (matcher.find()) {
                regex.append(Pattern.quote(path.substring(last, matcher.start()))).append("([^/]+)");
                names.add(matcher.group(1));
                last = matcher.end();
            }
            regex.append(Pattern.quote(path.substring(last)));
            return new Template(path, Pattern.compile(regex.toString()), List.copyOf(names));
        }

        int parameters() {
            return names.size();
        }
    }
}
