package org.pacekpi.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The demo started exactly as the README's run command starts it ({@code demo.sh}), in its own folder and on the
 * build's reserved ports, without rebuilding: Karaf runs as a separate process, as it would for a user, so a test can
 * also kill it hard.
 */
final class DemoKaraf implements AutoCloseable {

    private final Path script;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path runDir;
    private final String name;
    private Path log;

    private DemoKaraf(String name, Map<String, String> environment) throws IOException {
        this.script = Path.of(KarafTestSupport.required("pace.root")).toRealPath().resolve("demo.sh");
        this.workDir = Path.of(KarafTestSupport.required("itest.work.dir"));
        this.runDir = workDir.resolve(name);
        this.name = name;
        this.environment = new HashMap<>(environment);
        this.environment.put("PACE_SKIP_BUILD", "1");
        this.environment.put("PACE_RUN_DIR", runDir.toString());
        this.environment.put("MAVEN_LOCAL_REPOSITORY", KarafTestSupport.required("maven.local.repository"));
    }

    /**
     * A demo in {@code target/<name>} on the ports reserved under {@code itest.<portsPrefix>.*}, with extra
     * environment for demo.sh (e.g. a bigger simulated team); its folder is cleaned first.
     */
    static DemoKaraf prepare(String name, String portsPrefix, Map<String, String> extraEnvironment) throws Exception {
        Map<String, String> env = new HashMap<>(extraEnvironment);
        env.put("PACE_HTTP_PORT", KarafTestSupport.required("itest." + portsPrefix + ".http.port"));
        env.put("PACE_SSH_PORT", KarafTestSupport.required("itest." + portsPrefix + ".ssh.port"));
        env.put("PACE_RMI_REGISTRY_PORT", KarafTestSupport.required("itest." + portsPrefix + ".rmi.registry.port"));
        env.put("PACE_RMI_SERVER_PORT", KarafTestSupport.required("itest." + portsPrefix + ".rmi.server.port"));
        DemoKaraf demo = new DemoKaraf(name, env);
        demo.run("clean", 2, Map.of());
        return demo;
    }

    /** The HTTP port. */
    int httpPort() {
        return Integer.parseInt(environment.get("PACE_HTTP_PORT"));
    }

    /** Karaf's data folder, where the embedded H2 database of the sandbox CRM (and by default Pace's) is. */
    Path karafData() {
        return runDir.resolve("karaf/data");
    }

    /** Runs {@code demo.sh start}, which returns once the dashboard is up and Pace has caught up. */
    DemoKaraf start() throws Exception {
        run("start", 8, Map.of());
        return this;
    }

    /** Runs {@code demo.sh start} but returns as soon as Karaf is launched. */
    DemoKaraf startWithoutWaiting() throws Exception {
        run("start", 8, Map.of("PACE_NO_WAIT", "1"));
        return this;
    }

    /** Kills Karaf with SIGKILL, as a crash or an OOM killer would, and waits until the process is gone. */
    void killHard() throws Exception {
        long pid = Long.parseLong(Files.readString(runDir.resolve("karaf/karaf.pid")).trim());
        ProcessHandle karaf = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("Karaf (pid " + pid + ") is not running"));
        new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
        karaf.onExit().get(60, TimeUnit.SECONDS);
    }

    /** The output of the last demo.sh run, for failure messages. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private void run(String command, int minutes, Map<String, String> extra) throws Exception {
        log = workDir.resolve(name + "-" + command + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", script.toString(), command))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().putAll(extra);
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
        run("stop", 2, Map.of());
    }
}
