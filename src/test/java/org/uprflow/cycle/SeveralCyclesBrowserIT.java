package org.uprflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.uprflow.testing.RegisterFixture;
import org.uprflow.testing.Browser;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * The register page with several cycles of Kenya: opened without a cycle, it opens on the cycle of
 * the caller's soonest-due task; a programme manager starts an empty register from the previous
 * cycle's open recommendations with the button and each row says which one it continues.
 */
class SeveralCyclesBrowserIT extends PostgresIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theRegisterOpensOnTheCycleWhereTheCallerHasWork() {
        world.ensureCycle("KE", 4);
        world.ensureCycle("KE", 5);
        String withWork = world.as(World.KE_CSO).get("/api/tasks?country=KE&max=1").json().get(0).get("cycle").asText();

        try (Browser browser = Browser.open()) {
            browser.logInToPages(http.baseUrl(), World.KE_CSO, World.PASSWORD, "/register/?country=KE");
            ready(browser);
            assertThat("KE-" + browser.script("return document.getElementById('cycle').cycle.value"))
                    .isEqualTo(withWork);
            assertThat(browser.driver().getCurrentUrl()).contains("cycle=" + withWork.substring(3));
        }
    }

    @Test
    void aManagerStartsTheRegisterFromThePreviousCyclesOpenRecommendations() {
        new RegisterFixture(world).create(66, "Enact the Refugee Bill", "Refugees");
        world.ensureCycle("KE", 67);

        try (Browser browser = Browser.open()) {
            browser.logInToPages(http.baseUrl(), World.KE_MANAGER, World.PASSWORD, "/register/?country=KE&cycle=67");
            ready(browser);
            browser.driver().findElement(By.id("carry-over")).click();
            browser.waitUpTo(WAIT).until(ExpectedConditions.alertIsPresent()).accept();
            browser.waitUpTo(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("recommendations"), "continues KE-66, no. 1"));
            assertThat(browser.driver().findElement(By.id("recommendations")).getText()).contains("Enact the Refugee Bill");
            browser.screenshot("register-carried-over");
        }
        assertThat(new RegisterFixture(world).total("KE", 67)).isEqualTo(1);
    }

    private static void ready(Browser browser) {
        browser.waitUpTo(WAIT).until(driver -> "true".equals(browser.script("return document.body.dataset.ready")));
    }
}
