package org.uprflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.uprflow.testing.Browser;
import org.uprflow.testing.PostgresIntegrationTest;
import org.uprflow.testing.World;

/**
 * In Chromium: a user whose account a programme manager created logs in, is taken to the page where they set their
 * own password, is refused a weak one next to the field, and then reaches the page they asked for; Tasklist sends
 * them to the same page until then.
 */
class PasswordPageBrowserIT extends PostgresIntegrationTest {

    @Test
    void aNewcomerSetsTheirOwnPasswordBeforeAnythingElse() {
        String userId = "ke.page" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(world.as(World.KE_MANAGER).postJson("/api/countries/KE/participants", """
                {"userId":"%s","role":"CSO","firstName":"Njeri","lastName":"Wambui","email":"%s@example.org","password":"chosen by the manager"}
                """.formatted(userId, userId)).status()).isEqualTo(201);
        try (Browser browser = Browser.open()) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = browser.waitUpTo(Duration.ofSeconds(30));
            driver.get(http.baseUrl() + "/login/?next=/register/");
            wait.until(d -> !d.findElement(By.cssSelector("#login button")).getText().isBlank());
            driver.findElement(By.name("username")).sendKeys(userId);
            driver.findElement(By.name("password")).sendKeys("chosen by the manager");
            driver.findElement(By.cssSelector("#login button")).click();
            wait.until(d -> d.getCurrentUrl().contains("/password/"));

            driver.get(http.baseUrl() + "/camunda/app/tasklist/default/");
            wait.until(d -> d.getCurrentUrl().contains("/password/"));
            assertThat(driver.getCurrentUrl()).as("Tasklist leads to the same page").contains("/password/?next=");

            driver.get(http.baseUrl() + "/password/?next=/register/");
            wait.until(d -> !d.findElement(By.cssSelector("#password button")).getText().isBlank());
            browser.screenshot("password-page");
            type(driver, "currentPassword", "chosen by the manager");
            type(driver, "newPassword", "password1");
            type(driver, "repeat", "password1");
            driver.findElement(By.cssSelector("#password button")).click();
            wait.until(d -> !d.findElement(By.cssSelector("[data-error-for='newPassword']")).getText().isBlank());
            assertThat(driver.getCurrentUrl()).as("a weak password keeps the user here").contains("/password/");

            type(driver, "newPassword", "a sentence of her own");
            type(driver, "repeat", "a sentence of her own");
            driver.findElement(By.cssSelector("#password button")).click();
            wait.until(d -> d.getCurrentUrl().contains("/register/"));
        }
        assertThat(http.as(userId, "a sentence of her own").get("/api/countries").status()).isEqualTo(200);
    }

    private static void type(WebDriver driver, String field, String text) {
        driver.findElement(By.name(field)).clear();
        driver.findElement(By.name(field)).sendKeys(text);
    }
}
