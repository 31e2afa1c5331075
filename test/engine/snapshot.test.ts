// snapshot.ts: the adapters read a checked dossier through Engine.snapshotOf — the engine's own
// objects (no copy: a large dossier costs nothing more), typed so that writes do not compile.
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Engine, nodeHost, type DossierSnapshot, type FileSnapshot, type StateSnapshot } from '../../server/src/engine';
import { sbomReader } from '../../server/src/sbom';

const ROOT = path.join(__dirname, '..', '..');
const FOLDER = path.join(ROOT, 'examples/nmpa-2017/monitor');

function checked(): { engine: Engine; file: string } {
  const engine = new Engine({ sbom: sbomReader, host: nodeHost });
  const result = engine.check({ folders: [FOLDER] });
  const file = result.reports.find((r) => r.isDossierFile)!.path;
  return { engine, file };
}

describe('Engine.snapshotOf', () => {
  test('the dossier of a checked file, read-only, the same objects the engine keeps', () => {
    const { engine, file } = checked();
    const snap = engine.snapshotOf(file)!;
    const state = engine.stateOf(file)!;
    expect(snap.state).toBe(state.state);
    expect(snap.file).toBe(state.file);
    expect(snap.file?.path).toBe(file);
    expect(snap.file?.isDossier).toBe(true);
    expect(snap.state.files.map((f) => f.path)).toContain(file);
    expect(snap.state.groups.length).toBeGreaterThan(0);
    expect(snap.reports.map((r) => r.path)).toContain(file);
    expect(snap.file?.ruleset.id).toBe('nmpa-2017');
  });

  test('a file the engine has not checked has no snapshot', () => {
    const { engine } = checked();
    expect(engine.snapshotOf(path.join(ROOT, 'README.md'))).toBeUndefined();
  });

  test('writes through a snapshot do not compile (npm run typecheck checks these lines)', () => {
    const { engine, file } = checked();
    const snap: StateSnapshot = engine.snapshotOf(file)!;
    const writes = (s: DossierSnapshot, f: FileSnapshot) => {
      // @ts-expect-error the files of a dossier are read-only
      s.files.push(f);
      // @ts-expect-error so is a property
      s.folder = false;
      // @ts-expect-error and the findings of a file
      f.findings.length = 0;
      // @ts-expect-error and its configuration's maps
      f.config.rules.set('placeholder', 'off');
      // @ts-expect-error and its model, all the way down
      f.model!.headings[0].text = 'changed';
    };
    expect(typeof writes).toBe('function');
    // Reading is unrestricted: the line index and the rule set are the engine's own.
    expect(snap.file!.lines.lineText(0)).toBe('---');
    expect(snap.file!.ruleset.kinds.length).toBeGreaterThan(0);
  });
});
