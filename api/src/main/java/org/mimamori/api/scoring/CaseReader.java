package org.mimamori.api.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.model.data.Case;
import org.mimamori.model.data.CaseProblem;
import org.mimamori.model.data.InvalidCaseException;
import org.mimamori.model.schema.InvalidValueException;
import org.mimamori.model.data.ValueParser;
import org.mimamori.model.schema.DidYouMean;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.value.Value;

/**
 * Reads the {@code items} object of a score request into a {@link Case}, by the conventions of
 * {@link ValueParser#fromJson}: left out, {@code null} or {@code "unknown"} is unknown; {@code "not_applicable"}
 * is not applicable; yes/no as {@code true}/{@code false}, {@code "yes"}/{@code "no"} or {@code 1}/{@code 0}.
 * Every problem is collected, each naming its field ({@code items.<id>}).
 */
final class CaseReader {

    private CaseReader() {
    }

    /**
     * @throws InvalidRequestException naming every unknown item, item not used for scoring, or bad value
     */
    static Case read(FeatureSchema schema, Map<String, Object> items) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Value> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : items.entrySet()) {
            String field = "items." + e.getKey();
            Optional<Item> item = schema.item(e.getKey());
            if (item.isEmpty()) {
                LocalizedText guess = DidYouMean.of(e.getKey(), schema.items().stream().map(Item::id).toList());
                problems.add(new FieldProblem(field, "スキーマ " + schema.id() + " の項目ではありません" + guess.ja(),
                        "is not an item of schema " + schema.id() + guess.en()));
                continue;
            }
            LocalizedText refusal = item.get().role() == org.mimamori.model.schema.Role.REFERENCE_ID
                    ? new LocalizedText("子どもの参照番号です。childRef として送ってください",
                            "is the child's reference; send it as childRef") : item.get().whyNotSentForScoring();
            if (refusal != null) {
                problems.add(new FieldProblem(field, refusal));
                continue;
            }
            try {
                values.put(e.getKey(), ValueParser.fromJson(item.get(), e.getValue()));
            } catch (InvalidValueException ex) {
                problems.add(new FieldProblem(field, ex.text()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        try {
            return Case.resolve(schema, values);
        } catch (InvalidCaseException ex) {
            throw new InvalidRequestException(ex.problems().stream().map(CaseReader::problem).toList());
        }
    }

    private static FieldProblem problem(CaseProblem p) {
        return new FieldProblem("items." + p.field(), p.text());
    }
}
