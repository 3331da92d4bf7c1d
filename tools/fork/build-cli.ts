// `npm run fork:build [-- --stock]`: builds jitsi-meet with the school-policy module through the
// jitsi-meet build kit into .cache/jitsi-meet-fork (with --stock: the same jitsi-meet without the
// module, into .cache/jitsi-meet-stock, the baseline for sizes), or checks the checkout that
// JITSI_MEET_CHECKOUT names. Exit 0 built, 1 the build failed, 3 no kit and no checkout (one line
// says which variable to set).
import { relative } from 'node:path';

import { buildSource, builtCheckout, buildWithKit, NO_BUILD_SOURCE } from './forkBuild';

function main(): number {
    const stock = process.argv.includes('--stock');
    const source = buildSource();
    const say = (line: string) => process.stderr.write(`fork:build: ${line}\n`);

    if (source.kind === 'missing') {
        say(source.reason);

        return NO_BUILD_SOURCE;
    }
    try {
        const built =
            source.kind === 'checkout' && !stock
                ? builtCheckout(source.checkout)
                : source.kind === 'kit'
                  ? buildWithKit(source.kit, stock, say)
                  : undefined;

        if (!built) {
            say('--stock needs the build kit (JITSI_MEET_BUILD_KIT), not a checkout');

            return NO_BUILD_SOURCE;
        }
        say(`built jitsi-meet: ${relative(process.cwd(), built.checkout) || built.checkout}`);

        return 0;
    } catch (error) {
        say(error instanceof Error ? error.message : String(error));

        return 1;
    }
}

process.exit(main());
