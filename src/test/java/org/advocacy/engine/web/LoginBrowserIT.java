package org.advocacy.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.advocacy.engine.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Signing in and out in a real browser, by mouse and by keyboard alone, and a refused page. */
class LoginBrowserIT extends BrowserTest {

    @Test
    void theLoginInputsHaveLabels() {
        open("/login");
        for (String input : new String[] {"username", "password"}) {
            waitFor(By.id(input));
            WebElement label = find(By.cssSelector("label[for='" + input + "']"));
            assertThat(label.isDisplayed()).as("label of #%s is shown", input).isTrue();
            assertThat(label.getText()).as("label of #%s", input).isNotBlank();
        }
    }

    @Test
    void aWrongPasswordShowsAnErrorAndStaysOnTheLoginPage() {
        open("/login");
        waitFor(By.id("username")).sendKeys("coordinator");
        find(By.id("password")).sendKeys("not-the-password");
        find(By.id("sign-in")).click();

        assertThat(waitFor(By.id("login-error")).getText()).isNotBlank();
        assertThat(currentPath()).isEqualTo("/login");
    }

    @Test
    void aCoordinatorLandsOnTheInbox() {
        signIn("coordinator");

        assertThat(currentPath()).endsWith("/inbox");
        assertThat(currentPageStatus()).isEqualTo(200);
    }

    @Test
    void signingOutReturnsToTheLoginPage() {
        signIn("coordinator");
        signOut();

        assertThat(currentPath()).isEqualTo("/login");
        assertThat(waitFor(By.id("signed-out")).getText()).isNotBlank();
    }

    @Test
    void signingInNeedsOnlyTheKeyboard() {
        open("/login");
        waitFor(By.id("username"));
        assertThat(activeElement().getAttribute("id")).as("focus on arrival (autofocus)").isEqualTo("username");

        typeKeys("coordinator");
        pressTab(1);
        assertThat(activeElement().getAttribute("id")).as("focus after one Tab").isEqualTo("password");
        typeKeys("coordinator", Keys.ENTER);

        new WebDriverWait(browser(), Duration.ofSeconds(10))
                .withMessage("Enter in the password field did not sign in")
                .until(driver -> !"/login".equals(currentPath()));
        assertThat(currentPath()).endsWith("/inbox");
    }

    @Test
    void aCoordinatorMayNotOpenTheOperationsPage() {
        signIn("coordinator");
        open("/admin");

        waitFor(By.id("forbidden"));
        assertThat(currentPageStatus()).isEqualTo(403);
    }

    @Test
    void theLoginPageAtDesktopAndPhoneWidth() throws Exception {
        open("/login");
        waitFor(By.id("sign-in"));
        screenshot("login");

        Path screenshots = screenshotDirectory();
        assertThat(Files.size(screenshots.resolve("login-desktop.png"))).isPositive();
        assertThat(Files.size(screenshots.resolve("login-phone.png"))).isPositive();
        Object width = ((JavascriptExecutor) browser()).executeScript("return window.innerWidth");
        assertThat(((Number) width).intValue()).as("desktop width restored").isEqualTo(DESKTOP_WIDTH);
    }
}
