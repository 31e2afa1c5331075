// A hostile dossier repository, made for real in a temp folder (issue 14): one case folder per
// attack, each with its own .cyberdossierrc.yaml and a copy of the clean example dossier, plus
// the special files the attacks name — FIFOs, a symbolic link to /dev/zero, a link out of the
// repository, sparse files over the size caps — and a secret outside the repository whose bytes
// must never reach any output.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { zipClaimingEntries, zipOf } from '../vulns/fixtures';

export const ROOT = path.join(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'bin', 'cyberdossier.js');
/** What the secret outside the repository holds (not JSON: a parser's message would quote it). */
export const SECRET = 'root:x:0:0:cyberdossier-secret-7f3a91:/root:/bin/bash\n';
/** The first line of /etc/passwd on this machine (the example target). */
export const PASSWD_HEAD = (() => {
  try {
    return fs.readFileSync('/etc/passwd', 'utf8').split('\n')[0];
  } catch {
    return 'root:x:0:0';
  }
})();

export interface HostileCase {
  name: string;
  rc: string;
  /** 0-based line of the key's value in the rc file that must carry config-invalid; undefined: none expected. */
  line?: number;
  /** What the finding's data.problem (or message) says. */
  problem?: string;
}

/** The attacks of the table, and their neighbours. */
export const CASES: HostileCase[] = [
  { name: 'catastrophic-ids', rc: "ids:\n  test: ['(a+)+$']\n" },
  { name: 'sbom-etc-passwd', rc: 'sbom: /etc/passwd\n', line: 0, problem: 'outside' },
  { name: 'sbom-dotdot-passwd', rc: 'sbom: ../../../../../../../../etc/passwd\n', line: 0, problem: 'outside' },
  { name: 'sbom-fifo', rc: 'sbom: ../special/fifo.json\n', line: 0, problem: 'not-a-file' },
  { name: 'sbom-dev-zero', rc: 'sbom: ../special/zero.json\n', line: 0, problem: 'outside' },
  { name: 'sbom-link-out', rc: 'sbom: ../special/secret-link.json\n', line: 0, problem: 'outside' },
  { name: 'sbom-secret-outside', rc: 'sbom: ../../outside/secret.json\n', line: 0, problem: 'outside' },
  { name: 'sbom-huge', rc: 'sbom: ../special/huge.json\n', line: 0, problem: 'too-large' },
  { name: 'sbom-folder', rc: 'sbom: ../special\n', line: 0, problem: 'not-a-file' },
  { name: 'docx-fifo', rc: 'export:\n  referenceDocx: ../special/fifo.docx\n', line: 1, problem: 'not-a-file' },
  { name: 'docx-huge', rc: 'export:\n  referenceDocx: ../special/huge.docx\n', line: 1, problem: 'too-large' },
  { name: 'docx-passwd-link', rc: 'export:\n  referenceDocx: ../special/passwd-link.docx\n', line: 1, problem: 'outside' },
  { name: 'fifo-markdown', rc: 'locale: en\n' },
  { name: 'catastrophic-globs', rc: "dossierGlobs: ['*a*a*a*a*a*a*a*a*a*a*a*a*b', '+(+(a)).md', '**/{a,b}{c,d}{e,f}{g,h}*.md']\n" },
  { name: 'catastrophic-gitignore', rc: 'locale: en\n' },
  // Issue 17: the vulnerability data (`vulnerabilities:`, each entry a file or a folder).
  { name: 'vulns-dotdot-passwd', rc: 'vulnerabilities:\n  - ../../../../../../../../etc/passwd\n', line: 1, problem: 'outside' },
  { name: 'vulns-absolute-passwd', rc: 'vulnerabilities:\n  - /etc/passwd\n', line: 1, problem: 'outside' },
  { name: 'vulns-secret-outside', rc: 'vulnerabilities:\n  - ../../outside/secret.json\n', line: 1, problem: 'outside' },
  { name: 'vulns-link-out', rc: 'vulnerabilities:\n  - ../special/secret-link.json\n', line: 1, problem: 'outside' },
  { name: 'vulns-folder-link-out', rc: 'vulnerabilities:\n  - ../special/outside-link\n', line: 1, problem: 'outside' },
  { name: 'vulns-fifo', rc: 'vulnerabilities:\n  - ../special/fifo.json\n', line: 1, problem: 'not-a-file' },
  { name: 'vulns-dev-zero', rc: 'vulnerabilities:\n  - ../special/zero.json\n', line: 1, problem: 'outside' },
  { name: 'vulns-huge', rc: 'vulnerabilities:\n  - ../special/huge-feed.json\n', line: 1, problem: 'too-large' },
  { name: 'vulns-deep', rc: 'vulnerabilities:\n  - ../special/deep.json\n', line: 1, problem: 'invalid' },
  { name: 'vulns-malformed', rc: 'vulnerabilities:\n  - ../special/malformed.json\n', line: 1, problem: 'invalid' },
  { name: 'vulns-zip-bomb', rc: 'vulnerabilities:\n  - ../special/bomb.zip\n', line: 1, problem: 'invalid' },
  { name: 'vulns-zip-entries', rc: 'vulnerabilities:\n  - ../special/entries.zip\n', line: 1, problem: 'invalid' },
];

export interface HostileRepo {
  tmp: string;
  repo: string;
  outside: string;
  caseDir(name: string): string;
  cleanup(): void;
}

export function makeHostileRepo(): HostileRepo {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-hostile-')));
  const repo = path.join(tmp, 'repo');
  const outside = path.join(tmp, 'outside');
  const special = path.join(repo, 'special');
  fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
  fs.mkdirSync(outside);
  fs.mkdirSync(special);
  fs.writeFileSync(path.join(outside, 'secret.json'), SECRET);
  const mkfifo = (p: string) => {
    const r = spawnSync('mkfifo', [p]);
    if (r.status !== 0) throw new Error(`mkfifo ${p} failed: ${r.stderr}`);
  };
  mkfifo(path.join(special, 'fifo.json'));
  mkfifo(path.join(special, 'fifo.docx'));
  fs.symlinkSync('/dev/zero', path.join(special, 'zero.json'));
  fs.symlinkSync(path.join(outside, 'secret.json'), path.join(special, 'secret-link.json'));
  fs.symlinkSync('/etc/passwd', path.join(special, 'passwd-link.docx'));
  // Sparse: over the caps (SBOM 50 MB, reference docx 20 MB) without the disk space.
  fs.writeFileSync(path.join(special, 'huge.json'), '');
  fs.truncateSync(path.join(special, 'huge.json'), 60 * 1024 * 1024);
  fs.writeFileSync(path.join(special, 'huge.docx'), '');
  fs.truncateSync(path.join(special, 'huge.docx'), 30 * 1024 * 1024);
  // Vulnerability data: sparse over the 8 GB cap, nested 200 000 deep, malformed around the
  // secret's marker, a zip bomb (40 MB of zeros, a header that says 100 bytes), a ZIP64
  // directory claiming more entries than the cap, a folder link out of the repository.
  fs.writeFileSync(path.join(special, 'huge-feed.json'), '');
  fs.truncateSync(path.join(special, 'huge-feed.json'), 9 * 1024 * 1024 * 1024);
  fs.writeFileSync(path.join(special, 'deep.json'), `{"id":"GHSA-deep","affected":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
  fs.writeFileSync(path.join(special, 'malformed.json'), '{\n  "id": "GHSA-xxxx",\n  "affected": [ cyberdossier-secret-7f3a91 ]\n}\n');
  const bomb = zipOf({ 'bomb.json': Buffer.alloc(40 * 1024 * 1024) });
  bomb.writeUInt32LE(100, bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
  fs.writeFileSync(path.join(special, 'bomb.zip'), bomb);
  fs.writeFileSync(path.join(special, 'entries.zip'), zipClaimingEntries({ 'a.json': '{"id":"GHSA-a","affected":[]}' }, 5_000_000));
  fs.symlinkSync(outside, path.join(special, 'outside-link'));
  for (const c of CASES) {
    const dir = path.join(repo, c.name);
    fs.cpSync(path.join(ROOT, 'examples', 'nmpa-2017', 'monitor'), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, '.cyberdossierrc.yaml'), c.rc);
  }
  // The line: 40 `a` then `!`, in a dossier checked with (a+)+$.
  fs.appendFileSync(path.join(repo, 'catastrophic-ids', 'cybersecurity-description.md'), `\n${'a'.repeat(40)}!\n`);
  mkfifo(path.join(repo, 'fifo-markdown', 'zz.md'));
  // Names the hostile globs and .gitignore line would backtrack on.
  for (const n of ['catastrophic-globs', 'catastrophic-gitignore']) fs.writeFileSync(path.join(repo, n, `${'a'.repeat(40)}.md`), '# 说明\n\n正文。\n');
  fs.writeFileSync(path.join(repo, 'catastrophic-gitignore', '.gitignore'), `${'a*'.repeat(14)}b\n`);
  return { tmp, repo, outside, caseDir: (name) => path.join(repo, name), cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

/** Whether any byte sequence of a secret the attacks aimed at shows in the text. */
export function leaks(text: string): string[] {
  const out: string[] = [];
  if (text.includes('cyberdossier-secret-7f3a91')) out.push('the secret outside the repository');
  if (PASSWD_HEAD && text.includes(PASSWD_HEAD)) out.push('/etc/passwd');
  if (/root:x:0:0/.test(text)) out.push('root:x:0:0');
  return out;
}
