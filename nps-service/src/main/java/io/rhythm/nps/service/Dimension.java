package io.rhythm.nps.service;

import io.rhythm.platform.web.problem.ApiException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What NPS figures are broken down by ({@code ?groupBy=}). */
public enum Dimension {

    CLIENT("client"),
    SEGMENT("segment"),
    BUSINESS_UNIT("businessUnit"),
    CSE("cse"),
    CAM("cam");

    private final String parameter;

    Dimension(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** @throws ApiException 400 on the {@code groupBy} field for anything else */
    public static Dimension parse(String value, Dimension... allowed) {
        Dimension[] options = allowed.length == 0 ? values() : allowed;
        if (value != null) {
            for (Dimension d : options) {
                if (d.parameter.equalsIgnoreCase(value.strip()) || d.name().equalsIgnoreCase(value.strip())) {
                    return d;
                }
            }
        }
        throw ApiException.invalid("groupBy", "must be one of " + Arrays.stream(options).map(Dimension::parameter)
                .collect(Collectors.joining(", ")) + (value == null ? "" : ", was '" + value + "'"));
    }
}
