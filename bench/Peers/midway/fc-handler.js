'use strict';
// A trivial event function on @midwayjs/serverless-fc-starter, wrapped as for FC's Node.js runtime (initializer +
// handler); the handler echoes the event (FC hands it over as a Buffer, which the starter parses as JSON).
const { asyncWrapper, start } = require('@midwayjs/serverless-fc-starter');

let runtime;
exports.initializer = asyncWrapper(async () => {
  runtime = await start();
});

exports.handler = asyncWrapper(async (...args) => {
  return runtime.asyncEvent(async (ctx, event) => event)(...args);
});
