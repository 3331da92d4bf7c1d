// `npm run fork:verify [-- <built jitsi-meet checkout> [<lib-jitsi-meet browser build folder>]]`
// (without arguments: what `npm run fork:build` made, or the checkout JITSI_MEET_CHECKOUT names)
//
// Verifies a media centre's fork build in a real browser before it is deployed: starts Debian's
// Prosody with mod_school_policy (BOSH on loopback) and the Jicofo model, serves the built checkout as
// a Debian install's nginx does (Jitsi's own site configuration) with this repository's config.js (one file for everybody, guest domain set), and walks
// a student and a teacher through a lesson in Debian's Chromium (tools/fork/verify/journey.ts). Prints each step; exit code 0 when all passed, 1 when a
// step failed, 2 for wrong arguments or a missing build. Needs `npm run setup` (Prosody, Chromium).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { launchChromium } from '../../browser/chromium';
import { startLocalDeployment } from '../../jitsi-web/localDeployment';
import { TEACHERS } from '../../prosody/harness';
import { currentForkBuild, type BuiltJitsiMeet } from '../forkBuild';

import { addBlockedSchool } from './blockedSchool';
import { runJourney } from './journey';

/** The build to verify: the arguments, or what `npm run fork:build` made (tools/fork/forkBuild.ts). */
function buildToVerify(args: readonly string[]): BuiltJitsiMeet | string {
    const [checkoutArg, libArg] = args;

    if (checkoutArg) {
        const checkout = resolve(checkoutArg);

        return { checkout, libs: [libArg ? resolve(libArg) : join(checkout, 'libs')], origin: 'checkout' };
    }

    return currentForkBuild();
}

async function main(): Promise<number> {
    const build = buildToVerify(process.argv.slice(2));

    if (typeof build === 'string') {
        process.stderr.write(`fork:verify: ${build}\n`);

        return 2;
    }
    const { checkout, libs } = build;

    if (!existsSync(join(checkout, 'build', 'app.bundle.min.js'))) {
        process.stderr.write(
            `fork:verify: ${checkout}/build/app.bundle.min.js is missing: build it first (npm run fork:build)\n`,
        );

        return 2;
    }
    if (!libs.some(folder => existsSync(join(folder, 'lib-jitsi-meet.min.js')))) {
        process.stderr.write(`fork:verify: lib-jitsi-meet.min.js is in none of ${libs.join(', ')}\n`);

        return 2;
    }
    // One config.js for everybody, the guest domain set, conference requests to the Jicofo model over
    // XMPP: as a default secure-domain install serves it (tools/jitsi-web/localDeployment.ts).
    const deployment = await startLocalDeployment({ root: checkout, libs: [...libs, join(checkout, 'build')] });
    const closers: (() => Promise<unknown>)[] = [() => deployment.stop()];

    try {
        const browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);

        closers.push(() => browser.close());
        const steps = await runJourney(browser, {
            origin: deployment.origin,
            teacher: { user: 'frau-mueller', password: TEACHERS['frau-mueller'] },
            blockedSchool: await addBlockedSchool(deployment.prosody),
            room: `mathe-7b-${Date.now().toString(36)}`,
        });

        for (const step of steps) {
            process.stdout.write(`${step.ok ? '✓' : '✗'} ${step.what}${step.detail ? ` — ${step.detail}` : ''}\n`);
        }
        const errors = deployment.prosody.errors();
        const webErrors = deployment.webErrors();

        if (errors.length > 0) {
            process.stdout.write(`Prosody logged errors:\n${errors.join('\n')}\n`);
        }
        if (webErrors) {
            process.stdout.write(`nginx logged errors:\n${webErrors}\n`);
        }
        const passed = steps.filter(step => step.ok).length;

        process.stdout.write(`${passed} of ${steps.length} steps passed\n`);

        return passed === steps.length && errors.length === 0 && !webErrors ? 0 : 1;
    } finally {
        for (const close of closers.reverse()) {
            await close().catch(() => undefined);
        }
    }
}

main().then(
    code => process.exit(code),
    (error: unknown) => {
        process.stderr.write(`fork:verify: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
    },
);
