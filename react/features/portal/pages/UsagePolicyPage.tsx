import React from 'react';
import { RULES } from '../../school-policy';
import { usePortalText } from '../hooks';
import { useSettings } from '../SettingsContext';

/** The rule catalogue as a printable usage policy for schools (R1). */
export function UsagePolicyPage() {
    const { lang, t } = usePortalText();
    const settings = useSettings();

    return (
        <article className="usage-policy">
            <h1>{t('policy.heading')}</h1>
            <p>{t('policy.intro', { centre: settings.centreName })}</p>
            <ol>
                {RULES.map(rule => (
                    <li key={rule.id}>
                        <h2>{rule.title[lang]}</h2>
                        <p>{rule.text[lang]}</p>
                    </li>
                ))}
            </ol>
            <button type="button" className="no-print" onClick={() => window.print()}>
                {t('policy.print')}
            </button>
        </article>
    );
}
