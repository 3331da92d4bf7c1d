// Portal entry. A placeholder until the portal lands: it shows the rules from the catalogue, so the
// build already proves that the core bundles for the browser.
import { createRoot } from 'react-dom/client';

import { RULES } from './features/school-policy';

function Placeholder() {
    return (
        <main>
            <h1>Videokonferenz für Schulen</h1>
            <ol>
                {RULES.map(rule => (
                    <li key={rule.id}>{rule.text.de}</li>
                ))}
            </ol>
        </main>
    );
}

const root = document.getElementById('root');

if (root) {
    createRoot(root).render(<Placeholder />);
}
