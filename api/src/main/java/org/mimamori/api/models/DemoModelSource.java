package org.mimamori.api.models;

import java.nio.file.Path;

/** Trains the demo model on seeded synthetic data and writes its bundle; used when the registry is empty. */
interface DemoModelSource {

    /**
     * Builds the demo bundle.
     *
     * @param workDir a directory to work in
     * @return the bundle file
     * @throws Exception when training fails
     */
    Path build(Path workDir) throws Exception;
}
