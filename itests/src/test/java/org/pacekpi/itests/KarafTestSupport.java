package org.pacekpi.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * The Karaf 4.4.10 container every Pax Exam test runs in: the stock distribution from the local Maven repository,
 * free ports reserved by the build, Pace's feature repository and the features a test asks for.
 */
public final class KarafTestSupport {

    private KarafTestSupport() {
    }

    /** A system property the build sets; failing loudly when a test is run outside Maven without it. */
    public static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests through Maven (mvn install)");
        }
        return value;
    }

    /** The HTTP port of the container under test. */
    public static int httpPort() {
        return Integer.parseInt(required("itest.http.port"));
    }

    /** Container options: Karaf with the given Pace features installed. */
    public static Option[] karafWith(String... paceFeatures) {
        String version = required("pace.version");
        return options(
                karafDistributionConfiguration()
                        .frameworkUrl("file:" + required("karaf.tarball"))
                        .karafVersion(required("karaf.version"))
                        .name("Apache Karaf")
                        .unpackDirectory(new File(required("itest.work.dir"), "exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.INFO),
                // Karaf resolves Pace's snapshots from the same local repository the build installed them into.
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        required("maven.local.repository")),
                editConfigurationFilePut("etc/org.apache.felix.http.cfg", "org.osgi.service.http.port", required("itest.http.port")),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", required("itest.ssh.port")),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", required("itest.rmi.registry.port")),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", required("itest.rmi.server.port")),
                // The test methods run inside the container: hand them the build's settings.
                systemProperty("itest.http.port").value(required("itest.http.port")),
                systemProperty("pace.version").value(version),
                // The test's own helpers, inside the container.
                mavenBundle("org.hamcrest", "hamcrest", "2.1"),
                mavenBundle("org.awaitility", "awaitility", "4.2.2"),
                mavenBundle("com.fasterxml.jackson.core", "jackson-annotations", "2.18.2"),
                mavenBundle("com.fasterxml.jackson.core", "jackson-core", "2.18.2"),
                mavenBundle("com.fasterxml.jackson.core", "jackson-databind", "2.18.2"),
                features(maven().groupId("org.pacekpi").artifactId("features").version(version).type("xml").classifier("features"),
                        paceFeatures));
    }
}
