/**
 * The jitsi-meet web roots for the browser tests (the stock one, and the fork build), and a person
 * on a deployment of one.
 *
 * Where the stock jitsi-meet web root is: ../shared/jitsi-meet-web beside the project (CI has it),
 * or JITSI_MEET_WEB. A machine without it fails the tests that need it with this message.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { currentForkBuild } from '../../tools/fork/forkBuild';
import type { LocalDeployment } from '../../tools/jitsi-web/localDeployment';

/** The web root's path; throws, saying what is missing, when it is not there. */
export function requireStockWebRoot(): string {
    const root = process.env.JITSI_MEET_WEB ?? join(__dirname, '..', '..', '..', 'shared', 'jitsi-meet-web');

    if (!existsSync(join(root, 'index.html'))) {
        throw new Error(
            `The stock jitsi-meet web root is missing at ${root}: CI has it beside the project ` +
                '(../shared/jitsi-meet-web); elsewhere set JITSI_MEET_WEB to a built jitsi-meet web root.',
        );
    }

    return root;
}

/**
 * A person on a deployment of that web root (one server, or HAProxy in front of shards): a fresh German browser context with camera and
 * microphone allowed (fake devices), whose requests to any other host are added to `foreign`.
 */
export async function deploymentPerson(
    browser: Browser,
    deployment: Pick<LocalDeployment, 'origin'>,
    foreign: Set<string>,
): Promise<Page> {
    const context = await browser.newContext({ locale: 'de-DE', permissions: ['camera', 'microphone'] });
    const page = await context.newPage();
    const own = new URL(deployment.origin).host;

    page.on('request', request => {
        const url = new URL(request.url());

        if (!['data:', 'blob:'].includes(url.protocol) && url.host !== own) {
            foreign.add(request.url());
        }
    });

    return page;
}

/**
 * The media centre's own build with the module, as `npm run fork:build` made it (the test command
 * builds it before Jest runs; tools/fork/forkBuild.ts), or the checkout JITSI_MEET_CHECKOUT names.
 */
export function forkBuildForTests(): { root: string; libs: string[] } {
    const built = currentForkBuild();

    if (typeof built === 'string') {
        throw new Error(`No fork build: ${built}`);
    }

    return { root: built.checkout, libs: [...built.libs] };
}
