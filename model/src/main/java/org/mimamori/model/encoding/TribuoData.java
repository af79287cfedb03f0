package org.mimamori.model.encoding;

import java.util.ArrayList;
import java.util.List;

import org.mimamori.model.data.Case;
import org.mimamori.model.schema.Item;
import org.mimamori.model.value.Value;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Turns encoded cases into Tribuo examples and datasets. Labels are {@link #POSITIVE} and {@link #NEGATIVE},
 * written exactly so (Tribuo would upper-case labels read by its own CSV loader).
 */
public final class TribuoData {

    /** The Tribuo label of a confirmed need (the schema label's positive value). */
    public static final Label POSITIVE = new Label("positive");
    /** The Tribuo label of every other labelled case. */
    public static final Label NEGATIVE = new Label("negative");

    private static final LabelFactory LABELS = new LabelFactory();

    private TribuoData() {
    }

    /** Whether a case's label is the positive value; cases with an unknown label must be left out before. */
    public static boolean isPositive(Case c) {
        Item label = c.schema().labelItem();
        Value v = c.get(label.id());
        if (!v.isKnown()) {
            throw new IllegalArgumentException("case has no label: " + label.id() + " is " + v);
        }
        return v.equals(label.positive());
    }

    /** One example of an encoded case. */
    public static Example<Label> example(CaseEncoder encoder, Case c, Label label) {
        return example(encoder, encoder.encode(c), label);
    }

    /** One example of a case already encoded by the encoder. */
    public static Example<Label> example(CaseEncoder encoder, EncodedCase e, Label label) {
        String[] names = new String[e.indices().length];
        for (int i = 0; i < names.length; i++) {
            names[i] = encoder.features().get(e.indices()[i]).name();
        }
        return new ArrayExample<>(label, names, e.values().clone());
    }

    /** A dataset of labelled cases. */
    public static MutableDataset<Label> dataset(CaseEncoder encoder, List<Case> cases, String description) {
        List<Example<Label>> examples = new ArrayList<>(cases.size());
        for (Case c : cases) {
            examples.add(example(encoder, c, isPositive(c) ? POSITIVE : NEGATIVE));
        }
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance(description, LABELS), LABELS);
        ds.addAll(examples);
        return ds;
    }
}
