import React, { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE =
    'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** Props of {@link Modal}. */
export interface ModalProps {
    /** The id of the element that names the dialog. */
    readonly labelledBy: string;
    readonly describedBy?: string;
    /** Escape closes the dialog only where closing is allowed. */
    readonly onEscape?: () => void;
    readonly children: ReactNode;
}

/**
 * An accessible modal dialog (WCAG 2.1): focus moves into it, Tab stays inside, Escape closes it
 * where allowed, and focus returns to where it was when it closes.
 */
export function Modal({ labelledBy, describedBy, onEscape, children }: ModalProps) {
    const ref = useRef<HTMLDivElement>(null);

    useEffect(() => {
        const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;

        ref.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();

        return () => before?.focus();
    }, []);

    function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
        if (event.key === 'Escape' && onEscape) {
            event.preventDefault();
            onEscape();

            return;
        }
        if (event.key !== 'Tab' || !ref.current) {
            return;
        }
        // Array.from, not a spread: jitsi-meet compiles without the DOM.Iterable library.
        const focusable = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE));
        const first = focusable[0];
        const last = focusable.at(-1);

        if (!first || !last) {
            return;
        }
        if (event.shiftKey && document.activeElement === first) {
            event.preventDefault();
            last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
            event.preventDefault();
            first.focus();
        }
    }

    return (
        <div className="sp-backdrop">
            <div
                ref={ref}
                role="dialog"
                aria-modal="true"
                aria-labelledby={labelledBy}
                aria-describedby={describedBy}
                className="sp-dialog"
                onKeyDown={onKeyDown}
            >
                {children}
            </div>
        </div>
    );
}
