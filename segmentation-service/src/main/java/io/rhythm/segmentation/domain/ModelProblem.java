package io.rhythm.segmentation.domain;

/** One thing wrong with a segment model: the JSON path of the field and what is wrong with it. */
public record ModelProblem(String field, String message) {
}
