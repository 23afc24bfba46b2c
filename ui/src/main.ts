import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { tauriPlatform } from './lib/platform/tauri';

const target = document.getElementById('app');
if (!target) throw new Error('the page has no #app element');
mount(App, { target, props: { platform: tauriPlatform } });
