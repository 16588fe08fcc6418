package org.uprflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uprflow.country.ParticipantRole;

class CountryCodeTest {

    @Test
    void acceptsAnyCaseAndKeepsTheTenantIdLowerCase() {
        assertThat(CountryCode.of("KE").value()).isEqualTo("ke");
        assertThat(CountryCode.of(" mw ").upperCase()).isEqualTo("MW");
        assertThat(CountryCode.of("mn").displayName(Locale.ENGLISH)).isEqualTo("Mongolia");
        assertThat(CountryCode.of("am").displayName(Locale.FRENCH)).isEqualTo("Arménie");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "ZZ", "KEN", "K", "", "1a", "k-"})
    void refusesWhatIsNoIsoCode(String raw) {
        assertThatThrownBy(() -> CountryCode.of(raw)).isInstanceOf(UnknownCountryCodeException.class);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> CountryCode.of(null)).isInstanceOf(UnknownCountryCodeException.class);
    }

    @Test
    void roleGroupsAreNamedAfterTheCountry() {
        CountryCode kenya = CountryCode.of("KE");
        assertThat(ParticipantRole.CSO.groupId(kenya)).isEqualTo("ke-cso");
        assertThat(ParticipantRole.GOVERNMENT.groupId(kenya)).isEqualTo("ke-government");
        assertThat(ParticipantRole.ofGroup(kenya, "ke-nhri")).contains(ParticipantRole.NHRI);
        assertThat(ParticipantRole.ofGroup(kenya, "mw-nhri")).isEmpty();
        assertThat(ParticipantRole.parse("programme-manager")).isEqualTo(ParticipantRole.PROGRAMME_MANAGER);
    }
}
