// The project's lint configuration, plus: the zone probes of lintZones.test.ts are not on disk,
// so they are linted without type information (the zone rules do not need it).
import tseslint from 'typescript-eslint';

import base from '../../eslint.config.mjs';

export default [
    ...base,
    {
        files: ['**/*Probe.ts', '**/*Probe.tsx'],
        ...tseslint.configs.disableTypeChecked,
        languageOptions: { parserOptions: { projectService: false, project: null } },
    },
];
