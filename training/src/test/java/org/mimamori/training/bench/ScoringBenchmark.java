package org.mimamori.training.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.data.Case;
import org.mimamori.model.data.CaseCsv;
import org.mimamori.model.schema.Item;
import org.mimamori.model.scoring.ExplainedScore;
import org.mimamori.model.scoring.Scorer;
import org.mimamori.model.value.Value;
import org.mimamori.training.pipeline.DemoModel;
import org.mimamori.training.synth.SynthWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-process scoring path the service runs for every request, on the demo model: resolving a case from
 * its recorded values (applicability, derived items), encoding, the exact explanation, the bootstrap
 * interval, warnings, red flags and band moves. Run with {@code bash bench/jmh-scoring.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScoringBenchmark {

    private static final int CASES = 1024;

    private Scorer scorer;
    private Case[] cases;
    private List<Map<String, Value>> recorded;
    private int next;

    /** Trains the demo model and reads 1,024 of its synthetic cases. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("mimamori-bench");
        ModelBundle bundle = ModelBundle.read(DemoModel.build(dir));
        scorer = bundle.scorer();
        List<Case> all = CaseCsv.read(bundle.schema(), dir.resolve("synthetic").resolve(SynthWriter.CASES)).cases();
        cases = all.subList(0, CASES).toArray(new Case[0]);
        recorded = new ArrayList<>();
        for (Case c : cases) {
            Map<String, Value> m = new LinkedHashMap<>();
            for (Item item : bundle.schema().items()) {
                Value v = c.get(item.id());
                if (!item.isDerived() && v.isKnown()) {
                    m.put(item.id(), v);
                }
            }
            recorded.add(m);
        }
    }

    /** Scores an already resolved case. */
    @Benchmark
    public ExplainedScore scoreResolvedCase() {
        return scorer.score(cases[next++ & (CASES - 1)]);
    }

    /** Resolves a case from recorded values (as the API receives them) and scores it. */
    @Benchmark
    public ExplainedScore resolveAndScore() {
        return scorer.score(Case.resolve(scorer.schema(), recorded.get(next++ & (CASES - 1))));
    }
}
