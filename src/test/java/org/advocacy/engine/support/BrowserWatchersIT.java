package org.advocacy.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The watchers of {@link BrowserTest} catch what they promise to. Without this, a change in
 * Chromium's DevTools events would turn zero tolerance into zero detection, and every browser test
 * would still pass. Each test provokes a problem on a real page and takes what the watchers saw.
 */
class BrowserWatchersIT extends BrowserTest {

    @Test
    void consoleErrorsAndUncaughtExceptionsAreCaught() {
        openLoginPage();
        run("console.error('self-check console error');"
                + "setTimeout(() => { throw new Error('self-check uncaught'); }, 0);"
                + "setTimeout(done, 100);");

        assertThat(takePageProblems())
                .anySatisfy(problem -> assertThat(problem).contains("self-check console error"))
                .anySatisfy(problem -> assertThat(problem).contains("self-check uncaught"));
    }

    @Test
    void contentSecurityPolicyViolationsAreCaught() {
        openLoginPage();
        run("const script = document.createElement('script');"
                + "script.textContent = 'window.inlineRan = true';"
                + "document.body.append(script);"
                + "setTimeout(done, 100);");

        assertThat(takePageProblems())
                .anySatisfy(problem -> assertThat(problem).contains("Content Security Policy"));
    }

    @Test
    void requestsToAnotherHostAreCaught() {
        // about:blank has no Content Security Policy, so the request leaves the page as it would
        // from a page whose policy were loosened.
        open("/login");
        browser().get("about:blank");
        run("const image = new Image(); image.onerror = () => done(); image.onload = () => done();"
                + "image.src = 'http://self-check.invalid/pixel.png';");

        assertThat(takePageProblems())
                .anySatisfy(problem -> assertThat(problem)
                        .isEqualTo("request to another host: http://self-check.invalid/pixel.png"));
    }

    @Test
    void aMissingScriptIsCaught() {
        openLoginPage();
        run("const script = document.createElement('script');"
                + "script.onerror = () => done(); script.onload = () => done();"
                + "script.src = '/js/self-check-missing.js'; document.head.append(script);");

        assertThat(takePageProblems()).anySatisfy(problem -> assertThat(problem)
                .startsWith("resource failed to load: Script " + baseUrl() + "/js/self-check-missing.js answered 40"));
    }

    @Test
    void anExpectedConsoleErrorIsAllowedAndMustCome() {
        openLoginPage();
        expectConsoleError("self-check expected");
        expectConsoleError("self-check never logged");
        run("console.error('self-check expected error'); done();");

        List<String> problems = takePageProblems();
        assertThat(problems).containsExactly(
                "expected a console error containing \"self-check never logged\", but none came");
    }

    @Test
    void aRefusedPageIsNoProblemOfItsOwn() {
        signIn("coordinator");
        open("/admin");
        waitFor(By.id("forbidden"));

        assertThat(currentPageStatus()).isEqualTo(403);
        assertThat(takePageProblems()).isEmpty();
    }

    private void openLoginPage() {
        open("/login");
        waitFor(By.id("sign-in"));
        assertThat(takePageProblems()).as("the login page on its own").isEmpty();
    }

    /** Runs a script that calls {@code done()} when what it provoked has happened. */
    private void run(String script) {
        ((JavascriptExecutor) browser()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];" + script);
    }
}
