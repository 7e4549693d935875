package dev.marquee.adapters.embedded;

import dev.marquee.domain.port.UserProfiles;
import dev.marquee.testing.contract.UserProfilesContract;

/** The embedded adapter against the contract the real adapter also passes. */
class InMemoryUserProfilesTest extends UserProfilesContract {
    @Override
    protected UserProfiles newProfiles() {
        return new InMemoryUserProfiles();
    }
}
