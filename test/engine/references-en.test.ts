// The English reference forms of requirements-fda-premarket-2025.md §3.1 (requirements.md §3a's
// third form): what `referenceIn` finds in a sentence, and what it does not take for a reference.

import { describe, expect, test } from 'vitest';
import { referenceIn } from '../../server/src/engine/rulesets/common';

describe('English references (§3.1)', () => {
  test.each([
    ['Global System View: see Threat Model, Section 2.3.', 'Threat Model, Section 2.3'],
    ['The views are given, see Section 4 of the threat model.', 'Section 4'],
    ['See the Security Architecture Report, section 3.1.2, for the paths.', 'Security Architecture Report, section 3.1.2'],
    ['Refer to the Threat Model for the diagram.', 'Threat Model'],
    ['The diagram is in document TM-001.', 'in document TM-001'],
    ['Security use case views: see Attachment 6, Doc. No. TM-006.', 'Attachment 6'],
    ['Doc. No. TM-006 holds the use case views.', 'Doc. No. TM-006'],
    ['The SBOM is the file ip600-sbom.cdx.json beside this report.', 'ip600-sbom.cdx.json'],
    ['The report is provided as Attachment 11.', 'Attachment 11'],
    ['详见《威胁模型》第 2 节。', '《威胁模型》'],
  ])('%s → %s', (text, ref) => {
    expect(referenceIn(text)).toBe(ref);
  });
  test.each([
    'The pump reaches the Fleet Server over Wi-Fi.',
    'Operators refer to the alarm log when a pump stops.',
    'See below for the diagram.',
    'Section 2.3 describes the threats.',
    'The firmware uses Node.js-free tooling and a version 3.2 file system.',
  ])('no reference: %s', (text) => {
    expect(referenceIn(text)).toBeUndefined();
  });
});
