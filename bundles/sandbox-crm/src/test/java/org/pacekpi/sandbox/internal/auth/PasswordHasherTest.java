package org.pacekpi.sandbox.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(2_000);

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("demo");
        assertThat(hasher.verify("demo", hash)).isTrue();
        assertThat(hasher.verify("Demo", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
        assertThat(hasher.verify(null, hash)).isFalse();
    }

    @Test
    void saltsEveryHashAndStoresTheIterations() {
        String first = hasher.hash("demo");
        String second = hasher.hash("demo");
        assertThat(first).isNotEqualTo(second).startsWith("pbkdf2-sha256$2000$");
        assertThat(first.split("\\$")).hasSize(4);
        // a hasher with another default still verifies: the iterations come from the stored hash
        assertThat(new PasswordHasher().verify("demo", first)).isTrue();
    }

    @Test
    void aTamperedOrMalformedHashNeverMatches() {
        String hash = hasher.hash("demo");
        String[] parts = hash.split("\\$");
        String otherHash = hasher.hash("other").split("\\$")[3];
        assertThat(hasher.verify("demo", parts[0] + "$" + parts[1] + "$" + parts[2] + "$" + otherHash)).isFalse();
        assertThat(hasher.verify("demo", "plain-text-demo")).isFalse();
        assertThat(hasher.verify("demo", "pbkdf2-sha256$x$y$z")).isFalse();
        assertThat(hasher.verify("demo", "pbkdf2-sha256$0$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("demo", null)).isFalse();
    }

    @Test
    void theDefaultIsSlowEnoughToMatter() {
        assertThat(new PasswordHasher().hash("demo")).startsWith("pbkdf2-sha256$" + PasswordHasher.DEFAULT_ITERATIONS + "$");
        assertThat(PasswordHasher.DEFAULT_ITERATIONS).isGreaterThanOrEqualTo(100_000);
        assertThatThrownBy(() -> new PasswordHasher(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionTokensAreHashedWithSha256() {
        assertThat(PasswordHasher.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
