package org.mimamori.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every notebook in {@code notebooks/} headless, one test each, with {@code run.py} (nbclient and
 * Debian's Python kernel, {@code /usr/bin/python3}): a failing cell fails its test. The executed copies, with
 * outputs, go to {@code notebooks/target/executed/}; the runner's output is printed to the build log.
 */
class NotebooksIntegrationTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path DIR = Path.of(System.getProperty("mimamori.notebooks", "."));

  @TestFactory
  Stream<DynamicTest> everyNotebookRunsHeadless() throws IOException {
    List<Path> notebooks;
    try (Stream<Path> files = Files.list(DIR)) {
      notebooks = files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
    }
    assertFalse(notebooks.isEmpty(), "no notebook in " + DIR);
    return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> run(nb)));
  }

  private static void run(Path notebook) throws IOException, InterruptedException {
    assertTrue(Files.isExecutable(PYTHON), "Debian's python3 with Jupyter is needed at " + PYTHON
        + " (bash .ci/run installs it)");
    String name = notebook.getFileName().toString();
    Path log = DIR.resolve("target").resolve("executed").resolve(name.replace(".ipynb", ".log"));
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), DIR.resolve("run.py").toString(), name)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    // the notebooks' services share one copy of the embedded MariaDB's binaries (350 MB each otherwise):
    // mimamori.embedded-db-binaries, as Spring reads it from the environment
    pb.environment().put("MIMAMORI_EMBEDDEDDBBINARIES", DIR.resolve("target").resolve("mariadb-bin").toString());
    Process p = pb.start();
    boolean finished = p.waitFor(15, TimeUnit.MINUTES);
    if (!finished) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      p.waitFor(1, TimeUnit.MINUTES);
    }
    System.out.println(Files.readString(log));
    assertTrue(finished, name + " took more than 15 minutes");
    assertEquals(0, p.exitValue(), name + " failed (the failing cell is above, the executed copy in target/executed)");
  }
}
