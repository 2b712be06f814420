import { render } from 'preact';
import { send } from '../../lib/send';
import '../../lib/ui/ui.css';
import './popup.css';
import { App, summaryRequest } from './App';

// The summary is asked for first, so the background works on it while Preact draws "Loading…".
const root = document.getElementById('app');
if (root) render(<App api={send} firstSummary={send('getSummary', summaryRequest())} />, root);
