package org.pacekpi.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The demo started exactly as the README's run command starts it ({@code demo.sh}), in its own folder and on the
 * build's reserved ports, without rebuilding: Karaf runs as a separate process, as it would for a user.
 */
final class DemoKaraf implements AutoCloseable {

    private final Path script;
    private final Map<String, String> environment;
    private final Path logs;
    private final String name;
    private Path log;

    private DemoKaraf(Path script, Map<String, String> environment, Path logs, String name) {
        this.script = script;
        this.environment = environment;
        this.logs = logs;
        this.name = name;
    }

    /** Runs {@code demo.sh start}, which returns once the dashboard is up and Pace has caught up. */
    static DemoKaraf start(String name, int httpPort, int sshPort, int rmiRegistryPort, int rmiServerPort) throws Exception {
        Path root = Path.of(KarafTestSupport.required("pace.root")).toRealPath();
        Path workDir = Path.of(KarafTestSupport.required("itest.work.dir"));
        Path runDir = workDir.resolve(name);
        Map<String, String> env = Map.of(
                "PACE_SKIP_BUILD", "1",
                "PACE_RUN_DIR", runDir.toString(),
                "PACE_HTTP_PORT", Integer.toString(httpPort),
                "PACE_SSH_PORT", Integer.toString(sshPort),
                "PACE_RMI_REGISTRY_PORT", Integer.toString(rmiRegistryPort),
                "PACE_RMI_SERVER_PORT", Integer.toString(rmiServerPort),
                "MAVEN_LOCAL_REPOSITORY", KarafTestSupport.required("maven.local.repository"));
        DemoKaraf demo = new DemoKaraf(root.resolve("demo.sh"), env, workDir, name);
        demo.run("clean", 2);
        demo.run("start", 8);
        return demo;
    }

    /** The output of the last demo.sh run, for failure messages. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private void run(String command, int minutes) throws Exception {
        log = logs.resolve(name + "-" + command + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", script.toString(), command))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("demo.sh " + command + " did not finish in " + minutes + " min:\n" + output());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("demo.sh " + command + " failed with exit code " + process.exitValue() + ":\n" + output());
        }
    }

    @Override
    public void close() throws Exception {
        run("stop", 2);
    }
}
