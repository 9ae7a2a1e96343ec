'use strict';
// A trivial event function on @midwayjs/serverless-scf-starter, exactly as its README wraps one for SCF's Node.js
// runtime: init starts the midway runtime, handler echoes the event.
const { asyncWrapper, start } = require('@midwayjs/serverless-scf-starter');

let runtime;
exports.init = asyncWrapper(async () => {
  runtime = await start();
});

exports.handler = asyncWrapper(async (...args) => {
  return runtime.asyncEvent(async (ctx, event) => event)(...args);
});
