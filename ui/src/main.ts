import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { tauriPlatform } from './lib/platform/tauri';
import { initTheme } from './lib/theme';

const target = document.getElementById('app');
if (!target) throw new Error('the page has no #app element');
// Before the first paint, so a stored dark or light choice never flashes the other theme.
initTheme();
mount(App, { target, props: { platform: tauriPlatform } });
