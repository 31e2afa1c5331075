// Restricted Mode (the workspace is not trusted): the rc keys that name files or load patterns
// (config.ts RESTRICTED_KEYS) wait for trust. Each one present gets an info-level config-invalid
// on its key, and the findings about its value are dropped (it is not applied, so not checked).

import type { Finding } from '../codes';
import { RESTRICTED_KEYS, type ConfigInput } from '../config';
import type { Range } from '../text';

/** A loaded rc file as Restricted Mode applies it. */
export function restrictedRc(loaded: { input: ConfigInput; findings: Finding[]; keys: Map<string, Range> }): { input: ConfigInput; findings: Finding[] } {
  const ignored = RESTRICTED_KEYS.filter((k) => loaded.keys.has(k));
  if (!ignored.length) return { input: loaded.input, findings: loaded.findings };
  const input = { ...loaded.input };
  for (const k of RESTRICTED_KEYS) delete input[k];
  delete input.sbomAt;
  delete input.referenceDocxAt;
  delete input.vulnerabilitiesAt;
  const findings = [
    ...loaded.findings.filter((f) => !ignored.some((k) => f.data.key === k || String(f.data.key ?? '').startsWith(`${k}.`))),
    ...ignored.map(
      (k): Finding => ({
        code: 'config-invalid',
        severity: 'info',
        range: loaded.keys.get(k)!,
        message: {
          zh: `受限模式：在信任此文件夹之前不使用 ${k}（它会读取文件或运行用户提供的模式）；标题与内容检查照常进行`,
          en: `Restricted Mode: ${k} is not used until you trust this folder (it reads files or runs patterns the folder supplies); heading and content checks still run`,
        },
        data: { key: k, restricted: true },
      }),
    ),
  ];
  return { input, findings };
}
