#!/usr/bin/env node
// Runs one corpus (test/corpus/<rule set>/, through its verify.mjs) against a cyberdossier CLI and
// compares its JSON output with each case's expected.json.
//
//   node verify.mjs <path/to/cli.js> [case-name-substring ...]
//
// For every case folder holding an expected.json, runs
//   node <cli.js> check <expected.check...> --format json
// inside that folder, then:
//   - every expected entry (file, code, requirement, line — plus severity and the optional `data`
//     subset) must be matched by one reported diagnostic (each reported diagnostic matches at most
//     one expected entry);
//   - any reported error or warning that no expected entry matches is a failure (unexpected info
//     and hint diagnostics are only listed as notes);
//   - the exit status must be 1 when an error-severity diagnostic is reported, else 0; 2 is a failure.
// Prints PASS/FAIL per case and a summary; exits 1 if any case failed, 2 on bad usage.
//
// expected.json entries may carry three optional fields besides file/code/requirement/line/severity:
//   requirementAlternatives: [...]  other acceptable values of `requirement` where the spec does not
//                                   fix it (see the case's notes)
//   lineAlternatives: [...]         other acceptable 0-based lines where the spec does not fix the
//                                   position (e.g. "absent from a section": the frontmatter value or
//                                   the section heading); the file must still match
//   data: { ... }                   keys that must be present in the diagnostic's data
//                                   (capability, item: compared exactly; foundAt: a line number,
//                                   matched against a number or an object carrying a line)

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// The corpus folder: the folder of the verify.mjs that was run.
const here = dirname(resolve(process.argv[1]));
const [cliArg, ...filters] = process.argv.slice(2);
if (!cliArg) {
  console.error('usage: node verify.mjs <path/to/cli.js> [case-name-substring ...]');
  process.exit(2);
}
const cli = resolve(cliArg);
if (!existsSync(cli)) {
  console.error(`verify: CLI not found: ${cli}`);
  process.exit(2);
}

const cases = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'expected.json')))
  .map((d) => d.name)
  .sort()
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)));

if (cases.length === 0) {
  console.error('verify: no case matched');
  process.exit(2);
}

const normPath = (p) => String(p ?? '').replace(/\\/g, '/').replace(/^(\.\/)+/, '');

function lineOf(v) {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  if (Array.isArray(v)) return lineOf(v[0]);
  if (v && typeof v === 'object') {
    if (typeof v.line === 'number') return v.line;
    if (v.start && typeof v.start.line === 'number') return v.start.line;
    if (v.range) return lineOf(v.range);
  }
  return undefined;
}

function dataMatches(expected, got) {
  if (!expected) return true;
  const data = got && typeof got === 'object' ? got : {};
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'foundAt') {
      if (lineOf(data.foundAt) !== value) return false;
    } else if (JSON.stringify(data[key]) !== JSON.stringify(value)) {
      return false;
    }
  }
  return true;
}

function lineMatches(expected, got) {
  if (got === expected.line) return true;
  return Array.isArray(expected.lineAlternatives) && expected.lineAlternatives.includes(got);
}

function requirementMatches(expected, got) {
  const value = got === undefined ? null : got;
  if (value === expected.requirement) return true;
  return Array.isArray(expected.requirementAlternatives) && expected.requirementAlternatives.includes(value);
}

const fmt = (d) =>
  `${d.file}:${d.line}${Array.isArray(d.lineAlternatives) ? `|${d.lineAlternatives.join('|')}` : ''}` +
  ` ${d.severity ?? '?'} ${d.code} ${d.requirement ?? 'null'}` +
  (d.data && Object.keys(d.data).length ? ` ${JSON.stringify(d.data)}` : '');

let failed = 0;
for (const name of cases) {
  const dir = join(here, name);
  const problems = [];
  const notes = [];
  let spec;
  try {
    spec = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  } catch (err) {
    problems.push(`expected.json unreadable: ${err.message}`);
  }

  let reported = [];
  if (spec) {
    const run = spawnSync(process.execPath, [cli, 'check', ...spec.check, '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    });
    if (run.error) problems.push(`could not run the CLI: ${run.error.message}`);
    if (run.status === 2) problems.push(`exit status 2: ${(run.stderr || '').trim().split('\n').slice(0, 5).join(' | ')}`);
    let out;
    try {
      out = JSON.parse(run.stdout);
    } catch (err) {
      problems.push(`stdout is not JSON (${err.message}): ${String(run.stdout).slice(0, 200)}`);
    }
    if (out && !Array.isArray(out.files)) problems.push('JSON output has no files[] array');
    if (out && Array.isArray(out.files)) {
      for (const file of out.files) {
        for (const d of file.diagnostics ?? []) {
          reported.push({
            file: normPath(file.path),
            code: d.code,
            requirement: d.requirement === undefined ? null : d.requirement,
            line: d.range?.start?.line,
            severity: d.severity,
            data: d.data,
            message: d.message,
          });
        }
      }
      const hasError = reported.some((d) => d.severity === 'error');
      if (run.status !== 2 && run.status !== (hasError ? 1 : 0)) {
        problems.push(`exit status ${run.status}, expected ${hasError ? 1 : 0} (${hasError ? 'an error was' : 'no error was'} reported)`);
      }
    }

    const used = new Set();
    for (const e of spec.expected) {
      const want = { ...e, file: normPath(e.file) };
      const index = reported.findIndex(
        (d, i) =>
          !used.has(i) &&
          d.file === want.file &&
          d.code === want.code &&
          lineMatches(want, d.line) &&
          requirementMatches(want, d.requirement) &&
          dataMatches(want.data, d.data),
      );
      if (index < 0) {
        problems.push(`missing    ${fmt(want)}`);
        continue;
      }
      used.add(index);
      if (want.severity && reported[index].severity !== want.severity) {
        problems.push(`severity   ${fmt(want)} reported as ${reported[index].severity}`);
      }
    }
    reported.forEach((d, i) => {
      if (used.has(i)) return;
      const line = `unexpected ${fmt(d)}  — ${String(d.message ?? '').slice(0, 120)}`;
      if (d.severity === 'error' || d.severity === 'warning') problems.push(line);
      else notes.push(line);
    });
  }

  if (problems.length) {
    failed++;
    console.log(`FAIL ${name}`);
    for (const p of problems) console.log(`       ${p}`);
  } else {
    console.log(`PASS ${name}`);
  }
  for (const n of notes) console.log(`       (note) ${n}`);
}

console.log(`\n${cases.length - failed}/${cases.length} cases passed`);
process.exit(failed ? 1 : 0);
