package io.rhythm.segmentation.service;

import io.rhythm.platform.web.problem.ApiException;
import io.rhythm.platform.web.problem.FieldError;
import io.rhythm.segmentation.api.ModelDocument;
import io.rhythm.segmentation.domain.ActivityType;
import io.rhythm.segmentation.domain.AxisBand;
import io.rhythm.segmentation.domain.BandRange;
import io.rhythm.segmentation.domain.Cadence;
import io.rhythm.segmentation.domain.ConfirmationRule;
import io.rhythm.segmentation.domain.Segment;
import io.rhythm.segmentation.domain.SegmentDefinition;
import io.rhythm.segmentation.domain.SegmentModel;
import io.rhythm.segmentation.domain.SpendBasis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Converts between the API/stored document of a model and the domain model, collecting every problem as a field error. */
public final class ModelCodec {

    private ModelCodec() {
    }

    /** @throws ApiException 400 listing every invalid field */
    public static SegmentModel toModel(int version, ModelDocument doc) {
        List<FieldError> errors = new ArrayList<>();
        List<BandRange> satisfaction = bands("satisfaction.bands", doc.satisfaction().bands(), errors);
        Optional<SpendBasis> basis = parseEnum(SpendBasis.class, doc.spend().basis());
        if (basis.isEmpty()) {
            errors.add(new FieldError("spend.basis", "must be one of " + Arrays.toString(SpendBasis.values())));
        }
        List<BandRange> spend = bands("spend.bands", doc.spend().bands(), errors);
        Map<AxisBand, Map<AxisBand, Segment>> grid = new EnumMap<>(AxisBand.class);
        doc.grid().forEach((satKey, row) -> {
            Optional<AxisBand> sat = parseEnum(AxisBand.class, satKey);
            if (sat.isEmpty()) {
                errors.add(new FieldError("grid." + satKey, "must be LOW, MODERATE or HIGH"));
                return;
            }
            Map<AxisBand, Segment> cells = grid.computeIfAbsent(sat.get(), k -> new EnumMap<>(AxisBand.class));
            row.forEach((spendKey, code) -> {
                Optional<AxisBand> sp = parseEnum(AxisBand.class, spendKey);
                Optional<Segment> segment = Segment.parse(code);
                if (sp.isEmpty()) {
                    errors.add(new FieldError("grid." + satKey + "." + spendKey, "must be LOW, MODERATE or HIGH"));
                } else if (segment.isEmpty()) {
                    errors.add(new FieldError("grid." + satKey + "." + spendKey, "must be one of " + Arrays.toString(Segment.values())));
                } else {
                    cells.put(sp.get(), segment.get());
                }
            });
        });
        List<SegmentDefinition> segments = new ArrayList<>();
        for (int i = 0; i < doc.segments().size(); i++) {
            ModelDocument.SegmentEntry entry = doc.segments().get(i);
            Optional<Segment> code = Segment.parse(entry.code());
            if (code.isEmpty()) {
                errors.add(new FieldError("segments[" + i + "].code", "must be one of " + Arrays.toString(Segment.values())));
                continue;
            }
            Map<ActivityType, Cadence> cadences = new EnumMap<>(ActivityType.class);
            for (var cadence : entry.cadences().entrySet()) {
                Optional<ActivityType> type = ActivityType.parse(cadence.getKey());
                Optional<Cadence> value = Cadence.parse(cadence.getValue());
                String at = "segments[" + i + "].cadences." + cadence.getKey();
                if (type.isEmpty()) {
                    errors.add(new FieldError(at, "is not an activity type; one of " + Arrays.toString(ActivityType.values())));
                } else if (value.isEmpty()) {
                    errors.add(new FieldError(at, "must be one of " + Arrays.toString(Cadence.values())));
                } else {
                    cadences.put(type.get(), value.get());
                }
            }
            segments.add(new SegmentDefinition(code.get(), entry.definition() == null ? code.get().displayName() : entry.definition().strip(),
                    entry.csStrategy().strip(), entry.salesStrategy().strip(), cadences));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        SegmentModel model = new SegmentModel(version, doc.name().strip(), doc.satisfaction().npsWeight(),
                doc.satisfaction().healthWeight(), doc.satisfaction().npsWindowDays(), satisfaction, basis.get(),
                doc.spend().currency(), spend, grid,
                new ConfirmationRule(doc.confirmation().consecutiveInputs(), doc.confirmation().days()), segments);
        List<FieldError> problems = model.problems().stream().map(p -> new FieldError(p.field(), p.message())).toList();
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return model;
    }

    public static ModelDocument toDocument(SegmentModel model) {
        Map<String, Map<String, String>> grid = new LinkedHashMap<>();
        model.grid().forEach((sat, row) -> {
            Map<String, String> cells = new LinkedHashMap<>();
            row.forEach((spend, segment) -> cells.put(spend.name(), segment.name()));
            grid.put(sat.name(), cells);
        });
        List<ModelDocument.SegmentEntry> segments = model.segments().stream().map(s -> {
            Map<String, String> cadences = new LinkedHashMap<>();
            for (ActivityType type : ActivityType.values()) {
                cadences.put(type.name(), s.cadence(type).name());
            }
            return new ModelDocument.SegmentEntry(s.code().name(), s.definition(), s.csStrategy(), s.salesStrategy(), cadences);
        }).toList();
        return new ModelDocument(model.name(),
                new ModelDocument.Satisfaction(model.npsWeight(), model.healthWeight(), model.npsWindowDays(), bandDocs(model.satisfactionBands())),
                new ModelDocument.Spend(model.spendBasis().name(), model.spendCurrency(), bandDocs(model.spendBands())),
                grid, new ModelDocument.Confirmation(model.confirmation().consecutiveInputs(), model.confirmation().days()), segments);
    }

    private static List<ModelDocument.Band> bandDocs(List<BandRange> bands) {
        return bands.stream().map(b -> new ModelDocument.Band(b.band().name(), b.from(), b.to())).toList();
    }

    private static List<BandRange> bands(String field, List<ModelDocument.Band> bands, List<FieldError> errors) {
        List<BandRange> ranges = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            ModelDocument.Band band = bands.get(i);
            Optional<AxisBand> name = parseEnum(AxisBand.class, band.band());
            if (name.isEmpty()) {
                errors.add(new FieldError(field + "[" + i + "].band", "must be LOW, MODERATE or HIGH"));
            } else {
                ranges.add(new BandRange(name.get(), band.from(), band.to()));
            }
        }
        return ranges;
    }

    static <E extends Enum<E>> Optional<E> parseEnum(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(key)).findFirst();
    }
}
