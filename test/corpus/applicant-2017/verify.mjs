#!/usr/bin/env node
// The applicant-layout corpus for nmpa-2017: every case folder here, checked by the shared harness.
//   node verify.mjs <path/to/cli.js> [case-name-substring ...]
import '../verify-corpus.mjs';
