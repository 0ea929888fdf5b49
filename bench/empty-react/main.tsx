import { createRoot } from 'react-dom/client';

// The renderer benchmark's baseline: React and react-dom, one heading, nothing else.
const root = document.getElementById('root');
if (root === null) throw new Error('no #root');
createRoot(root).render(<h1>Hello</h1>);
