// `npm run docs`: writes the enforcement table into README.md, and the branding document and the
// school edition's additions to jitsi-meet's translations for this repository's config.js (jitsiTranslations.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { centreFromConfigFile } from '../config/centreFromConfig';

import { withEnforcementTable } from './enforcementTable';
import { translationFiles } from './jitsiTranslations';

const file = new URL('../../README.md', import.meta.url);

writeFileSync(file, withEnforcementTable(readFileSync(file, 'utf8')));
process.stdout.write('README.md: enforcement table written.\n');

// The branding files for this repository's config.js (its sample media centre).
void centreFromConfigFile(new URL('../../config.js', import.meta.url).pathname).then(({ identity }) => {
    for (const [path, text] of Object.entries(translationFiles(identity))) {
        const target = new URL(`../../${path}`, import.meta.url);

        mkdirSync(dirname(target.pathname), { recursive: true });
        writeFileSync(target, text);
    }
    process.stdout.write(
        'deploy/jitsi-web/libs/school-policy: branding and jitsi-meet translation additions written.\n',
    );
});
