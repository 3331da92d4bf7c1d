/**
 * Driving jitsi-meet's own meeting page in Chromium (playwright-core): reading its Redux store, waiting
 * on conditions over it, the prejoin screen, and the secure domain's log-in as jitsi-meet presents it
 * (the "waiting for the host" dialog, then its log-in dialog: react/features/authentication/components/
 * web/WaitForOwnerDialog.tsx and LoginDialog.tsx). Used by the fork verification and the tests against
 * the stock web root. German UI (the deployment's config.js sets `defaultLanguage: 'de'`).
 */
import type { Frame, Page } from 'playwright-core';

/** jitsi-meet's page: a tab of its own, or the frame an embedding page (the portal) holds. */
export type MeetingView = Page | Frame;

/**
 * Reads from jitsi-meet's store in the page. `read` is an expression over `state` (jitsi-meet's
 * root state), written by our own code only; playwright evaluates the string in the page.
 */
export async function fromStore<T>(page: Page, read: string): Promise<T> {
    return page.evaluate<T>(`(() => { const state = window.APP.store.getState(); return (${read}); })()`);
}

/** Waits until an expression over jitsi-meet's state holds (false while the app is not up). */
export async function untilState(page: Page, read: string, timeoutMs: number): Promise<void> {
    try {
        await page.waitForFunction(
            `(() => { try { const state = window.APP.store.getState(); return Boolean(${read}); } catch { return false; } })()`,
            undefined,
            { timeout: timeoutMs },
        );
    } catch (error) {
        // Say which condition did not come true, so that a failed run points at the cause.
        throw new Error(`not within ${timeoutMs} ms: ${read}`, { cause: error });
    }
}

/** Opens a room and waits for the prejoin screen's name field. */
export async function openPrejoin(page: Page, url: string, timeoutMs: number): Promise<void> {
    await page.goto(url);
    await page.locator('#premeeting-name-input').waitFor({ timeout: timeoutMs });
}

/** Joins from the prejoin screen, with a name when given. */
export async function joinFromPrejoin(page: MeetingView, name?: string): Promise<void> {
    if (name !== undefined) {
        await page.locator('#premeeting-name-input').fill(name);
    }
    await page.locator('#premeeting-name-input').press('Enter');
}

/**
 * The teacher's log-in in a secure domain: Jicofo answers that the room needs a moderator, jitsi-meet
 * shows its waiting dialog, "Ich leite die Konferenz" opens the log-in dialog, and its submit runs
 * lib-jitsi-meet's `authenticateAndUpgradeRole`.
 */
export async function logInAsHost(page: MeetingView, user: string, password: string, timeoutMs: number): Promise<void> {
    await page.getByRole('button', { name: 'Ich leite die Konferenz' }).click({ timeout: timeoutMs });
    await page.locator('#login-dialog-username').fill(user);
    await page.locator('#login-dialog-password').fill(password);
    await page.locator('#login-dialog-password').press('Enter');
}

/** Types the room password at jitsi-meet's own prompt for a locked room. */
export async function answerPasswordPrompt(page: MeetingView, password: string, timeoutMs: number): Promise<void> {
    const prompt = page.locator('[role="dialog"] input[type="password"]').first();

    await prompt.waitFor({ timeout: timeoutMs });
    await prompt.fill(password);
    await prompt.press('Enter');
}
