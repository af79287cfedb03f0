package org.mimamori.client.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the generated Python client's tests ({@code src/test/python/test_client.py}) against the packaged service
 * over real HTTP: {@code run_it.py} starts {@code api/target/mimamori-api.jar} on a free port with its own data
 * directory, runs the tests with Debian's Python ({@code /usr/bin/python3}, which has pydantic 1, urllib3 and
 * dateutil from apt) and stops the service. Its output (unittest's report, and where the service log is) is kept
 * in {@code target/python-client-it.log} and printed to the build log. After a failure {@code run_it.py} adds a
 * thread dump and the ends of the service's and its database's logs, and the failure's message carries the end of
 * the report and the service's last errors.
 */
class PythonClientIntegrationTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @Test
  void generatedClientPassesItsTestsAgainstTheRunningService() throws IOException, InterruptedException {
    assertTrue(Files.isExecutable(PYTHON), "Debian's python3 is needed at " + PYTHON + " (bash .ci/run installs it)");
    Path apiJar = Path.of(System.getProperty("mimamori.api.jar"));
    assertTrue(Files.isRegularFile(apiJar), "the service jar is built first: " + apiJar);
    Path tests = Path.of(System.getProperty("mimamori.python.tests"));
    Path work = Path.of(System.getProperty("mimamori.it.work"));
    Path log = work.resolveSibling("python-client-it.log");
    Files.createDirectories(log.getParent());
    Process p = new ProcessBuilder(List.of(PYTHON.toString(), tests.resolve("run_it.py").toString(),
            "--api-jar", apiJar.toString(),
            "--client-dir", System.getProperty("mimamori.python.client"),
            "--work", work.toString()))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    boolean finished = p.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      p.waitFor(1, TimeUnit.MINUTES);
    }
    String output = Files.readString(log);
    System.out.println(output);
    assertTrue(finished, "the Python client's tests took more than 10 minutes; their output ends:\n" + summary(output));
    assertEquals(0, p.exitValue(), "the Python client's tests failed; their output ends:\n" + summary(output));
  }

  /**
   * What a failure's message carries, since a build's summary may show only the message: the end of the tests'
   * own report (before run_it.py's dump of the service), the service log's last errors and warnings, and the Java
   * and MariaDB processes that were running.
   */
  static String summary(String output) {
    int dump = output.indexOf("---- the end of the service's log");
    int processes = output.indexOf("---- java and mariadbd processes");
    List<String> report = (dump < 0 ? output : output.substring(0, dump)).lines().toList();
    List<String> serviceProblems = dump < 0 ? List.of() : output.substring(dump).lines()
        .filter(l -> l.contains(" ERROR ") || l.contains(" WARN ") || l.startsWith("Caused by:")).toList();
    return String.join("\n", report.subList(Math.max(0, report.size() - 30), report.size()))
        + (serviceProblems.isEmpty() ? "" : "\nthe service's last errors and warnings:\n" + String.join("\n",
            serviceProblems.subList(Math.max(0, serviceProblems.size() - 12), serviceProblems.size())))
        + (processes < 0 ? "" : "\n" + output.substring(processes).strip());
  }
}
