package org.mimamori.model.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A position in a composed YAML document that knows its document path and line, so that every problem can
 * be reported where it is. Reading never throws: a wrong shape is recorded as a problem and read as absent.
 */
final class YamlCursor {

    private final Node node;
    private final String path;
    private final String source;
    private final List<SchemaProblem> problems;

    YamlCursor(Node node, String path, String source, List<SchemaProblem> problems) {
        this.node = node;
        this.path = path;
        this.source = source;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    /** Records a problem at this position. */
    void problem(LocalizedText text) {
        problems.add(new SchemaProblem(source, node.getStartMark().getLine() + 1,
                node.getStartMark().getColumn() + 1, path, text));
    }

    /** Records a problem at this position, in Japanese and English. */
    void problem(String ja, String en) {
        problem(new LocalizedText(ja, en));
    }

    /** The entries of a mapping whose keys are names the document chooses; empty when this is no mapping. */
    Map<String, YamlCursor> mapping() {
        return mapping(null);
    }

    /**
     * The entries of a mapping, reporting keys outside {@code allowed} (any key when null); empty when this is
     * no mapping.
     */
    Map<String, YamlCursor> mapping(Set<String> allowed) {
        Map<String, YamlCursor> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode m)) {
            problem("キーと値の対応（マッピング）でなければなりません", "expected a mapping of keys to values");
            return out;
        }
        for (NodeTuple t : m.getValue()) {
            YamlCursor key = new YamlCursor(t.getKeyNode(), path, source, problems);
            String k = key.text();
            if (k == null) {
                continue;
            }
            YamlCursor value = new YamlCursor(t.getValueNode(), path.isEmpty() ? k : path + "." + k, source, problems);
            if (allowed != null && !allowed.contains(k)) {
                List<String> keys = allowed.stream().sorted().toList();
                LocalizedText guess = DidYouMean.of(k, keys);
                value.problem("キー '" + k + "' は使えません（使えるキー：" + String.join(", ", keys) + "）" + guess.ja(),
                        "unknown key '" + k + "' (allowed: " + String.join(", ", keys) + ")" + guess.en());
                continue;
            }
            out.put(k, value);
        }
        return out;
    }

    /** The elements of a sequence; empty when this is no sequence. */
    List<YamlCursor> sequence() {
        List<YamlCursor> out = new ArrayList<>();
        if (!(node instanceof SequenceNode s)) {
            problem("リストでなければなりません", "expected a list");
            return out;
        }
        List<Node> values = s.getValue();
        for (int i = 0; i < values.size(); i++) {
            out.add(new YamlCursor(values.get(i), path + "[" + i + "]", source, problems));
        }
        return out;
    }

    /** True when this is a mapping. */
    boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** True when this is the YAML null {@code ~} (or an empty value). */
    boolean isNull() {
        return node instanceof ScalarNode s && (s.getValue().equals("~") || s.getValue().isEmpty()
                || s.getValue().equals("null"));
    }

    /** The scalar text, or null (with a problem) when this is no scalar. */
    String text() {
        if (!(node instanceof ScalarNode s)) {
            problem("単一の値でなければなりません", "expected a single value");
            return null;
        }
        return s.getValue();
    }

    /** The scalar as a number, or null (with a problem). */
    Double number() {
        String t = text();
        if (t == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(t.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem("数値でなければなりませんが、'" + t + "' です", "expected a number, got '" + t + "'");
        return null;
    }

    /** The scalar as a whole number, or null (with a problem). */
    Integer integer() {
        Double d = number();
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            String t = text();
            problem("整数でなければなりませんが、'" + t + "' です", "expected a whole number, got '" + t + "'");
            return null;
        }
        return d.intValue();
    }

    /** The scalar as a boolean, or null (with a problem). */
    Boolean bool() {
        String t = text();
        if (t == null) {
            return null;
        }
        return switch (t.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes" -> Boolean.TRUE;
            case "false", "no" -> Boolean.FALSE;
            default -> {
                problem("true か false でなければなりませんが、'" + t + "' です", "expected true or false, got '" + t + "'");
                yield null;
            }
        };
    }

    /** A text in Japanese and English: either a plain string or a mapping with {@code ja} and/or {@code en}. */
    LocalizedText localized() {
        if (node instanceof ScalarNode) {
            String t = text();
            return t == null || t.isBlank() ? null : LocalizedText.of(t);
        }
        Map<String, YamlCursor> m = mapping(Set.of("ja", "en"));
        String ja = m.containsKey("ja") ? m.get("ja").text() : null;
        String en = m.containsKey("en") ? m.get("en").text() : null;
        if (ja == null && en == null) {
            problem("文、または 'ja' と 'en' の一方か両方の文でなければなりません",
                    "expected a text, or 'ja' and/or 'en' texts");
            return null;
        }
        return new LocalizedText(ja, en);
    }
}
