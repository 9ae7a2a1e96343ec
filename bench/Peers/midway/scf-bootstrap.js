'use strict';
// A minimal Node.js custom runtime for Tencent SCF event functions, from the documented protocol
// (https://cloud.tencent.com/document/product/583/47274): initialise the function, POST /runtime/init/ready, then
// GET /runtime/invocation/next and POST /runtime/invocation/response (or /error) in a loop, on SCF_RUNTIME_API:
// SCF_RUNTIME_API_PORT. It calls the midway-wrapped handler the way SCF's own Node.js runtime does (init, then
// handler(event, context)); the starter itself targets that built-in runtime, which is not available outside SCF.
const http = require('http');
const fn = require('./scf-handler');

const host = process.env.SCF_RUNTIME_API;
const port = Number(process.env.SCF_RUNTIME_API_PORT);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function call(method, path, body) {
  return new Promise((resolve, reject) => {
    const headers = body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const req = http.request({ host, port, method, path, agent, headers }, res => {
      const chunks = [];
      res.on('data', chunk => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main() {
  await fn.init({}, {});
  await call('POST', '/runtime/init/ready', '');
  for (;;) {
    const next = await call('GET', '/runtime/invocation/next');
    const context = {
      request_id: next.headers['request_id'],
      memory_limit_in_mb: Number(next.headers['memory_limit_in_mb']),
      time_limit_in_ms: Number(next.headers['time_limit_in_ms']),
      function_name: process.env.SCF_FUNCTIONNAME,
    };
    try {
      const result = await fn.handler(JSON.parse(next.body.toString('utf8')), context);
      await call('POST', '/runtime/invocation/response', JSON.stringify(result));
    } catch (err) {
      await call('POST', '/runtime/invocation/error', JSON.stringify({ errorType: err.name, errorMessage: err.message }));
    }
  }
}

process.on('SIGTERM', () => process.exit(0));

main().catch(err => {
  console.error(err);
  process.exit(1);
});
