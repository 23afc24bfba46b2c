import { afterEach, describe, expect, it } from 'vitest';
import { FakePlatform } from './platform/fake';
import { dispatchMenu, listenMenu, MENU_ITEMS, onMenu, unanswered } from './menu.svelte';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((s) => s()));

describe('the menu registry', () => {
  it('runs the newest handler of an item, and the earlier one again once that is gone', () => {
    const ran: string[] = [];
    stops.push(onMenu('file.preferences', () => ran.push('top bar')));
    const stopDialog = onMenu('file.preferences', () => ran.push('dialog'));
    expect(dispatchMenu('file.preferences', () => {})).toBe(true);
    stopDialog();
    dispatchMenu('file.preferences', () => {});
    expect(ran).toEqual(['dialog', 'top bar']);
  });

  it('says so in a notice when nothing answers an item, never nothing', () => {
    const notices: string[] = [];
    expect(dispatchMenu('file.import', (t) => notices.push(t))).toBe(false);
    expect(notices).toEqual(['Import is not available in this version yet.']);
    dispatchMenu('edit.undo', (t) => notices.push(t));
    expect(notices[1]).toMatch(/open a capability of an organisation first/);
    dispatchMenu('x'.repeat(500), (t) => notices.push(t));
    expect(notices[2].length).toBeLessThan(160);
  });

  it('answers the shell’s menu event with the same handler', async () => {
    const platform = new FakePlatform();
    const ran: string[] = [];
    stops.push(onMenu('view.map', () => ran.push('map')));
    stops.push(await listenMenu(platform, () => ran.push('notice')));
    platform.emit('menu', 'view.map');
    platform.emit('menu', 'file.open-pack');
    expect(ran).toEqual(['map', 'notice']);
  });

  it('gives every item a label for its notice', () => {
    for (const item of MENU_ITEMS) expect(unanswered(item.id)).not.toMatch(/does not know/);
  });
});
