package org.uprflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.uprflow.country.ParticipantRole;
import org.uprflow.security.PlatformUser;

/** If-Match as the API reads it, and who plays which role in a country. */
class VersionsTest {

    private static final CountryCode KENYA = CountryCode.of("KE");

    @Test
    void readsTheVersionOfAnEtagStrongOrWeakOrBare() {
        assertThat(Versions.parse("\"3\"")).isEqualTo(3);
        assertThat(Versions.parse("W/\"3\"")).isEqualTo(3);
        assertThat(Versions.parse(" 12 ")).isEqualTo(12);
        assertThat(Versions.parse(null)).isNull();
        assertThat(Versions.etag(4)).isEqualTo("\"4\"");
    }

    @Test
    void refusesWhatIsNoVersionAndAnEditWithoutOne() {
        assertThatThrownBy(() -> Versions.parse("\"*\"")).isInstanceOf(InvalidRegisterInputException.class);
        assertThatThrownBy(() -> Versions.required(" ")).isInstanceOf(InvalidRegisterInputException.class)
                .extracting(e -> ((InvalidRegisterInputException) e).fieldProblems().keySet()).isEqualTo(Set.of("If-Match"));
    }

    @Test
    void rolesAreTheCountrysGroupsManagersManageAndAdminsPlayAll() {
        PlatformUser cso = new PlatformUser("ke.cso", Set.of("ke-cso"), Set.of("ke"), Set.of());
        PlatformUser malawiGovernment = new PlatformUser("mw.gov", Set.of("mw-government"), Set.of("mw"), Set.of());
        PlatformUser manager = new PlatformUser("pm", Set.of(PlatformUser.PROGRAMME_MANAGERS_GROUP), Set.of("ke", "mw"), Set.of("ke", "mw"));
        PlatformUser admin = PlatformUser.system("admin");

        assertThat(ParticipantRole.CSO.heldBy(cso, KENYA)).isTrue();
        assertThat(ParticipantRole.GOVERNMENT.heldBy(cso, KENYA)).isFalse();
        assertThat(ParticipantRole.GOVERNMENT.heldBy(malawiGovernment, KENYA)).isFalse();
        assertThat(ParticipantRole.PROGRAMME_MANAGER.heldBy(manager, KENYA)).isTrue();
        assertThat(ParticipantRole.CSO.heldBy(manager, KENYA)).isFalse();
        assertThat(ParticipantRole.NHRI.heldBy(admin, KENYA)).isTrue();
        assertThat(ParticipantRole.firstHeld(cso, KENYA, ParticipantRole.NHRI, ParticipantRole.CSO))
                .contains(ParticipantRole.CSO);
        assertThatThrownBy(() -> ParticipantRole.requireAny(cso, KENYA, ParticipantRole.GOVERNMENT,
                ParticipantRole.PROGRAMME_MANAGER)).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
