/** What the journey's steps do on jitsi-meet's page besides reading its store (meetingPage.ts). */
import type { Page } from 'playwright-core';

/** The room password the teacher sets. */
export const PASSWORD = 'Igel-Kerze-Hafen-40817';

/** A student's link with overrides that a stock build would obey. */
export const HOSTILE_HASH =
    '#config.localRecording={"disable":false}&config.recordingService={"enabled":true}' +
    '&config.liveStreaming={"enabled":true}&config.startWithAudioMuted=false&config.startWithVideoMuted=false' +
    '&config.buttonsWithNotifyClick=[]';

/**
 * Links that mix hardened keys with others, and the one jitsi-meet's IFrame API client builds for an
 * embedding page (modules/API/external/functions.js: the API id, then config., interfaceConfig.,
 * userInfo. and appData. parameters, JSON values). A module that rewrote such a URL once left a
 * black page: jitsi-meet saw a changed URL and only the fragment changed (issue #14).
 */
export const MIXED_HASHES = [
    '#config.startWithVideoMuted=true&lang=de',
    '#jitsi_meet_external_api_id=0&config.startWithAudioMuted=true',
    '#jitsi_meet_external_api_id=0&config.startWithAudioMuted=true&config.startWithVideoMuted=true' +
        '&config.disableBeforeUnloadHandlers=true&interfaceConfig.SHOW_JITSI_WATERMARK=false' +
        '&userInfo.displayName=%22Mutige%20Eule%22&appData.localStorageContent=null',
];

/** jitsi-meet's toolbar slides in when the pointer moves over the page. */
export async function showToolbar(page: Page): Promise<void> {
    await page.mouse.move(400, 300);
    await page.mouse.move(640, 650);
}

/**
 * Opens jitsi-meet's security dialog as a teacher does: its toolbar button, or, when the window is too
 * narrow for it, the same entry in the "more" menu (toolbox/components/web/OverflowMenuButton.tsx).
 */
export async function openSecurityDialog(page: Page, timeout: number): Promise<void> {
    await showToolbar(page);
    const button = page.locator('.toolbox-content').getByRole('button', { name: 'Sicherheitsoptionen' });

    if (await button.isVisible()) {
        await button.click({ timeout });

        return;
    }
    await page.getByRole('button', { name: 'Menü „Weitere Einstellungen“ ein-/ausschalten' }).click({ timeout });
    await page.locator('#overflow-context-menu').getByText('Sicherheitsoptionen').click({ timeout });
}

/** The policy's password dialog on the teacher's page. */
export const passwordDialog = (page: Page) => page.getByRole('dialog', { name: 'Passwort festlegen' });

/** The policy's leave-last dialog on the teacher's page. */
export const leaveDialog = (page: Page) => page.getByRole('dialog', { name: 'Meeting verlassen' });
