// `npm run docs`: writes the enforcement table into README.md and the school edition's additions to
// jitsi-meet's translations (jitsiTranslations.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { withEnforcementTable } from './enforcementTable';
import { translationFiles } from './jitsiTranslations';

const file = new URL('../../README.md', import.meta.url);

writeFileSync(file, withEnforcementTable(readFileSync(file, 'utf8')));
process.stdout.write('README.md: enforcement table written.\n');

for (const [path, text] of Object.entries(translationFiles())) {
    const target = new URL(`../../${path}`, import.meta.url);

    mkdirSync(dirname(target.pathname), { recursive: true });
    writeFileSync(target, text);
}
process.stdout.write('deploy/jitsi-web/libs/school-policy: jitsi-meet translation additions written.\n');
