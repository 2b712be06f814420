import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../../extension/entrypoints/dashboard/App';
import type { Settings } from '../../../../extension/lib/protocol';
import { callsOf, fakeApi, type FakeHandlers } from './support/fake-api';
import { makeCase } from './support/data';

const SETTINGS: Settings = { refreshMinutes: 30, windowStartHour: 6, windowEndHour: 22, notifications: true, serverUrl: 'http://127.0.0.1:8787' };

function setup(extra: FakeHandlers = {}) {
  const downloads: { text: string; filename: string }[] = [];
  const fake = fakeApi({ listCases: () => [], getSettings: () => SETTINGS, saveSettings: (s) => s, ...extra });
  render(<App api={fake.api} download={(text, filename) => downloads.push({ text, filename })} />);
  return { ...fake, downloads };
}

function chooseFile(text: string) {
  const input = screen.getByLabelText('Import folder') as HTMLInputElement;
  const file = new File([text], 'folder.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

beforeEach(() => {
  location.hash = '';
});
afterEach(cleanup);

describe('dashboard settings', () => {
  it('loads the settings and saves valid ones', async () => {
    const { calls } = setup();
    const minutes = (await screen.findByRole('spinbutton', { name: 'Check tracked cases every (minutes)' })) as HTMLInputElement;
    expect(minutes.value).toBe('30');
    fireEvent.input(minutes, { target: { value: '60' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Browser notifications for new docket entries' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');
    expect(callsOf(calls, 'saveSettings')).toEqual([{ refreshMinutes: 60, windowStartHour: 6, windowEndHour: 22, notifications: false, serverUrl: 'http://127.0.0.1:8787' }]);
  });

  it('refuses an interval under 15 minutes and a window that ends before it starts', async () => {
    const { calls } = setup();
    const minutes = await screen.findByRole('spinbutton', { name: 'Check tracked cases every (minutes)' });
    fireEvent.input(minutes, { target: { value: '5' } });
    fireEvent.input(screen.getByRole('spinbutton', { name: 'Check from hour (Central time)' }), { target: { value: '20' } });
    fireEvent.input(screen.getByRole('spinbutton', { name: 'Until hour (Central time)' }), { target: { value: '8' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Enter whole minutes from 15 to 1440 (24 hours).')).toBeTruthy();
    expect(screen.getByText('The window must end after it starts.')).toBeTruthy();
    expect(minutes.getAttribute('aria-invalid')).toBe('true');
    expect(callsOf(calls, 'saveSettings')).toEqual([]);

    fireEvent.input(minutes, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByText('Enter whole minutes from 15 to 1440 (24 hours).')).toBeTruthy();
    expect(callsOf(calls, 'saveSettings')).toEqual([]);
  });

  it('saves the sync server address without a trailing slash and refuses one that is not http(s)', async () => {
    const { calls } = setup();
    const server = (await screen.findByRole('textbox', { name: 'Sync server' })) as HTMLInputElement;
    expect(server.value).toBe('http://127.0.0.1:8787');
    fireEvent.input(server, { target: { value: 'ftp://sync.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/Enter the address of the sync server, starting with http:\/\/ or https:\/\//)).toBeTruthy();
    expect(server.getAttribute('aria-invalid')).toBe('true');
    expect(callsOf(calls, 'saveSettings')).toEqual([]);

    fireEvent.input(server, { target: { value: ' https://sync.example.org/ ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');
    expect(callsOf(calls, 'saveSettings')[0]?.serverUrl).toBe('https://sync.example.org');
  });

  it('shows the background refusing the settings', async () => {
    setup({
      saveSettings: () => {
        throw new Error('Invalid saveSettings request: refreshMinutes: too small.');
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Save settings' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Invalid saveSettings request');
  });
});

describe('dashboard export and import', () => {
  it('exports the folder as a download', async () => {
    const { downloads } = setup({ exportFolder: () => ({ json: '{"cases":[]}', filename: 'docket-watch-2025-05-20.json' }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Export folder' }));
    await screen.findByText('Exported to docket-watch-2025-05-20.json.');
    expect(downloads).toEqual([{ text: '{"cases":[]}', filename: 'docket-watch-2025-05-20.json' }]);
  });

  it('imports a folder file, says how many cases, and reloads the folder', async () => {
    let folder: ReturnType<typeof makeCase>[] = [];
    const { calls } = setup({
      listCases: () => folder,
      importFolder: () => {
        folder = [makeCase(), makeCase({ caseNumber: '14BA-CV01093' })];
        return { imported: 2, updated: 0 };
      },
    });
    await screen.findByText('Your folder is empty.');
    chooseFile('{"version":1,"cases":[]}');
    await screen.findByText('Imported 2 cases.');
    expect(callsOf(calls, 'importFolder')).toEqual([{ json: '{"version":1,"cases":[]}' }]);
    await screen.findByRole('table');
  });

  it('shows why a bad file was refused', async () => {
    const { calls } = setup({
      importFolder: () => {
        throw new Error('This file is not a Docket Watch folder export.');
      },
    });
    await screen.findByText('Your folder is empty.');
    chooseFile('not json');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Import failed: This file is not a Docket Watch folder export. Your folder was not changed.');
    await waitFor(() => expect(callsOf(calls, 'listCases')).toHaveLength(1));
  });
});
