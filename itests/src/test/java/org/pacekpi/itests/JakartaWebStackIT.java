package org.pacekpi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;

/** The Jakarta web stack features alone install in Karaf 4.4.10 and bring up a Jakarta REST runtime. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JakartaWebStackIT {

    @Inject
    @Filter(timeout = 60_000)
    private JakartarsServiceRuntime runtime;

    @Configuration
    public Option[] config() {
        return KarafTestSupport.karafWith("pace-jakarta-rest", "pace-jackson", "pace-jdbc");
    }

    @Test
    public void restRuntimeAnswersOnTheConfiguredPort() throws Exception {
        assertNotNull(runtime.getRuntimeDTO());
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + KarafTestSupport.httpPort() + "/no-such-resource")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
    }
}
