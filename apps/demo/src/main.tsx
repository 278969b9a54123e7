import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@aitre/ui/styles.css';
import './demo.css';
import { App } from './App.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const params = new URLSearchParams(window.location.search);
if (params.has('load')) {
  // The load page (e2e): its own chunk, so the demo page does not carry it.
  const { LoadPage } = await import('./LoadPage.js');
  createRoot(root).render(
    <StrictMode>
      <LoadPage
        chats={Number(params.get('chats') ?? 20)}
        tasks={Number(params.get('tasks') ?? 20)}
      />
    </StrictMode>,
  );
} else {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
