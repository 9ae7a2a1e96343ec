'use strict';
// A minimal Node.js custom runtime for Alibaba FC event functions, from the documented protocol
// (https://help.aliyun.com/zh/functioncompute/fc-3-0/user-guide/custom-runtime-overview): an HTTP server on
// FC_CUSTOM_LISTEN_PORT (9000 by default) answering POST /invoke with the function's result and x-fc-status: 200 (and
// POST /initialize). It calls the midway-wrapped handler the way FC's own Node.js runtime does (initializer, then
// handler(event Buffer, context)); the starter itself targets that built-in runtime, which is not available outside FC.
const http = require('http');
const fn = require('./fc-handler');

const port = Number(process.env.FC_CUSTOM_LISTEN_PORT || 9000);
const address = process.env.FAAS_BIND_ADDRESS || '0.0.0.0';

function answer(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-fc-status': String(status) });
  res.end(body);
}

async function main() {
  await fn.initializer({}, {});
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/initialize') {
        answer(res, 200, '');
        return;
      }
      if (req.method !== 'POST' || req.url !== '/invoke') {
        answer(res, 404, '');
        return;
      }
      const context = { requestId: req.headers['x-fc-request-id'], function: { name: process.env.FC_FUNCTION_NAME } };
      fn.handler(Buffer.concat(chunks), context).then(
        result => answer(res, 200, typeof result === 'string' ? result : JSON.stringify(result)),
        err => answer(res, 404, JSON.stringify({ errorType: err.name, errorMessage: err.message })));
    });
  });
  server.keepAliveTimeout = 0;
  server.listen(port, address);
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
