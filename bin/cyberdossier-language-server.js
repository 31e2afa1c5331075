#!/usr/bin/env -S node --max-semi-space-size=4
'use strict';
// The standalone language server: `cyberdossier-language-server --stdio`. The smaller young
// generation keeps the server's memory low at no cost in speed (bench/NOTES.md).
if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) process.argv.push('--stdio');
require('../server/out/server.js');
