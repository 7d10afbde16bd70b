package org.pacekpi.sandbox.internal.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.User;
import org.pacekpi.sandbox.internal.TestCrm;
import org.pacekpi.sandbox.internal.crm.Company;
import org.pacekpi.sandbox.internal.crm.Contact;

class CrmDirectoryTest {

    @TempDir
    Path folder;

    private TestCrm crm;
    private Contact colleague;
    private Contact client;

    @BeforeEach
    void setUp() {
        crm = TestCrm.h2(folder);
        crm.addTeam("team-1", "Team North", "head");
        crm.addUser("anna", "team-1", Set.of(Role.MANAGER), "+49 30 5550 2100");
        crm.addUser("boris", null, Set.of(Role.MANAGER), "+7 495 555 2101");
        colleague = crm.addContact("anna", "Greta (colleague)", "greta.private@mailbox.example", "+49 151 2345678", true);
        client = crm.addContact("anna", "Lena Müller", "lena.mueller@nordwind.example", "+49 89 7654321", false);
        crm.database.transaction("company phone", c -> {
            Company.addPhone(c, "+49 30 5550 1000", "Switchboard");
            return null;
        });
        crm.database.directoryChanged();
    }

    @AfterEach
    void tearDown() {
        crm.close();
    }

    @Test
    void theBootstrapCreatesTheAdminAndTheHeadOfSales() {
        User admin = crm.directory.user("admin").orElseThrow();
        User head = crm.directory.user("head").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(head.roles()).containsExactly(Role.HEAD);
        assertThat(head.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(crm.auth.authenticate("head", "demo")).contains("head");
        assertThat(crm.directory.users()).extracting(User::id).containsExactly("admin", "anna", "boris", "head");
    }

    @Test
    void teamsMembersAndWhoMaySeeWhom() {
        assertThat(crm.directory.team("team-1").orElseThrow().headUserIds()).containsExactly("head");
        assertThat(crm.directory.members("team-1")).extracting(User::id).containsExactly("anna");
        User head = crm.directory.user("head").orElseThrow();
        User anna = crm.directory.user("anna").orElseThrow();
        User admin = crm.directory.user("admin").orElseThrow();
        assertThat(crm.directory.maySee(head, "anna")).isTrue();
        assertThat(crm.directory.maySee(head, "boris")).as("boris is in no team head heads").isFalse();
        assertThat(crm.directory.maySee(anna, "boris")).isFalse();
        assertThat(crm.directory.maySee(anna, "anna")).isTrue();
        assertThat(crm.directory.maySee(admin, "boris")).isTrue();
        assertThat(crm.directory.teamsHeadedBy("head")).containsExactly("team-1");
    }

    @Test
    void aContactIsInternalByItsFlag() {
        assertThat(crm.directory.isInternalContact(colleague.id())).isTrue();
        assertThat(crm.directory.isInternalContact(client.id())).isFalse();
        assertThat(crm.directory.isInternalContact("con-999")).isFalse();
        assertThat(crm.directory.isInternalContact(null)).isFalse();
    }

    @Test
    void anEmailIsInternalForColleaguesUsersAndCompanyDomains() {
        assertThat(crm.directory.isInternalEmail("greta.private@mailbox.example")).as("a colleague's address").isTrue();
        assertThat(crm.directory.isInternalEmail("  Anna@Pace-Demo.Example ")).as("a user's, any case").isTrue();
        assertThat(crm.directory.isInternalEmail("nobody@pace-demo.example")).as("the company domain").isTrue();
        assertThat(crm.directory.isInternalEmail("x@sales.pace-demo.example")).as("a subdomain").isTrue();
        assertThat(crm.directory.isInternalEmail("lena.mueller@nordwind.example")).isFalse();
        assertThat(crm.directory.isInternalEmail("x@notpace-demo.example")).as("not a suffix trick").isFalse();
        assertThat(crm.directory.isInternalEmail("pace-demo.example")).isFalse();
        assertThat(crm.directory.isInternalEmail(null)).isFalse();
    }

    @Test
    void aPhoneIsInternalForUsersColleaguesAndCompanyNumbersInAnyFormat() {
        assertThat(crm.directory.isInternalPhone("+49 30 5550 2100")).isTrue();
        assertThat(crm.directory.isInternalPhone("0049 30 5550-2100")).isTrue();
        assertThat(crm.directory.isInternalPhone("030 55502100")).isTrue();
        assertThat(crm.directory.isInternalPhone("+7 (495) 555-21-01")).isTrue();
        assertThat(crm.directory.isInternalPhone("0151 2345678")).as("a colleague contact's mobile").isTrue();
        assertThat(crm.directory.isInternalPhone("+49 30 5550 1000")).as("the switchboard").isTrue();
        assertThat(crm.directory.isInternalPhone("+49 89 7654321")).as("a client").isFalse();
        assertThat(crm.directory.isInternalPhone("2100")).as("an extension alone is not enough").isFalse();
        assertThat(crm.directory.isInternalPhone("")).isFalse();
    }

    @Test
    void theDirectoryReloadsWhenContactsChangeThroughTheLog() {
        assertThat(crm.directory.isInternalEmail("olga@elsewhere.example")).isFalse();
        Contact olga = crm.addContact("anna", "Olga (colleague)", "olga@elsewhere.example", null, true);
        assertThat(crm.directory.isInternalContact(olga.id())).isTrue();
        assertThat(crm.directory.isInternalEmail("olga@elsewhere.example")).isTrue();
    }
}
