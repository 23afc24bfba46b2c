import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import Presenter from './Presenter.svelte';
import { tauriPlatform } from './lib/platform/tauri';
import { initTheme } from './lib/theme';

const target = document.getElementById('app');
if (!target) throw new Error('the page has no #app element');
// Before the first paint, so a stored dark or light choice never flashes the other theme.
initTheme();
// The presenter's window loads the same page with `?window=presenter`.
if (new URLSearchParams(location.search).get('window') === 'presenter') {
  mount(Presenter, { target, props: { platform: tauriPlatform } });
} else {
  mount(App, { target, props: { platform: tauriPlatform } });
}
