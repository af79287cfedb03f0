package org.mimamori.api.models;

import java.nio.file.Path;

import org.mimamori.training.pipeline.DemoModel;
import org.springframework.stereotype.Component;

/** The training module's {@link DemoModel}: seeded synthetic children, never real ones. */
@Component
class TrainingDemoModelSource implements DemoModelSource {

    @Override
    public Path build(Path workDir) throws Exception {
        return DemoModel.build(workDir);
    }
}
