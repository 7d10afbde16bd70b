package org.pacekpi.sandbox.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacekpi.host.dashboard.DashboardWidget;
import org.pacekpi.host.directory.Role;
import org.pacekpi.sandbox.internal.TestCrm;
import org.pacekpi.sandbox.internal.auth.CrmAuth;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

class DashboardResourceTest {

    @TempDir
    Path folder;

    private TestCrm crm;
    private DashboardResource dashboard;

    @BeforeEach
    void setUp() {
        crm = TestCrm.h2(folder);
        crm.addTeam("team-1", "Team North", "head");
        crm.addUser("anna", "team-1", Set.of(Role.MANAGER), null);
        crm.addContact("anna", "Lena <Müller>", "lena@nordwind.example", null, false);
        dashboard = new DashboardResource(crm.database, crm.directory, crm.auth);
    }

    @AfterEach
    void tearDown() {
        crm.close();
    }

    @Test
    void withoutSignInThePageIsTheSignInForm() {
        String page = body(dashboard.page("/crm/", null, null));
        assertThat(page).contains("<form method=\"post\" action=\"/crm/login\">")
                .contains("name=\"login\"").contains("type=\"password\" name=\"password\"")
                .contains("<button type=\"submit\">Sign in</button>")
                .contains("<b>admin</b>").contains("<b>head</b>").contains("<b>anna</b>").contains("<b>demo</b>")
                .doesNotContain("Sign out");
    }

    @Test
    void crmWithoutSlashRedirects() {
        Response response = dashboard.page("/crm", null, null);
        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getLocation()).hasToString("/crm/");
    }

    @Test
    void signingInSetsAnHttpOnlyLaxSessionCookieAndRedirects() {
        Response response = dashboard.login("anna", "demo");
        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getLocation()).hasToString("/crm/");
        NewCookie cookie = response.getCookies().get(CrmAuth.SESSION_COOKIE);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo(NewCookie.SameSite.LAX);
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(crm.auth.sessionUser(cookie.getValue())).contains("anna");

        String page = body(dashboard.page("/crm/", null, cookie.getValue()));
        assertThat(page).contains("Anna · manager · Team North").contains("action=\"/crm/logout\"");

        Response out = dashboard.logout(cookie.getValue());
        assertThat(out.getStatus()).isEqualTo(303);
        assertThat(out.getCookies().get(CrmAuth.SESSION_COOKIE).getMaxAge()).isZero();
        assertThat(crm.auth.sessionUser(cookie.getValue())).isEmpty();
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithAnError() {
        Response response = dashboard.login("anna", "wrong");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getCookies()).doesNotContainKey(CrmAuth.SESSION_COOKIE);
        assertThat(body(response)).contains("Wrong login or password.").contains("value=\"anna\"");
        assertThat(body(dashboard.login("", ""))).contains("Enter your login and password.");
    }

    @Test
    void theDashboardRendersTheWidgetsTheRolesMaySeeInOrder() {
        DashboardWidget pace = widget("pace-kpi", "Your <pace>", "/pace/ui/pace-kpi-widget.js", "pace-kpi-widget",
                Set.of(Role.MANAGER, Role.HEAD), 10);
        dashboard.addWidget(pace);
        dashboard.addWidget(widget("first", "First", "/first/first-widget.js", "first-widget", Set.of(Role.MANAGER), 1));
        dashboard.addWidget(widget("admins", "Admins only", "/a/a-widget.js", "admin-widget", Set.of(Role.ADMIN), 0));
        dashboard.addWidget(widget("bad", "Bad element", "/b/b.js", "BadElement", Set.of(Role.MANAGER), 5));
        dashboard.addWidget(widget("evil", "Evil module", "javascript:alert(1)", "evil-widget", Set.of(Role.MANAGER), 5));

        String page = body(dashboard.page("/crm/", TestCrm.basic("anna", "demo"), null));

        assertThat(page).contains("<script type=\"module\" src=\"/pace/ui/pace-kpi-widget.js\"></script>")
                .contains("<section class=\"widget\" data-widget-id=\"pace-kpi\"><h2>Your &lt;pace&gt;</h2>"
                        + "<pace-kpi-widget user-id=\"anna\"></pace-kpi-widget></section>")
                .doesNotContain("admin-widget").doesNotContain("BadElement").doesNotContain("javascript:");
        assertThat(page.indexOf("data-widget-id=\"first\"")).isLessThan(page.indexOf("data-widget-id=\"pace-kpi\""));
        assertThat(page).contains("id=\"log-activity\"").contains("Lena &lt;Müller&gt;")
                .contains("crm:activity-logged").contains("/crm/api/activities");

        dashboard.removeWidget(pace);
        assertThat(body(dashboard.page("/crm/", TestCrm.basic("anna", "demo"), null))).doesNotContain("pace-kpi-widget");
    }

    @Test
    void theAdminSeesOnlyAdminWidgets() {
        dashboard.addWidget(widget("pace-kpi", "Pace", "/pace/ui/pace-kpi-widget.js", "pace-kpi-widget",
                Set.of(Role.MANAGER), 10));
        String page = body(dashboard.page("/crm/", TestCrm.basic("admin", "demo"), null));
        assertThat(page).contains("CRM Admin · CRM admin").doesNotContain("<pace-kpi-widget")
                .contains("No dashboard widgets for your role yet.")
                .contains("You have no contacts to log an activity with.");
    }

    @Test
    void customElementNamesAndModuleUrlsAreChecked() {
        assertThat(Html.isCustomElementName("pace-kpi-widget")).isTrue();
        assertThat(Html.isCustomElementName("x-1")).isTrue();
        assertThat(Html.isCustomElementName("widget")).isFalse();
        assertThat(Html.isCustomElementName("Pace-Widget")).isFalse();
        assertThat(Html.isCustomElementName("1-widget")).isFalse();
        assertThat(Html.isCustomElementName("font-face")).isFalse();
        assertThat(Html.isCustomElementName("a-b\"><script>")).isFalse();
        assertThat(Html.isModuleUrl("/pace/ui/w.js")).isTrue();
        assertThat(Html.isModuleUrl("https://cdn.example/w.js")).isTrue();
        assertThat(Html.isModuleUrl("//evil.example/w.js")).isFalse();
        assertThat(Html.isModuleUrl("data:text/javascript,alert(1)")).isFalse();
        assertThat(Html.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    private static String body(Response response) {
        return (String) response.getEntity();
    }

    private static DashboardWidget widget(String id, String title, String module, String element, Set<Role> roles,
                                          int order) {
        return new DashboardWidget() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public String moduleUrl() {
                return module;
            }

            @Override
            public String elementName() {
                return element;
            }

            @Override
            public Set<Role> roles() {
                return roles;
            }

            @Override
            public int order() {
                return order;
            }
        };
    }
}
