package org.mimamori.model.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads and validates {@link FeatureSchema} YAML files. Validation collects <em>every</em> problem, each with
 * its file, line, column and document path, and throws them together as an {@link InvalidSchemaException}.
 * The format is described in {@code docs/data.md}.
 */
public final class SchemaLoader {

    /** The id of the schema that ships with Mimamori. */
    public static final String DEFAULT_SCHEMA = "child-support-v1";

    private static final String RESOURCE_DIR = "/org/mimamori/model/schema/";

    private SchemaLoader() {
    }

    /** The built-in default schema {@value #DEFAULT_SCHEMA}. */
    public static FeatureSchema loadDefault() {
        return loadBuiltIn(DEFAULT_SCHEMA);
    }

    /** A schema shipped inside the model library, by id (e.g. {@code child-support-v1}). */
    public static FeatureSchema loadBuiltIn(String id) {
        String resource = RESOURCE_DIR + id + ".yaml";
        try (InputStream in = SchemaLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidValueException(new LocalizedText("組み込みのスキーマ「" + id + "」はありません",
                        "no built-in schema '" + id + "'"));
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), id + ".yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a schema file. */
    public static FeatureSchema load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Loads a schema file, or the default schema when {@code file} is null. */
    public static FeatureSchema loadOrDefault(Path file) throws IOException {
        return file == null ? loadDefault() : load(file);
    }

    /**
     * Parses and validates schema text.
     *
     * @param yaml       the YAML text
     * @param sourceName the name used in problem locations (usually the file name)
     * @throws InvalidSchemaException listing every problem found
     */
    public static FeatureSchema parse(String yaml, String sourceName) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(new java.io.StringReader(yaml));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new InvalidSchemaException(List.of(new SchemaProblem(sourceName,
                    mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    "(document)", new LocalizedText("YAML として正しくありません（" + e.getProblem() + "）",
                    "not valid YAML: " + e.getProblem()))));
        } catch (RuntimeException e) {
            throw new InvalidSchemaException(List.of(new SchemaProblem(sourceName, 0, 0, "(document)",
                    new LocalizedText("YAML として正しくありません（" + e.getMessage() + "）",
                            "not valid YAML: " + e.getMessage()))));
        }
        List<SchemaProblem> problems = new ArrayList<>();
        FeatureSchema schema = new SchemaReader(sourceName, yaml, problems).read(root);
        if (!problems.isEmpty()) {
            throw new InvalidSchemaException(problems);
        }
        return schema;
    }
}
