import React, { useState, type FormEvent } from 'react';

import { generatePassword, validatePassword } from '../..';

import { Modal } from './Modal';
import { usePolicyText } from './LangContext';

/** Props of {@link PasswordNeededDialog}. */
export interface PasswordNeededDialogProps {
    readonly onSubmit: (password: string) => void;
}

/**
 * Asks a moderator without a prepared password for one (R6). It cannot be dismissed: the room
 * stays open to anyone until it has a password.
 */
export function PasswordNeededDialog({ onSubmit }: PasswordNeededDialogProps) {
    const { t, core } = usePolicyText();
    const passwordState = useState(() => generatePassword());
    const password = passwordState[0];
    const setPassword = passwordState[1];
    const check = validatePassword(password);

    function submit(event: FormEvent) {
        event.preventDefault();
        if (check.ok) {
            onSubmit(password);
        }
    }

    return (
        <Modal labelledBy="sp-password-title" describedBy="sp-password-explain">
            <form onSubmit={submit} noValidate>
                <h2 id="sp-password-title">{t('password.title')}</h2>
                <p id="sp-password-explain">{t('password.explain')}</p>
                <label htmlFor="sp-password-input">{t('password.label')}</label>
                <input
                    id="sp-password-input"
                    type="text"
                    autoComplete="off"
                    spellCheck={false}
                    value={password}
                    aria-invalid={!check.ok}
                    aria-describedby={check.ok ? undefined : 'sp-password-error'}
                    onChange={event => setPassword(event.target.value)}
                />
                {!check.ok && (
                    <p id="sp-password-error" className="sp-error" role="alert">
                        {core(check.error, check.params)}
                    </p>
                )}
                <div className="sp-actions">
                    <button type="button" onClick={() => setPassword(generatePassword())}>
                        {t('password.generate')}
                    </button>
                    <button type="submit" className="sp-primary">
                        {t('password.set')}
                    </button>
                </div>
            </form>
        </Modal>
    );
}
