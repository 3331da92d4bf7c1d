import React, { useState } from 'react';

import { usePolicyText } from './LangContext';

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
    readonly text: string;
    readonly label: string;
}

/** Copies a text to the clipboard and says whether it worked. */
export function CopyButton({ text, label }: CopyButtonProps) {
    const { t } = usePolicyText();
    const resultState = useState<'idle' | 'copied' | 'failed'>('idle');
    const result = resultState[0];
    const setResult = resultState[1];

    async function copy() {
        try {
            await navigator.clipboard.writeText(text);
            setResult('copied');
        } catch {
            setResult('failed');
        }
    }

    return (
        <span className="sp-copy">
            <button type="button" onClick={() => void copy()}>
                {label}
            </button>
            <span role="status" aria-live="polite">
                {result === 'copied' ? t('invitation.copied') : result === 'failed' ? t('invitation.copyFailed') : ''}
            </span>
        </span>
    );
}
