import React from 'react';

import { describeLogEvent, type PolicyState } from '../../school-policy';
import { usePortalText } from '../hooks';

/** How many of the latest entries the teacher sees. */
const SHOWN = 20;

/**
 * What the school policy did in this meeting, for the teacher who wants to know (locking, stopped
 * recordings, who was removed, the leave-last gate): the core's log in words, latest last, folded.
 */
export function PolicyLog({ log }: { readonly log: PolicyState['log'] }) {
    const { lang, t } = usePortalText();

    if (log.length === 0) {
        return null;
    }

    return (
        <details className="policy-log">
            <summary>{t('status.log', { count: log.length })}</summary>
            <ol>
                {log.slice(-SHOWN).map(entry => (
                    <li key={entry.seq}>{describeLogEvent(lang, entry.event)}</li>
                ))}
            </ol>
        </details>
    );
}
