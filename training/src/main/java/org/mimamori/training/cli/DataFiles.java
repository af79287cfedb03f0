package org.mimamori.training.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import org.mimamori.model.data.CaseCsv;
import org.mimamori.model.schema.FeatureSchema;

/** Reading case files for the commands, with the notes a data scientist needs. */
final class DataFiles {

    private DataFiles() {
    }

    /**
     * Reads a case file, telling which schema items had no column.
     *
     * @throws org.mimamori.model.data.InvalidCaseException summarising invalid columns and cells per column
     */
    static CaseCsv.Read read(FeatureSchema schema, Path file, PrintWriter notes) throws IOException {
        CaseCsv.Read read = CaseCsv.read(schema, file);
        if (!read.missingColumns().isEmpty()) {
            notes.println("note: " + file.getFileName() + " has no column for " + read.missingColumns()
                    + "; these items are unknown in every case");
        }
        return read;
    }
}
