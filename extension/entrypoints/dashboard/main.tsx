import { render } from 'preact';
import { send } from '../../lib/send';
import '../../lib/ui/ui.css';
import './dashboard.css';
import { App } from './App';

const root = document.getElementById('app');
if (root) render(<App api={send} />, root);
