// `npm run fork:verify -- <built jitsi-meet checkout> <lib-jitsi-meet browser build folder>`
//
// Verifies a media centre's fork build in a real browser before it is deployed: starts Debian's
// Prosody with mod_school_policy (BOSH on loopback), serves the built checkout as nginx would with
// this repository's config.js, and walks a student and a teacher through a lesson in Debian's
// Chromium (tools/fork/verify/journey.ts). Prints each step; exit code 0 when all passed, 1 when a
// step failed, 2 for wrong arguments or a missing build. Needs `npm run setup` (Prosody, Chromium).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { launchChromium } from '../../browser/chromium';
import { DOMAINS, TEACHERS, startProsody } from '../../prosody/harness';

import { startBuildServer } from './buildServer';
import { runJourney } from './journey';

const ROOT = join(__dirname, '..', '..', '..');
/** mod_school_policy counts this account as a service (tools/prosody/prosody.cfg.lua). */
const FOCUS = 'focus@auth.meet.test';

/** config.js for one side: the deployment's file, pointed at the local Prosody. */
function configFor(base: string, guests: boolean) {
    return (origin: string) => {
        const hosts = {
            domain: DOMAINS.teachers,
            muc: DOMAINS.muc,
            ...(guests ? { anonymousdomain: DOMAINS.guests } : {}),
        };

        return (
            `${base}\n// Added by fork:verify: the local Prosody.\nconfig.hosts = ${JSON.stringify(hosts)};\n` +
            // Protocol-relative, as jitsi-meet's own config.js writes it: some of its code puts
            // "https:" in front of config.bosh.
            `config.bosh = ${JSON.stringify(`${origin.replace(/^https?:/, '')}/http-bind`)};\n` +
            `config.conferenceRequestUrl = ${JSON.stringify(`${origin}/conference-request`)};\n`
        );
    };
}

async function main(): Promise<number> {
    const [checkoutArg, libArg] = process.argv.slice(2);

    if (!checkoutArg || !libArg) {
        process.stderr.write(
            'Usage: npm run fork:verify -- <built jitsi-meet checkout> <lib-jitsi-meet build folder>\n',
        );

        return 2;
    }
    const checkout = resolve(checkoutArg);
    const lib = resolve(libArg);

    if (!existsSync(join(checkout, 'build', 'app.bundle.min.js'))) {
        process.stderr.write(`fork:verify: ${checkout}/build/app.bundle.min.js is missing: build the checkout first\n`);

        return 2;
    }
    if (!existsSync(join(lib, 'lib-jitsi-meet.min.js'))) {
        process.stderr.write(`fork:verify: ${lib}/lib-jitsi-meet.min.js is missing\n`);

        return 2;
    }
    const base = readFileSync(join(ROOT, 'config.js'), 'utf8');
    const interfaceConfig = readFileSync(join(ROOT, 'interface_config.js'), 'utf8');
    const prosody = await startProsody({ graceSeconds: 60, bosh: true });
    const closers: (() => Promise<unknown>)[] = [() => prosody.stop()];

    try {
        const common = {
            checkout,
            libJitsiMeet: lib,
            interfaceConfig,
            bosh: prosody.bosh ?? '',
            xmppDomain: DOMAINS.teachers,
            focusJid: FOCUS,
        };
        const teacherSide = await startBuildServer({ ...common, config: configFor(base, false) });
        const studentSide = await startBuildServer({ ...common, config: configFor(base, true) });

        closers.push(
            () => teacherSide.close(),
            () => studentSide.close(),
        );
        const browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);

        closers.push(() => browser.close());
        const steps = await runJourney(browser, {
            teacherOrigin: teacherSide.origin,
            studentOrigin: studentSide.origin,
            teacher: { user: `frau-mueller@${DOMAINS.teachers}`, password: TEACHERS['frau-mueller'] },
            room: `mathe-7b-${Date.now().toString(36)}`,
        });

        for (const step of steps) {
            process.stdout.write(`${step.ok ? '✓' : '✗'} ${step.what}${step.detail ? ` — ${step.detail}` : ''}\n`);
        }
        const errors = prosody.errors();

        if (errors.length > 0) {
            process.stdout.write(`Prosody logged errors:\n${errors.join('\n')}\n`);
        }
        const passed = steps.filter(step => step.ok).length;

        process.stdout.write(`${passed} of ${steps.length} steps passed\n`);

        return passed === steps.length && errors.length === 0 ? 0 : 1;
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
