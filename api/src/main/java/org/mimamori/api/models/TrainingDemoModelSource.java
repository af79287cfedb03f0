package org.mimamori.api.models;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

/** The demo model of the training module ({@code org.mimamori.training.pipeline.DemoModel}). */
@Component
class TrainingDemoModelSource implements DemoModelSource {

    @Override
    public Path build(Path workDir) throws Exception {
        // Until the training module's DemoModel lands, it is looked up by name.
        Class<?> demo = Class.forName("org.mimamori.training.pipeline.DemoModel");
        return (Path) demo.getMethod("build", Path.class).invoke(null, workDir);
    }
}
