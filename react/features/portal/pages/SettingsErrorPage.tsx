import React from 'react';
import { usePortalText } from '../hooks';
import type { SettingsProblem } from '../settings';

/** For the admin: config.js is missing or wrong, and exactly what. Never a blank page. */
export function SettingsErrorPage({ problems }: { readonly problems: readonly SettingsProblem[] }) {
    const { t } = usePortalText();

    return (
        <section role="alert" className="stack">
            <h1>{t('settings.heading')}</h1>
            <p>{t('settings.intro')}</p>
            <ul>
                {problems.map(problem => (
                    <li key={problem}>{t(`settings.${problem}`)}</li>
                ))}
            </ul>
        </section>
    );
}
