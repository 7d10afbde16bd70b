package org.pacekpi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.pacekpi.api.KpiService;

/**
 * The production setup: Pace's store on PostgreSQL (127.0.0.1:5432, database {@value #DATABASE}, recreated for each
 * run) configured by {@code etc/org.pacekpi.store.cfg}, fed by the sandbox CRM, which keeps its embedded H2.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PaceOnPostgresIT {

    static final String DATABASE = "pace_itest";

    @Inject
    private BundleContext context;

    @Inject
    @Filter(timeout = 120_000)
    private KpiService kpiService;

    private DemoSupport demo;

    @Configuration
    public Option[] config() throws SQLException {
        // In the test JVM before Karaf starts: a clean database, or a clear failure if PostgreSQL is not there.
        String url = TestPostgres.recreateDatabase(DATABASE);
        List<Option> options = new ArrayList<>(Arrays.asList(KarafTestSupport.karafWith("pace-demo")));
        options.add(composite(
                editConfigurationFilePut("etc/org.pacekpi.store.cfg", "url", url),
                editConfigurationFilePut("etc/org.pacekpi.store.cfg", "user", TestPostgres.USER),
                editConfigurationFilePut("etc/org.pacekpi.store.cfg", "poolSize", "4")));
        return options.toArray(Option[]::new);
    }

    @Before
    public void demoIsReady() {
        demo = new DemoSupport(KarafTestSupport.httpPort());
        demo.awaitDemoReadyAndCaughtUp(Duration.ofMinutes(3));
    }

    @Test
    public void paceKeepsItsLogInPostgresAndCountsEachCallOnceAcrossARestart() throws Exception {
        String clara = demo.userId("clara");
        long before = demo.touches("clara", clara, "week");
        String client = demo.newClient("clara");
        String otherClient = demo.newClient("clara");
        Bundle engine = Arrays.stream(context.getBundles())
                .filter(b -> "org.pacekpi.engine".equals(b.getSymbolicName())).findFirst().orElseThrow();

        long first = demo.logCall("clara", client).path("sequence").asLong();
        demo.awaitApplied(first, Duration.ofSeconds(60));
        engine.stop();
        long second = demo.logCall("clara", otherClient).path("sequence").asLong();
        engine.start();
        demo.awaitApplied(second, Duration.ofSeconds(60));

        assertEquals(before + 2, demo.touches("clara", clara, "week"));
        // Inside Karaf: use the PostgreSQL bundle's driver directly rather than DriverManager's class-loader lookup.
        java.util.Properties credentials = new java.util.Properties();
        credentials.setProperty("user", TestPostgres.USER);
        try (Connection c = new org.postgresql.Driver().connect(TestPostgres.SERVER + DATABASE, credentials);
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM pace_activity")) {
            assertTrue(rows.next());
            assertTrue("Pace's activity log is in PostgreSQL", rows.getLong(1) > 0);
        }
    }
}
